/**
 * `@agentmesh/a2a-transport`: what every A2A binding shares — the error model and its
 * per-binding mappings, service parameters (`A2A-Version`, `A2A-Extensions`), the SSE codec,
 * and the server-handler and client-transport contracts.
 *
 * @packageDocumentation
 */

// Errors
export { A2AErrorCode, GrpcStatus, errorCodeTable, isA2AErrorCode } from "./a2a-error-code.js";
export type { ErrorCodeMapping, GrpcStatusName } from "./a2a-error-code.js";
export { A2AError } from "./a2a-error.js";
export type { A2AErrorInit } from "./a2a-error.js";
export { A2AClientError, A2AClientErrorCode, toCallError } from "./a2a-client-error.js";
export type { CallError, ToCallErrorOptions } from "./a2a-client-error.js";
export { A2A_ERROR_DOMAIN, BAD_REQUEST_TYPE, ERROR_INFO_TYPE } from "./error-details.js";
export type { ErrorDetail, ErrorInfo, FieldViolation } from "./error-details.js";
export {
  codeFromDetails,
  codeFromGrpcStatus,
  codeFromHttpStatus,
  codeFromJsonRpc,
  errorDetailsToJson,
  errorFromDetailsJson,
} from "./error-mapping.js";

// Service parameters
export {
  A2A_EXTENSIONS_HEADER,
  A2A_VERSION_HEADER,
  DEFAULT_REQUESTED_VERSION,
  PROTOCOL_VERSION,
  checkRequiredExtensions,
  checkVersion,
  formatExtensions,
  parseExtensions,
  readRequestedVersion,
} from "./service-parameters.js";
export type { DeclaredExtension } from "./service-parameters.js";

// SSE
export { encodeSseComment, encodeSseEvent, sseResponseStream } from "./sse-encoder.js";
export type { SseEvent, SseResponseStreamOptions } from "./sse-encoder.js";
export { DEFAULT_MAX_EVENT_BYTES, decodeSse } from "./sse-decoder.js";
export type { DecodeSseOptions } from "./sse-decoder.js";

// Operations
export { A2A_METHODS, findMethod } from "./methods.js";
export type {
  A2ACapability,
  A2AMethod,
  A2AMethodInfo,
  A2AMethodKey,
  A2AMethodMap,
} from "./methods.js";

// Server side
export { createCallContext } from "./call-context.js";
export type {
  CallContext,
  CallContextInit,
  Principal,
  ProtocolBindingName,
} from "./call-context.js";
export type { A2AHandler } from "./handler.js";
export type {
  AuthenticationRequest,
  Authenticator,
  FetchHandler,
  ServerBinding,
  ServerBindingOptions,
} from "./server-binding.js";

// Client side
export { createRequestHeaders } from "./client-transport.js";
export type {
  CallOptions,
  CallOutcome,
  ClientCall,
  ClientTransport,
  ClientTransportOptions,
  Interceptor,
} from "./client-transport.js";

// ---------------------------------------------------------------------------------------------
// Private, no semver: for binding packages (@agentmesh/a2a-jsonrpc, @agentmesh/a2a-rest). These
// may change in any release; applications should not use them.
// ---------------------------------------------------------------------------------------------
export { callFailure, callSignal, invalidResponse, runIntercepted } from "./binding/call.js";
export type { CallMeta } from "./binding/call.js";
export {
  clientRequestHeaders,
  jsonResponseHeaders,
  sseResponseHeaders,
} from "./binding/headers.js";
export {
  BodyReadFailed,
  DEFAULT_MAX_BODY_BYTES,
  PayloadTooLarge,
  readBodyText,
} from "./binding/request-body.js";
export { DEFAULT_SUPPORTED_VERSIONS, createServerCallContext } from "./binding/request-header.js";
export { jsonResponse } from "./binding/json-response.js";
export { openSseStream } from "./binding/server-stream.js";
export type { OpenSseStreamOptions } from "./binding/server-stream.js";
