import {
  A2AError,
  A2AErrorCode,
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
  // Every A2AError carries an ErrorInfo naming its code, so that clients tell apart the
  // generic codes that share 400/404 and INVALID_ARGUMENT.
  const err = A2AError.from(reason);
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
 * The `WWW-Authenticate` challenge of a 401 answer (§3.3.2, RFC 9110 §11.6.1): the error's
 * `wwwAuthenticate` metadata when set (a full challenge, e.g. `Bearer realm="agent"`), else
 * its `scheme` metadata (e.g. `Bearer`, `Basic`), else `fallback`. `undefined` for errors that
 * are not `Unauthenticated` and when no challenge is known.
 */
export function wwwAuthenticateFor(
  reason: unknown,
  fallback: string | undefined,
): string | undefined {
  const err = A2AError.from(reason);
  if (err.code !== A2AErrorCode.Unauthenticated) return undefined;
  const explicit = err.metadata["wwwAuthenticate"] ?? err.metadata["scheme"];
  const challenge = explicit !== undefined && explicit.trim() !== "" ? explicit : fallback;
  // A header value cannot carry CR/LF; drop a challenge that would.
  return challenge === undefined || /[\r\n]/.test(challenge) ? undefined : challenge;
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
