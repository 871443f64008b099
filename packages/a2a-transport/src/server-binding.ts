import type { Principal, ProtocolBindingName } from "./call-context.js";
import type { A2AHandler } from "./handler.js";
import type { A2AMethod } from "./methods.js";

/** A web-standard request handler, as Workers, Deno, Bun and `toNodeHandler` take it. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** What an {@link Authenticator} sees of a call. */
export interface AuthenticationRequest {
  /** The request headers (for gRPC: the metadata). */
  readonly headers: Headers;
  /** The operation being called. */
  readonly method: A2AMethod;
  /** The binding the call came in on. */
  readonly binding: ProtocolBindingName;
}

/**
 * Establishes who is calling. Return the principal, or `undefined` for an anonymous call;
 * throw `A2AError` `Unauthenticated` (HTTP 401 / gRPC UNAUTHENTICATED) or `PermissionDenied`
 * (403 / PERMISSION_DENIED) to refuse the call before the handler runs.
 */
export type Authenticator = (
  req: AuthenticationRequest,
) => Principal | undefined | Promise<Principal | undefined>;

/** Options every server binding takes (bindings may add their own). */
export interface ServerBindingOptions {
  /** The operations to serve. */
  handler: A2AHandler;
  /**
   * The `A2A-Version`s this interface accepts (Major.Minor); others get VersionNotSupported.
   * A request without the header asks for "0.3". Default: `["1.0"]`.
   */
  supportedVersions?: readonly string[] | undefined;
  /** Establishes the caller of every request. Default: none (every call is anonymous). */
  authenticate?: Authenticator | undefined;
  /** The largest request body accepted, in bytes. Default: 4 MiB (4 194 304). */
  maxBodyBytes?: number | undefined;
}

/** One protocol binding on the server side: how to serve an {@link A2AHandler}. */
export interface ServerBinding {
  /** The `AgentInterface.protocolBinding` this binding serves. */
  readonly protocolBinding: ProtocolBindingName;
  /** The mount path on the HTTP server, e.g. `"/a2a/jsonrpc"`. */
  readonly path: string;
  /** A fetch handler for the binding (gRPC: gRPC-Web and Connect over HTTP/1.1). */
  createFetchHandler(options: ServerBindingOptions): FetchHandler;
  /** Node only (gRPC): an h2c request listener for `http2.createServer`. */
  createHttp2Handler?(options: ServerBindingOptions): (req: unknown, res: unknown) => void;
  /** The `AgentInterface.url` of this binding, given the HTTP base URL and the gRPC address. */
  interfaceUrl(addresses: { httpBaseUrl: string; grpcAddress?: string | undefined }): string;
}
