import type { z } from "zod";
import { descOf, type MsgDesc } from "./codec/descriptor.js";
import { FALLBACK, jitReader, jitWriter } from "./codec/jit.js";
import { newCtx, readMessage } from "./codec/parse.js";
import { writeMessage } from "./codec/serialize.js";
import type { JsonObject } from "./json.js";
import { WireValidationError } from "./wire-validation-error.js";

/** Any of the exported message schemas (`TaskSchema`, `SendMessageRequestSchema`, …). */
export type WireSchema = z.ZodType;

/** The canonical TypeScript value of a message schema. */
export type Infer<S extends WireSchema> = z.output<S>;

/**
 * Parses ProtoJSON into the canonical form of the message `schema` describes.
 *
 * Accepts camelCase and snake_case keys (both for one field is an error), enum names and
 * numbers, numeric strings for int32, standard or URL-safe base64 with or without padding,
 * RFC 3339 timestamps with 0–9 fraction digits and any offset. Ignores unknown keys; `null`
 * means unset (except in `Part.data`). REQUIRED scalar, list and map fields that are
 * missing get their default; a missing REQUIRED message field, a oneof with two members or
 * none, and any value of the wrong type are errors.
 *
 * The result has camelCase keys, enum names, UTC timestamps with milliseconds, standard
 * padded base64, no implicit-presence field at its default, and is exactly what
 * {@link toJson} writes. Struct and Value contents are shared with the input, not copied.
 *
 * @throws {WireValidationError} `kind: "invalid"`, with every problem and its field path.
 */
export function fromJson<S extends WireSchema>(schema: S, json: unknown): Infer<S> {
  const desc = descOf(schema);
  const fast = read(desc, json);
  if (fast !== FALLBACK) return fast as Infer<S>;
  const ctx = newCtx();
  const out = readMessage(desc, json, ctx);
  if (ctx.issues !== undefined) throw new WireValidationError("invalid", ctx.issues, desc.typeName);
  return out as Infer<S>;
}

/** Result of {@link safeFromJson}. */
export type SafeFromJsonResult<T> =
  | { success: true; data: T; error?: never }
  | { success: false; error: WireValidationError; data?: never };

/** {@link fromJson} without throwing: `{ success, data }` or `{ success: false, error }`. */
export function safeFromJson<S extends WireSchema>(
  schema: S,
  json: unknown,
): SafeFromJsonResult<Infer<S>> {
  const desc = descOf(schema);
  const fast = read(desc, json);
  if (fast !== FALLBACK) return { success: true, data: fast as Infer<S> };
  const ctx = newCtx();
  const out = readMessage(desc, json, ctx);
  if (ctx.issues !== undefined) {
    return { success: false, error: new WireValidationError("invalid", ctx.issues, desc.typeName) };
  }
  return { success: true, data: out as Infer<S> };
}

/**
 * `JSON.parse` + {@link fromJson}. Text that is not JSON throws a WireValidationError with
 * `kind: "syntax"`.
 */
export function fromJsonString<S extends WireSchema>(schema: S, text: string): Infer<S> {
  const desc = descOf(schema);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new WireValidationError(
      "syntax",
      [{ path: "", message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` }],
      desc.typeName,
    );
  }
  return fromJson(schema, json);
}

/**
 * Writes a value as exact A2A ProtoJSON: REQUIRED fields always (even `""`, `0`, `[]`),
 * implicit-presence fields only when not default, explicit-presence fields (`optional`,
 * messages, oneof members) whenever set (`historyLength: 0`, `{ text: "" }`,
 * `streaming: false`). Expects the canonical form (as {@link fromJson} returns or the types
 * describe); it does not validate. Struct and Value contents are shared, not copied.
 */
export function toJson<S extends WireSchema>(schema: S, value: Infer<S>): JsonObject {
  return write(descOf(schema), value as Record<string, unknown>);
}

/** `JSON.stringify(toJson(schema, value))`. */
export function toJsonString<S extends WireSchema>(schema: S, value: Infer<S>): string {
  return JSON.stringify(write(descOf(schema), value as Record<string, unknown>));
}

/** The generated reader for valid input; FALLBACK sends the caller to the interpreter. */
function read(desc: MsgDesc, json: unknown): Record<string, unknown> | typeof FALLBACK {
  const r = jitReader(desc);
  return r === undefined ? FALLBACK : r(json, 0);
}

function write(desc: MsgDesc, value: Record<string, unknown>): JsonObject {
  const w = jitWriter(desc);
  return (w === undefined ? writeMessage(desc, value) : w(value)) as JsonObject;
}
