// bench/bindings: the JSON-RPC and REST bindings of agentmesh against @a2a-js/sdk's server and a
// bare node:http floor, in one run (gRPC has its own area: bench/grpc). Measured:
// - unary SendMessage throughput and p99 latency at concurrency 1, 16 and 64, per binding;
// - events/s of a streamed SendStreamingMessage of 1,000 (and 4,000, to see the cost grow)
//   events, the agent yielding to the event loop between events;
// - time to the first event when the agent publishes 1,000 events at once;
// - RSS per open stream with BENCH_STREAMS (default 10,000) concurrent SubscribeToTask streams.
// Each server runs in its own process pinned to core 1, the load generator on core 0
// (`taskset`, Linux). Run: `npm run bench -- bindings` (BENCH_SECONDS per step, default 3).
import { spawn } from "node:child_process";
import { readFileSync, mkdirSync, writeFileSync } from "node:fs";
import { Agent, type IncomingMessage, request } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Target, startTarget } from "./servers.js";

const here = dirname(fileURLToPath(import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const STREAMS = Number(process.env.BENCH_STREAMS ?? 10_000);
/** Run one part only: "unary", "stream" or "rss" (default: all). */
const ONLY = process.env.BENCH_ONLY;
const part = (name: string) => ONLY === undefined || ONLY === name;
const CONCURRENCY = [1, 16, 64];
const TARGETS: Target[] = ["floor", "sdk", "agentmesh"];
const BINDINGS = ["jsonrpc", "rest"] as const;
type Binding = (typeof BINDINGS)[number];

interface Server {
  url: string;
  pid: number;
  kill(): void;
}

async function spawnServer(target: Target): Promise<Server> {
  const args = [
    process.execPath,
    "--import",
    "tsx",
    fileURLToPath(import.meta.url),
    "serve",
    target,
  ];
  const [cmd, argv] =
    process.platform === "linux" ? ["taskset", ["-c", "1", ...args]] : [args[0]!, args.slice(1)];
  const child = spawn(cmd, argv, { cwd: here, stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      if (out.includes("\n")) resolve(out.split("\n")[0]!.trim());
    });
    child.once("exit", (code) => reject(new Error(`${target} server exited with ${code}`)));
  });
  return { url, pid: child.pid!, kill: () => child.kill("SIGKILL") };
}

function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(m?.[1] ?? 0) * 1024;
}

let seq = 0;
function sendBody(
  binding: Binding,
  text: string,
  method = "SendMessage",
): { path: string; body: string; type: string } {
  const message = { messageId: `m-${++seq}`, role: "ROLE_USER", parts: [{ text }] };
  if (binding === "jsonrpc") {
    return {
      path: "/a2a/jsonrpc",
      type: "application/json",
      body: JSON.stringify({ jsonrpc: "2.0", id: seq, method, params: { message } }),
    };
  }
  return {
    path: method === "SendMessage" ? "/a2a/rest/message:send" : "/a2a/rest/message:stream",
    type: "application/a2a+json",
    body: JSON.stringify({ message }),
  };
}

function call(
  agent: Agent,
  base: URL,
  req: { path: string; body: string; type: string },
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const r = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: "POST",
        path: req.path,
        headers: {
          "content-type": req.type,
          "a2a-version": "1.0",
          "content-length": Buffer.byteLength(req.body),
        },
      },
      resolve,
    );
    r.once("error", reject);
    r.end(req.body);
  });
}

async function drain(res: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of res) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function unary(
  url: string,
  binding: Binding,
  concurrency: number,
): Promise<{ rps: number; p99ms: number }> {
  const base = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  const run = async (until: number, record: boolean) => {
    while (performance.now() < until) {
      const t0 = performance.now();
      const res = await call(agent, base, sendBody(binding, "echo hello"));
      const text = await drain(res);
      if (res.statusCode !== 200 || !text.includes("TASK_STATE_COMPLETED"))
        throw new Error(`bad answer: ${text.slice(0, 200)}`);
      if (record) latencies.push(performance.now() - t0);
    }
  };
  const warm = performance.now() + 500;
  await Promise.all(Array.from({ length: concurrency }, () => run(warm, false)));
  const start = performance.now();
  const end = start + SECONDS * 1000;
  await Promise.all(Array.from({ length: concurrency }, () => run(end, true)));
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / elapsed,
    p99ms: latencies[Math.floor(latencies.length * 0.99)] ?? Number.NaN,
  };
}

