/**
 * A real A2A client wired to a server in process, with no sockets: the server's fetch handler
 * is the client's `fetch` (JSON-RPC, REST and the card), and for gRPC Connect's in-memory
 * router transport carries the calls to the server's A2AService implementation.
 */
import {
  type A2AClient,
  type BindingName,
  type ClientOptions,
  createClient,
} from "@agentmesh/a2a-client";
import { createGrpcClientTransport, createGrpcRoutes } from "@agentmesh/a2a-grpc";
import type { A2AServer } from "@agentmesh/a2a-server";
import { createRouterTransport } from "@connectrpc/connect";

/** The origin in-process requests are addressed to (never resolved). */
export const IN_PROCESS_ORIGIN = "http://a2a.test";

/** Options of {@link createTestClient}: a binding plus any client option. */
export interface TestClientOptions extends Omit<ClientOptions, "prefer" | "fetch"> {
  /** The binding the client uses; the server must expose it. Default `"jsonrpc"`. */
  binding?: BindingName;
}

/** A `fetch` that hands every request to `server.fetch` in process. */
export function inProcessFetch(server: Pick<A2AServer, "fetch">): typeof fetch {
  return ((input: RequestInfo | URL, init?: RequestInit) =>
    server.fetch(
      input instanceof Request && init === undefined ? input : new Request(input, init),
    )) as typeof fetch;
}

/**
 * A client for `server` over `binding`, in process: discovery, every operation and streaming
 * behave as over the network, without opening a port.
 *
 * @example
 * ```ts
 * const server = new A2AServer(echoAgent(), { agent, bindings: [jsonRpcBinding(), restBinding(), grpcBinding()] });
 * const client = await createTestClient(server, { binding: "rest" });
 * const task = await client.sendMessage("hi");
 * ```
 */
export async function createTestClient(
  server: A2AServer,
  options: TestClientOptions = {},
): Promise<A2AClient> {
  const { binding = "jsonrpc", ...clientOptions } = options;
  const wanted = { jsonrpc: "JSONRPC", rest: "HTTP+JSON", grpc: "GRPC" }[binding];
  if (!server.bindings.some((b) => b.protocolBinding === wanted)) {
    throw new Error(
      `createTestClient: the server exposes no ${wanted} binding; add it to the server's \`bindings\` (have: ${server.bindings.map((b) => b.protocolBinding).join(", ") || "none"})`,
    );
  }
  const fetch = inProcessFetch(server);
  return createClient(IN_PROCESS_ORIGIN, {
    ...clientOptions,
    prefer: binding,
    fetch,
    grpcTransport: (transportOptions) =>
      createGrpcClientTransport(
        transportOptions,
        createRouterTransport(createGrpcRoutes(server.bindingOptions)),
      ),
  });
}
