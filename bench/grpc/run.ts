// bench/grpc: unary SendMessage throughput and latency over native gRPC (HTTP/2, h2c) against
// our server (@agentmesh/a2a-grpc), @a2a-js/sdk's gRPC server and a bare floor, in one run,
// plus the cost of converting messages (hand-written mapping vs protobuf-es JSON round trip).
// Server and load generator run in separate processes, pinned to separate cores when
// `taskset` exists. Run: `npm run bench -- grpc` (BENCH_SECONDS=n per step, default 3).
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeHeapSnapshot } from "node:v8";
import { pb, taskFromProto, taskToProto } from "@agentmesh/a2a-grpc";
import { createGrpcTransport } from "@agentmesh/a2a-grpc/node";
import {
  TaskSchema,
  type Task,
  fromJson as modelFromJson,
  toJson as modelToJson,
} from "@agentmesh/a2a-types";
import { fromJson, toJson } from "@bufbuild/protobuf";
import * as h2 from "./h2-load.js";
import { type Target, startTarget } from "./servers.js";

const here = dirname(fileURLToPath(import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONCURRENCY = [1, 16, 64];
const TARGETS: Target[] = ["floor", "sdk", "agentmesh"];
const OPEN_STREAMS = Number(process.env.BENCH_STREAMS ?? 1000);
/** BENCH_ONLY=unary|stream|rss runs one part (default: all). */
const ONLY = process.env.BENCH_ONLY;
/** BENCH_LOADGEN=connect uses our Connect client as the load generator (default: raw HTTP/2). */
const LOADGEN = process.env.BENCH_LOADGEN === "connect" ? "connect" : "raw";

if (process.argv[2] === "serve") {
  const address = await startTarget(process.argv[3] as Target);
  process.stdout.write(`${address}\n`);
  // "rss" on stdin → the RSS after a full GC, in bytes
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (line: string) => {
    if (line.includes("heap")) {
      // "heap" → a heap snapshot after a full GC (heap.ts), its file name
      (globalThis as { gc?: () => void }).gc?.();
      process.stdout.write(`heap ${writeHeapSnapshot()}\n`);
      return;
    }
    if (!line.includes("rss")) return;
    (globalThis as { gc?: () => void }).gc?.();
    process.stdout.write(`rss ${process.memoryUsage().rss}\n`);
  });
} else {
  await main();
}

function pinned(core: number, args: string[]): [string, string[]] {
  return process.platform === "linux"
    ? ["taskset", ["-c", String(core), ...args]]
    : [args[0] as string, args.slice(1)];
}

interface Spawned {
  address: string;
  rss(): Promise<number>;
  kill(): void;
}

async function spawnServer(target: Target): Promise<Spawned> {
  const [cmd, args] = pinned(0, [
    process.execPath,
    "--expose-gc",
    "--import",
    "tsx",
    fileURLToPath(import.meta.url),
    "serve",
    target,
  ]);
  const child = spawn(cmd, args, { cwd: here, stdio: ["pipe", "pipe", "inherit"] });
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
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
    new Promise<string>((resolve, reject) => {
      const l = lines.shift();
      if (l !== undefined) return resolve(l);
      waiting.push(resolve);
      child.once("exit", (code) => reject(new Error(`${target} server exited with ${code}`)));
    });
  const address = await nextLine();
  return {
    address,
    async rss() {
      child.stdin.write("rss\n");
      return Number((await nextLine()).split(" ")[1]);
    },
    kill: () => child.kill("SIGKILL"),
  };
}

/** Server RSS per open SubscribeToTask stream: `n` WORKING tasks, then one stream on each. */
async function openStreams(
  server: Spawned,
  n: number,
): Promise<{ streams: number; kbPerStream: number }> {
  const t = createGrpcTransport({ url: server.address });
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await t.sendMessage({
      message: { messageId: `h${i}`, role: "ROLE_USER", parts: [{ text: "hold" }] },
      configuration: { returnImmediately: true },
    });
    ids.push(res.task?.id as string);
  }
  const before = await server.rss();
  const iterators = await Promise.all(
    ids.map(async (id) => {
      const it = t.subscribeToTask({ id })[Symbol.asyncIterator]();
      await it.next();
      return it;
    }),
  );
  const after = await server.rss();
  await Promise.all(iterators.map((it) => it.return?.()));
  await t.close?.();
  return { streams: n, kbPerStream: Number(((after - before) / n / 1024).toFixed(1)) };
}

interface Step {
  target: Target;
  concurrency: number;
  rps: number;
  p50ms: number;
  p99ms: number;
  errors: number;
}

