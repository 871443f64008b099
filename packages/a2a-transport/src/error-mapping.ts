import { A2AError } from "./a2a-error.js";
import { A2AErrorCode, GrpcStatus, errorCodeTable, isA2AErrorCode } from "./a2a-error-code.js";
import { isA2ADomain, readErrorInfo, sanitizeDetails } from "./error-details.js";
import type { JsonObject } from "./json.js";

/**
 * The details of `err` in ProtoJSON form, for JSON-RPC `error.data` and REST
 * `error.details`: the A2A `google.rpc.ErrorInfo` (reason, domain `a2a-protocol.org`,
 * metadata), then `google.rpc.BadRequest` when there are field violations, then any other
 * detail. Returns copies; never empty (every A2AError has an ErrorInfo).
 */
export function errorDetailsToJson(err: A2AError): JsonObject[] {
  return err.details.map((d) => JSON.parse(JSON.stringify(d)) as JsonObject);
}

/**
 * Rebuilds an {@link A2AError} from what a peer sent: the code (see {@link codeFromJsonRpc},
 * {@link codeFromHttpStatus}, {@link codeFromGrpcStatus}), the message and the details array
 * (JSON-RPC `error.data`, REST `error.details`, decoded gRPC details). Details that are not
 * objects with `@type` are dropped; a non-array `details` counts as none.
 */
export function errorFromDetailsJson(
  code: A2AErrorCode,
  message: string,
  details: unknown,
): A2AError {
  return new A2AError(code, message, { details: sanitizeDetails(details) });
}

// Reasons other SDKs send for the generic errors (a2a-python, a2a-js) and v0.3 names.
const REASON_ALIASES: Readonly<Record<string, A2AErrorCode>> = {
  INTERNAL_ERROR: A2AErrorCode.Internal,
  JSON_PARSE: A2AErrorCode.ParseError,
  JSON_PARSE_ERROR: A2AErrorCode.ParseError,
  AUTHENTICATED_EXTENDED_CARD_NOT_CONFIGURED: A2AErrorCode.ExtendedAgentCardNotConfigured,
  EXTENDED_CARD_NOT_CONFIGURED: A2AErrorCode.ExtendedAgentCardNotConfigured,
};

/**
 * The code named by the first A2A-domain `google.rpc.ErrorInfo` among `details`, when its
 * reason is one we know; `undefined` otherwise.
 */
export function codeFromDetails(details: unknown): A2AErrorCode | undefined {
  for (const d of sanitizeDetails(details)) {
    const info = readErrorInfo(d);
    if (info === undefined || !isA2ADomain(info)) continue;
    if (isA2AErrorCode(info.reason)) return info.reason;
    if (Object.hasOwn(REASON_ALIASES, info.reason)) return REASON_ALIASES[info.reason];
  }
  return undefined;
}

const byJsonRpc = new Map<number, A2AErrorCode>();
for (const [code, row] of Object.entries(errorCodeTable)) {
  byJsonRpc.set(row.jsonRpc, code as A2AErrorCode);
}

/**
 * The {@link A2AErrorCode} for a JSON-RPC `error.code`. An A2A ErrorInfo reason in `details`
 * (`error.data`) wins over the number; unknown numbers give `Internal`.
 */
export function codeFromJsonRpc(code: number, details?: unknown): A2AErrorCode {
  return codeFromDetails(details) ?? byJsonRpc.get(code) ?? A2AErrorCode.Internal;
}

/**
 * The {@link A2AErrorCode} for an HTTP status of the HTTP+JSON binding. An A2A ErrorInfo
 * reason in `details` (`error.details`) wins. Without one, a status shared by several codes
 * gives the generic code: 400 → `InvalidParams`, 404 and 405 → `MethodNotFound`,
 * 401 → `Unauthenticated`, 403 → `PermissionDenied`, other 4xx → `InvalidRequest`,
 * anything else → `Internal`. When the body has a `status` name, prefer
 * {@link codeFromGrpcStatus}`(status, details)`, which tells 404 NOT_FOUND from UNIMPLEMENTED.
 */
export function codeFromHttpStatus(status: number, details?: unknown): A2AErrorCode {
  const fromReason = codeFromDetails(details);
  if (fromReason !== undefined) return fromReason;
  switch (status) {
    case 400:
      return A2AErrorCode.InvalidParams;
    case 401:
      return A2AErrorCode.Unauthenticated;
    case 403:
      return A2AErrorCode.PermissionDenied;
    case 404:
    case 405:
      return A2AErrorCode.MethodNotFound;
    default:
      return status >= 400 && status < 500 ? A2AErrorCode.InvalidRequest : A2AErrorCode.Internal;
  }
}

const byGrpc: Readonly<Record<number, A2AErrorCode>> = {
  [GrpcStatus.INVALID_ARGUMENT]: A2AErrorCode.InvalidParams,
  [GrpcStatus.OUT_OF_RANGE]: A2AErrorCode.InvalidParams,
  [GrpcStatus.NOT_FOUND]: A2AErrorCode.TaskNotFound,
  [GrpcStatus.FAILED_PRECONDITION]: A2AErrorCode.UnsupportedOperation,
  [GrpcStatus.UNIMPLEMENTED]: A2AErrorCode.MethodNotFound,
  [GrpcStatus.UNAUTHENTICATED]: A2AErrorCode.Unauthenticated,
  [GrpcStatus.PERMISSION_DENIED]: A2AErrorCode.PermissionDenied,
};

/**
 * The {@link A2AErrorCode} for a gRPC status, given as number (`5`) or name (`"NOT_FOUND"`,
 * as in a REST body's `error.status`). An A2A ErrorInfo reason in `details` wins. Without
 * one: INVALID_ARGUMENT / OUT_OF_RANGE → `InvalidParams`, NOT_FOUND → `TaskNotFound`,
 * FAILED_PRECONDITION → `UnsupportedOperation`, UNIMPLEMENTED → `MethodNotFound`,
 * UNAUTHENTICATED, PERMISSION_DENIED → themselves, anything else (INTERNAL, UNAVAILABLE,
 * UNKNOWN, …) → `Internal`.
 */
export function codeFromGrpcStatus(code: number | string, details?: unknown): A2AErrorCode {
  const fromReason = codeFromDetails(details);
  if (fromReason !== undefined) return fromReason;
  const name = typeof code === "string" ? code.toUpperCase() : "";
  const n =
    typeof code === "number"
      ? code
      : Object.hasOwn(GrpcStatus, name)
        ? (GrpcStatus as Record<string, number>)[name]
        : undefined;
  return (n === undefined ? undefined : byGrpc[n]) ?? A2AErrorCode.Internal;
}
