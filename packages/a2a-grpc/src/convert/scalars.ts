import type { JsonObject, JsonValue, Role, TaskState } from "@agentmesh/a2a-types";
import type { Timestamp, Value } from "@bufbuild/protobuf/wkt";
import { base64Decode, base64Encode } from "@bufbuild/protobuf/wire";

/**
 * Raised by the protobuf ↔ JSON-model conversions when a message cannot be represented in
 * the other form (a part without content, an unknown enum number, a timestamp out of range…).
 * `path` names the field in camelCase, like `message.parts[0]`.
 *
 * The server side turns it into `INVALID_PARAMS` with a field violation; the client side into
 * `INVALID_AGENT_RESPONSE`.
 */
export class ConversionError extends Error {
  override name = "ConversionError";
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

const TASK_STATES: readonly TaskState[] = [
  "TASK_STATE_UNSPECIFIED",
  "TASK_STATE_SUBMITTED",
  "TASK_STATE_WORKING",
  "TASK_STATE_COMPLETED",
  "TASK_STATE_FAILED",
  "TASK_STATE_CANCELED",
  "TASK_STATE_INPUT_REQUIRED",
  "TASK_STATE_REJECTED",
  "TASK_STATE_AUTH_REQUIRED",
];
const TASK_STATE_NUMBERS = new Map<string, number>(TASK_STATES.map((n, i) => [n, i]));
const ROLES: readonly Role[] = ["ROLE_UNSPECIFIED", "ROLE_USER", "ROLE_AGENT"];
const ROLE_NUMBERS = new Map<string, number>(ROLES.map((n, i) => [n, i]));

/** TaskState number → name; unknown numbers are a {@link ConversionError}. */
export function taskStateFromProto(n: number, path: string): TaskState {
  const name = TASK_STATES[n];
  if (name === undefined) throw new ConversionError(path, `unknown TaskState ${n}`);
  return name;
}

/** TaskState name → number; unknown names are a {@link ConversionError}. */
export function taskStateToProto(name: string, path: string): number {
  const n = TASK_STATE_NUMBERS.get(name);
  if (n === undefined) throw new ConversionError(path, `unknown TaskState "${name}"`);
  return n;
}

/** Role number → name; unknown numbers are a {@link ConversionError}. */
export function roleFromProto(n: number, path: string): Role {
  const name = ROLES[n];
  if (name === undefined) throw new ConversionError(path, `unknown Role ${n}`);
  return name;
}

/** Role name → number; unknown names are a {@link ConversionError}. */
export function roleToProto(name: string, path: string): number {
  const n = ROLE_NUMBERS.get(name);
  if (n === undefined) throw new ConversionError(path, `unknown Role "${name}"`);
  return n;
}

// google.protobuf.Timestamp range: 0001-01-01T00:00:00Z … 9999-12-31T23:59:59.999999999Z
const MIN_SECONDS = -62135596800;
const MAX_SECONDS = 253402300799;
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/**
 * Timestamp → RFC 3339 UTC string with exactly 3 fraction digits (sub-millisecond digits are
 * truncated, as the canonical JSON model keeps milliseconds).
 */
export function timestampFromProto(ts: Timestamp, path: string): string {
  const seconds = Number(ts.seconds);
  const nanos = ts.nanos;
  if (
    !(seconds >= MIN_SECONDS && seconds <= MAX_SECONDS) ||
    !(nanos >= 0 && nanos <= 999_999_999)
  ) {
    throw new ConversionError(path, "timestamp out of range");
  }
  return new Date(seconds * 1000 + Math.floor(nanos / 1_000_000)).toISOString();
}

/** RFC 3339 string (any offset, 0–9 fraction digits) → Timestamp, exact to the nanosecond. */
export function timestampToProto(text: string, path: string): Timestamp {
  const m = RFC3339.exec(text);
  if (m === null) throw new ConversionError(path, `not an RFC 3339 timestamp: "${text}"`);
  const [, y, mo, d, h, mi, s, frac, , sign, oh, om] = m;
  let seconds =
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) / 1000;
  // Date.UTC maps years 0–99 to 1900–1999; fix those up.
  const year = Number(y);
  if (year < 100) {
    const date = new Date(seconds * 1000);
    date.setUTCFullYear(year);
    seconds = date.getTime() / 1000;
  }
  if (sign !== undefined) {
    const offset = (Number(oh) * 60 + Number(om)) * 60;
    seconds += sign === "+" ? -offset : offset;
  }
  if (!(seconds >= MIN_SECONDS && seconds <= MAX_SECONDS) || Number.isNaN(seconds)) {
    throw new ConversionError(path, `timestamp out of range: "${text}"`);
  }
  const nanos = frac === undefined ? 0 : Number(frac.padEnd(9, "0"));
  return { $typeName: "google.protobuf.Timestamp", seconds: BigInt(seconds), nanos };
}

