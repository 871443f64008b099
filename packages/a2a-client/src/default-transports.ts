import type { ClientTransport } from "@agentmesh/a2a-transport";
import type { ResolvedClientOptions, TransportFactoryOptions } from "./client-options.js";
import type { BindingName } from "./select-interface.js";

/**
 * Builds the transport for a binding: the factory from the options when given, else the
 * binding package's own factory, loaded on demand so that an app only loads the binding it
 * talks (and bundlers can split the others out).
 */
export async function createTransportFor(
  binding: BindingName,
  options: ResolvedClientOptions,
  init: TransportFactoryOptions,
): Promise<ClientTransport> {
  switch (binding) {
    case "jsonrpc": {
      if (options.jsonRpcTransport) return options.jsonRpcTransport(init);
      const { createJsonRpcTransport } = await import("@agentmesh/a2a-jsonrpc");
      return createJsonRpcTransport(init);
    }
    case "rest": {
      if (options.restTransport) return options.restTransport(init);
      const { createRestTransport } = await import("@agentmesh/a2a-rest");
      return createRestTransport(init);
    }
    case "grpc": {
      if (options.grpcTransport) return options.grpcTransport(init);
      const { createGrpcTransport } = await import("@agentmesh/a2a-grpc");
      return createGrpcTransport(init);
    }
  }
}
