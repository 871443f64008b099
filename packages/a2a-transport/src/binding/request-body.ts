/** Where `toNodeHandler` attaches a body it read into one buffer (same bytes as `request.body`). */
const RAW_REQUEST_BODY = Symbol.for("@agentmesh/a2a-transport/raw-request-body");

/** Default largest request body a binding reads: 4 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

/** The body was larger than the limit (ours, or the Node adapter's `BodyTooLargeError`). */
export class PayloadTooLarge {
  constructor(readonly limit: number) {}
}

/** The client went away (or the body stream failed) while we were reading. */
export class BodyReadFailed {
  constructor(readonly cause: unknown) {}
}

/**
 * Reads a request body as UTF-8 text, never holding more than `limit` bytes: a declared
 * Content-Length over the limit is refused before reading, and a streamed body is cut as
 * soon as it passes the limit. Throws {@link PayloadTooLarge} or {@link BodyReadFailed}.
 */
export async function readBodyText(request: Request, limit: number): Promise<string> {
  // The Node adapter already holds small bodies in one buffer: no need to drain the stream.
  const buffered = (request as Request & { [RAW_REQUEST_BODY]?: unknown })[RAW_REQUEST_BODY];
  if (buffered instanceof Uint8Array && !request.bodyUsed) {
    if (buffered.byteLength > limit) throw new PayloadTooLarge(limit);
    return new TextDecoder("utf-8", { fatal: false }).decode(buffered);
  }
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) {
    await request.body?.cancel().catch(() => {});
    throw new PayloadTooLarge(limit);
  }
  const body = request.body;
  if (body === null) return "";
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        throw new PayloadTooLarge(limit);
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof PayloadTooLarge) throw err;
    if (err instanceof Error && err.name === "BodyTooLargeError") {
      const adapterLimit = (err as Error & { limit?: unknown }).limit;
      throw new PayloadTooLarge(typeof adapterLimit === "number" ? adapterLimit : limit);
    }
    throw new BodyReadFailed(err);
  }
  const decoder = new TextDecoder("utf-8", { fatal: false });
  if (chunks.length === 1) return decoder.decode(chunks[0]);
  const all = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.byteLength;
  }
  return decoder.decode(all);
}
