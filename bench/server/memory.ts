// Child process of run.ts: keeps N completed tasks in one handler's in-memory store and
// reports RSS and heap growth per task as JSON on stdout. Run alone with
// `node --expose-gc --import tsx server/memory.ts <agentmesh|a2a-js> <n>`.
import { create, type ImplName, runTasks } from "./impls.js";

const name = (process.argv[2] ?? "agentmesh") as ImplName;
const n = Number(process.argv[3] ?? 100_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");

async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await new Promise((r) => setTimeout(r, 20));
    gc!();
  }
}

const impl = create(name, { maxTasks: n * 2 });
await runTasks(impl, 200, 32, 10_000_000); // warm up code paths and allocate caches
await settle();
const before = process.memoryUsage();
await runTasks(impl, n, 64);
await settle();
const after = process.memoryUsage();
process.stdout.write(
  `${JSON.stringify({
    impl: name,
    tasks: n,
    rssBytesPerTask: (after.rss - before.rss) / n,
    heapBytesPerTask: (after.heapUsed - before.heapUsed) / n,
    rssMB: after.rss / 2 ** 20,
    heapMB: after.heapUsed / 2 ** 20,
  })}\n`,
);
// keep the handler (and its store) reachable until the measurement is taken
if (!impl) process.exit(1);
