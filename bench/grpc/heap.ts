// Where the memory of open SubscribeToTask streams goes: starts one target's server
// (`run.ts serve`), leaves BENCH_STREAMS tasks (default 1,000) WORKING, takes a heap snapshot,
// opens one stream on each, takes another, and prints the RSS growth per stream and the
// JS heap growth per stream by constructor (self sizes), largest first.
// Run: cd bench && node --import tsx grpc/heap.ts [agentmesh|sdk]
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createGrpcTransport } from "@agentmesh/a2a-grpc/node";

const here = dirname(fileURLToPath(import.meta.url));
const target = process.argv[2] ?? "agentmesh";
const N = Number(process.env.BENCH_STREAMS ?? 1000);

const child = spawn(
  process.execPath,
  ["--expose-gc", "--import", "tsx", join(here, "run.ts"), "serve", target],
  { cwd: here, stdio: ["pipe", "pipe", "inherit"] },
);
const lines: string[] = [];
const waiting: ((l: string) => void)[] = [];
let buf = "";
child.stdout.on("data", (c: Buffer) => {
  buf += c.toString();
  for (let i = buf.indexOf("\n"); i >= 0; i = buf.indexOf("\n")) {
    const line = buf.slice(0, i).trim();
    buf = buf.slice(i + 1);
    const w = waiting.shift();
    if (w) w(line);
    else lines.push(line);
  }
});
const nextLine = () =>
  new Promise<string>((resolve) => {
    const l = lines.shift();
    if (l !== undefined) resolve(l);
    else waiting.push(resolve);
  });
const ask = async (cmd: string) => {
  child.stdin.write(`${cmd}\n`);
  return (await nextLine()).split(" ")[1] as string;
};

const address = await nextLine();
const t = createGrpcTransport({ url: address });
const ids: string[] = [];
for (let i = 0; i < N; i++) {
  const res = await t.sendMessage({
    message: { messageId: `h${i}`, role: "ROLE_USER", parts: [{ text: "hold" }] },
    configuration: { returnImmediately: true },
  });
  ids.push(res.task?.id as string);
}
const rss0 = Number(await ask("rss"));
const before = join(here, await ask("heap"));
const its = await Promise.all(
  ids.map(async (id) => {
    const it = t.subscribeToTask({ id })[Symbol.asyncIterator]();
    await it.next();
    return it;
  }),
);
const rss1 = Number(await ask("rss"));
const after = join(here, await ask("heap"));
await Promise.all(its.map((it) => it.return?.()));
await t.close?.();
child.kill("SIGKILL");

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}
function bySelf(file: string): Map<string, { size: number; count: number }> {
  const s = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
  const f = s.snapshot.meta.node_fields;
  const width = f.length;
  const iType = f.indexOf("type");
  const iName = f.indexOf("name");
  const iSize = f.indexOf("self_size");
  const types = s.snapshot.meta.node_types[0];
  const out = new Map<string, { size: number; count: number }>();
  for (let i = 0; i < s.nodes.length; i += width) {
    const type = types[s.nodes[i + iType] as number] as string;
    let name = s.strings[s.nodes[i + iName] as number] as string;
    if (type === "string" || type === "concatenated string" || type === "sliced string")
      name = "(string)";
    else if (type === "code") name = "(code)";
    else if (name.length > 60) name = `${name.slice(0, 57)}...`;
    const key = `${type}:${name}`;
    const e = out.get(key) ?? { size: 0, count: 0 };
    e.size += s.nodes[i + iSize] as number;
    e.count++;
    out.set(key, e);
  }
  return out;
}
const a = bySelf(before);
const b = bySelf(after);
rmSync(before);
rmSync(after);
const diff: [string, number, number][] = [];
let total = 0;
for (const [k, v] of b) {
  const o = a.get(k) ?? { size: 0, count: 0 };
  const d = v.size - o.size;
  total += d;
  if (d > 0) diff.push([k, d / N, (v.count - o.count) / N]);
}
diff.sort((x, y) => y[1] - x[1]);
console.log(
  `${target}: ${N} open streams; RSS +${((rss1 - rss0) / N / 1024).toFixed(1)} KB per stream, JS heap +${(total / N / 1024).toFixed(1)} KB per stream`,
);
console.log("bytes/stream  objects/stream  type:constructor");
for (const [k, bytes, count] of diff.slice(0, 40)) {
  console.log(`${bytes.toFixed(0).padStart(12)}  ${count.toFixed(2).padStart(14)}  ${k}`);
}
