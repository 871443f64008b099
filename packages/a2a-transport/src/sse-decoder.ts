import type { SseEvent } from "./sse-encoder.js";
import { SseParser } from "./sse-parser.js";

/** Default of {@link DecodeSseOptions.maxEventBytes}: 16 MiB. */
export const DEFAULT_MAX_EVENT_BYTES = 16 * 1024 * 1024;

/** Options of {@link decodeSse}. */
export interface DecodeSseOptions {
  /**
   * Aborting stops reading: the body is cancelled and the iteration throws the signal's
   * reason. Default: none.
   */
  signal?: AbortSignal | undefined;
  /**
   * The largest event accepted, in bytes of its field lines; a larger one fails with
   * `A2AClientError` `INVALID_RESPONSE` instead of growing memory without bound.
   * Default: 16 MiB.
   */
  maxEventBytes?: number | undefined;
}

/**
 * Decodes a `text/event-stream` body into events, as a browser's `EventSource` would:
 * LF, CRLF and CR line ends, chunk boundaries anywhere (even inside a multi-byte character),
 * comments and keep-alives skipped, multi-line `data` joined with `\n`, `event`, `id` and
 * `retry` fields, a leading BOM dropped, an unfinished event at the end discarded.
 *
 * Reads lazily: a chunk is read only when the consumer asks for an event and none is
 * buffered. Breaking out of the loop (`return()`) cancels the body.
 */
export async function* decodeSse(
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
  options: DecodeSseOptions = {},
): AsyncGenerator<SseEvent, void, undefined> {
  const { signal } = options;
  const parser = new SseParser(options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES);
  for await (const chunk of readChunks(body, signal)) {
    for (const ev of parser.push(chunk)) {
      signal?.throwIfAborted();
      yield ev;
    }
  }
}

function abortPromise(signal: AbortSignal | undefined): {
  promise: Promise<never> | undefined;
  dispose: () => void;
} {
  if (signal === undefined) return { promise: undefined, dispose: () => {} };
  let onAbort: (() => void) | undefined;
  const promise = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
  promise.catch(() => {});
  return {
    promise,
    dispose: () => {
      if (onAbort !== undefined) signal.removeEventListener("abort", onAbort);
    },
  };
}

async function* readChunks(
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
  signal: AbortSignal | undefined,
): AsyncGenerator<Uint8Array, void, undefined> {
  const abort = abortPromise(signal);
  if ("getReader" in body && typeof body.getReader === "function") {
    const reader = body.getReader();
    let done = false;
    try {
      while (true) {
        const read = reader.read();
        const r = abort.promise ? await Promise.race([read, abort.promise]) : await read;
        if (r.done) {
          done = true;
          return;
        }
        if (r.value.length > 0) yield r.value;
      }
    } finally {
      abort.dispose();
      if (!done) await reader.cancel().catch(() => {});
      try {
        reader.releaseLock();
      } catch {
        // a read still pending on an old runtime; the stream is cancelled anyway
      }
    }
  }
  const it = (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  let done = false;
  let pending = false;
  try {
    while (true) {
      const next = it.next();
      pending = true;
      const r = abort.promise ? await Promise.race([next, abort.promise]) : await next;
      pending = false;
      if (r.done) {
        done = true;
        return;
      }
      if (r.value.length > 0) yield r.value;
    }
  } finally {
    abort.dispose();
    if (!done && it.return !== undefined) {
      const ret = Promise.resolve()
        .then(() => it.return?.())
        .catch(() => {});
      if (!pending) await ret;
    }
  }
}
