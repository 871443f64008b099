import type { OutgoingHttpHeaders, ServerResponse } from "node:http";

import { RAW_BODY, RAW_HEAD, type RawHead } from "../binding/json-response.js";

export { RAW_BODY };

type WithRawBody = Response & { [RAW_BODY]?: string | Uint8Array; [RAW_HEAD]?: RawHead };

/** Writes a web `Response` to a Node `ServerResponse`, streaming with backpressure. */
export async function writeWebResponse(response: Response, res: ServerResponse): Promise<void> {
  if (res.destroyed) {
    await response.body?.cancel().catch(noop);
    return;
  }
  // A lazy JSON response of a binding: status, header record and text, no web objects.
  const head = (response as WithRawBody)[RAW_HEAD];
  if (head !== undefined) {
    const text = (response as WithRawBody)[RAW_BODY];
    if (text !== undefined) {
      res.writeHead(head.status, head.headers);
      res.end(text);
      return;
    }
  }
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of response.headers) {
    if (name === "set-cookie") continue;
    headers[name] = value;
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;

  const raw = (response as WithRawBody)[RAW_BODY];
  if (raw !== undefined && !response.bodyUsed) {
    res.writeHead(response.status, response.statusText || undefined, headers);
    res.end(raw);
    return;
  }
  const body = response.body;
  res.writeHead(response.status, response.statusText || undefined, headers);
  if (body === null) {
    res.end();
    return;
  }
  const contentType = response.headers.get("content-type");
  if (contentType?.startsWith("text/event-stream")) res.flushHeaders();
  // Returned, not awaited: this frame (and the Response it holds) ends here instead of staying
  // suspended for the whole life of a long stream.
  return pipeBody(body, res);
}

async function pipeBody(body: ReadableStream<Uint8Array>, res: ServerResponse): Promise<void> {
  const reader = body.getReader();
  let closed = false;
  const onClose = () => {
    closed = true;
    // The client went away: cancelling the stream releases what produces it (e.g. an SSE
    // subscription: its iterator's return() runs).
    reader.cancel().catch(noop);
  };
  res.once("close", onClose);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || closed || res.destroyed) break;
      if (!res.write(value)) await drained(res);
    }
    if (!closed && !res.destroyed) res.end();
  } catch {
    // The stream failed after the status line was sent: all we can do is cut the response.
    if (!res.destroyed) res.destroy();
  } finally {
    res.off("close", onClose);
    reader.releaseLock();
  }
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

function noop(): void {}
