import {
  A2AError,
  type A2AErrorCode,
  codeFromGrpcStatus,
  codeFromHttpStatus,
  errorCodeTable,
  errorDetailsToJson,
  errorFromDetailsJson,
} from "@agentmesh/a2a-transport";
import type { JsonObject } from "@agentmesh/a2a-types";

/** The google.rpc.Status JSON body of a REST error (§11.6, AIP-193). */
export interface RestErrorBody {
  error: {
    /** The HTTP status. */
    code: number;
    /** The gRPC status name, e.g. `"NOT_FOUND"`. */
    status: string;
    message: string;
    /** ErrorInfo / BadRequest / other details, each with `@type`. Omitted when empty. */
    details?: JsonObject[];
  };
}

/** HTTP status of an {@link A2AErrorCode} (§5.4). */
export function codeToHttpStatus(code: A2AErrorCode): number {
  return errorCodeTable[code].httpStatus;
}

/**
 * Converts any thrown value into the HTTP status and google.rpc.Status body of a REST
 * error. `httpStatus` overrides the table's status for transport-level failures (405, 413,
 * 415); the body's `code` always equals the HTTP status.
 */
export function errorToRest(
  reason: unknown,
  httpStatus?: number,
): { status: number; body: RestErrorBody } {
  let err = A2AError.from(reason);
  if (!errorCodeTable[err.code].a2a && err.reason === undefined) {
    // Several generic codes share 400/404 and INVALID_ARGUMENT: name the code in an ErrorInfo
    // so that clients get it back exactly.
    err = new A2AError(err.code, err.message, { reason: err.code, details: err.details });
  }
  const row = errorCodeTable[err.code];
  const status = httpStatus ?? row.httpStatus;
  const body: RestErrorBody = {
    error: { code: status, status: row.grpcStatus, message: err.message },
  };
  const details = errorDetailsToJson(err);
  if (details.length > 0) body.error.details = details;
  return { status, body };
}

/**
 * Decodes a REST error response (HTTP status + body text) back into an {@link A2AError}
 * with the code, reason, metadata and details the server sent; ErrorInfo.reason wins over
 * the HTTP status. A body that is not google.rpc.Status (e.g. a proxy's HTML page) gives an
 * error from the status alone, with the start of the body in the message.
 */
export function errorFromRest(httpStatus: number, text: string): A2AError {
  let parsed: unknown;
  try {
    parsed = text === "" ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const error = (parsed as { error?: unknown } | undefined)?.error;
  if (typeof error === "object" && error !== null) {
    const e = error as { message?: unknown; details?: unknown };
    const details = Array.isArray(e.details) ? e.details : [];
    const statusName = (error as { status?: unknown }).status;
    const code =
      typeof statusName === "string" && statusName !== ""
        ? codeFromGrpcStatus(statusName, details)
        : codeFromHttpStatus(httpStatus, details);
    const message =
      typeof e.message === "string" && e.message !== ""
        ? e.message
        : errorCodeTable[code].defaultMessage;
    return errorFromDetailsJson(code, message, details);
  }
  const code = codeFromHttpStatus(httpStatus);
  const snippet = text.slice(0, 200);
  return new A2AError(
    code,
    `HTTP ${httpStatus}${snippet ? `: ${snippet}` : ""} (the answer is not an A2A error body)`,
  );
}
