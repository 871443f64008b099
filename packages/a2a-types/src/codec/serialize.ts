/**
 * Table-driven ProtoJSON writer: REQUIRED fields always, implicit-presence fields only
 * when not default, explicit-presence fields whenever set, in declaration order.
 * Private, no semver.
 */
import type { JsonObject, JsonValue } from "../json.js";
import { type FieldDesc, Kind, type MsgDesc, Presence } from "./descriptor.js";

function setKey(out: Record<string, unknown>, k: string, v: unknown): void {
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

function writeMap(f: FieldDesc, x: Record<string, unknown>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let empty = true;
  const m = f.kind === Kind.Message ? f.message : undefined;
  for (const k in x) {
    const v = x[k];
    if (v === undefined) continue;
    empty = false;
    setKey(out, k, m === undefined ? v : writeMessage(m, v as Record<string, unknown>));
  }
  return empty && f.presence !== Presence.Required ? undefined : out;
}

/** Writes one message in canonical form as exact ProtoJSON (plus REQUIRED fields). */
export function writeMessage(d: MsgDesc, v: Record<string, unknown>): JsonObject {
  const out: Record<string, unknown> = {};
  const fields = d.fields;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i] as FieldDesc;
    const x = v[f.name];
    if (x === undefined) {
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
      const r = writeMap(f, x as Record<string, unknown>);
      if (r !== undefined) out[f.name] = r;
    } else if (f.kind === Kind.Message) {
      if (x !== null)
        out[f.name] = writeMessage(f.message as MsgDesc, x as Record<string, unknown>);
    } else if (f.presence !== Presence.Implicit || x !== f.zero) {
      // Value fields keep null (a JSON null value); other nulls mean unset
      if (x !== null || f.kind === Kind.Value) out[f.name] = x as JsonValue;
    }
  }
  return out as JsonObject;
}
