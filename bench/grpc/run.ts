// bench/grpc: unary SendMessage throughput and latency over native gRPC (HTTP/2, h2c) against
// our server (@agentmesh/a2a-grpc), @a2a-js/sdk's gRPC server and a bare floor, in one run,
// plus the cost of converting messages (hand-written mapping vs protobuf-es JSON round trip).
// Server and load generator run in separate processes, pinned to separate cores when
// `taskset` exists. Run: `npm run bench -- grpc` (BENCH_SECONDS=n per step, default 3).
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { pb, taskFromProto, taskToProto } from "@agentmesh/a2a-grpc";
import { createGrpcTransport } from "@agentmesh/a2a-grpc/node";
import {
  TaskSchema,
  type Task,
  fromJson as modelFromJson,
  toJson as modelToJson,
} from "@agentmesh/a2a-types";
import { fromJson, toJson } from "@bufbuild/protobuf";
import { type Target, startTarget } from "./servers.js";

const here = dirname(fileURLToPath(import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONCURRENCY = [1, 16, 64];
const TARGETS: Target[] = ["floor", "sdk", "agentmesh"];

if (process.argv[2] === "serve") {
  const address = await startTarget(process.argv[3] as Target);
  process.stdout.write(`${address}\n`);
} else {
  await main();
}

function pinned(core: number, args: string[]): [string, string[]] {
  return process.platform === "linux"
    ? ["taskset", ["-c", String(core), ...args]]
    : [args[0] as string, args.slice(1)];
}

async function spawnServer(target: Target): Promise<{ address: string; kill: () => void }> {
  const [cmd, args] = pinned(0, [
    process.execPath,
    "--import",
    "tsx",
    fileURLToPath(import.meta.url),
    "serve",
    target,
  ]);
  const child = spawn(cmd, args, { cwd: here, stdio: ["ignore", "pipe", "inherit"] });
  const address = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      const line = out.split("\n")[0];
      if (out.includes("\n") && line) resolve(line.trim());
    });
    child.once("exit", (code) => reject(new Error(`${target} server exited with ${code}`)));
  });
  return { address, kill: () => child.kill("SIGKILL") };
}

interface Step {
  target: Target;
  concurrency: number;
  rps: number;
  p50ms: number;
  p99ms: number;
  errors: number;
}

async function load(
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

async function main(): Promise<void> {
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
  for (const target of TARGETS) {
    const server = await spawnServer(target);
    try {
      const s = await streamLoad(server.address, 3);
      streams.push({ target, ...s });
      console.log(
        `${target.padEnd(9)} stream of ${s.events} events: ${s.eventsPerSecond} events/s, first event ${s.firstEventMs} ms (best of 3)`,
      );
      for (const c of CONCURRENCY) {
        const r = await load(server.address, c, SECONDS);
        steps.push({ target, ...r });
        console.log(
          `${target.padEnd(9)} c=${String(c).padStart(2)}  ${String(r.rps).padStart(6)} req/s  p50 ${r.p50ms} ms  p99 ${r.p99ms} ms  errors ${r.errors}`,
        );
      }
    } finally {
      server.kill();
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
  const results = join(here, "..", "results");
  mkdirSync(results, { recursive: true });
  writeFileSync(
    join(results, "grpc.json"),
    `${JSON.stringify(
      { date: new Date().toISOString(), seconds: SECONDS, conversion, steps, streams, ratios },
      null,
      2,
    )}\n`,
  );
}
