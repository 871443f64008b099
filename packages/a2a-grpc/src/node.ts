/**
 * `@agentmesh/a2a-grpc/node`: the gRPC binding with native gRPC over HTTP/2 (h2c) for
 * servers, and a client transport that speaks native gRPC by default.
 *
 * @packageDocumentation
 */
export * from "./index.js";
export { createGrpcHttp2Handler, grpcBinding } from "./node/node-binding.js";
export type { Http2RequestListener, NodeGrpcBinding } from "./node/node-binding.js";
export { createGrpcTransport } from "./node/node-transport.js";
export type { NodeGrpcTransportOptions } from "./node/node-transport.js";
