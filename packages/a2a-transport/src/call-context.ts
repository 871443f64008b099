import type { A2AMethod } from "./methods.js";
import { PROTOCOL_VERSION } from "./service-parameters.js";

/** The three standard protocol bindings, as in `AgentInterface.protocolBinding`. */
export type ProtocolBindingName = "JSONRPC" | "HTTP+JSON" | "GRPC";

/** Who is calling, as established by the server's `Authenticator`. */
export interface Principal {
  /** A stable identifier of the caller (user id, client id, key id…). */
  readonly id: string;
  /** Granted scopes, e.g. from an OAuth token. */
  readonly scopes?: readonly string[] | undefined;
  /** Further claims (token claims, tenant memberships…). */
  readonly claims?: Readonly<Record<string, unknown>> | undefined;
}

/** Everything a handler knows about one call besides the request message. */
export interface CallContext {
  /** The operation being called. */
  readonly method: A2AMethod;
  /** The binding the call came in on. */
  readonly binding: ProtocolBindingName;
  /** The tenant, from the request message or the REST `/{tenant}` path; `undefined` = none. */
  readonly tenant: string | undefined;
  /** The negotiated `A2A-Version` (Major.Minor), e.g. `"1.0"`. */
  readonly version: string;
  /** The extension URIs the client requested in `A2A-Extensions`. */
  readonly requestedExtensions: readonly string[];
  /**
   * Extensions the handler activated for this call: add URIs here; the binding echoes them in
   * the response's `A2A-Extensions` header / metadata.
   */
  readonly activatedExtensions: Set<string>;
  /** The request headers (for gRPC: the request metadata as Headers). */
  readonly headers: Headers;
  /** The authenticated caller; `undefined` when the server has no authenticator or none matched. */
  readonly principal: Principal | undefined;
  /** Aborted when the client goes away or the server shuts the call down. */
  readonly signal: AbortSignal;
}

/** What {@link createCallContext} takes: `method` and `binding`, anything else optional. */
export type CallContextInit = Partial<CallContext> & Pick<CallContext, "method" | "binding">;

const neverAborted = new AbortController().signal;

/**
 * Builds a {@link CallContext}. Defaults: no tenant, version `"1.0"`, no requested or
 * activated extensions, empty headers, no principal, a signal that never aborts.
 */
export function createCallContext(init: CallContextInit): CallContext {
  return {
    method: init.method,
    binding: init.binding,
    tenant: init.tenant,
    version: init.version ?? PROTOCOL_VERSION,
    requestedExtensions: init.requestedExtensions ?? [],
    activatedExtensions: init.activatedExtensions ?? new Set<string>(),
    headers: init.headers ?? new Headers(),
    principal: init.principal,
    signal: init.signal ?? neverAborted,
  };
}
