// Golden vectors: the proof that @agentmesh/a2a-types reads and writes the same JSON as
// protobuf-es does with the code generated from proto/a2a.proto (plus the two A2A rules in
// pb-side.ts). The vectors are data, in testdata/*.json; README.md explains the format.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as a2a from "@agentmesh/a2a-types";
import type { DescMessage } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import * as pb from "../../src/gen/a2a_pb.js";
import { pbRejects, pbRoundTrip, REQUIRED_FIELDS } from "./pb-side.js";

/** A vector both sides must accept and write identically (and, if given, as `output`). */
interface AcceptVector {
  name: string;
  type: string;
  input: unknown;
  output?: unknown;
  note?: string;
}
/**
 * A vector that must be rejected: `reject: "both"` by both sides, `reject: "a2a"` by
 * a2a-types while protobuf-es accepts it (A2A is stricter, or protobuf-es is lenient; the
 * `reason` says which rule).
 */
interface RejectVector {
  name: string;
  type: string;
  input: unknown;
  reject: "both" | "a2a";
  reason: string;
}
/**
 * A vector where protobuf-es is wrong (a bug on its side, named in `pbBug`): a2a-types must
 * write `output`, and protobuf-es must still differ; once it is fixed, move the vector to the
 * accepted ones.
 */
interface PbBugVector {
  name: string;
  type: string;
  input: unknown;
  output: unknown;
  pbBug: string;
}
type Vector = AcceptVector | RejectVector | PbBugVector;

const here = fileURLToPath(new URL(".", import.meta.url));
const dataDir = join(here, "testdata");
const files = readdirSync(dataDir)
  .filter((f) => f.endsWith(".json"))
  .sort();
const vectors: (Vector & { file: string })[] = files.flatMap((file) => {
  const doc = JSON.parse(readFileSync(join(dataDir, file), "utf8")) as { vectors: Vector[] };
  return doc.vectors.map((v) => ({ ...v, file }));
});
const accepts = vectors.filter(
  (v): v is AcceptVector & { file: string } => !("reject" in v) && !("pbBug" in v),
);
const rejects = vectors.filter((v): v is RejectVector & { file: string } => "reject" in v);
const pbBugs = vectors.filter((v): v is PbBugVector & { file: string } => "pbBug" in v);

const a2aSchemas = a2a as unknown as Record<string, a2a.WireSchema | undefined>;
const pbSchemas = pb as unknown as Record<string, DescMessage | undefined>;

/** What goes on the wire: JSON text, read back (so -0 and 0 are the same, as in JSON). */
const wire = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

function schemasOf(type: string): { ours: a2a.WireSchema; theirs: DescMessage } {
  const ours = a2aSchemas[`${type}Schema`];
  const theirs = pbSchemas[`${type}Schema`];
  if (ours === undefined) throw new Error(`@agentmesh/a2a-types exports no ${type}Schema`);
  if (theirs === undefined) throw new Error(`src/gen/a2a_pb.ts has no ${type}Schema`);
  return { ours, theirs };
}

describe("golden vector set", () => {
  it("has at least 150 accepted vectors and unique names", () => {
    expect(accepts.length).toBeGreaterThanOrEqual(150);
    const names = vectors.map((v) => `${v.file}:${v.name}`);
    expect(new Set(names).size).toBe(names.length);
  });

  it("covers every message of lf.a2a.v1 with accepted vectors", () => {
    const covered = new Set(accepts.map((v) => v.type));
    const all = pb.file_a2a.messages.map((m) => m.name);
    expect(all.filter((n) => !covered.has(n))).toEqual([]);
  });

  it("has REQUIRED_FIELDS exactly as proto/a2a.proto marks them", () => {
    const proto = readFileSync(join(here, "../../../../proto/a2a.proto"), "utf8");
    const marked: Record<string, string[]> = {};
    let current = "";
    for (const line of proto.split("\n")) {
      const msg = /^message (\w+) \{/.exec(line);
      if (msg) current = msg[1] as string;
      const field = /^\s+(?:repeated |optional )?[\w.<>, ]+ (\w+) = \d+;\s*\/\/ REQUIRED/.exec(
        line,
      );
      if (field) marked[current] = [...(marked[current] ?? []), field[1] as string];
    }
    expect(marked).toEqual(REQUIRED_FIELDS);
    expect(Object.values(marked).flat()).toHaveLength(61); // as in the specification
  });
});

const filesOf = (list: readonly { file: string }[]) =>
  files.filter((f) => list.some((v) => v.file === f));

describe.each(filesOf(accepts))("accepted vectors in %s", (file) => {
  const mine = accepts.filter((v) => v.file === file);
  it.each(mine.map((v) => [v.name, v] as const))("%s", (_name, v) => {
    const { ours, theirs } = schemasOf(v.type);
    // each side gets its own copy, so neither can affect the other through the input
    const parsed = a2a.fromJson(ours, wire(v.input));
    const oursJson = wire(a2a.toJson(ours, parsed));
    const theirsJson = wire(pbRoundTrip(theirs, wire(v.input)));
    expect(oursJson).toStrictEqual(theirsJson);
    if (v.output !== undefined) expect(oursJson).toStrictEqual(v.output);
    // The canonical form is a fixed point: parsing our own output changes nothing.
    expect(wire(a2a.toJson(ours, a2a.fromJson(ours, oursJson)))).toStrictEqual(oursJson);
  });
});

describe.each(filesOf(rejects))("rejected vectors in %s", (file) => {
  const mine = rejects.filter((v) => v.file === file);
  it.each(mine.map((v) => [v.name, v] as const))("%s", (_name, v) => {
    const { ours, theirs } = schemasOf(v.type);
    const r = a2a.safeFromJson(ours, v.input);
    expect(r.success, `a2a-types accepted it (${v.reason})`).toBe(false);
    expect(r.error?.issues.length).toBeGreaterThan(0);
    expect(pbRejects(theirs, v.input), `protobuf-es: ${v.reason}`).toBe(v.reject === "both");
  });
});

describe.each(filesOf(pbBugs))("protobuf-es bugs in %s", (file) => {
  const mine = pbBugs.filter((v) => v.file === file);
  it.each(mine.map((v) => [v.name, v] as const))("%s", (_name, v) => {
    const { ours, theirs } = schemasOf(v.type);
    const oursJson = wire(a2a.toJson(ours, a2a.fromJson(ours, v.input)));
    expect(oursJson).toStrictEqual(v.output);
    let theirsJson: unknown;
    try {
      theirsJson = wire(pbRoundTrip(theirs, v.input));
    } catch (e) {
      theirsJson = e; // protobuf-es rejecting a valid input is a difference too
    }
    expect(theirsJson, `protobuf-es fixed? ${v.pbBug}`).not.toStrictEqual(oursJson);
  });
});
