/** The REST content type of A2A (§11.1, SHOULD). */
export const CONTENT_TYPE_A2A_JSON = "application/a2a+json";
/** Also accepted, and used in answers to clients that send it. */
export const CONTENT_TYPE_JSON = "application/json";
/** Content type of streamed responses. */
export const CONTENT_TYPE_SSE = "text/event-stream";

function mediaType(value: string): string {
  const semi = value.indexOf(";");
  return (semi === -1 ? value : value.slice(0, semi)).trim().toLowerCase();
}

/**
 * Whether a request body's Content-Type is accepted: `application/a2a+json` or
 * `application/json`, with any parameters. A missing header is accepted (the body decides).
 */
export function isRestContentType(value: string | null): boolean {
  if (value === null || value === "") return true;
  const t = mediaType(value);
  return t === CONTENT_TYPE_A2A_JSON || t === CONTENT_TYPE_JSON;
}

/**
 * The content type of a JSON answer: `application/json` when the client spoke plain JSON
 * (its Content-Type, or an Accept that names only `application/json`), else
 * `application/a2a+json`.
 */
export function responseContentType(request: Request): string {
  const ct = request.headers.get("content-type");
  if (ct !== null && mediaType(ct) === CONTENT_TYPE_JSON) return CONTENT_TYPE_JSON;
  const accept = request.headers.get("accept");
  if (accept?.includes(CONTENT_TYPE_JSON) && !accept.includes(CONTENT_TYPE_A2A_JSON)) {
    return CONTENT_TYPE_JSON;
  }
  return CONTENT_TYPE_A2A_JSON;
}

/** Whether a response Content-Type announces an SSE stream. */
export function isSseContentType(value: string | null): boolean {
  return value?.toLowerCase().startsWith(CONTENT_TYPE_SSE) === true;
}
