// Server benchmark: @agentmesh/a2a-server's request handler vs @a2a-js/sdk 1.3.0's
// DefaultRequestHandler + InMemoryTaskStore, in the same run, in process (no network).
// Run: `npm run bench -- server` (or `cd bench && node --expose-gc --import tsx server/run.ts`).
// Writes bench/results/server.json. See README.md here.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { create, type ImplName, runTasks } from "./impls.js";

const here = dirname(fileURLToPath(import.meta.url));
const IMPLS: ImplName[] = ["agentmesh", "a2a-js"];
const TASKS = Number(process.env.BENCH_TASKS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const MEMORY_TASKS = Number(process.env.BENCH_MEMORY_TASKS ?? 100_000);
const CHUNKS = [1_000, 2_000, 10_000];
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

// 1. throughput: blocking SendMessage with an echo executor; rounds interleaved so that load
// from other processes hits both implementations alike --------------------------------------
const rates: Record<string, number[]> = { agentmesh: [], "a2a-js": [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const name of IMPLS) {
    const impl = create(name); // fresh store per round
    await runTasks(impl, 1_000, CONCURRENCY, 50_000_000); // warm-up
    gc();
    const start = performance.now();
    await runTasks(impl, TASKS, CONCURRENCY);
    rates[name]!.push((TASKS * 1000) / (performance.now() - start));
  }
}
const throughput: Record<string, number> = {};
for (const name of IMPLS) {
  throughput[name] = median(rates[name]!);
  console.log(
    `throughput ${name.padEnd(9)} ${throughput[name]!.toFixed(0).padStart(8)} tasks/s (median of ${ROUNDS}: ${rates[name]!.map((r) => r.toFixed(0)).join(", ")})`,
  );
}

// 2. streaming one task with N artifact chunks, each size in its own process (with a time cap:
// a quadratic implementation may not finish 10,000 chunks in reasonable time) ---------------
function child(
  script: string,
  args: string[],
  timeoutMs: number,
): { json?: Record<string, number>; timedOut: boolean } {
  const r = spawnSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", join(here, script), ...args],
    {
      cwd: join(here, ".."),
      encoding: "utf8",
      maxBuffer: 1 << 20,
      timeout: timeoutMs,
      killSignal: "SIGKILL",
    },
  );
  if (r.error && (r.error as NodeJS.ErrnoException).code === "ETIMEDOUT") return { timedOut: true };
  if (r.status !== 0) throw new Error(`${script} ${args.join(" ")} failed:\n${r.stderr}`);
  return { json: JSON.parse(r.stdout.trim().split("\n").pop()!), timedOut: false };
}

const STREAM_CAP_MS = Number(process.env.BENCH_STREAM_CAP_MS ?? 180_000);
const streaming: Record<string, Record<number, number | null>> = {};
for (const name of IMPLS) {
  streaming[name] = {};
  for (const chunks of CHUNKS) {
    const rounds = name === "a2a-js" ? "1" : "7";
    const r = child("stream.ts", [name, String(chunks), rounds], STREAM_CAP_MS);
    streaming[name][chunks] = r.timedOut ? null : r.json!.ms!;
    console.log(
      `stream     ${name.padEnd(9)} ${String(chunks).padStart(6)} chunks ${r.timedOut ? `> ${STREAM_CAP_MS} ms (stopped)` : `${r.json!.ms!.toFixed(1).padStart(9)} ms`}`,
    );
  }
}

// 3. memory per kept task, each implementation in its own process ------------------------------
const memory: Record<string, { rssBytesPerTask: number; heapBytesPerTask: number; rssMB: number }> =
  {};
for (const name of IMPLS) {
  memory[name] = child("memory.ts", [name, String(MEMORY_TASKS)], 600_000)
    .json as (typeof memory)[string];
  const m = memory[name]!;
  console.log(
    `memory     ${name.padEnd(9)} ${m.heapBytesPerTask.toFixed(0).padStart(6)} B heap/task ${m.rssBytesPerTask.toFixed(0).padStart(6)} B RSS/task (${MEMORY_TASKS} tasks kept, RSS ${m.rssMB.toFixed(0)} MB)`,
  );
}

const ours = "agentmesh";
const theirs = "a2a-js";
const ratios = {
  throughput: throughput[ours]! / throughput[theirs]!,
  heapPerTask: memory[ours]!.heapBytesPerTask / memory[theirs]!.heapBytesPerTask,
  rssPerTask: memory[ours]!.rssBytesPerTask / memory[theirs]!.rssBytesPerTask,
  streamGrowth10kAgentmesh: streaming[ours]![10_000]! / streaming[ours]![1_000]!,
  streamGrowth2kAgentmesh: streaming[ours]![2_000]! / streaming[ours]![1_000]!,
  streamGrowth2kA2aJs: streaming[theirs]![2_000]! / streaming[theirs]![1_000]!,
  streamGrowth10kA2aJs:
    streaming[theirs]![10_000] == null
      ? null
      : streaming[theirs]![10_000]! / streaming[theirs]![1_000]!,
  stream1kSpeedup: streaming[theirs]![1_000]! / streaming[ours]![1_000]!,
};
console.log(`
ratios (agentmesh / a2a-js):
  throughput            ${ratios.throughput.toFixed(2)}x   (aim >= 3x)
  heap per task         ${ratios.heapPerTask.toFixed(2)}x   (aim <= 0.5x)
  RSS per task          ${ratios.rssPerTask.toFixed(2)}x
  stream 2k/1k time     agentmesh ${ratios.streamGrowth2kAgentmesh.toFixed(1)}x, a2a-js ${ratios.streamGrowth2kA2aJs.toFixed(1)}x   (linear = 2x, quadratic = 4x)
  stream 10k/1k time    agentmesh ${ratios.streamGrowth10kAgentmesh.toFixed(1)}x, a2a-js ${ratios.streamGrowth10kA2aJs === null ? "n/a (stopped)" : `${ratios.streamGrowth10kA2aJs.toFixed(1)}x`}   (linear = 10x)
  stream 1k speed-up    ${ratios.stream1kSpeedup.toFixed(1)}x`);

const outFile = join(here, "..", "results", "server.json");
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(
  outFile,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpu: cpus()[0]?.model,
      settings: {
        tasks: TASKS,
        rounds: ROUNDS,
        concurrency: CONCURRENCY,
        memoryTasks: MEMORY_TASKS,
      },
      throughputTasksPerSec: throughput,
      streamMs: streaming,
      memory,
      ratios,
    },
    null,
    2,
  )}\n`,
);
console.log(`\nwrote ${outFile}`);
