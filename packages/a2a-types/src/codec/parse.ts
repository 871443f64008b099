/**
 * Table-driven ProtoJSON parser: validates wire JSON and returns the canonical form
 * (camelCase keys, enum names, UTC ms timestamps, standard padded base64, implicit
 * defaults dropped, REQUIRED scalars/lists/maps filled in). Private, no semver.
 */
import type { WireIssue } from "../wire-validation-error.js";
import { normalizeBase64 } from "./base64.js";
import { type FieldDesc, Kind, type MsgDesc, Presence } from "./descriptor.js";
import { checkJson, describe, MAX_DEPTH } from "./json-check.js";
import { normalizeTimestamp } from "./timestamp.js";

interface Ctx {
  issues: WireIssue[] | undefined;
  /** Path segments: names, indexes and preformatted `["key"]` map segments. */
  stack: (string | number)[];
  depth: number;
}

export function newCtx(): Ctx {
  return { issues: undefined, stack: [], depth: 0 };
}

function pathOf(stack: readonly (string | number)[], extra?: string): string {
  let p = "";
  for (const s of stack) {
    if (typeof s === "number") p += `[${s}]`;
    else if (s.charCodeAt(0) === 91 /* [ */) p += s;
    else p += p === "" ? s : `.${s}`;
  }
  if (extra !== undefined) p += extra.charCodeAt(0) === 91 || p === "" ? extra : `.${extra}`;
  return p;
}

function issue(ctx: Ctx, message: string, extra?: string): void {
  const entry = { path: pathOf(ctx.stack, extra), message };
  if (ctx.issues === undefined) ctx.issues = [entry];
  else ctx.issues.push(entry);
}

const INT_STRING = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A 32-bit integer from a number or a decimal numeric string; undefined otherwise. */
export function readInt32(v: unknown): number | undefined {
  let n: number;
  if (typeof v === "number") n = v;
  else if (typeof v === "string" && INT_STRING.test(v)) n = Number(v);
  else return undefined;
  if (!Number.isInteger(n) || n < -2147483648 || n > 2147483647) return undefined;
  return n === 0 ? 0 : n;
}

/**
 * Reads one value of field `f` (a singular field, or one element of a list or map).
 * Returns undefined when the value is to be left out (error, or implicit default when
 * `drop` is set).
 */
function readValue(f: FieldDesc, v: unknown, ctx: Ctx, drop: boolean): unknown {
  switch (f.kind) {
    case Kind.String:
      if (typeof v === "string") return drop && v === "" ? undefined : v;
      issue(ctx, `expected a string, got ${describe(v)}`);
      return undefined;
    case Kind.Bool:
      if (typeof v === "boolean") return drop && !v ? undefined : v;
      issue(ctx, `expected true or false, got ${describe(v)}`);
      return undefined;
    case Kind.Int32: {
      const n = readInt32(v);
      if (n !== undefined) return drop && n === 0 ? undefined : n;
      issue(ctx, `expected a 32-bit integer (number or numeric string), got ${describe(v)}`);
      return undefined;
    }
    case Kind.Enum: {
      const e = f.enumDesc!;
      let name: string | undefined;
      if (typeof v === "string") {
        if (e.byName[v] === true) name = v;
      } else if (typeof v === "number" && Number.isInteger(v)) {
        name = e.names[v];
      }
      if (name !== undefined) return drop && name === e.names[0] ? undefined : name;
      issue(
        ctx,
        `expected a ${e.typeName.slice(e.typeName.lastIndexOf(".") + 1)} name or number (${e.names.join(", ")}), got ${describe(v)}`,
      );
      return undefined;
    }
    case Kind.Bytes: {
      if (typeof v === "string") {
        const b = normalizeBase64(v);
        if (b !== undefined) return drop && b === "" ? undefined : b;
      }
      issue(ctx, `expected base64 text (standard or URL-safe), got ${describe(v)}`);
      return undefined;
    }
    case Kind.Timestamp: {
      if (typeof v === "string") {
        const t = normalizeTimestamp(v);
        if (t !== undefined) return t;
      }
      issue(
        ctx,
        `expected an RFC 3339 timestamp between years 0001 and 9999 (e.g. "2026-01-02T03:04:05.678Z"), got ${describe(v)}`,
      );
      return undefined;
    }
    case Kind.Struct: {
      if (typeof v !== "object" || v === null || Array.isArray(v)) {
        issue(ctx, `expected a JSON object, got ${describe(v)}`);
        return undefined;
      }
      const p = checkJson(v, MAX_DEPTH - ctx.depth);
      if (p === undefined) return v;
      issue(ctx, p.message, p.path === "" ? undefined : p.path.replace(/^\./, ""));
      return undefined;
    }
    case Kind.Value: {
      const p = checkJson(v, MAX_DEPTH - ctx.depth);
      if (p === undefined) return v;
      issue(ctx, p.message, p.path === "" ? undefined : p.path.replace(/^\./, ""));
      return undefined;
    }
    default:
      return readMessage(f.message!, v, ctx);
  }
}

