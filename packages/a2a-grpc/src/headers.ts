import {
  A2A_EXTENSIONS_HEADER,
  A2A_VERSION_HEADER,
  formatExtensions,
} from "@agentmesh/a2a-transport";

/** gRPC metadata key of the A2A version service parameter (§6: lowercase on gRPC). */
export const METADATA_VERSION = A2A_VERSION_HEADER.toLowerCase();
/** gRPC metadata key of the A2A extensions service parameter. */
export const METADATA_EXTENSIONS = A2A_EXTENSIONS_HEADER.toLowerCase();

/** Echoes the activated extensions in the response metadata (`a2a-extensions`). */
export function setResponseExtensions(target: Headers, activated: ReadonlySet<string>): void {
  if (activated.size > 0) target.set(METADATA_EXTENSIONS, formatExtensions(activated));
}
