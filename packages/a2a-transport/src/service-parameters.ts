import { PROTOCOL_VERSION } from "@agentmesh/a2a-types";
import { A2AError } from "./a2a-error.js";
import { A2AErrorCode } from "./a2a-error-code.js";

/** The service parameter (HTTP header / gRPC metadata key) carrying the protocol version. */
export const A2A_VERSION_HEADER = "A2A-Version";
/** The service parameter carrying the comma-separated extension URIs. */
export const A2A_EXTENSIONS_HEADER = "A2A-Extensions";
export { PROTOCOL_VERSION };
/** The version a request without `A2A-Version` (or with an empty one) asks for (§3.6.2). */
export const DEFAULT_REQUESTED_VERSION = "0.3";

/**
 * The version a request asks for: the `A2A-Version` header, else the `A2A-Version` query
 * parameter of `url` (§3.6.1), else `"0.3"` (absent or empty means 0.3, §3.6.2). A patch part
 * is ignored (`"1.0.2"` → `"1.0"`); surrounding whitespace is trimmed. Anything else is
 * returned as given, for {@link checkVersion} to refuse.
 */
export function readRequestedVersion(headers: Headers, url?: URL | undefined): string {
  let value = headers.get(A2A_VERSION_HEADER)?.trim() ?? "";
  if (value === "" && url !== undefined) {
    for (const [k, v] of url.searchParams) {
      if (k.toLowerCase() === "a2a-version" && v.trim() !== "") {
        value = v.trim();
        break;
      }
    }
  }
  if (value === "") return DEFAULT_REQUESTED_VERSION;
  return normalizeVersion(value) ?? value;
}

/** `"1.0.3"` → `"1.0"`, `"1.0"` → `"1.0"`; `undefined` when not `Major.Minor[.Patch]`. */
function normalizeVersion(v: string): string | undefined {
  const m = /^(\d+)\.(\d+)(?:\.\d+)?$/.exec(v);
  if (m === null) return undefined;
  return `${Number(m[1])}.${Number(m[2])}`;
}

/**
 * Throws `VersionNotSupported` unless `requested` (Major.Minor; a patch part is ignored) is one
 * of `supported`. The error names the supported versions in its message and in ErrorInfo
 * metadata (`requestedVersion`, `supportedVersions`).
 */
export function checkVersion(requested: string, supported: readonly string[]): void {
  const want = normalizeVersion(requested.trim());
  if (want !== undefined && supported.some((s) => normalizeVersion(s.trim()) === want)) return;
  const list = supported.join(", ");
  throw new A2AError(
    A2AErrorCode.VersionNotSupported,
    `A2A version ${JSON.stringify(requested)} is not supported; this interface supports ${list || "no version"}. Send the header ${A2A_VERSION_HEADER}: ${supported[0] ?? PROTOCOL_VERSION}.`,
    { metadata: { requestedVersion: requested, supportedVersions: supported.join(",") } },
  );
}

/**
 * The extension URIs of an `A2A-Extensions` value: split at commas, trimmed, empty entries and
 * duplicates dropped, order kept. `null` / `undefined` / `""` give `[]`. Several header lines
 * joined by `Headers.get` (", ") parse the same as one.
 */
export function parseExtensions(value: string | null | undefined): string[] {
  if (value === null || value === undefined) return [];
  const out: string[] = [];
  for (const part of value.split(",")) {
    const uri = part.trim();
    if (uri !== "" && !out.includes(uri)) out.push(uri);
  }
  return out;
}

/** The `A2A-Extensions` value for `uris`: trimmed, de-duplicated, joined with `", "`. */
export function formatExtensions(uris: Iterable<string>): string {
  const out: string[] = [];
  for (const u of uris) {
    const uri = u.trim();
    if (uri === "") continue;
    if (uri.includes(",")) {
      throw new TypeError(
        `extension URI ${JSON.stringify(uri)} contains a comma; it cannot be sent in ${A2A_EXTENSIONS_HEADER}`,
      );
    }
    if (!out.includes(uri)) out.push(uri);
  }
  return out.join(", ");
}

/** The parts of an `AgentExtension` that {@link checkRequiredExtensions} reads. */
export interface DeclaredExtension {
  readonly uri?: string | undefined;
  readonly required?: boolean | undefined;
}

/**
 * Throws `ExtensionSupportRequired` when the agent declares an extension with
 * `required: true` that the client did not request (§3.3.4). The error lists the missing
 * URIs in its message and in ErrorInfo metadata (`extensions`, comma-separated).
 *
 * @param declared - the agent card's `capabilities.extensions`.
 * @param requested - the URIs the client sent in `A2A-Extensions`.
 */
export function checkRequiredExtensions(
  declared: readonly DeclaredExtension[] | undefined,
  requested: readonly string[],
): void {
  const missing = (declared ?? [])
    .filter((e) => e.required === true && e.uri !== undefined && e.uri !== "")
    .map((e) => e.uri as string)
    .filter((uri) => !requested.includes(uri));
  if (missing.length === 0) return;
  throw new A2AError(
    A2AErrorCode.ExtensionSupportRequired,
    `Extension support required: this agent requires ${missing.join(", ")}; send ${missing.length > 1 ? "them" : "it"} in the ${A2A_EXTENSIONS_HEADER} header.`,
    { metadata: { extensions: missing.join(",") } },
  );
}
