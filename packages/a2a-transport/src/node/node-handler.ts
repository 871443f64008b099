import type { IncomingMessage, ServerResponse } from "node:http";
import { bufferableLength, readSmallBody, toWebRequest } from "./node-request.js";
import { writeWebResponse } from "./node-response.js";

/** Options of {@link toNodeHandler}. */
export interface NodeHandlerOptions {
  /**
   * Largest request body the adapter reads, in bytes. Past it the request body stream fails
   * with a `BodyTooLargeError`, which the bindings answer with their "payload too large" error
   * (and the rest of the upload is discarded, never buffered).
   * Default: no adapter limit; each binding still enforces its own `maxBodyBytes` (4 MiB).
   */
  maxBodyBytes?: number;
}

/** A Node request listener, usable with `http.createServer`, `https`, and Express/Connect. */
export type NodeRequestListener = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (err?: unknown) => void,
) => void;

/** The web-standard handler shape that the JSON-RPC and REST bindings produce. */
type FetchLike = (request: Request) => Promise<Response>;

/**
 * Adapts a fetch handler, `(Request) => Promise<Response>`, to a Node request listener for
 * `node:http` and Express-style `(req, res)` middleware.
 *
 * - The request body is streamed to the handler (small bodies with a known length are read
 *   in one go), with `maxBodyBytes` enforced while reading.
 * - The response body is streamed with backpressure (`res.write()` returning false waits for
 *   `'drain'`); `text/event-stream` headers are flushed at once.
 * - `request.signal` is aborted when the client disconnects before the response is complete,
 *   and a streamed response body is cancelled, so subscriptions are released.
 * - Socket errors never crash the process; a handler that throws gets a 500 (or the response is
 *   cut if the status line was already sent).
 * - Under Express, `req.url` (relative to the mount point) is used, and a body already parsed
 *   by `express.json()` is forwarded as JSON.
 *
 * @example
 * ```ts
 * import { createServer } from "node:http";
 * import { toNodeHandler } from "@agentmesh/a2a-transport/node";
 * createServer(toNodeHandler(server.fetch)).listen(8080);
 * ```
 */
export function toNodeHandler(
  handler: FetchLike,
  options: NodeHandlerOptions = {},
): NodeRequestListener {
  const limit = options.maxBodyBytes ?? Number.POSITIVE_INFINITY;
  return (req, res) => {
    const abort = new AbortController();
    const onClose = () => {
      if (!res.writableFinished) abort.abort(new Error("The client disconnected."));
    };
    res.once("close", onClose);
    req.on("error", noop);
    res.on("error", noop);
    if (bufferableLength(req, limit) === undefined) {
      run(handler, req, res, abort.signal, limit, undefined);
      return;
    }
    readSmallBody(req).then(
      (body) => run(handler, req, res, abort.signal, limit, body),
      () => {
        // the client went away while sending its body: nobody is left to answer
        if (!res.destroyed) res.destroy();
      },
    );
  };
}

function run(
  handler: FetchLike,
  req: IncomingMessage,
  res: ServerResponse,
  signal: AbortSignal,
  limit: number,
  body: Buffer | undefined,
): void {
  let request: Request;
  try {
    request = toWebRequest(req, signal, limit, body);
  } catch {
    // e.g. a Host header that makes no valid URL
    req.resume();
    if (!res.headersSent) {
      res.writeHead(400, { "content-type": "text/plain; charset=utf-8", connection: "close" });
    }
    res.end("Bad Request: the request line or headers are malformed.");
    return;
  }
  let response: Promise<Response>;
  try {
    response = handler(request);
  } catch (err) {
    response = Promise.reject(err);
  }
  response.then(
    (r) => writeWebResponse(r, res).catch(() => fail(res)),
    () => fail(res),
  );
}

function fail(res: ServerResponse): void {
  if (res.destroyed) return;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
  res.end("Internal Server Error");
}

function noop(): void {}
