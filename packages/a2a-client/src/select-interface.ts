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
  const m = /^(\d+)\.(\d+)(?:\.\d+)?$/.exec(version.trim());
  return m !== null && SUPPORTED_VERSIONS.includes(`${Number(m[1])}.${Number(m[2])}`);
}

const HOST_PORT = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/;

/** Whether an interface's URL is one its binding can use (http(s); gRPC also `host:port`). */
function usableUrl(iface: AgentInterface, binding: BindingName): boolean {
  if (binding === "grpc" && HOST_PORT.test(iface.url)) return true;
  try {
    const u = new URL(iface.url);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}

/** The binding of an interface this client can use, ignoring its version. */
function speakable(iface: AgentInterface): BindingName | undefined {
  const b = bindingName(iface);
  return b !== undefined && usableUrl(iface, b) ? b : undefined;
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
 * case-insensitively, only versions we speak; entries with a binding we do not speak or a
 * URL that binding cannot use are skipped, §8.3.2):
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
  const known = all.filter((i) => speakable(i) !== undefined);
  const wanted = options.prefer ? known.filter((i) => speakable(i) === options.prefer) : known;
  if (wanted.length === 0) {
    const listed =
      all.map((i) => `${i.protocolBinding} at ${i.url} (v${i.protocolVersion})`).join(", ") ||
      "none";
    throw new A2AError(
      A2AErrorCode.UnsupportedOperation,
      options.prefer
        ? `the agent card declares no usable ${BINDING_OF[options.prefer]} interface (it declares: ${listed}); ` +
            "drop the prefer option or choose a declared binding"
        : `the agent card declares no binding this client speaks (JSONRPC, HTTP+JSON, GRPC with an http(s) URL; GRPC also host:port); it declares: ${listed}`,
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
