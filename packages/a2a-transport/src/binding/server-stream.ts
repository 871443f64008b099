import { type SseEvent, sseResponseStream } from "../sse-encoder.js";

/** Options of {@link openSseStream}. */
export interface OpenSseStreamOptions<T> {
  /** Turns one item into its SSE event; may throw (the stream then ends with an error event). */
  toEvent(item: T): SseEvent;
  /** Turns a mid-stream failure into the last event (`event: error`). */
  toErrorEvent(err: unknown): SseEvent;
  /** Aborted when the client goes away: the source is released at once. */
  signal: AbortSignal;
  /** Keep-alive comment interval in ms; 0 disables. */
  keepAliveMs: number;
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * Pulls the first item of `source` before anything is committed, so that an error before the
 * first event rejects here (and the caller answers a plain error response). Then returns the
 * SSE byte stream of the rest. A mid-stream error becomes one `event: error` and the end of
 * the stream. When the client goes away (stream cancelled or `signal` aborted), the source's
 * `return()` runs right away, even while a `next()` is pending, so subscriptions are released.
 */
export async function openSseStream<T>(
  source: AsyncIterable<T>,
  options: OpenSseStreamOptions<T>,
): Promise<ReadableStream<Uint8Array>> {
  const it = source[Symbol.asyncIterator]();
  let pending: IteratorResult<T> | undefined = await it.next();
  let finished = false;
  const release = () => {
    if (finished) return;
    finished = true;
    options.signal.removeEventListener("abort", release);
    it.return?.()?.then(undefined, () => {});
  };
  options.signal.addEventListener("abort", release, { once: true });
  const events: AsyncIterableIterator<SseEvent> = {
    async next(): Promise<IteratorResult<SseEvent>> {
      if (finished) return DONE;
      try {
        let r: IteratorResult<T>;
        if (pending !== undefined) {
          r = pending;
          pending = undefined;
        } else {
          r = await it.next();
        }
        if (finished) return DONE;
        if (r.done) {
          finished = true;
          options.signal.removeEventListener("abort", release);
          return DONE;
        }
        return { done: false, value: options.toEvent(r.value) };
      } catch (err) {
        if (finished) return DONE;
        release();
        return { done: false, value: options.toErrorEvent(err) };
      }
    },
    async return(): Promise<IteratorResult<SseEvent>> {
      release();
      return DONE;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return sseResponseStream(events, {
    signal: options.signal,
    ...(options.keepAliveMs > 0 ? { keepAliveMs: options.keepAliveMs } : {}),
  });
}
