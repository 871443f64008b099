/**
 * Per-message readers and writers generated from the field table with `new Function`, so
 * property access is monomorphic (much faster than the table interpreter). Where code
 * generation is not allowed (CSP, Cloudflare Workers) or `z.config({ jitless: true })` is
 * set, callers use the interpreter instead.
 *
 * A generated reader only handles valid input: at the first thing it does not expect
 * (wrong type, both spellings, two oneof members, a missing REQUIRED message, …) it returns FALLBACK and the caller re-parses with the interpreter, which
 * reports the problems. Private, no semver.
 */
import { z } from "zod";
import { normalizeBase64 } from "./base64.js";
import { type FieldDesc, Kind, type MsgDesc, Presence } from "./descriptor.js";
import { checkJson, MAX_DEPTH } from "./json-check.js";
import { readInt32 } from "./parse.js";
import { writeMap } from "./serialize.js";
import { normalizeTimestamp } from "./timestamp.js";

/** Returned by a generated reader for input it leaves to the interpreter. */
export const FALLBACK: unique symbol = Symbol("fallback");

export type Reader = (json: unknown, depth: number) => Record<string, unknown> | typeof FALLBACK;
export type Writer = (value: Record<string, unknown>) => Record<string, unknown>;

let evalAllowed: boolean | undefined;

function canGenerate(): boolean {
  if (z.config().jitless === true) return false;
  if (evalAllowed === undefined) {
    const nav = (globalThis as { navigator?: { userAgent?: string } }).navigator;
    if (nav?.userAgent?.includes("Cloudflare") === true) evalAllowed = false;
    else {
      try {
        evalAllowed = typeof new Function("return 1") === "function";
      } catch {
        evalAllowed = false;
      }
    }
  }
  return evalAllowed;
}

/** Collects values the generated code refers to as `d0`, `d1`, … */
class Deps {
  readonly values: unknown[] = [];
  ref(v: unknown): string {
    let i = this.values.indexOf(v);
    if (i < 0) i = this.values.push(v) - 1;
    return `d${i}`;
  }
  build(body: string): unknown {
    const names = this.values.map((_, i) => `d${i}`);
    return new Function(...names, body)(...this.values);
  }
}

const readers = new Map<MsgDesc, Reader | undefined>();
const readerCache = new Map<MsgDesc, unknown>();
const writerCache = new Map<MsgDesc, unknown>();
const writers = new Map<MsgDesc, Writer | undefined>();

/** The generated reader of `d`, or undefined when code generation is off. */
export function jitReader(d: MsgDesc): Reader | undefined {
  if (readers.has(d)) return readers.get(d);
  const r = canGenerate() ? (genReader(d) as Reader) : undefined;
  readers.set(d, r);
  return r;
}

/** The generated writer of `d`, or undefined when code generation is off. */
export function jitWriter(d: MsgDesc): Writer | undefined {
  if (writers.has(d)) return writers.get(d);
  const w = canGenerate() ? (genWriter(d) as Writer) : undefined;
  writers.set(d, w);
  return w;
}

const lit = (v: unknown): string => JSON.stringify(v);

/** Code converting variable `v` (non-null) in place; `return F` on anything unexpected. */
function convert(f: FieldDesc, v: string, deps: Deps, F: string): string {
  switch (f.kind) {
    case Kind.String:
      return `if (typeof ${v} !== "string") return ${F};`;
    case Kind.Bool:
      return `if (typeof ${v} !== "boolean") return ${F};`;
    case Kind.Int32:
      return `${v} = ${deps.ref(readInt32)}(${v}); if (${v} === undefined) return ${F};`;
    case Kind.Enum: {
      const e = f.enumDesc!;
      return `${v} = typeof ${v} === "string" ? (${deps.ref(e.byName)}[${v}] === true ? ${v} : undefined) : Number.isInteger(${v}) ? ${deps.ref(e.names)}[${v}] : undefined; if (${v} === undefined) return ${F};`;
    }
    case Kind.Bytes:
      return `if (typeof ${v} !== "string") return ${F}; ${v} = ${deps.ref(normalizeBase64)}(${v}); if (${v} === undefined) return ${F};`;
    case Kind.Timestamp:
      return `if (typeof ${v} !== "string") return ${F}; ${v} = ${deps.ref(normalizeTimestamp)}(${v}); if (${v} === undefined) return ${F};`;
    case Kind.Struct:
      return `if (typeof ${v} !== "object" || Array.isArray(${v}) || ${deps.ref(checkJson)}(${v}, ${MAX_DEPTH - 1} - depth) !== undefined) return ${F};`;
    case Kind.Value:
      return `if (${deps.ref(checkJson)}(${v}, ${MAX_DEPTH - 1} - depth) !== undefined) return ${F};`;
    default:
      return `${v} = ${deps.ref(genReader(f.message!))}(${v}, depth + 1); if (${v} === ${F}) return ${F};`;
  }
}

