/**
 * fast-check arbitraries for every A2A message, built from the field table: canonical
 * values, and wire JSON with the variations parsers must accept (snake_case keys, enum
 * numbers, numeric strings, URL-safe/unpadded base64, other timestamp forms, nulls,
 * unknown keys).
 */
import fc from "fast-check";
import { base64Encode } from "../src/codec/base64.js";
import { type FieldDesc, Kind, type MsgDesc, Presence } from "../src/codec/descriptor.js";

export type Mode = "canonical" | "wire";

// through JSON once: no -0, no null-prototype objects (both survive a JSON round trip differently)
const json = fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
const struct = fc
  .dictionary(fc.string({ maxLength: 6 }), json, { maxKeys: 3, noNullPrototype: true })
  .map((v) => JSON.parse(JSON.stringify(v)) as Record<string, unknown>);

const date = fc.date({
  min: new Date("0001-01-01T00:00:00.000Z"),
  max: new Date("9999-12-31T23:59:59.999Z"),
  noInvalidDate: true,
});

function wireTimestamp(d: Date): fc.Arbitrary<string> {
  const iso = d.toISOString();
  const base = iso.slice(0, 19);
  const ms = iso.slice(20, 23);
  const variants = [
    fc.constant(iso),
    fc.constant(`${base}.${ms}000Z`),
    fc.constant(`${base}.${ms}000000Z`),
    // a positive offset that stays inside the year range
    fc.constant(`${new Date(d.getTime() + 3_600_000).toISOString().slice(0, 23)}+01:00`),
  ];
  if (ms === "000") variants.push(fc.constant(`${base}Z`));
  return fc.oneof(...variants).filter((s) => !s.startsWith("+") && !s.startsWith("10000"));
}

function scalar(f: FieldDesc, mode: Mode): fc.Arbitrary<unknown> {
  const wire = mode === "wire";
  switch (f.kind) {
    case Kind.String:
      return fc.string({ maxLength: 8 });
    case Kind.Bool:
      return fc.boolean();
    case Kind.Int32: {
      const n = fc.integer({ min: -2147483648, max: 2147483647 });
      return wire ? fc.oneof(n, n.map(String)) : n;
    }
    case Kind.Enum: {
      const names = f.enumDesc!.names;
      const i = fc.integer({ min: 0, max: names.length - 1 });
      return wire
        ? fc.oneof(
            i.map((k) => names[k]),
            i,
          )
        : i.map((k) => names[k]);
    }
    case Kind.Bytes: {
      const b = fc.uint8Array({ maxLength: 10 }).map(base64Encode);
      if (!wire) return b;
      return fc.tuple(b, fc.boolean(), fc.boolean()).map(([s, url, unpad]) => {
        let out = url ? s.replace(/\+/g, "-").replace(/\//g, "_") : s;
        if (unpad) out = out.replace(/=+$/, "");
        return out;
      });
    }
    case Kind.Timestamp:
      return wire ? date.chain(wireTimestamp) : date.map((d) => d.toISOString());
    case Kind.Struct:
      return struct;
    case Kind.Value:
      return json;
    default:
      return message(f.message!, mode);
  }
}

function fieldValue(f: FieldDesc, mode: Mode): fc.Arbitrary<unknown> {
  if (f.repeated) return fc.array(scalar(f, mode), { maxLength: 3 });
  if (f.map)
    return fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), scalar(f, mode), {
      maxKeys: 3,
    });
  return scalar(f, mode);
}

const cache = new Map<string, fc.Arbitrary<Record<string, unknown>>>();

/** An arbitrary value of message `d`, canonical or as wire JSON. */
export function message(d: MsgDesc, mode: Mode): fc.Arbitrary<Record<string, unknown>> {
  const key = `${d.typeName}:${mode}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const wire = mode === "wire";
  const plain = d.fields.filter((f) => f.oneof < 0);
  const members = d.fields.filter((f) => f.oneof >= 0);
  const entries = plain.map((f) => {
    const value = fieldValue(f, mode);
    const required =
      f.presence === Presence.Required && f.kind === Kind.Message && !f.repeated && !f.map;
    const options: fc.Arbitrary<unknown>[] = [value];
    if (!required) options.push(fc.constant(undefined));
    if (!required && wire && f.kind !== Kind.Value) options.push(fc.constant(null));
    return fc.tuple(fc.constant(f), fc.oneof(...options), fc.boolean());
  });
  const member =
    members.length === 0
      ? fc.constant(undefined)
      : fc.oneof(...members.map((f) => fc.tuple(fc.constant(f), scalar(f, mode), fc.boolean())));
  const unknown = wire
    ? fc.option(fc.tuple(fc.constant("x_unknown_field"), json), { nil: undefined })
    : fc.constant(undefined);
  const nullOthers = wire ? fc.boolean() : fc.constant(false);
  const arb = fc
    .tuple(fc.tuple(...entries), member, unknown, nullOthers)
    .map(([fields, m, extra, nulls]) => {
      const out: Record<string, unknown> = {};
      const all = m === undefined ? fields : [...fields, m];
      for (const [f, v, snake] of all) {
        if (v === undefined) continue;
        out[wire && snake ? f.protoName : f.name] = v;
      }
      // null oneof members other than the one set (null means absent, except for Value)
      if (nulls && m !== undefined) {
        for (const f of members) if (f !== m[0] && f.kind !== Kind.Value) out[f.name] = null;
      }
      if (extra !== undefined) out[extra[0]] = extra[1];
      return out;
    });
  cache.set(key, arb);
  return arb;
}
