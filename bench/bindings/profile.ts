// CPU profile of one bench target under unary SendMessage load (on demand, never in tests):
//   cd bench/bindings && node --import tsx profile.ts [agentmesh|sdk|floor] [rest|jsonrpc] [seconds]
// Starts the target in a child process with `--cpu-prof` (profile written to
// bench/results/profiles/), loads it with 16 requests in flight, then lets it exit cleanly
// so that the profile is written. Open the .cpuprofile in Chrome DevTools or speedscope.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { Agent, request } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Target, startTarget } from "./servers.js";

const here = dirname(fileURLToPath(import.meta.url));

if (process.argv[2] === "serve") {
  const url = await startTarget(process.argv[3] as Target);
  process.stdout.write(`${url}\n`);
  // exit cleanly (so --cpu-prof writes its file) when the parent says so
  process.stdin.once("data", () => process.exit(0));
} else {
  const target = (process.argv[2] ?? "agentmesh") as Target;
  const binding = process.argv[3] === "jsonrpc" ? "jsonrpc" : "rest";
  const seconds = Number(process.argv[4] ?? 8);
  const dir = join(here, "..", "results", "profiles");
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    process.execPath,
    [
      "--cpu-prof",
      `--cpu-prof-dir=${dir}`,
      "--import",
      "tsx",
      fileURLToPath(import.meta.url),
      "serve",
      target,
    ],
    { cwd: here, stdio: ["pipe", "pipe", "inherit"] },
  );
  const url = await new Promise<string>((resolve) => {
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      if (out.includes("\n")) resolve(out.split("\n")[0]!.trim());
    });
  });
  const base = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  let seq = 0;
  let done = 0;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const message = { messageId: `m-${++seq}`, role: "ROLE_USER", parts: [{ text: "echo hi" }] };
      const body =
        binding === "jsonrpc"
          ? JSON.stringify({ jsonrpc: "2.0", id: seq, method: "SendMessage", params: { message } })
          : JSON.stringify({ message });
      const r = request(
        {
          agent,
          host: base.hostname,
          port: base.port,
          method: "POST",
          path: binding === "jsonrpc" ? "/a2a/jsonrpc" : "/a2a/rest/message:send",
          headers: {
            "content-type": binding === "jsonrpc" ? "application/json" : "application/a2a+json",
            "a2a-version": "1.0",
            "content-length": Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume();
          res.once("end", () => {
            done++;
            resolve();
          });
        },
      );
      r.once("error", reject);
      r.end(body);
    });
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (performance.now() < until) await one();
    }),
  );
  agent.destroy();
  console.log(`${target} ${binding}: ${(done / seconds).toFixed(0)} req/s; profile in ${dir}`);
  child.stdin.write("exit\n");
  await new Promise((r) => child.once("exit", r));
}