function genReader(d: MsgDesc): unknown {
  const cached = readerCache.get(d);
  if (cached !== undefined) return cached;
  const deps = new Deps();
  const F = deps.ref(FALLBACK);
  let code = `if (typeof src !== "object" || src === null || Array.isArray(src) || depth >= ${MAX_DEPTH}) return ${F};\nconst o = {}; let x, y;${d.oneofs.length > 0 ? " let one = 0;" : ""}\n`;
  for (const f of d.fields) {
    const n = lit(f.name);
    code += `x = src[${n}];`;
    if (f.protoName !== f.name)
      code += ` y = src[${lit(f.protoName)}]; if (y !== undefined) { if (x !== undefined) return ${F}; x = y; }`;
    code += "\n";
    const required = f.presence === Presence.Required;
    let missing = "";
    if (required) {
      if (f.repeated) missing = `o[${n}] = [];`;
      else if (f.map) missing = `o[${n}] = {};`;
      else if (f.zero !== undefined) missing = `o[${n}] = ${lit(f.zero)};`;
      else missing = `return ${F};`;
    }
    let present: string;
    if (f.repeated) {
      present = `if (!Array.isArray(x)) return ${F}; const n = x.length; if (n !== 0) { const r = new Array(n); for (let i = 0; i < n; i++) { let e = x[i]; if (e === null || e === undefined) return ${F}; ${convert(f, "e", deps, F)} r[i] = e; } o[${n}] = r; }${required ? ` else o[${n}] = [];` : ""}`;
    } else if (f.map) {
      present = `if (typeof x !== "object" || Array.isArray(x)) return ${F}; const r = {}; let any = false; for (const k in x) { let e = x[k]; if (e === null || e === undefined || k === "__proto__") return ${F}; ${convert(f, "e", deps, F)} r[k] = e; any = true; } if (any${required ? " || true" : ""}) o[${n}] = r;`;
    } else {
      const keep =
        f.presence === Presence.Implicit
          ? `if (x !== ${lit(f.zero)}) o[${n}] = x;`
          : `o[${n}] = x;`;
      present = `${convert(f, "x", deps, F)} ${keep}`;
      if (f.oneof >= 0) present = `if (++one > 1) return ${F}; ${present}`;
    }
    if (f.kind === Kind.Value && !f.repeated && !f.map) {
      // null is a value here
      code += `if (x !== undefined) { ${present} }${missing === "" ? "" : ` else { ${missing} }`}\n`;
    } else {
      code += `if (x !== undefined && x !== null) { ${present} }${missing === "" ? "" : ` else { ${missing} }`}\n`;
    }
  }
  if (d.oneofs.length > 0) code += `if (one === 0) return ${F};\n`;
  code += "return o;";
  const fn = deps.build(`return function read${d.typeName.slice(10)}(src, depth) {\n${code}\n};`);
  readerCache.set(d, fn);
  return fn;
}

function genWriter(d: MsgDesc): unknown {
  const cached = writerCache.get(d);
  if (cached !== undefined) return cached;
  const deps = new Deps();
  let code = "const o = {}; let x;\n";
  for (const f of d.fields) {
    const n = lit(f.name);
    const required = f.presence === Presence.Required;
    code += `x = v[${n}];\n`;
    const child = f.kind === Kind.Message ? deps.ref(genWriter(f.message!)) : undefined;
    let missing = "";
    if (required) {
      if (f.repeated) missing = ` else o[${n}] = [];`;
      else if (f.map) missing = ` else o[${n}] = {};`;
      else if (f.zero !== undefined) missing = ` else o[${n}] = ${lit(f.zero)};`;
    }
    const isSet =
      f.kind === Kind.Value && !f.repeated ? "x !== undefined" : "x !== undefined && x !== null";
    if (f.repeated) {
      const conv =
        child === undefined
          ? `o[${n}] = x.slice();`
          : `const n = x.length, r = new Array(n); for (let i = 0; i < n; i++) r[i] = ${child}(x[i]); o[${n}] = r;`;
      code += required
        ? `if (${isSet}) { ${conv} }${missing}\n`
        : `if (${isSet} && x.length !== 0) { ${conv} }\n`;
    } else if (f.map) {
      code += `if (${isSet}) { const r = ${deps.ref(writeMap)}(x, ${child ?? "undefined"}, ${required}); if (r !== undefined) o[${n}] = r; }${missing}\n`;
    } else if (child !== undefined) {
      code += `if (${isSet}) o[${n}] = ${child}(x);\n`;
    } else if (f.presence === Presence.Implicit) {
      code += `if (${isSet} && x !== ${lit(f.zero)}) o[${n}] = x;\n`;
    } else {
      code += `if (${isSet}) o[${n}] = x;${missing}\n`;
    }
  }
  code += "return o;";
  const fn = deps.build(`return function write${d.typeName.slice(10)}(v) {\n${code}\n};`);
  writerCache.set(d, fn);
  return fn;
}
