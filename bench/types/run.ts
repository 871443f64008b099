// Wire-model benchmark: @agentmesh/a2a-types vs protobuf-es (generated from proto/a2a.proto)
// on the same data, in the same process. See README.md here for what is measured and how.
// Run: `npm run bench -- types` (or, with a2a-types built: `cd bench && node --expose-gc
// --import tsx types/run.ts`). Writes bench/results/types.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import {
  fromJson,
  fromJsonString,
  SendMessageRequestSchema,
  type Task,
  TaskSchema,
  toJsonString,
} from "@agentmesh/a2a-types";
import { fromJson as pbFromJson, toJson as pbToJson } from "@bufbuild/protobuf";
import * as pb from "../../packages/a2a-grpc/src/gen/a2a_pb.js";
import { sendMessageRequestJson, taskJson } from "./data.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 400);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 1500);

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
let sink = 0; // keeps results alive so the work cannot be optimised away

/** Runs `fn` for about `ms` milliseconds; returns operations per second. */
function measure(fn: () => number, ms: number): number {
  let ops = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 50; i++) sink ^= fn();
    ops += 50;
    now = performance.now();
  }
  return (ops * 1000) / (now - start);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1
    ? (s[mid] as number)
    : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

interface CaseResult {
  case: string;
  ours: { name: string; opsPerSec: number; rounds: number[] };
  theirs: { name: string; opsPerSec: number; rounds: number[] };
  /** median(ours) / median(theirs): above 1 means @agentmesh/a2a-types is faster. */
  ratio: number;
  /** Median of the per-round ratios (each round measures both sides back to back, so this
   * is less sensitive to load that changes between rounds). */
  pairedRatio: number;
}

/** Warm-up, then ROUNDS rounds alternating which side goes first; medians and their ratio. */
function compare(
  label: string,
  ours: [string, () => number],
  theirs: [string, () => number],
): CaseResult {
  measure(ours[1], WARMUP_MS);
  measure(theirs[1], WARMUP_MS);
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? [ours, theirs] : [theirs, ours];
    for (const [name, fn] of order) {
      gc();
      (name === ours[0] ? a : b).push(measure(fn, ROUND_MS));
    }
  }
  const oursOps = median(a);
  const theirsOps = median(b);
  return {
    case: label,
    ours: { name: ours[0], opsPerSec: Math.round(oursOps), rounds: a.map(Math.round) },
    theirs: { name: theirs[0], opsPerSec: Math.round(theirsOps), rounds: b.map(Math.round) },
    ratio: Number((oursOps / theirsOps).toFixed(2)),
    pairedRatio: Number(median(a.map((x, i) => x / (b[i] as number))).toFixed(2)),
  };
}

// ---- data, identical for both sides -----------------------------------------------------
const requestText = JSON.stringify(sendMessageRequestJson);
const ourTask: Task = fromJson(TaskSchema, taskJson);
const pbTask = pbFromJson(pb.TaskSchema, taskJson, { ignoreUnknownFields: true });

// Both sides must produce the same thing, or the comparison means nothing.
const ourReq = fromJsonString(SendMessageRequestSchema, requestText);
const pbReq = pbFromJson(pb.SendMessageRequestSchema, JSON.parse(requestText), {
  ignoreUnknownFields: true,
});
if (
  !isDeepStrictEqual(
    JSON.parse(JSON.stringify(ourReq)),
    pbToJson(pb.SendMessageRequestSchema, pbReq),
  )
) {
  throw new Error("parse: a2a-types and protobuf-es disagree on the request; fix the data");
}
const ourText = toJsonString(TaskSchema, ourTask);
const pbText = JSON.stringify(pbToJson(pb.TaskSchema, pbTask));
if (!isDeepStrictEqual(JSON.parse(ourText), JSON.parse(pbText))) {
  throw new Error("serialize: a2a-types and protobuf-es write different JSON; fix the data");
}

// ---- cases --------------------------------------------------------------------------------
const results: CaseResult[] = [
  compare(
    "parse SendMessageRequest (5 parts) from a JSON string",
    [
      "a2a-types fromJsonString",
      () => fromJsonString(SendMessageRequestSchema, requestText).message.parts.length,
    ],
    [
      "JSON.parse + protobuf-es fromJson",
      () =>
        pbFromJson(pb.SendMessageRequestSchema, JSON.parse(requestText), {
          ignoreUnknownFields: true,
        }).message?.parts.length ?? 0,
    ],
  ),
  compare(
    "serialize Task (10 artifacts, 20 history messages) to a JSON string",
    ["a2a-types toJsonString", () => toJsonString(TaskSchema, ourTask).length],
    [
      "protobuf-es toJson + JSON.stringify",
      () => JSON.stringify(pbToJson(pb.TaskSchema, pbTask)).length,
    ],
  ),
];

// ---- report -------------------------------------------------------------------------------
const fmt = (n: number) => n.toLocaleString("en-US");
for (const r of results) {
  console.log(`\n${r.case}`);
  console.log(`  ${r.ours.name.padEnd(36)} ${fmt(r.ours.opsPerSec).padStart(12)} ops/s`);
  console.log(`  ${r.theirs.name.padEnd(36)} ${fmt(r.theirs.opsPerSec).padStart(12)} ops/s`);
  console.log(
    `  ratio ours/theirs: ${r.ratio}x, median of per-round ratios ${r.pairedRatio}x (${r.ratio >= 1 ? "ours faster" : "ours slower"})`,
  );
}

const here = dirname(fileURLToPath(import.meta.url));
const outFile = join(here, "..", "results", "types.json");
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(
  outFile,
  `${JSON.stringify(
    {
      area: "types",
      date: new Date().toISOString(),
      node: process.version,
      cpu: cpus()[0]?.model ?? "unknown",
      cpuCount: cpus().length,
      settings: { rounds: ROUNDS, roundMs: ROUND_MS, warmupMs: WARMUP_MS, statistic: "median" },
      sizes: { requestJsonBytes: requestText.length, taskJsonBytes: ourText.length },
      results,
    },
    null,
    2,
  )}\n`,
);
console.log(`\nwritten: ${outFile}${sink === 0.5 ? "" : ""}`);
