import type { ClientTransport } from "@agentmesh/a2a-transport";
import { createConnectTransport, createGrpcWebTransport } from "@connectrpc/connect-web";
import { type GrpcTransportOptions, createGrpcClientTransport, grpcBaseUrl } from "./transport.js";

/** Options of {@link createGrpcTransport} (runtime-neutral entry). */
export interface GrpcWebTransportOptions extends GrpcTransportOptions {
  /**
   * Wire protocol of the default Connect transport (ignored when `transport` is given):
   * `"grpc-web"` or `"connect"`, both over `fetch`. Default `"grpc-web"`.
   */
  protocol?: "grpc-web" | "connect";
}

/**
 * Creates the client transport of the gRPC binding for browsers, Deno, Bun and Workers: every
 * A2A operation as an `A2AService` rpc over gRPC-Web (or the Connect protocol) through `fetch`
 * at `url` (the server's `/a2a/grpc` mount, e.g. `https://agent.example/a2a/grpc`).
 * On Node, `createGrpcTransport` of `@agentmesh/a2a-grpc/node` also speaks native gRPC.
 *
 * Every call sends `a2a-version: 1.0` metadata; errors come out as `A2AError` (what the
 * server sent) or `A2AClientError` (aborted, timed out, network, invalid response).
 *
 * @example
 * ```ts
 * const transport = createGrpcTransport({ url: "https://agent.example/a2a/grpc" });
 * const res = await transport.sendMessage({ message: userMessage("hi") });
 * ```
 */
export function createGrpcTransport(options: GrpcWebTransportOptions): ClientTransport {
  const transport =
    options.transport ??
    (options.protocol === "connect" ? createConnectTransport : createGrpcWebTransport)({
      baseUrl: grpcBaseUrl(options.url),
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    });
  return createGrpcClientTransport(options, transport);
}
