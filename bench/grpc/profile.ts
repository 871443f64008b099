// Profiles one target's server process under unary load from the raw HTTP/2 load generator:
// `node --import tsx grpc/profile.ts agentmesh [seconds] [concurrency]` writes a .cpuprofile
// (open it in Chrome DevTools) and prints the heaviest self-time functions.
import { spawn } from "node:child_process";
import { readFileSync, readdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as h2 from "./h2-load.js";

const here = dirname(fileURLToPath(import.meta.url));
const target = process.argv[2] ?? "agentmesh";
const seconds = Number(process.argv[3] ?? 5);
const concurrency = Number(process.argv[4] ?? 16);
const dir = mkdtempSync(join(tmpdir(), "grpc-prof-"));
const child = spawn(
  process.execPath,
  [
    "--cpu-prof",
    `--cpu-prof-dir=${dir}`,
    "--import",
    "tsx",
    join(here, "profile-serve.ts"),
    target,
  ],
  { cwd: here, stdio: ["pipe", "pipe", "inherit"] },
);
const address = await new Promise<string>((resolve) =>
  child.stdout.once("data", (c: Buffer) => resolve(c.toString().trim())),
);
const session = await h2.open(address);
const frames = h2.encodeFrames(4096);
let n = 0;
const end = performance.now() + seconds * 1000;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) await h2.call(session, frames[n++ & 4095] as Buffer);
  }),
);
session.close();
console.log(`${target}: ${Math.round(n / seconds)} req/s while profiling`);
child.stdin.end();
await new Promise((r) => child.once("exit", r));
const file = join(dir, readdirSync(dir)[0] as string);
const prof = JSON.parse(readFileSync(file, "utf8")) as {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
};
const self = new Map<number, number>();
for (const s of prof.samples) self.set(s, (self.get(s) ?? 0) + 1);
const byFn = new Map<string, number>();
for (const node of prof.nodes) {
  const f = node.callFrame;
  const key = `${f.functionName || "(anon)"} ${f.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/\/work\/main\//, "")}:${f.lineNumber}`;
  byFn.set(key, (byFn.get(key) ?? 0) + (self.get(node.id) ?? 0));
}
const total = prof.samples.length;
const byPkg = new Map<string, number>();
for (const node of prof.nodes) {
  const u = node.callFrame.url;
  const pkg =
    u === ""
      ? node.callFrame.functionName || "(native)"
      : (u.match(/node_modules\/(@[^/]+\/[^/]+|[^/.@][^/]*)\//)?.[1] ??
        u.match(/packages\/([^/]+)\//)?.[1] ??
        (u.startsWith("node:") ? "node:" : u));
  byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + (self.get(node.id) ?? 0));
}
console.log(`profile ${file}; ${total} samples`);
for (const [k, v] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 15))
  console.log(`${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
console.log("---");
for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 30))
  console.log(`${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