function readList(f: FieldDesc, v: unknown, ctx: Ctx): unknown[] | undefined {
  if (!Array.isArray(v)) {
    issue(ctx, `expected an array, got ${describe(v)}`);
    return undefined;
  }
  const n = v.length;
  if (n === 0) return f.presence === Presence.Required ? [] : undefined;
  const out = new Array<unknown>(n);
  const stack = ctx.stack;
  for (let i = 0; i < n; i++) {
    const item: unknown = v[i];
    stack.push(i);
    if (item === null) issue(ctx, "list items must not be null");
    else out[i] = readValue(f, item, ctx, false);
    stack.pop();
  }
  return out;
}

function readMap(f: FieldDesc, v: unknown, ctx: Ctx): Record<string, unknown> | undefined {
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    issue(ctx, `expected a JSON object (map), got ${describe(v)}`);
    return undefined;
  }
  const out: Record<string, unknown> = {};
  let empty = true;
  const src = v as Record<string, unknown>;
  for (const k in src) {
    empty = false;
    const item = src[k];
    ctx.stack.push(`[${JSON.stringify(k)}]`);
    if (item === null) issue(ctx, "map values must not be null");
    else {
      const r = readValue(f, item, ctx, false);
      if (k === "__proto__")
        Object.defineProperty(out, k, {
          value: r,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else out[k] = r;
    }
    ctx.stack.pop();
  }
  return empty && f.presence !== Presence.Required ? undefined : out;
}

/** Reads one message; returns undefined (with an issue recorded) when `json` is no object. */
export function readMessage(
  d: MsgDesc,
  json: unknown,
  ctx: Ctx,
): Record<string, unknown> | undefined {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    issue(ctx, `expected a JSON object (${d.typeName.slice(10)}), got ${describe(json)}`);
    return undefined;
  }
  if (ctx.depth >= MAX_DEPTH) {
    issue(ctx, `nesting exceeds ${MAX_DEPTH} levels`);
    return undefined;
  }
  ctx.depth++;
  const out: Record<string, unknown> = {};
  const byKey = d.byKey;
  const src = json as Record<string, unknown>;
  const stack = ctx.stack;
  let seen = 0;
  let oneofSet: FieldDesc | undefined;
  for (const key in src) {
    const f = byKey[key];
    if (f === undefined) continue; // unknown fields are ignored (A2A §5.7)
    const v = src[key];
    if (v === undefined) continue; // not JSON: a JS object's unset property
    if ((seen & f.bit) !== 0) {
      issue(ctx, `given twice (as "${f.name}" and "${f.protoName}"); use one spelling`, f.name);
      continue;
    }
    seen |= f.bit;
    // null means unset (ProtoJSON), also for oneof members, except for google.protobuf.Value
    if (v === null && (f.kind !== Kind.Value || f.repeated)) continue;
    if (f.oneof >= 0) {
      if (oneofSet !== undefined) {
        issue(
          ctx,
          `only one of ${oneofNames(d, f.oneof)} may be set, got "${oneofSet.name}" and "${f.name}"`,
          f.name,
        );
        continue;
      }
      oneofSet = f;
    }
    stack.push(f.name);
    const r = f.repeated
      ? readList(f, v, ctx)
      : f.map
        ? readMap(f, v, ctx)
        : readValue(f, v, ctx, f.presence === Presence.Implicit);
    stack.pop();
    if (r !== undefined) out[f.name] = r;
  }
  const req = d.required;
  for (let i = 0; i < req.length; i++) {
    const f = req[i] as FieldDesc;
    if (out[f.name] !== undefined) continue;
    if (f.repeated) out[f.name] = [];
    else if (f.map) out[f.name] = {};
    else if (f.zero !== undefined) out[f.name] = f.zero;
    else if ((seen & f.bit) === 0 || src[f.name] === null || src[f.protoName] === null)
      issue(ctx, "is required", f.name);
  }
  if (d.oneofs.length > 0 && oneofSet === undefined) {
    issue(ctx, `one of ${oneofNames(d, 0)} must be set`);
  }
  ctx.depth--;
  return out;
}

function oneofNames(d: MsgDesc, i: number): string {
  return (d.oneofs[i]?.fields ?? []).map((f) => `"${f.name}"`).join(", ");
}

/** Parses without throwing; returns the (possibly partial) value and every issue. */
export function parseWithIssues(
  d: MsgDesc,
  json: unknown,
): { value: Record<string, unknown> | undefined; issues: WireIssue[] } {
  const ctx = newCtx();
  const value = readMessage(d, json, ctx);
  return { value, issues: ctx.issues ?? [] };
}
