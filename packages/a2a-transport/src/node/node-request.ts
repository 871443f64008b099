import type { IncomingMessage } from "node:http";
import { FROM_NODE_ADAPTER } from "../binding/json-response.js";

/**
 * The error a request body stream fails with when the client sends more than the adapter's
 * `maxBodyBytes`. Bindings recognise it by `name` (it crosses package copies) and answer
 * with their own "payload too large" error.
 */
export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
  /** The limit that was exceeded, in bytes. */
  readonly limit: number;
  constructor(limit: number) {
    super(
      `The request body is larger than the limit of ${limit} bytes; send a smaller request or raise maxBodyBytes.`,
    );
    this.limit = limit;
  }
}

/** Bodies announced by Content-Length up to this size are read into one buffer before the handler runs. */
const BUFFER_UP_TO = 1024 * 1024;

/**
 * The bytes of a request body that the adapter read into one buffer, attached to the `Request`
 * under this symbol (the `Request` carries the same bytes as its body). Bindings read it
 * instead of draining `request.body` again. Private, no semver.
 */
export const RAW_REQUEST_BODY = Symbol.for("@agentmesh/a2a-transport/raw-request-body");

/**
 * The length of a body worth reading into one buffer before the handler runs: a declared
 * Content-Length (no Transfer-Encoding) of 1 byte up to min(1 MiB, `limit`), not already
 * consumed by middleware. `undefined` otherwise (no body, chunked, large: those stream).
 */
export function bufferableLength(req: IncomingMessage, limit: number): number | undefined {
  const method = req.method;
  if (method === "GET" || method === "HEAD") return undefined;
  if ((req as ExpressLikeRequest).body !== undefined || req.readableEnded) return undefined;
  if (req.headers["transfer-encoding"] !== undefined) return undefined;
  const cl = req.headers["content-length"];
  if (cl === undefined) return undefined;
  const n = Number(cl);
  return Number.isSafeInteger(n) && n > 0 && n <= BUFFER_UP_TO && n <= limit ? n : undefined;
}

/** Reads a body of known, small length into one buffer; rejects when the client goes away. */
export function readSmallBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      chunks.push(c);
      size += c.length;
    };
    const done = (err?: Error) => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", done);
      req.off("aborted", onAborted);
      if (err) reject(err);
      else resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onEnd = () => done();
    const onAborted = () =>
      done(new Error("The client aborted the request while sending its body."));
    req.on("data", onData);
    req.once("end", onEnd);
    req.once("error", done);
    req.once("aborted", onAborted);
  });
}

interface ExpressLikeRequest extends IncomingMessage {
  body?: unknown;
  originalUrl?: string;
}

/**
 * Builds a web `Request` from a Node `IncomingMessage`. The body is streamed (pull-based: the
 * socket is paused while nobody reads), except that small bodies with a known length are
 * read into one buffer first, which is cheaper. `limit` is enforced while reading.
 */
export function toWebRequest(
  req: IncomingMessage,
  signal: AbortSignal,
  limit: number,
  buffered?: Buffer,
): Request {
  const headers: [string, string][] = [];
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!;
    // HTTP/2 pseudo-headers (":path" …) are not valid web header names.
    if (name.charCodeAt(0) !== 58) headers.push([name, raw[i + 1]!]);
  }
  const host = req.headers.host ?? "localhost";
  const scheme = (req.socket as { encrypted?: boolean }).encrypted ? "https" : "http";
  const url = `${scheme}://${host}${req.url ?? "/"}`;
  const method = req.method ?? "GET";
  // The signal is set on the instance below, not given to the constructor: a Request made with
  // a signal follows it through a fresh AbortController, a WeakRef and a FinalizationRegistry
  // entry, a noticeable share of each call's cost. `request.signal` is the adapter's signal.
  const init: RequestInit & { duplex?: "half" } = { method, headers };
  if (buffered !== undefined) {
    init.body = buffered as unknown as BodyInit;
    const request = new Request(url, init);
    (request as Request & { [RAW_REQUEST_BODY]?: Uint8Array })[RAW_REQUEST_BODY] = buffered;
    return mark(request, signal);
  }
  if (method !== "GET" && method !== "HEAD") {
    const body = requestBody(req as ExpressLikeRequest, limit);
    if (body !== null) {
      init.body = body as BodyInit;
      if (body instanceof ReadableStream) init.duplex = "half";
    }
  }
  return mark(new Request(url, init), signal);
}

function mark(request: Request, signal: AbortSignal): Request {
  Object.defineProperty(request, "signal", { value: signal, configurable: true });
  (request as Request & { [FROM_NODE_ADAPTER]?: boolean })[FROM_NODE_ADAPTER] = true;
  return request;
}

/** A promise-free body source for `toWebRequest`: bytes, a stream, or null for no body. */
function requestBody(
  req: ExpressLikeRequest,
  limit: number,
): Uint8Array | string | ReadableStream<Uint8Array> | null {
  // Express (or another middleware) already consumed and parsed the body.
  if (req.body !== undefined && (req.readableEnded || req.complete)) {
    const parsed = req.body;
    if (typeof parsed === "string") return parsed;
    if (parsed instanceof Uint8Array) return parsed;
    if (typeof parsed === "object" && parsed !== null && Object.keys(parsed).length === 0) {
      // body-parser sets `{}` when it did not parse (wrong content type): nothing to forward.
      return req.readableEnded ? null : streamBody(req, limit);
    }
    return JSON.stringify(parsed);
  }
  const te = req.headers["transfer-encoding"];
  const cl = req.headers["content-length"];
  if (te === undefined && (cl === undefined || cl === "0")) return null;
  if (cl !== undefined && te === undefined) {
    const length = Number(cl);
    if (Number.isSafeInteger(length) && length > limit) return failedBody(req, limit);
  }
  return streamBody(req, limit);
}

/** A stream that fails at once with BodyTooLargeError; the rest of the upload is discarded. */
function failedBody(req: IncomingMessage, limit: number): ReadableStream<Uint8Array> {
  req.resume();
  return new ReadableStream({
    start(controller) {
      controller.error(new BodyTooLargeError(limit));
    },
  });
}

function streamBody(req: IncomingMessage, limit: number): ReadableStream<Uint8Array> {
  let received = 0;
  let done = false;
  let onData: ((chunk: Buffer) => void) | undefined;
  const cl = Number(req.headers["content-length"]);
  const small = Number.isSafeInteger(cl) && cl <= BUFFER_UP_TO;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        onData = (chunk: Buffer) => {
          if (done) return;
          received += chunk.length;
          if (received > limit) {
            done = true;
            controller.error(new BodyTooLargeError(limit));
            // Keep reading and dropping the rest so the response can still reach the client.
            if (onData) req.off("data", onData);
            req.resume();
            return;
          }
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if (!small && (controller.desiredSize ?? 0) <= 0) req.pause();
        };
        req.on("data", onData);
        req.once("end", () => {
          if (done) return;
          done = true;
          controller.close();
        });
        req.once("error", (err) => {
          if (done) return;
          done = true;
          controller.error(err);
        });
        req.once("aborted", () => {
          if (done) return;
          done = true;
          controller.error(new Error("The client aborted the request while sending its body."));
        });
      },
      pull() {
        if (req.isPaused()) req.resume();
      },
      cancel() {
        done = true;
        if (onData) req.off("data", onData);
        req.resume();
      },
    },
    { highWaterMark: small ? Number.POSITIVE_INFINITY : 64 * 1024, size: (c) => c.byteLength },
  );
}
