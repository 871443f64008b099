/**
 * The closed set of error codes an A2A peer can send: the nine A2A errors of the
 * specification (§3.3.2) and the generic ones (parse, invalid request, method not found,
 * invalid params, internal, unauthenticated, permission denied).
 *
 * The value of each A2A code is its `google.rpc.ErrorInfo` reason (the error name in
 * UPPER_SNAKE_CASE without `Error`).
 */
export const A2AErrorCode = {
  TaskNotFound: "TASK_NOT_FOUND",
  TaskNotCancelable: "TASK_NOT_CANCELABLE",
  PushNotificationNotSupported: "PUSH_NOTIFICATION_NOT_SUPPORTED",
  UnsupportedOperation: "UNSUPPORTED_OPERATION",
  ContentTypeNotSupported: "CONTENT_TYPE_NOT_SUPPORTED",
  InvalidAgentResponse: "INVALID_AGENT_RESPONSE",
  ExtendedAgentCardNotConfigured: "EXTENDED_AGENT_CARD_NOT_CONFIGURED",
  ExtensionSupportRequired: "EXTENSION_SUPPORT_REQUIRED",
  VersionNotSupported: "VERSION_NOT_SUPPORTED",
  ParseError: "PARSE_ERROR",
  InvalidRequest: "INVALID_REQUEST",
  MethodNotFound: "METHOD_NOT_FOUND",
  InvalidParams: "INVALID_PARAMS",
  Internal: "INTERNAL",
  Unauthenticated: "UNAUTHENTICATED",
  PermissionDenied: "PERMISSION_DENIED",
} as const;

/** One of the {@link A2AErrorCode} values. */
export type A2AErrorCode = (typeof A2AErrorCode)[keyof typeof A2AErrorCode];

/** gRPC status codes by name (the canonical `google.rpc.Code` numbers). */
export const GrpcStatus = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  DATA_LOSS: 15,
  UNAUTHENTICATED: 16,
} as const;

/** A gRPC status name, e.g. `"NOT_FOUND"`. */
export type GrpcStatusName = keyof typeof GrpcStatus;

/** How one {@link A2AErrorCode} is represented by each standard binding. */
export interface ErrorCodeMapping {
  /** JSON-RPC `error.code`. */
  readonly jsonRpc: number;
  /** HTTP status of the HTTP+JSON (REST) binding. */
  readonly httpStatus: number;
  /** gRPC status name; also the REST body's `error.status`. */
  readonly grpcStatus: GrpcStatusName;
  /** gRPC status number (`grpcStatus` as a number). */
  readonly grpcCode: number;
  /** The message sent when none is given (the specification's / a2a-js's wording). */
  readonly defaultMessage: string;
  /**
   * `true` for the nine A2A errors of the specification: they always carry a
   * `google.rpc.ErrorInfo` with `reason` = the code and domain `a2a-protocol.org`.
   * Generic errors carry one only when a reason or metadata is given.
   */
  readonly a2a: boolean;
}

function row(
  jsonRpc: number,
  httpStatus: number,
  grpcStatus: GrpcStatusName,
  defaultMessage: string,
  a2a: boolean,
): ErrorCodeMapping {
  return Object.freeze({
    jsonRpc,
    httpStatus,
    grpcStatus,
    grpcCode: GrpcStatus[grpcStatus],
    defaultMessage,
    a2a,
  });
}

/**
 * The one table mapping each {@link A2AErrorCode} to its JSON-RPC code, HTTP status and gRPC
 * status (A2A specification §5.4 and §9.5; generic errors per §3.3.2).
 *
 * The specification defines no JSON-RPC code for authentication and authorization failures
 * ("JSON-RPC custom error"), and neither a2a-js nor a2a-python has one. We use `-31401`
 * (Unauthenticated) and `-31403` (PermissionDenied): outside the range JSON-RPC reserves
 * (-32768…-32000), so they can never collide with a future A2A code (A2A owns -32001…-32099),
 * and they echo HTTP 401/403. Both also carry an ErrorInfo whenever a reason is set.
 */
export const errorCodeTable: Readonly<Record<A2AErrorCode, ErrorCodeMapping>> = Object.freeze({
  TASK_NOT_FOUND: row(-32001, 404, "NOT_FOUND", "Task not found", true),
  TASK_NOT_CANCELABLE: row(-32002, 400, "FAILED_PRECONDITION", "Task cannot be canceled", true),
  PUSH_NOTIFICATION_NOT_SUPPORTED: row(
    -32003,
    400,
    "FAILED_PRECONDITION",
    "Push Notification is not supported",
    true,
  ),
  UNSUPPORTED_OPERATION: row(
    -32004,
    400,
    "FAILED_PRECONDITION",
    "This operation is not supported",
    true,
  ),
  CONTENT_TYPE_NOT_SUPPORTED: row(
    -32005,
    400,
    "INVALID_ARGUMENT",
    "Incompatible content types",
    true,
  ),
  INVALID_AGENT_RESPONSE: row(-32006, 500, "INTERNAL", "Invalid agent response type", true),
  EXTENDED_AGENT_CARD_NOT_CONFIGURED: row(
    -32007,
    400,
    "FAILED_PRECONDITION",
    "Extended Agent Card not configured",
    true,
  ),
  EXTENSION_SUPPORT_REQUIRED: row(
    -32008,
    400,
    "FAILED_PRECONDITION",
    "Extension support required",
    true,
  ),
  VERSION_NOT_SUPPORTED: row(-32009, 400, "FAILED_PRECONDITION", "Version not supported", true),
  PARSE_ERROR: row(-32700, 400, "INVALID_ARGUMENT", "Invalid JSON payload", false),
  INVALID_REQUEST: row(-32600, 400, "INVALID_ARGUMENT", "Request payload validation error", false),
  METHOD_NOT_FOUND: row(-32601, 404, "UNIMPLEMENTED", "Method not found", false),
  INVALID_PARAMS: row(-32602, 400, "INVALID_ARGUMENT", "Invalid parameters", false),
  INTERNAL: row(-32603, 500, "INTERNAL", "Internal error", false),
  UNAUTHENTICATED: row(-31401, 401, "UNAUTHENTICATED", "Authentication required", false),
  PERMISSION_DENIED: row(-31403, 403, "PERMISSION_DENIED", "Permission denied", false),
});

const codes = new Set<string>(Object.values(A2AErrorCode));

/** True when `v` is one of the {@link A2AErrorCode} values. */
export function isA2AErrorCode(v: unknown): v is A2AErrorCode {
  return typeof v === "string" && codes.has(v);
}
