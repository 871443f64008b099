import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { message } from "../../test/wire-arbitrary.js";
import * as api from "../index.js";
import { findDesc, type MsgDesc } from "./descriptor.js";
import { FALLBACK, jitReader, jitWriter } from "./jit.js";
import { parseWithIssues } from "./parse.js";
import { writeMessage } from "./serialize.js";

const descs = Object.entries(api)
  .filter(
    ([n, v]) =>
      n.endsWith("Schema") && typeof v === "object" && v !== null && findDesc(v) !== undefined,
  )
  .map(([n, v]) => [n, findDesc(v as object) as MsgDesc] as const);

const allKeys = [
  ...new Set(descs.flatMap(([, d]) => d.fields.flatMap((f) => [f.name, f.protoName]))),
];

const junk = fc.constantFrom<unknown>(
  null,
  undefined,
  0,
  -0,
  1,
  1.5,
  -1,
  2 ** 31,
  "",
  "x",
  "5",
  "QQ",
  "2026-01-02T03:04:05Z",
  "TASK_STATE_WORKING",
  true,
  false,
  [],
  [null],
  ["s"],
  [{}],
  {},
  { text: "t" },
  { text: "t", url: "u" },
  { __proto__: null },
  Number.NaN,
);

/** Sets `key` to `value` in one randomly chosen object (or array) inside `root` (a copy). */
function mutate(
  root: unknown,
  pick: number,
  key: string,
  value: unknown,
  objectsOnly = false,
): unknown {
  const copy = structuredClone(root) as Record<string, unknown>;
  const nodes: Record<string, unknown>[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "object" && v !== null) {
      if (!objectsOnly || !Array.isArray(v)) nodes.push(v as Record<string, unknown>);
      for (const x of Object.values(v)) walk(x);
    }
  };
  walk(copy);
  const node = nodes[pick % nodes.length] as Record<string, unknown>;
  if (Array.isArray(node)) node[pick % (node.length + 1)] = value;
  else node[key] = value;
  return copy;
}

describe.each(descs)("generated code for %s", (_, desc) => {
  const read = jitReader(desc);
  const write = jitWriter(desc);

  it("is available here", () => {
    expect(read).toBeTypeOf("function");
    expect(write).toBeTypeOf("function");
  });

  it("reads valid wire JSON exactly like the interpreter", () => {
    fc.assert(
      fc.property(message(desc, "wire"), (wire) => {
        const slow = parseWithIssues(desc, wire);
        expect(slow.issues).toEqual([]);
        expect(read?.(wire, 0)).toEqual(slow.value);
      }),
      { numRuns: 80 },
    );
  });

  it("never accepts what the interpreter rejects, and agrees when both accept", () => {
    fc.assert(
      fc.property(
        message(desc, "wire"),
        fc.nat(),
        fc.constantFrom(...allKeys),
        junk,
        (wire, pick, key, value) => {
          const input = mutate(wire, pick, key, value);
          const slow = parseWithIssues(desc, input);
          const fast = read?.(input, 0);
          if (slow.issues.length > 0) expect(fast).toBe(FALLBACK);
          else if (fast !== FALLBACK) expect(fast).toEqual(slow.value);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("writes exactly like the interpreter, including defaults and nulls", () => {
    fc.assert(
      fc.property(
        message(desc, "canonical"),
        fc.nat(),
        fc.constantFrom(...allKeys),
        junk,
        (v, pick, key, value) => {
          expect(write?.(v)).toEqual(writeMessage(desc, v));
          // unset markers (null, undefined) anywhere: both must still agree
          const odd = mutate(v, pick, key, value === undefined ? undefined : null, true);
          expect(write?.(odd as Record<string, unknown>)).toEqual(
            writeMessage(desc, odd as Record<string, unknown>),
          );
        },
      ),
      { numRuns: 80 },
    );
  });
});
