// Property-based companion of golden.test.ts: random valid inputs for every message of
// lf.a2a.v1 (arbitrary.ts) must come out of a2a-types exactly as out of protobuf-es + the A2A
// rules (pb-side.ts), and our output must be a fixed point. Seeded, so runs are repeatable;
// set A2A_FC_SEED to explore other inputs.
import * as a2a from "@agentmesh/a2a-types";
import type { DescMessage } from "@bufbuild/protobuf";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as pb from "../../src/gen/a2a_pb.js";
import { message } from "./arbitrary.js";
import { pbRoundTrip } from "./pb-side.js";

const seed = Number(process.env.A2A_FC_SEED ?? 20260101);
const wire = (v: unknown): unknown => JSON.parse(JSON.stringify(v));
const a2aSchemas = a2a as unknown as Record<string, a2a.WireSchema | undefined>;

/** The big envelopes get more runs; every other message a few dozen. */
const RUNS: Record<string, number> = {
  Task: 150,
  Message: 150,
  AgentCard: 150,
  SendMessageRequest: 150,
  StreamResponse: 150,
  ListTasksRequest: 100,
};

describe("random valid inputs: a2a-types equals protobuf-es", () => {
  it.each(pb.file_a2a.messages.map((m) => [m.name, m] as const))("%s", (name, desc) => {
    const ours = a2aSchemas[`${name}Schema`];
    if (ours === undefined) throw new Error(`@agentmesh/a2a-types exports no ${name}Schema`);
    fc.assert(
      fc.property(message(desc as DescMessage), (value) => {
        const input = wire(value); // as it arrives: parsed from JSON text
        const oursJson = wire(a2a.toJson(ours, a2a.fromJson(ours, input)));
        expect(oursJson).toStrictEqual(wire(pbRoundTrip(desc, input)));
        expect(wire(a2a.toJson(ours, a2a.fromJson(ours, oursJson)))).toStrictEqual(oursJson);
      }),
      { seed, numRuns: RUNS[name] ?? 40 },
    );
  });
});
