/**
 * `@agentmesh/a2a-grpc`: the A2A gRPC binding over Connect. A service implementation of
 * `lf.a2a.v1.A2AService` over the A2A handler contract, a fetch handler serving it over
 * gRPC-Web and Connect, a client transport, and the conversions between the generated
 * protobuf messages and the JSON model of `@agentmesh/a2a-types`.
 *
 * Native gRPC over HTTP/2 (server and default client) lives in `@agentmesh/a2a-grpc/node`.
 *
 * @packageDocumentation
 */
export { grpcBinding } from "./binding.js";
export type { GrpcBindingOptions } from "./binding.js";
export { DEFAULT_GRPC_PATH, createGrpcFetchHandler } from "./fetch-handler.js";
export type { GrpcFetchHandlerOptions } from "./fetch-handler.js";
export {
  DEFAULT_MAX_BODY_BYTES,
  createA2AServiceImpl,
  createGrpcRoutes,
} from "./handler-factory.js";
export type { A2AServiceImpl } from "./handler-factory.js";
export { createGrpcTransport } from "./web-transport.js";
export type { GrpcWebTransportOptions } from "./web-transport.js";
export { createGrpcClientTransport, grpcBaseUrl } from "./transport.js";
export type { GrpcTransportOptions } from "./transport.js";
export {
  codeToConnect,
  connectErrorDetailsToJson,
  errorFromConnect,
  errorToConnect,
} from "./error-mapping.js";
export { METADATA_EXTENSIONS, METADATA_VERSION } from "./headers.js";
export * from "./convert/index.js";
/** The generated protobuf-es code of `lf.a2a.v1` (descriptors are named `FooSchema`). */
export * as pb from "./gen/a2a_pb.js";
