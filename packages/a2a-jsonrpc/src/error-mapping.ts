import {
  A2AError,
  A2AErrorCode,
  codeFromJsonRpc,
  errorCodeTable,
  errorDetailsToJson,
  errorFromDetailsJson,
} from "@agentmesh/a2a-transport";
import type { JsonObject } from "@agentmesh/a2a-types";

/** The `error` member of a JSON-RPC 2.0 response. */
export interface JsonRpcErrorObject {
  code: number;
  message: string;
  /** ErrorInfo / BadRequest / other details, each with `@type` (§9.5). Omitted when empty. */
  data?: JsonObject[];
}

/**
 * JSON-RPC code of an {@link A2AErrorCode} (§5.4, §9.5): -32001…-32009 for the A2A errors,
 * -32700/-32600/-32601/-32602/-32603 for the generic ones.
 */
export function codeToJsonRpc(code: A2AErrorCode): number {
  return errorCodeTable[code].jsonRpc;
}

/** Converts any thrown value into the JSON-RPC `error` object (details in `data[]`). */
export function errorToJsonRpc(reason: unknown): JsonRpcErrorObject {
  const err = A2AError.from(reason);
  const out: JsonRpcErrorObject = { code: codeToJsonRpc(err.code), message: err.message };
  const data = errorDetailsToJson(err);
  if (data.length > 0) out.data = data;
  return out;
}

/**
 * Decodes a JSON-RPC `error` object back into an {@link A2AError} with the code, reason,
 * metadata and details the server sent. The ErrorInfo reason wins over the number.
 */
export function errorFromJsonRpc(error: unknown): A2AError {
  if (typeof error !== "object" || error === null) {
    return new A2AError(
      A2AErrorCode.Internal,
      "The server answered with a malformed JSON-RPC error (not an object).",
    );
  }
  const e = error as { code?: unknown; message?: unknown; data?: unknown };
  const details = Array.isArray(e.data) ? e.data : [];
  const number = typeof e.code === "number" ? e.code : -32603;
  const code = codeFromJsonRpc(number, details);
  const message =
    typeof e.message === "string" && e.message !== ""
      ? e.message
      : errorCodeTable[code].defaultMessage;
  return errorFromDetailsJson(code, message, details);
}
