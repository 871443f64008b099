import { type CallContext, type ProtocolBindingName, createCallContext } from "../call-context.js";
import type { A2AMethod } from "../methods.js";
import type { ServerBindingOptions } from "../server-binding.js";
import {
  A2A_EXTENSIONS_HEADER,
  A2A_VERSION_HEADER,
  checkVersion,
  parseExtensions,
  readRequestedVersion,
} from "../service-parameters.js";

/** Versions served when the options name none. */
export const DEFAULT_SUPPORTED_VERSIONS: readonly string[] = ["1.0"];

/**
 * Reads the service parameters of a request (§3.2.6): checks `A2A-Version` (absent =
 * "0.3", answered with VersionNotSupportedError unless supported), parses `A2A-Extensions`,
 * runs the authenticator, and builds the {@link CallContext} handed to the handler.
 * Throws A2AError (VersionNotSupported, Unauthenticated, PermissionDenied).
 */
export async function createServerCallContext(
  request: Request,
  method: A2AMethod,
  tenant: string | undefined,
  options: ServerBindingOptions,
  binding: ProtocolBindingName,
): Promise<CallContext> {
  const headers = request.headers;
  const header = headers.get(A2A_VERSION_HEADER);
  const version =
    header !== null && header !== ""
      ? readRequestedVersion(headers)
      : readRequestedVersion(headers, new URL(request.url));
  checkVersion(version, options.supportedVersions ?? DEFAULT_SUPPORTED_VERSIONS);
  const principal = options.authenticate
    ? await options.authenticate({ headers, method, binding })
    : undefined;
  return createCallContext({
    method,
    binding,
    tenant,
    version,
    requestedExtensions: parseExtensions(headers.get(A2A_EXTENSIONS_HEADER)),
    headers,
    principal,
    signal: request.signal,
  });
}
