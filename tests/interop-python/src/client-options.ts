import type { ClientOptions } from "@agentmesh/a2a-client/node";

/** Binding names as the client's `prefer` option spells them. */
export type BindingName = "jsonrpc" | "rest" | "grpc";

/** Client options for talking to a peer on one binding (short timeouts: everything is local). */
export function clientOptionsFor(binding: BindingName): ClientOptions {
  return { prefer: binding, timeout: 20_000 };
}
