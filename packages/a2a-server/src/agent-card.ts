import type { ServerBinding } from "@agentmesh/a2a-transport";
import {
  type AgentCapabilities,
  type AgentCard,
  type AgentInterfaceInit,
  type CreateAgentCardOptions,
  createAgentCard,
} from "@agentmesh/a2a-types";

/**
 * What the agent says about itself: every field of the card except the interfaces, which come
 * from the bindings the server exposes. `capabilities.streaming` defaults to `true`;
 * `pushNotifications` and `extendedAgentCard` are set by the server from its options.
 */
export interface AgentDescription
  extends Omit<CreateAgentCardOptions, "interfaces" | "capabilities"> {
  /** Capabilities; `streaming` defaults to `true`. The other two flags are computed. */
  capabilities?: Pick<AgentCapabilities, "streaming">;
  /** Extra interfaces listed after the bindings' own (e.g. a proxy URL). Default: none. */
  interfaces?: readonly AgentInterfaceInit[];
}

/** Where the server is reachable, for the interfaces' URLs. */
export interface ServerAddresses {
  /** Base URL of the HTTP server, e.g. `http://127.0.0.1:8080` (no trailing slash). */
  readonly httpBaseUrl: string;
  /** `host:port` of the native gRPC (HTTP/2) listener, when there is one. */
  readonly grpcAddress?: string;
}

/** Inputs of {@link buildAgentCard}. */
export interface BuildAgentCardOptions {
  readonly bindings: readonly ServerBinding[];
  readonly addresses: ServerAddresses;
  /** Sets `capabilities.pushNotifications`. */
  readonly pushNotifications: boolean;
  /** Sets `capabilities.extendedAgentCard`. */
  readonly extendedAgentCard: boolean;
}

/** The capabilities the server announces for a description. */
export function serverCapabilities(
  description: AgentDescription,
  flags: { pushNotifications: boolean; extendedAgentCard: boolean },
): AgentCapabilities {
  const caps: AgentCapabilities = {
    streaming: description.capabilities?.streaming ?? true,
    pushNotifications: flags.pushNotifications,
  };
  if (flags.extendedAgentCard) caps.extendedAgentCard = true;
  if (description.extensions && description.extensions.length > 0) {
    caps.extensions = description.extensions.map((e) => ({ ...e }));
  }
  return caps;
}

/**
 * Builds the public agent card: one `supportedInterfaces` entry per binding (in the order
 * given, `protocolVersion` "1.0", URL from `binding.interfaceUrl`), then the description's own
 * interfaces. Throws a TypeError listing every problem when the result is not a valid card.
 */
export function buildAgentCard(
  description: AgentDescription,
  options: BuildAgentCardOptions,
): AgentCard {
  const interfaces: AgentInterfaceInit[] = options.bindings.map((b) => ({
    url: b.interfaceUrl({
      httpBaseUrl: options.addresses.httpBaseUrl,
      ...(options.addresses.grpcAddress !== undefined
        ? { grpcAddress: options.addresses.grpcAddress }
        : {}),
    }),
    protocolBinding: b.protocolBinding,
    protocolVersion: "1.0",
  }));
  interfaces.push(...(description.interfaces ?? []));
  if (interfaces.length === 0) {
    throw new TypeError(
      "The agent card needs at least one interface: give the server bindings (e.g. jsonRpcBinding()) or agent.interfaces",
    );
  }
  const { capabilities: _c, interfaces: _i, extensions: _e, ...rest } = description;
  const card = createAgentCard({ ...rest, interfaces });
  card.capabilities = serverCapabilities(description, options);
  return card;
}