/** bytes → standard base64 with padding. */
export function bytesFromProto(bytes: Uint8Array): string {
  return base64Encode(bytes, "std");
}

/** base64 (standard or URL-safe, padded or not) → bytes. */
export function bytesToProto(text: string, path: string): Uint8Array {
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text)) {
    throw new ConversionError(path, "not base64");
  }
  return base64Decode(text);
}

/** google.protobuf.Value → JSON value (`null` for NULL_VALUE). */
export function valueFromProto(v: Value, path: string): JsonValue {
  const kind = v.kind;
  switch (kind.case) {
    case "nullValue":
      return null;
    case "numberValue":
      if (!Number.isFinite(kind.value)) {
        throw new ConversionError(path, "NaN and Infinity have no JSON form");
      }
      return kind.value;
    case "stringValue":
    case "boolValue":
      return kind.value;
    case "structValue":
      return structFieldsFromProto(kind.value.fields, path);
    case "listValue": {
      const values = kind.value.values;
      const out: JsonValue[] = new Array(values.length);
      for (let i = 0; i < values.length; i++) {
        out[i] = valueFromProto(values[i] as Value, `${path}[${i}]`);
      }
      return out;
    }
    default:
      throw new ConversionError(path, "google.protobuf.Value without a kind");
  }
}

function structFieldsFromProto(fields: { [k: string]: Value }, path: string): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(fields)) {
    setOwn(out, key, valueFromProto(fields[key] as Value, `${path}.${key}`));
  }
  return out;
}

/** `obj[key] = value` that keeps a `"__proto__"` key as data instead of setting the prototype. */
function setOwn<T>(obj: { [k: string]: T }, key: string, value: T): void {
  if (key === "__proto__") {
    Object.defineProperty(obj, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    obj[key] = value;
  }
}

/** JSON value → google.protobuf.Value. */
export function valueToProto(v: JsonValue, path: string): Value {
  switch (typeof v) {
    case "string":
      return { $typeName: "google.protobuf.Value", kind: { case: "stringValue", value: v } };
    case "number":
      if (!Number.isFinite(v)) throw new ConversionError(path, "not a finite number");
      return { $typeName: "google.protobuf.Value", kind: { case: "numberValue", value: v } };
    case "boolean":
      return { $typeName: "google.protobuf.Value", kind: { case: "boolValue", value: v } };
    case "object": {
      if (v === null) {
        return { $typeName: "google.protobuf.Value", kind: { case: "nullValue", value: 0 } };
      }
      if (Array.isArray(v)) {
        const values: Value[] = new Array(v.length);
        for (let i = 0; i < v.length; i++) {
          values[i] = valueToProto(v[i] as JsonValue, `${path}[${i}]`);
        }
        return {
          $typeName: "google.protobuf.Value",
          kind: { case: "listValue", value: { $typeName: "google.protobuf.ListValue", values } },
        };
      }
      const fields: { [k: string]: Value } = {};
      for (const key of Object.keys(v)) {
        const item = v[key];
        if (item !== undefined) setOwn(fields, key, valueToProto(item, `${path}.${key}`));
      }
      return {
        $typeName: "google.protobuf.Value",
        kind: { case: "structValue", value: { $typeName: "google.protobuf.Struct", fields } },
      };
    }
    default:
      throw new ConversionError(path, `${typeof v} is not a JSON value`);
  }
}
