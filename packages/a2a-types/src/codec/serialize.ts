/**
 * Table-driven ProtoJSON writer: REQUIRED fields always, implicit-presence fields only
 * when not default, explicit-presence fields whenever set, in declaration order.
 * Private, no semver.
 */
import type { JsonObject, JsonValue } from "../json.js";
import { type FieldDesc, Kind, type MsgDesc, Presence } from "./descriptor.js";

/** Sets a key, keeping `__proto__` as an own property. */
export function setKey(out: Record<string, unknown>, k: string, v: unknown): void {
  if (k === "__proto__") {
    Object.defineProperty(out, k, {
      value: v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    out[k] = v;
  }
}

/**
 * Writes a map field: entries with undefined values are skipped, message values go through
 * `write`. Returns undefined for an empty map unless `required`.
 */
export function writeMap(
  x: Record<string, unknown>,
  write: ((v: Record<string, unknown>) => JsonObject) | undefined,
  required: boolean,
): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let empty = true;
  for (const k in x) {
    const v = x[k];
    if (v === undefined || v === null) continue;
    empty = false;
    setKey(out, k, write === undefined ? v : write(v as Record<string, unknown>));
  }
  return empty && !required ? undefined : out;
}

/** Writes one message in canonical form as exact ProtoJSON (plus REQUIRED fields). */
export function writeMessage(d: MsgDesc, v: Record<string, unknown>): JsonObject {
  const out: Record<string, unknown> = {};
  const fields = d.fields;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i] as FieldDesc;
    const x = v[f.name];
    // null means unset, except in a Value field (a JSON null)
    if (x === undefined || (x === null && (f.kind !== Kind.Value || f.repeated))) {
      if (f.presence === Presence.Required) {
        if (f.repeated) out[f.name] = [];
        else if (f.map) out[f.name] = {};
        else if (f.zero !== undefined) out[f.name] = f.zero;
      }
      continue;
    }
    if (f.repeated) {
      const arr = x as unknown[];
      const n = arr.length;
      if (n === 0 && f.presence !== Presence.Required) continue;
      if (f.kind === Kind.Message) {
        const m = f.message as MsgDesc;
        const r = new Array<JsonObject>(n);
        for (let j = 0; j < n; j++) r[j] = writeMessage(m, arr[j] as Record<string, unknown>);
        out[f.name] = r;
      } else {
        out[f.name] = arr.slice();
      }
    } else if (f.map) {
      const m = f.kind === Kind.Message ? (f.message as MsgDesc) : undefined;
      const r = writeMap(
        x as Record<string, unknown>,
        m === undefined ? undefined : (e) => writeMessage(m, e),
        f.presence === Presence.Required,
      );
      if (r !== undefined) out[f.name] = r;
    } else if (f.kind === Kind.Message) {
      out[f.name] = writeMessage(f.message as MsgDesc, x as Record<string, unknown>);
    } else if (f.presence !== Presence.Implicit || x !== f.zero) {
      out[f.name] = x as JsonValue;
    }
  }
  return out as JsonObject;
}