/** Streams `text` ("stream N" / "burst N"); returns events, total ms and ms to the first event. */
async function stream(
  url: string,
  binding: Binding,
  text: string,
): Promise<{ events: number; ms: number; firstMs: number }> {
  const agent = new Agent({ keepAlive: false });
  const t0 = performance.now();
  const res = await call(agent, new URL(url), sendBody(binding, text, "SendStreamingMessage"));
  let events = 0;
  let firstMs = Number.NaN;
  let tail = "";
  for await (const c of res) {
    const s = tail + (c as Buffer).toString("utf8");
    const parts = s.split("\n\n");
    tail = parts.pop() ?? "";
    for (const p of parts) {
      if (p.startsWith("data:") || p.includes("\ndata:")) {
        if (events === 0) firstMs = performance.now() - t0;
        events++;
      }
    }
  }
  agent.destroy();
  return { events, ms: performance.now() - t0, firstMs };
}

async function best<T>(n: number, f: () => Promise<T>, key: (t: T) => number): Promise<T> {
  let out: T | undefined;
  for (let i = 0; i < n; i++) {
    const r = await f();
    if (out === undefined || key(r) < key(out)) out = r;
  }
  return out!;
}

/** Opens `count` SubscribeToTask streams (JSON-RPC) on one WORKING task; bytes of server RSS per stream. */
async function rssPerStream(server: Server, target: Target, count: number): Promise<number> {
  const base = new URL(server.url);
  const agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  let taskId = "t";
  if (target !== "floor") {
    const message = { messageId: `m-${++seq}`, role: "ROLE_USER", parts: [{ text: "slow" }] };
    const body = JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "SendMessage",
      params: { message, configuration: { returnImmediately: true } },
    });
    const res = await call(agent, base, { path: "/a2a/jsonrpc", type: "application/json", body });
    taskId = JSON.parse(await drain(res)).result.task.id;
  }
  await new Promise((r) => setTimeout(r, 500));
  const before = rssOf(server.pid);
  const open: IncomingMessage[] = [];
  const batch = 250;
  for (let i = 0; i < count; i += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, count - i) }, async () => {
        const body = JSON.stringify({
          jsonrpc: "2.0",
          id: 1,
          method: "SubscribeToTask",
          params: { id: taskId },
        });
        const res = await call(agent, base, {
          path: "/a2a/jsonrpc",
          type: "application/json",
          body,
        });
        await new Promise<void>((resolve, reject) => {
          res.once("data", () => resolve());
          res.once("error", reject);
        });
        open.push(res);
      }),
    );
  }
  await new Promise((r) => setTimeout(r, 1000));
  const after = rssOf(server.pid);
  for (const r of open) r.destroy();
  agent.destroy();
  return (after - before) / count;
}

