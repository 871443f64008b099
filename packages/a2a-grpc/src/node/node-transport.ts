import type { ClientTransport } from "@agentmesh/a2a-transport";
import type { Transport } from "@connectrpc/connect";
import {
  createConnectTransport as createWebConnectTransport,
  createGrpcWebTransport as createWebGrpcWebTransport,
} from "@connectrpc/connect-web";
import {
  Http2SessionManager,
  createConnectTransport,
  createGrpcTransport as createConnectGrpcTransport,
  createGrpcWebTransport,
} from "@connectrpc/connect-node";
import { type GrpcTransportOptions, createGrpcClientTransport, grpcBaseUrl } from "../transport.js";

/** Options of {@link createGrpcTransport} (Node entry). */
export interface NodeGrpcTransportOptions extends GrpcTransportOptions {
  /**
   * Wire protocol of the default Connect transport (ignored when `transport` is given):
   * `"grpc"` (native gRPC over HTTP/2), `"grpc-web"` or `"connect"` (HTTP/1.1, or `fetch`
   * when `fetch` is given). Default: `"grpc"` when `url` has no path (`host:port`,
   * `http://host:port`), else `"grpc-web"` (a gRPC-Web mount like `http://host/a2a/grpc`).
   */
  protocol?: "grpc" | "grpc-web" | "connect";
}

/**
 * Creates the client transport of the gRPC binding on Node: every A2A operation as an
 * `lf.a2a.v1.A2AService` rpc, by default native gRPC over one HTTP/2 connection to `url`
 * (`host:port` as in `AgentInterface.url`: loopback hosts in cleartext, others over TLS; or an
 * explicit `http://` / `https://` URL). `close()` ends the HTTP/2 connection.
 *
 * Every call sends `a2a-version: 1.0` metadata; errors come out as `A2AError` (what the
 * server sent) or `A2AClientError` (aborted, timed out, network, invalid response).
 *
 * @example
 * ```ts
 * const transport = createGrpcTransport({ url: "127.0.0.1:50051" });
 * const task = await transport.getTask({ id: "t-1" });
 * await transport.close?.();
 * ```
 */
export function createGrpcTransport(options: NodeGrpcTransportOptions): ClientTransport {
  if (options.transport !== undefined) return createGrpcClientTransport(options, options.transport);
  const baseUrl = grpcBaseUrl(options.url);
  const protocol = options.protocol ?? (new URL(baseUrl).pathname.length > 1 ? "grpc-web" : "grpc");
  let transport: Transport;
  let onClose: (() => void) | undefined;
  if (protocol === "grpc") {
    const sessionManager = new Http2SessionManager(baseUrl);
    transport = createConnectGrpcTransport({ baseUrl, sessionManager });
    onClose = () => sessionManager.abort();
  } else if (options.fetch !== undefined) {
    const create = protocol === "connect" ? createWebConnectTransport : createWebGrpcWebTransport;
    transport = create({ baseUrl, fetch: options.fetch });
  } else {
    const create = protocol === "connect" ? createConnectTransport : createGrpcWebTransport;
    transport = create({ baseUrl, httpVersion: "1.1" });
  }
  return createGrpcClientTransport(options, transport, onClose);
}
