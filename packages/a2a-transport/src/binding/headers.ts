import type { CallContext } from "../call-context.js";
import type { CallOptions } from "../client-transport.js";
import {
  A2A_EXTENSIONS_HEADER,
  A2A_VERSION_HEADER,
  PROTOCOL_VERSION,
  formatExtensions,
} from "../service-parameters.js";

/** `text/event-stream`, the content type of SSE answers. */
export const CONTENT_TYPE_SSE = "text/event-stream";

/** Response headers of a JSON answer, with the activated extensions echoed (§3.2.6). */
export function jsonResponseHeaders(
  contentType: string,
  ctx: CallContext | undefined,
): Record<string, string> {
  const h: Record<string, string> = { "content-type": contentType };
  if (ctx && ctx.activatedExtensions.size > 0) {
    h[A2A_EXTENSIONS_HEADER] = formatExtensions(ctx.activatedExtensions);
  }
  return h;
}

/** Response headers of an SSE stream. */
export function sseResponseHeaders(ctx: CallContext): Record<string, string> {
  const h: Record<string, string> = {
    "content-type": CONTENT_TYPE_SSE,
    "cache-control": "no-cache",
    "x-accel-buffering": "no",
  };
  if (ctx.activatedExtensions.size > 0) {
    h[A2A_EXTENSIONS_HEADER] = formatExtensions(ctx.activatedExtensions);
  }
  return h;
}

/**
 * Request headers of one client call, lowest precedence first: transport headers, call
 * headers, `A2A-Version: 1.0` (always), `A2A-Extensions` (when `extensions` is given),
 * explicit service parameters; content type (`contentType`, when there is a body) and accept
 * (`contentType`, with SSE first when `streaming`) last.
 */
export function clientRequestHeaders(
  transportHeaders: HeadersInit | undefined,
  opts: CallOptions,
  streaming: boolean,
  hasBody: boolean,
  contentType: string,
): Headers {
  const h = new Headers(transportHeaders);
  if (opts.headers) for (const [k, v] of new Headers(opts.headers)) h.set(k, v);
  h.set(A2A_VERSION_HEADER, PROTOCOL_VERSION);
  if (opts.extensions && opts.extensions.length > 0) {
    h.set(A2A_EXTENSIONS_HEADER, formatExtensions(opts.extensions));
  }
  // Explicit service parameters win (e.g. a test asking for another A2A-Version).
  if (opts.serviceParameters) {
    for (const [k, v] of Object.entries(opts.serviceParameters)) h.set(k, v);
  }
  if (hasBody) h.set("content-type", contentType);
  h.set("accept", streaming ? `${CONTENT_TYPE_SSE}, ${contentType}` : contentType);
  return h;
}
