/** The A2A protocol version this package implements (`A2A-Version` and `protocolVersion`). */
export const PROTOCOL_VERSION = "1.0";

/** The three standard protocol bindings, as written in `AgentInterface.protocolBinding`. */
export const ProtocolBinding = {
  JsonRpc: "JSONRPC",
  HttpJson: "HTTP+JSON",
  Grpc: "GRPC",
} as const;
/** One of the standard {@link ProtocolBinding} names. */
export type ProtocolBinding = (typeof ProtocolBinding)[keyof typeof ProtocolBinding];