function summary(
  concurrency: number,
  seconds: number,
  latencies: number[],
  errors: number,
): Omit<Step, "target"> {
  latencies.sort((a, b) => a - b);
  const q = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return {
    concurrency,
    rps: Math.round(latencies.length / seconds),
    p50ms: Number(q(0.5).toFixed(2)),
    p99ms: Number(q(0.99).toFixed(2)),
    errors,
  };
}

/**
 * Unary steps with the raw load generator, interleaved: every target's server runs at once,
 * and each concurrency level is measured in ROUNDS slices per target, the order rotating, so
 * that a change in the machine's load (shared machine) hits every target alike.
 */
async function interleavedUnary(servers: Map<Target, Spawned>): Promise<Step[]> {
  const ROUNDS = 6;
  const sessions = new Map<Target, Awaited<ReturnType<typeof h2.open>>>();
  const frames = h2.encodeFrames(4096);
  let n = 0;
  const next = () => frames[n++ & 4095] as Buffer;
  for (const [target, server] of servers) {
    const session = await h2.open(server.address);
    for (let i = 0; i < 500; i++) await h2.call(session, next()); // warm-up
    sessions.set(target, session);
  }
  const steps: Step[] = [];
  const targets = [...servers.keys()];
  for (const c of CONCURRENCY) {
    const acc = new Map<Target, { latencies: number[]; errors: number }>(
      targets.map((t) => [t, { latencies: [], errors: 0 }]),
    );
    for (let r = 0; r < ROUNDS; r++) {
      for (let k = 0; k < targets.length; k++) {
        const target = targets[(r + k) % targets.length] as Target;
        const session = sessions.get(target) as Awaited<ReturnType<typeof h2.open>>;
        const a = acc.get(target) as { latencies: number[]; errors: number };
        const end = performance.now() + (SECONDS * 1000) / ROUNDS;
        await Promise.all(
          Array.from({ length: c }, async () => {
            while (performance.now() < end) {
              const start = performance.now();
              try {
                await h2.call(session, next());
                a.latencies.push(performance.now() - start);
              } catch {
                a.errors++;
              }
            }
          }),
        );
      }
    }
    for (const target of targets) {
      const a = acc.get(target) as { latencies: number[]; errors: number };
      const r = summary(c, SECONDS, a.latencies, a.errors);
      steps.push({ target, ...r });
      console.log(
        `${target.padEnd(9)} c=${String(c).padStart(2)}  ${String(r.rps).padStart(6)} req/s  p50 ${r.p50ms} ms  p99 ${r.p99ms} ms  errors ${r.errors}`,
      );
    }
  }
  for (const session of sessions.values()) session.close();
  return steps;
}

/** BENCH_LOADGEN=connect: our gRPC client transport (Connect), as in the first runs. */
async function connectLoad(
  address: string,
  concurrency: number,
  seconds: number,
): Promise<Omit<Step, "target">> {
  const t = createGrpcTransport({ url: address });
  const latencies: number[] = [];
  let errors = 0;
  const request = {
    message: { messageId: "m-1", role: "ROLE_USER" as const, parts: [{ text: "hello bench" }] },
  };
  // warm-up
  for (let i = 0; i < 200; i++)
    await t.sendMessage({ ...request, message: { ...request.message, messageId: `w${i}` } });
  const end = performance.now() + seconds * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const start = performance.now();
        try {
          await t.sendMessage({
            ...request,
            message: { ...request.message, messageId: `m${n++}` },
          });
          latencies.push(performance.now() - start);
        } catch {
          errors++;
        }
      }
    }),
  );
  await t.close?.();
  return summary(concurrency, seconds, latencies, errors);
}

interface StreamStep {
  target: Target;
  events: number;
  eventsPerSecond: number;
  firstEventMs: number;
}

async function streamLoad(address: string, runs: number): Promise<Omit<StreamStep, "target">> {
  const t = createGrpcTransport({ url: address });
  let best: Omit<StreamStep, "target"> = { events: 0, eventsPerSecond: 0, firstEventMs: 0 };
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    let first = 0;
    let events = 0;
    for await (const _ of t.sendStreamingMessage({
      message: { messageId: `s${r}`, role: "ROLE_USER", parts: [{ text: "stream" }] },
    })) {
      if (events++ === 0) first = performance.now() - start;
    }
    const seconds = (performance.now() - start) / 1000;
    const eps = Math.round(events / seconds);
    if (eps > best.eventsPerSecond) {
      best = { events, eventsPerSecond: eps, firstEventMs: Number(first.toFixed(2)) };
    }
  }
  await t.close?.();
  return best;
}

