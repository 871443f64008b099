// fast-check arbitraries of valid A2A ProtoJSON input, driven by the descriptors generated
// from proto/a2a.proto (not by the a2a-types schemas, so the two stay independent). Inputs
// use every accepted spelling: camelCase or snake_case keys, enum names or numbers, int32 as
// number or numeric string, base64 standard/URL-safe with or without padding, timestamps with
// 0/3/6/9 fraction digits and offsets, plus the odd unknown key.
import type { DescField, DescMessage } from "@bufbuild/protobuf";
import { ScalarType } from "@bufbuild/protobuf";
import fc from "fast-check";
import { REQUIRED_FIELDS } from "./pb-side.js";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const short = fc.string({ maxLength: 10, unit: "grapheme" });
// protobuf-es drops "__proto__" keys from Struct and map fields (see KNOWN-DIFFERENCES.md),
// while fast-check likes to generate them; a2a-types keeps them (testdata/pb-bugs.json
// pins that).
const key = fc.string({ maxLength: 6 }).filter((k) => k !== "__proto__");
const { json } = fc.letrec<{ json: Json }>((tie) => ({
  json: fc.oneof(
    { maxDepth: 2, depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 8 }),
    fc.array(tie("json"), { maxLength: 3 }),
    fc.dictionary(key, tie("json"), { maxKeys: 3 }),
  ),
}));
const struct: fc.Arbitrary<Json> = fc.dictionary(key, json, { maxKeys: 4 });

const int32 = fc
  .integer({ min: -2147483648, max: 2147483647 })
  .chain((n) => fc.constantFrom<Json>(n, String(n)));

const bytes = fc.uint8Array({ maxLength: 24 }).chain((b) => {
  const std = Buffer.from(b).toString("base64");
  const url = Buffer.from(b).toString("base64url");
  return fc.constantFrom(
    std,
    std.replace(/=+$/, ""),
    url,
    url + "=".repeat((4 - (url.length % 4)) % 4),
  );
});

// 0002-01-01 .. 9998-12-31, so that any offset keeps the instant inside the Timestamp range
const utc = (y: number) => new Date(0).setUTCFullYear(y, 0, 1);
const MIN_MS = utc(2);
const MAX_MS = utc(9999) - 1;
const pad = (n: number, w: number) => String(n).padStart(w, "0");

const timestamp = fc
  .record({
    ms: fc.integer({ min: MIN_MS, max: MAX_MS }),
    subMs: fc.integer({ min: 0, max: 999999 }),
    digits: fc.constantFrom(0, 3, 6, 9),
    offsetMin: fc.oneof(fc.constant(0), fc.integer({ min: -14 * 60, max: 14 * 60 })),
    zulu: fc.boolean(),
  })
  .map(({ ms, subMs, digits, offsetMin, zulu }) => {
    const offset = zulu ? 0 : offsetMin;
    const local = new Date(ms + offset * 60000);
    const nanos = (((ms % 1000) + 1000) % 1000) * 1e6 + subMs;
    const frac = digits === 0 ? "" : `.${pad(nanos, 9).slice(0, digits)}`;
    const zone = zulu
      ? "Z"
      : `${offset < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(offset) / 60), 2)}:${pad(Math.abs(offset) % 60, 2)}`;
    return (
      `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1, 2)}-${pad(local.getUTCDate(), 2)}` +
      `T${pad(local.getUTCHours(), 2)}:${pad(local.getUTCMinutes(), 2)}:${pad(local.getUTCSeconds(), 2)}${frac}${zone}`
    );
  });

function scalar(t: ScalarType): fc.Arbitrary<Json> {
  switch (t) {
    case ScalarType.BOOL:
      return fc.boolean();
    case ScalarType.INT32:
      return int32;
    case ScalarType.BYTES:
      return bytes;
    default:
      return short;
  }
}

const depthLimit = 4;

function messageValue(desc: DescMessage, depth: number): fc.Arbitrary<Json> {
  switch (desc.typeName) {
    case "google.protobuf.Struct":
      return struct;
    case "google.protobuf.Value":
      return json;
    case "google.protobuf.Timestamp":
      return timestamp;
    default:
      return message(desc, depth + 1);
  }
}

function fieldValue(field: DescField, depth: number): fc.Arbitrary<Json> {
  switch (field.fieldKind) {
    case "scalar":
      return scalar(field.scalar);
    case "enum":
      return fc.constantFrom(...field.enum.values.flatMap((v) => [v.name, v.number]));
    case "message":
      return messageValue(field.message, depth);
    case "list": {
      const item =
        field.listKind === "message"
          ? messageValue(field.message, depth)
          : field.listKind === "enum"
            ? fc.constantFrom(...field.enum.values.map((v) => v.name))
            : scalar(field.scalar);
      return fc.array(item, { maxLength: depth > 2 ? 1 : 3 });
    }
    case "map": {
      const value =
        field.mapKind === "message"
          ? messageValue(field.message, depth)
          : field.mapKind === "enum"
            ? fc.constantFrom(...field.enum.values.map((v) => v.name))
            : scalar(field.scalar);
      return fc.dictionary(key, value, { maxKeys: 3 });
    }
  }
}

/** A valid JSON object for `desc`: REQUIRED message fields and exactly one oneof member set. */
export function message(desc: DescMessage, depth = 0): fc.Arbitrary<{ [k: string]: Json }> {
  const required = REQUIRED_FIELDS[desc.name] ?? [];
  const parts: fc.Arbitrary<[string, Json][]>[] = [];
  for (const field of desc.fields) {
    if (field.oneof !== undefined) continue;
    const mustHave = field.fieldKind === "message" && required.includes(field.name);
    const tooDeep = depth >= depthLimit && field.fieldKind !== "scalar" && !mustHave;
    if (tooDeep) continue;
    const entry = fc.tuple(fc.constantFrom(field.jsonName, field.name), fieldValue(field, depth));
    parts.push(
      mustHave
        ? entry.map((e) => [e])
        : fc.option(entry, { nil: undefined, freq: 2 }).map((e) => (e === undefined ? [] : [e])),
    );
  }
  for (const oneof of desc.oneofs) {
    parts.push(
      fc
        .oneof(
          ...oneof.fields.map((f) =>
            fc.tuple(fc.constantFrom(f.jsonName, f.name), fieldValue(f, depth)),
          ),
        )
        .map((e) => [e]),
    );
  }
  // now and then an unknown key, which both sides must ignore
  parts.push(
    fc.oneof(
      { arbitrary: fc.constant<[string, Json][]>([]), weight: 4 },
      {
        arbitrary: fc.tuple(fc.constant("x-unknown"), json).map((e): [string, Json][] => [e]),
        weight: 1,
      },
    ),
  );
  return fc.tuple(...parts).map((groups) => Object.fromEntries(groups.flat()));
}
