import { A2AError, A2AErrorCode } from "@agentmesh/a2a-transport";
import type { JsonRpcErrorObject } from "./error-mapping.js";

/** A JSON-RPC request id: string, number or null (JSON-RPC 2.0 §4). */
export type JsonRpcId = string | number | null;

/** A valid JSON-RPC 2.0 request envelope. */
export interface JsonRpcRequest {
  readonly id: JsonRpcId;
  readonly method: string;
  /** `params` when it is an object; undefined when absent. */
  readonly params: Record<string, unknown> | undefined;
}

/** Outcome of {@link parseRequestEnvelope}: the request, or the error to answer with. */
export type EnvelopeResult =
  | { readonly ok: true; readonly request: JsonRpcRequest }
  | { readonly ok: false; readonly id: JsonRpcId; readonly error: A2AError };

function isId(v: unknown): v is JsonRpcId {
  return v === null || typeof v === "string" || (typeof v === "number" && Number.isFinite(v));
}

/**
 * Parses and validates a JSON-RPC 2.0 request body:
 * unparsable JSON → -32700 (id null); a batch (array), a non-object, `jsonrpc` ≠ "2.0",
 * a missing/non-string `method`, a missing or ill-typed `id` → -32600 (id echoed when it is
 * valid, else null); `params` that is present but not an object (null, an array, a
 * primitive) → -32602 with the request id: -32600 is kept for envelope errors only.
 *
 * A missing `id` (a JSON-RPC notification) is refused with -32600: every A2A method has a
 * result, so a call without an id could never be answered.
 */
export function parseRequestEnvelope(text: string): EnvelopeResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail(null, A2AErrorCode.ParseError, "Invalid JSON payload: the body is not valid JSON.");
  }
  if (Array.isArray(parsed)) {
    return fail(
      null,
      A2AErrorCode.InvalidRequest,
      "Request payload validation error: batch requests are not supported; send one request object per call.",
    );
  }
  if (typeof parsed !== "object" || parsed === null) {
    return fail(
      null,
      A2AErrorCode.InvalidRequest,
      "Request payload validation error: the body must be a JSON-RPC request object.",
    );
  }
  const env = parsed as Record<string, unknown>;
  const id = isId(env.id) ? env.id : null;
  if (env.jsonrpc !== "2.0") {
    return fail(
      id,
      A2AErrorCode.InvalidRequest,
      'Request payload validation error: "jsonrpc" must be "2.0".',
    );
  }
  if (!("id" in env)) {
    return fail(
      null,
      A2AErrorCode.InvalidRequest,
      'Request payload validation error: "id" is required (notifications are not supported).',
    );
  }
  if (!isId(env.id)) {
    return fail(
      null,
      A2AErrorCode.InvalidRequest,
      'Request payload validation error: "id" must be a string, a number or null.',
    );
  }
  if (typeof env.method !== "string" || env.method === "") {
    return fail(
      id,
      A2AErrorCode.InvalidRequest,
      'Request payload validation error: "method" must be a non-empty string.',
    );
  }
  const params = env.params;
  if (params === undefined)
    return { ok: true, request: { id, method: env.method, params: undefined } };
  if (typeof params !== "object" || params === null || Array.isArray(params)) {
    // The envelope is valid; only the params are wrong (null, an array, a primitive): -32602.
    return fail(
      id,
      A2AErrorCode.InvalidParams,
      `Invalid parameters: "params" must be an object (A2A uses by-name parameters), not ${describe(params)}.`,
      "params",
    );
  }
  return {
    ok: true,
    request: { id, method: env.method, params: params as Record<string, unknown> },
  };
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return `a ${typeof v}`;
}

function fail(id: JsonRpcId, code: A2AErrorCode, message: string, field?: string): EnvelopeResult {
  const error =
    field === undefined
      ? new A2AError(code, message)
      : new A2AError(code, message, {
          fieldViolations: [{ field, description: "must be a JSON object" }],
        });
  return { ok: false, id, error };
}

/** Serializes a success response envelope. `result` is already ProtoJSON. */
export function resultEnvelope(id: JsonRpcId, result: unknown): string {
  return `{"jsonrpc":"2.0","id":${JSON.stringify(id)},"result":${JSON.stringify(result)}}`;
}

/** Serializes an error response envelope. */
export function errorEnvelope(id: JsonRpcId, error: JsonRpcErrorObject): string {
  return `{"jsonrpc":"2.0","id":${JSON.stringify(id)},"error":${JSON.stringify(error)}}`;
}
