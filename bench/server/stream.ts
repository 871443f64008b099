// Child process of run.ts: streams one task with N artifact chunks (appended to one artifact)
// through SendStreamingMessage and prints the median (`ms`) and best time of the rounds as JSON.
// Run alone with
// `node --expose-gc --import tsx server/stream.ts <agentmesh|a2a-js> <chunks> [rounds]`.
import { create, type ImplName } from "./impls.js";

const name = (process.argv[2] ?? "agentmesh") as ImplName;
const chunks = Number(process.argv[3] ?? 1000);
const rounds = Number(process.argv[4] ?? 3);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

const times: number[] = [];
for (let round = 0; round < rounds; round++) {
  const impl = create(name);
  // warm-up (JIT) on the same task shape; kept short for a2a-js, whose cost per chunk grows
  await impl.stream(name === "agentmesh" ? 2_000 : 100);
  gc();
  const start = performance.now();
  const seen = await impl.stream(chunks);
  times.push(performance.now() - start);
  if (seen !== chunks) throw new Error(`${name}: saw ${seen} of ${chunks} chunks`);
}
times.sort((a, b) => a - b);
process.stdout.write(
  `${JSON.stringify({ impl: name, chunks, ms: times[Math.floor(times.length / 2)], bestMs: times[0] })}\n`,
);
