import type { JsonObject, JsonValue } from "./json.js";

/** `@type` of a `google.rpc.ErrorInfo` detail in ProtoJSON `Any` form. */
export const ERROR_INFO_TYPE = "type.googleapis.com/google.rpc.ErrorInfo";
/** `@type` of a `google.rpc.BadRequest` detail in ProtoJSON `Any` form. */
export const BAD_REQUEST_TYPE = "type.googleapis.com/google.rpc.BadRequest";
/** The `ErrorInfo.domain` of every A2A error. */
export const A2A_ERROR_DOMAIN = "a2a-protocol.org";

/**
 * One error detail in ProtoJSON `Any` form: an object with a `@type` key, as carried in
 * JSON-RPC `error.data[]`, REST `error.details[]` and (encoded) gRPC `Status.details`.
 */
export interface ErrorDetail {
  readonly "@type": string;
  readonly [key: string]: JsonValue;
}

/** One entry of `google.rpc.BadRequest.fieldViolations`. */
export interface FieldViolation {
  /** Path of the offending field, e.g. `message.parts[0].text` (`""` = the whole request). */
  readonly field: string;
  /** What is wrong with it. */
  readonly description: string;
}

/** The parts of a `google.rpc.ErrorInfo` this package reads. */
export interface ErrorInfo {
  readonly reason: string;
  readonly domain: string;
  readonly metadata: Readonly<Record<string, string>>;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isJsonValue(v: unknown, depth = 0): v is JsonValue {
  if (depth > 64) return false;
  if (v === null || typeof v === "string" || typeof v === "boolean") return true;
  if (typeof v === "number") return Number.isFinite(v);
  if (Array.isArray(v)) return v.every((x) => isJsonValue(x, depth + 1));
  if (isObject(v)) return Object.values(v).every((x) => isJsonValue(x, depth + 1));
  return false;
}

/**
 * Keeps the entries of `details` that are valid error details (JSON objects with a string
 * `@type`), drops the rest. Accepts anything: a non-array yields `[]`.
 */
export function sanitizeDetails(details: unknown): ErrorDetail[] {
  if (!Array.isArray(details)) return [];
  const out: ErrorDetail[] = [];
  for (const d of details) {
    if (isObject(d) && typeof d["@type"] === "string" && isJsonValue(d)) {
      out.push(d as ErrorDetail);
    }
  }
  return out;
}

/**
 * Reads a detail as `google.rpc.ErrorInfo`; `undefined` when it is something else or has no
 * reason. Metadata values that are not strings are converted (numbers, booleans) or dropped.
 */
export function readErrorInfo(detail: ErrorDetail): ErrorInfo | undefined {
  if (detail["@type"] !== ERROR_INFO_TYPE) return undefined;
  const reason = detail["reason"];
  if (typeof reason !== "string" || reason === "") return undefined;
  const domain = typeof detail["domain"] === "string" ? detail["domain"] : "";
  const entries: [string, string][] = [];
  const raw = detail["metadata"];
  if (isObject(raw)) {
    for (const [k, v] of Object.entries(raw)) {
      if (typeof v === "string") entries.push([k, v]);
      else if (typeof v === "number" || typeof v === "boolean") entries.push([k, String(v)]);
    }
  }
  // fromEntries defines own properties, so a "__proto__" key stays data.
  return { reason, domain, metadata: Object.fromEntries(entries) };
}

/** True for an ErrorInfo of the A2A domain (a missing domain is read leniently as A2A). */
export function isA2ADomain(info: ErrorInfo): boolean {
  return info.domain === A2A_ERROR_DOMAIN || info.domain === "";
}

/** Reads a detail as `google.rpc.BadRequest`; `undefined` when it is something else. */
export function readFieldViolations(detail: ErrorDetail): FieldViolation[] | undefined {
  if (detail["@type"] !== BAD_REQUEST_TYPE) return undefined;
  const list = detail["fieldViolations"] ?? detail["field_violations"];
  const out: FieldViolation[] = [];
  if (Array.isArray(list)) {
    for (const v of list) {
      if (!isObject(v)) continue;
      out.push({
        field: typeof v["field"] === "string" ? v["field"] : "",
        description: typeof v["description"] === "string" ? v["description"] : "",
      });
    }
  }
  return out;
}

/** Builds the ProtoJSON form of an A2A `google.rpc.ErrorInfo`. */
export function errorInfoDetail(
  reason: string,
  metadata: Readonly<Record<string, string>>,
): ErrorDetail {
  const d: JsonObject = { "@type": ERROR_INFO_TYPE, reason, domain: A2A_ERROR_DOMAIN };
  if (Object.keys(metadata).length > 0) d["metadata"] = { ...metadata };
  return d as ErrorDetail;
}

/** Builds the ProtoJSON form of a `google.rpc.BadRequest`. */
export function badRequestDetail(violations: readonly FieldViolation[]): ErrorDetail {
  return {
    "@type": BAD_REQUEST_TYPE,
    fieldViolations: violations.map((v) => ({ field: v.field, description: v.description })),
  };
}
