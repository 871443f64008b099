/** Content type of JSON-RPC requests and responses (§9.1). */
export const CONTENT_TYPE_JSON = "application/json";
/** Content type of streamed responses. */
export const CONTENT_TYPE_SSE = "text/event-stream";

/**
 * Whether a request Content-Type is acceptable for a JSON-RPC call: `application/json`
 * (§9.1), also `application/a2a+json` (lenient: some clients reuse the REST type), with any
 * parameters (`; charset=utf-8`). A missing header is accepted too (the body decides).
 */
export function isJsonRpcContentType(value: string | null): boolean {
  if (value === null || value === "") return true;
  const semi = value.indexOf(";");
  const type = (semi === -1 ? value : value.slice(0, semi)).trim().toLowerCase();
  return type === "application/json" || type === "application/a2a+json";
}

/** Whether a response Content-Type announces an SSE stream. */
export function isSseContentType(value: string | null): boolean {
  return value?.toLowerCase().startsWith(CONTENT_TYPE_SSE) === true;
}
