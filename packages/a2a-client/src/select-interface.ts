import { A2AError, A2AErrorCode } from "@agentmesh/a2a-transport";
import type { AgentCard, AgentInterface } from "@agentmesh/a2a-types";
import { IncompatibleProtocolVersionError } from "./errors.js";

/** The bindings this client speaks, by their short names. */
export type BindingName = "jsonrpc" | "rest" | "grpc";

/** The card's `protocolBinding` value for each short name. */
export const BINDING_OF: Readonly<Record<BindingName, "JSONRPC" | "HTTP+JSON" | "GRPC">> = {
  jsonrpc: "JSONRPC",
  rest: "HTTP+JSON",
  grpc: "GRPC",
};

/** The protocol versions this client speaks (`Major.Minor`). */
export const SUPPORTED_VERSIONS: readonly string[] = ["1.0"];

/** The short binding name of an interface, or `undefined` for a binding we do not speak. */
export function bindingName(
  iface: Pick<AgentInterface, "protocolBinding">,
): BindingName | undefined {
  const b = iface.protocolBinding.trim().toUpperCase();
  if (b === "JSONRPC") return "jsonrpc";
  if (b === "HTTP+JSON") return "rest";
  if (b === "GRPC") return "grpc";
  return undefined;
}

/** Whether a `protocolVersion` is one we speak (the patch part is ignored). */
export function speaksVersion(version: string): boolean {
  const mm = version.trim().split(".").slice(0, 2).join(".");
  return SUPPORTED_VERSIONS.includes(mm);
}

function sameUrl(a: string, b: string): boolean {
  const norm = (u: string) => {
    try {
      const x = new URL(u);
      return `${x.protocol}//${x.host}${x.pathname.replace(/\/+$/, "")}`;
    } catch {
      return u.replace(/\/+$/, "");
    }
  };
  return norm(a) === norm(b);
}

/**
 * Picks the interface to talk to, per the card's `supportedInterfaces` (bindings compared
 * case-insensitively, only versions we speak):
 * 1. `prefer` when given: the first interface of that binding, or an error when the card
 *    declares none;
 * 2. else the one interface whose URL equals the card URL, when exactly one does;
 * 3. else the first one listed that we speak.
 * Throws {@link IncompatibleProtocolVersionError} when the wanted interfaces exist but only in
 * versions we do not speak.
 */
export function selectInterface(
  card: AgentCard,
  options: { prefer?: BindingName | undefined; cardUrl?: string | undefined },
): AgentInterface {
  const all = card.supportedInterfaces;
  const known = all.filter((i) => bindingName(i) !== undefined);
  const wanted = options.prefer ? known.filter((i) => bindingName(i) === options.prefer) : known;
  if (wanted.length === 0) {
    const listed = all.map((i) => `${i.protocolBinding} at ${i.url}`).join(", ") || "none";
    throw new A2AError(
      A2AErrorCode.UnsupportedOperation,
      options.prefer
        ? `the agent card declares no ${BINDING_OF[options.prefer]} interface (it declares: ${listed}); ` +
            "drop the prefer option or choose a declared binding"
        : `the agent card declares no binding this client speaks (JSONRPC, HTTP+JSON, GRPC); it declares: ${listed}`,
    );
  }
  const usable = wanted.filter((i) => speaksVersion(i.protocolVersion));
  if (usable.length === 0) {
    throw new IncompatibleProtocolVersionError(
      [...new Set(wanted.map((i) => i.protocolVersion))],
      SUPPORTED_VERSIONS,
      options.prefer ? `for ${BINDING_OF[options.prefer]}` : undefined,
    );
  }
  if (!options.prefer && options.cardUrl) {
    const cardUrl = options.cardUrl;
    const matching = usable.filter((i) => sameUrl(i.url, cardUrl));
    if (matching.length === 1 && matching[0]) return matching[0];
  }
  return usable[0] as AgentInterface;
}