async function main(): Promise<void> {
  const results: Record<string, unknown> = { seconds: SECONDS, streams: STREAMS };
  const unaryRows: Record<string, Record<string, { rps: number; p99ms: number }>> = {};
  const streamRows: Record<
    string,
    Record<
      string,
      {
        eventsPerSec1k: number;
        eventsPerSec4k: number;
        usPerEvent1k: number;
        usPerEvent4k: number;
        firstEventMs: number;
      }
    >
  > = {};
  const rssRows: Record<string, number> = {};
  // All three servers stay up and every step runs floor → sdk → agentmesh back to back, so
  // a change in the machine's load hits the three alike (ratios stay meaningful).
  const servers = new Map<Target, Server>();
  for (const target of TARGETS) servers.set(target, await spawnServer(target));
  try {
    for (const binding of BINDINGS) {
      for (const c of part("unary") ? CONCURRENCY : []) {
        for (const target of TARGETS) {
          const r = await unary(servers.get(target)!.url, binding, c);
          const key = `${binding} c=${c}`;
          unaryRows[key] ??= {};
          unaryRows[key][target] = r;
          console.log(
            `${target.padEnd(9)} ${binding.padEnd(7)} c=${String(c).padEnd(2)} ${r.rps.toFixed(0).padStart(6)} req/s  p99 ${r.p99ms.toFixed(2)} ms`,
          );
        }
      }
      for (const target of part("stream") ? TARGETS : []) {
        const url = servers.get(target)!.url;
        const s1 = await best(
          3,
          () => stream(url, binding, "stream 1000"),
          (r) => r.ms,
        );
        const s4 = await best(
          2,
          () => stream(url, binding, "stream 4000"),
          (r) => r.ms,
        );
        const burst = await best(
          3,
          () => stream(url, binding, "burst 1000"),
          (r) => r.firstMs,
        );
        const row = {
          eventsPerSec1k: (s1.events / s1.ms) * 1000,
          eventsPerSec4k: (s4.events / s4.ms) * 1000,
          usPerEvent1k: (s1.ms * 1000) / s1.events,
          usPerEvent4k: (s4.ms * 1000) / s4.events,
          firstEventMs: burst.firstMs,
        };
        streamRows[binding] ??= {};
        streamRows[binding][target] = row;
        console.log(
          `${target.padEnd(9)} ${binding.padEnd(7)} stream ${row.eventsPerSec1k.toFixed(0)} ev/s (1k), ${row.eventsPerSec4k.toFixed(0)} ev/s (4k), first event of a burst ${row.firstEventMs.toFixed(2)} ms`,
        );
      }
    }
  } finally {
    for (const s of servers.values()) s.kill();
  }
  for (const target of part("rss") ? TARGETS : []) {
    // a fresh process for the memory figure
    const fresh = await spawnServer(target);
    try {
      rssRows[target] = await rssPerStream(fresh, target, STREAMS);
      console.log(
        `${target.padEnd(9)} RSS per open stream: ${(rssRows[target]! / 1024).toFixed(1)} KB (${STREAMS} streams)`,
      );
    } catch (err) {
      console.log(`${target.padEnd(9)} RSS per open stream: failed (${(err as Error).message})`);
    } finally {
      fresh.kill();
    }
  }
  console.log("\nratios (agentmesh / floor, agentmesh / sdk):");
  for (const [k, row] of Object.entries(unaryRows)) {
    const a = row.agentmesh!.rps;
    console.log(
      `  unary ${k.padEnd(13)} ${(a / row.floor!.rps).toFixed(2)} of floor, ${(a / row.sdk!.rps).toFixed(1)}x sdk`,
    );
  }
  for (const [b, row] of Object.entries(streamRows)) {
    console.log(
      `  stream ${b.padEnd(7)} ${(row.agentmesh!.eventsPerSec1k / row.sdk!.eventsPerSec1k).toFixed(1)}x sdk events/s; first event ${row.agentmesh!.firstEventMs.toFixed(2)} ms vs sdk ${row.sdk!.firstEventMs.toFixed(2)} ms; cost 4k/1k per event ${(row.agentmesh!.usPerEvent4k / row.agentmesh!.usPerEvent1k).toFixed(2)} (sdk ${(row.sdk!.usPerEvent4k / row.sdk!.usPerEvent1k).toFixed(2)})`,
    );
  }
  console.log(
    `  RSS per stream ${((rssRows.agentmesh ?? 0) / 1024).toFixed(1)} KB vs sdk ${((rssRows.sdk ?? 0) / 1024).toFixed(1)} KB`,
  );
  results.unary = unaryRows;
  results.stream = streamRows;
  results.rssPerStreamBytes = rssRows;
  mkdirSync(join(here, "..", "results"), { recursive: true });
  writeFileSync(
    join(here, "..", "results", "bindings.json"),
    `${JSON.stringify(results, null, 2)}\n`,
  );
}

// entry (at the end: the module's bindings above must be initialised first)
if (process.argv[2] === "serve") {
  process.stdout.write(`${await startTarget(process.argv[3] as Target)}\n`);
} else if (process.platform === "linux" && process.env.BENCH_PINNED !== "1") {
  // re-run the load generator itself pinned to core 0
  const child = spawn(
    "taskset",
    ["-c", "0", process.execPath, ...process.execArgv, fileURLToPath(import.meta.url)],
    {
      stdio: "inherit",
      env: { ...process.env, BENCH_PINNED: "1" },
    },
  );
  child.once("exit", (code) => process.exit(code ?? 1));
} else {
  await main();
}
