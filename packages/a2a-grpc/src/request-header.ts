import {
  A2A_EXTENSIONS_HEADER,
  type A2AMethod,
  type CallContext,
  type ServerBindingOptions,
  checkVersion,
  createCallContext,
  parseExtensions,
  readRequestedVersion,
} from "@agentmesh/a2a-transport";

/** Versions served when the options name none. */
export const DEFAULT_SUPPORTED_VERSIONS: readonly string[] = ["1.0"];

/**
 * Reads the service parameters of a gRPC call (§3.6, §6): checks `a2a-version` metadata
 * (absent = "0.3", answered with VersionNotSupportedError unless supported), parses
 * `a2a-extensions`, runs the authenticator, and builds the {@link CallContext} for the
 * handler. The tenant comes from the request message. Throws A2AError (VersionNotSupported,
 * Unauthenticated, PermissionDenied).
 */
export async function createServerCallContext(
  headers: Headers,
  method: A2AMethod,
  tenant: string,
  signal: AbortSignal,
  options: ServerBindingOptions,
): Promise<CallContext> {
  const version = readRequestedVersion(headers);
  checkVersion(version, options.supportedVersions ?? DEFAULT_SUPPORTED_VERSIONS);
  const principal = options.authenticate
    ? await options.authenticate({ headers, method, binding: "GRPC" })
    : undefined;
  return createCallContext({
    method,
    binding: "GRPC",
    tenant: tenant === "" ? undefined : tenant,
    version,
    requestedExtensions: parseExtensions(headers.get(A2A_EXTENSIONS_HEADER)),
    headers,
    principal,
    signal,
  });
}