function convertBench(): Record<string, number> {
  const task: Task = {
    id: "t-1",
    contextId: "c-1",
    status: { state: "TASK_STATE_COMPLETED", timestamp: "2026-01-02T03:04:05.678Z" },
    artifacts: [{ artifactId: "a", parts: [{ text: "hello world" }] }],
    history: [
      {
        messageId: "m",
        role: "ROLE_USER",
        parts: [{ text: "hi" }],
        contextId: "c-1",
        taskId: "t-1",
      },
    ],
    metadata: { k: 1 },
  };
  const message = taskToProto(task, "t");
  const time = (f: () => unknown) => {
    for (let i = 0; i < 20_000; i++) f();
    const n = 200_000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) f();
    return Number((((performance.now() - t0) / n) * 1000).toFixed(3));
  };
  return {
    "model→proto hand-written (µs)": time(() => taskToProto(task, "t")),
    "model→proto protobuf-es fromJson(a2a toJson) (µs)": time(() =>
      fromJson(pb.TaskSchema, modelToJson(TaskSchema, task) as never),
    ),
    "proto→model hand-written (µs)": time(() => taskFromProto(message, "t")),
    "proto→model a2a fromJson(protobuf-es toJson) (µs)": time(() =>
      modelFromJson(TaskSchema, toJson(pb.TaskSchema, message)),
    ),
  };
}

function loadavg(): string {
  try {
    return readFileSync("/proc/loadavg", "utf8").trim();
  } catch {
    return "n/a";
  }
}

async function main(): Promise<void> {
  console.log(`load generator: ${LOADGEN}; load average at start: ${loadavg()}`);
  console.log("conversion of a small Task (per op):");
  const conversion = convertBench();
  console.table(conversion);
  if (process.platform === "linux") {
    // the load generator on the other core
    const { execFileSync } = await import("node:child_process");
    try {
      execFileSync("taskset", ["-p", "-c", "1", String(process.pid)], { stdio: "ignore" });
    } catch {
      // not pinned; the figures are still comparable within the run
    }
  }
  const steps: Step[] = [];
  const streams: StreamStep[] = [];
  const memory: { target: Target; streams: number; kbPerStream: number }[] = [];
  for (const target of TARGETS) {
    const server = await spawnServer(target);
    try {
      if (ONLY === undefined || ONLY === "stream") {
        const s = await streamLoad(server.address, 3);
        streams.push({ target, ...s });
        console.log(
          `${target.padEnd(9)} stream of ${s.events} events: ${s.eventsPerSecond} events/s, first event ${s.firstEventMs} ms (best of 3)`,
        );
      }
      if (target !== "floor" && OPEN_STREAMS > 0 && (ONLY === undefined || ONLY === "rss")) {
        const m = await openStreams(server, OPEN_STREAMS);
        memory.push({ target, ...m });
        console.log(
          `${target.padEnd(9)} ${m.streams} open SubscribeToTask streams: ${m.kbPerStream} KB RSS each`,
        );
      }
      if (LOADGEN === "connect") {
        for (const c of ONLY === undefined || ONLY === "unary" ? CONCURRENCY : []) {
          const r = await connectLoad(server.address, c, SECONDS);
          steps.push({ target, ...r });
          console.log(
            `${target.padEnd(9)} c=${String(c).padStart(2)}  ${String(r.rps).padStart(6)} req/s  p50 ${r.p50ms} ms  p99 ${r.p99ms} ms  errors ${r.errors}`,
          );
        }
      }
    } finally {
      server.kill();
    }
  }
  if (LOADGEN === "raw" && (ONLY === undefined || ONLY === "unary")) {
    const servers = new Map<Target, Spawned>();
    try {
      for (const target of TARGETS) servers.set(target, await spawnServer(target));
      steps.push(...(await interleavedUnary(servers)));
    } finally {
      for (const s of servers.values()) s.kill();
    }
  }
  const ratios: Record<string, number> = {};
  for (const c of CONCURRENCY) {
    const floor = steps.find((s) => s.target === "floor" && s.concurrency === c)?.rps ?? 0;
    for (const target of ["agentmesh", "sdk"] as const) {
      const rps = steps.find((s) => s.target === target && s.concurrency === c)?.rps ?? 0;
      ratios[`${target} / floor, c=${c}`] = floor ? Number((rps / floor).toFixed(2)) : 0;
    }
  }
  console.table(ratios);
  console.log(`load average at end: ${loadavg()}`);
  const results = join(here, "..", "results");
  mkdirSync(results, { recursive: true });
  writeFileSync(
    join(results, "grpc.json"),
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        seconds: SECONDS,
        loadgen: LOADGEN,
        loadavg: loadavg(),
        conversion,
        steps,
        streams,
        memory,
        ratios,
      },
      null,
      2,
    )}\n`,
  );
}
