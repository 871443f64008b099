import {
  A2AClientError,
  A2AClientErrorCode,
  A2AError,
  A2AErrorCode,
  type CallError,
  toCallError,
} from "@agentmesh/a2a-transport";
import { Code, ConnectError } from "@connectrpc/connect";
import { ConversionError } from "./convert/scalars.js";
import { errorFromConnect } from "./error-mapping.js";

/**
 * What the client transport throws for a failed call: the server's error as {@link A2AError}
 * (via {@link errorFromConnect}); a caller abort, `timeoutMs`, an unreachable server, a
 * response with no A2A form or over the client's own size limit as {@link A2AClientError}.
 */
export function toGrpcCallError(
  e: unknown,
  signal: AbortSignal | undefined,
  timeoutMs: number | undefined,
): CallError {
  if (e instanceof A2AError || e instanceof A2AClientError) return e;
  if (signal?.aborted) return toCallError(e, { signal });
  if (e instanceof ConversionError) {
    return new A2AClientError(
      A2AClientErrorCode.InvalidResponse,
      `the server sent a message with no A2A form: ${e.message}`,
      { cause: e },
    );
  }
  if (e instanceof ConnectError) {
    const fromServer = e.metadata.has("grpc-status") || e.details.length > 0;
    if (e.code === Code.DeadlineExceeded && timeoutMs !== undefined) {
      return new A2AClientError(
        A2AClientErrorCode.Timeout,
        `the call timed out after ${timeoutMs} ms`,
        { cause: e },
      );
    }
    // Connect reports socket failures (refused, reset, closed) as UNAVAILABLE, CANCELED,
    // ABORTED or UNKNOWN without a gRPC status from the server: a local, network failure.
    if (!fromServer && NETWORK_CODES.has(e.code)) {
      return new A2AClientError(A2AClientErrorCode.Network, e.rawMessage, { cause: e });
    }
    // The client's own limit (a readMaxBytes on a custom Connect transport) on a response.
    if (e.code === Code.ResourceExhausted && !fromServer) {
      return new A2AClientError(
        A2AClientErrorCode.InvalidResponse,
        `the response is larger than this client accepts (${e.rawMessage}); raise readMaxBytes on the Connect transport`,
        { cause: e },
      );
    }
    return errorFromConnect(e);
  }
  return toCallError(e);
}

const NETWORK_CODES: ReadonlySet<Code> = new Set([
  Code.Unavailable,
  Code.Canceled,
  Code.Aborted,
  Code.Unknown,
]);

/** Encodes a request; a model the proto cannot hold fails locally as `INVALID_PARAMS`. */
export function encodeRequest<T, P>(toProto: (r: T) => P, req: T): P {
  try {
    return toProto(req);
  } catch (e) {
    if (!(e instanceof ConversionError)) throw e;
    throw new A2AError(A2AErrorCode.InvalidParams, `Invalid parameters: ${e.message}`, {
      fieldViolations: [{ field: e.path, description: e.problem }],
      cause: e,
    });
  }
}
