/**
 * `@agentmesh/a2a-client/node`: the same client for Node, where the gRPC binding defaults to
 * native gRPC over HTTP/2 (`createGrpcTransport` of `@agentmesh/a2a-grpc/node`) instead of
 * gRPC-Web, so a card's `host:port` gRPC interface works out of the box, and the card fetch
 * and the HTTP bindings use a keep-alive `node:http` fetch ({@link createNodeFetch}) instead
 * of the built-in `fetch`. Everything else is re-exported from the main entry unchanged.
 *
 * @packageDocumentation
 */
import type { AgentCard } from "@agentmesh/a2a-types";
import type { A2AClient } from "./a2a-client.js";
import type { ClientOptions, TransportFactory } from "./client-options.js";
import {
  createClient as createNeutralClient,
  createClientFromCard as createNeutralClientFromCard,
} from "./create-client.js";

import { createNodeFetch } from "./node/node-fetch.js";

export * from "./index.js";
export { createNodeFetch } from "./node/node-fetch.js";
export type { NodeFetch, NodeFetchOptions } from "./node/node-fetch.js";

/** The Node default for `grpcTransport`: native gRPC over HTTP/2 (h2c on loopback, else TLS). */
export const nodeGrpcTransport: TransportFactory = async (options) => {
  const { createGrpcTransport } = await import("@agentmesh/a2a-grpc/node");
  return createGrpcTransport(options);
};

let sharedFetch: typeof fetch | undefined;

/**
 * The Node default for `fetch`: one process-wide {@link createNodeFetch} (idle keep-alive
 * sockets do not keep the process alive), created on first use.
 */
export function nodeFetch(): typeof fetch {
  sharedFetch ??= createNodeFetch();
  return sharedFetch;
}

function withNodeDefaults<T extends ClientOptions>(options: T): T {
  if (options.grpcTransport && options.fetch) return options;
  return {
    ...options,
    grpcTransport: options.grpcTransport ?? nodeGrpcTransport,
    fetch: options.fetch ?? nodeFetch(),
  };
}

/**
 * `createClient` of the main entry, with native gRPC over HTTP/2 as the default gRPC
 * transport and {@link nodeFetch} as the default `fetch` (pass `fetch: globalThis.fetch` for
 * the built-in one). See the main entry for every option.
 */
export function createClient(cardUrl: string, options: ClientOptions = {}): Promise<A2AClient> {
  return createNeutralClient(cardUrl, withNodeDefaults(options));
}

/**
 * `createClientFromCard` of the main entry, with native gRPC as the default gRPC transport
 * and {@link nodeFetch} as the default `fetch`.
 */
export function createClientFromCard(
  card: AgentCard,
  options: ClientOptions & { cardUrl?: string } = {},
): Promise<A2AClient> {
  return createNeutralClientFromCard(card, withNodeDefaults(options));
}
