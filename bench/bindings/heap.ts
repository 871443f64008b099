// Heap objects per open SubscribeToTask stream (on demand, never in tests):
//   cd bench/bindings && node --import tsx heap.ts [agentmesh|sdk|floor] [streams]
// Starts the target in a child with --heapsnapshot-signal, takes a snapshot before and after
// opening the streams, and prints the constructors whose retained count grew the most, with
// their self size per stream.
import { spawn } from "node:child_process";
import { readFileSync, readdirSync, rmSync, mkdirSync } from "node:fs";
import { Agent, type IncomingMessage, request } from "node:http";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { type Target, startTarget } from "./servers.js";

const here = dirname(fileURLToPath(import.meta.url));

if (process.argv[2] === "serve") {
  process.stdout.write(`${await startTarget(process.argv[3] as Target)}\n`);
} else {
  const target = (process.argv[2] ?? "agentmesh") as Target;
  const count = Number(process.argv[3] ?? 500);
  const dir = join(here, "..", "results", "heap");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    process.execPath,
    [
      "--heapsnapshot-signal=SIGUSR2",
      "--import",
      "tsx",
      fileURLToPath(import.meta.url),
      "serve",
      target,
    ],
    { cwd: dir, stdio: ["ignore", "pipe", "inherit"] },
  );
  const url = await new Promise<string>((resolve) => {
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      if (out.includes("\n")) resolve(out.split("\n")[0]!.trim());
    });
  });
  const base = new URL(url);
  const agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  const post = (body: string) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      const r = request(
        {
          agent,
          host: base.hostname,
          port: base.port,
          method: "POST",
          path: "/a2a/jsonrpc",
          headers: {
            "content-type": "application/json",
            "a2a-version": "1.0",
            "content-length": Buffer.byteLength(body),
          },
        },
        resolve,
      );
      r.once("error", reject);
      r.end(body);
    });
  let taskId = "t";
  if (target !== "floor") {
    const message = { messageId: "m-1", role: "ROLE_USER", parts: [{ text: "slow" }] };
    const res = await post(
      JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "SendMessage",
        params: { message, configuration: { returnImmediately: true } },
      }),
    );
    let t = "";
    for await (const c of res) t += c;
    taskId = JSON.parse(t).result.task.id;
  }
  const snap = async () => {
    const n = readdirSync(dir).filter((f) => f.endsWith(".heapsnapshot")).length;
    child.kill("SIGUSR2");
    for (;;) {
      await new Promise((r) => setTimeout(r, 500));
      const files = readdirSync(dir)
        .filter((f) => f.endsWith(".heapsnapshot"))
        .sort();
      if (files.length > n) {
        await new Promise((r) => setTimeout(r, 2000));
        return join(dir, files[files.length - 1]!);
      }
    }
  };
  // warm up one stream so that lazily created shared state is not counted
  const warm = await post(
    JSON.stringify({ jsonrpc: "2.0", id: 1, method: "SubscribeToTask", params: { id: taskId } }),
  );
  await new Promise((r) => warm.once("data", r));
  const before = await snap();
  const open: IncomingMessage[] = [];
  for (let i = 0; i < count; i++) {
    const res = await post(
      JSON.stringify({ jsonrpc: "2.0", id: 1, method: "SubscribeToTask", params: { id: taskId } }),
    );
    await new Promise((r) => res.once("data", r));
    open.push(res);
  }
  const after = await snap();
  for (const r of open) r.destroy();
  child.kill("SIGKILL");
  const stats = (file: string) => {
    const s = JSON.parse(readFileSync(file, "utf8"));
    const f = s.snapshot.meta.node_fields as string[];
    const types = s.snapshot.meta.node_types[0] as string[];
    const w = f.length;
    const ti = f.indexOf("type");
    const ni = f.indexOf("name");
    const si = f.indexOf("self_size");
    const m = new Map<string, { n: number; size: number }>();
    const nodes = s.nodes as number[];
    for (let i = 0; i < nodes.length; i += w) {
      const key = `${types[nodes[i + ti]!]}:${(s.strings[nodes[i + ni]!] as string).slice(0, 60)}`;
      const e = m.get(key) ?? { n: 0, size: 0 };
      e.n++;
      e.size += nodes[i + si]!;
      m.set(key, e);
    }
    return m;
  };
  const a = stats(before);
  const b = stats(after);
  const rows: [string, number, number][] = [];
  let total = 0;
  for (const [k, v] of b) {
    const o = a.get(k) ?? { n: 0, size: 0 };
    const dsize = (v.size - o.size) / count;
    total += dsize;
    rows.push([k, (v.n - o.n) / count, dsize]);
  }
  rows.sort((x, y) => y[2] - x[2]);
  console.log(`${target}: ${count} streams, JS heap self size per stream ${total.toFixed(0)} B`);
  for (const [k, n, sz] of rows.slice(0, 40))
    console.log(`${sz.toFixed(0).padStart(7)} B ${n.toFixed(2).padStart(6)}× ${k}`);
}
