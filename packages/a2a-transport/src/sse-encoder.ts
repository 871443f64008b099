/** One Server-Sent Event. */
export interface SseEvent {
  /** The event data; a multi-line value is sent as several `data:` lines. */
  data: string;
  /** The `event:` field; absent for normal A2A events, `"error"` for mid-stream errors. */
  event?: string | undefined;
  /** The `id:` field. */
  id?: string | undefined;
  /** The `retry:` field (reconnection time in milliseconds, a non-negative integer). */
  retry?: number | undefined;
}

const LINE_BREAK = /\r\n|\r|\n/;

/**
 * Encodes one event: optional `event:`, `id:`, `retry:` lines, one `data: <line>` line per line
 * of `data` (split at LF, CRLF and CR), then a blank line. A2A events are
 * `encodeSseEvent({ data: JSON.stringify(x) })` = `data: {…}\n\n`.
 *
 * @throws TypeError when `event` or `id` contains a line break (or `id` a NUL), or `retry` is
 *   not a non-negative integer: such an event cannot be represented.
 */
export function encodeSseEvent(ev: SseEvent): string {
  let out = "";
  if (ev.event !== undefined) {
    if (LINE_BREAK.test(ev.event))
      throw new TypeError("SSE event name must not contain a line break");
    out += `event: ${ev.event}\n`;
  }
  if (ev.id !== undefined) {
    if (LINE_BREAK.test(ev.id) || ev.id.includes("\0")) {
      throw new TypeError("SSE id must not contain a line break or NUL");
    }
    out += `id: ${ev.id}\n`;
  }
  if (ev.retry !== undefined) {
    if (!Number.isSafeInteger(ev.retry) || ev.retry < 0) {
      throw new TypeError(`SSE retry must be a non-negative integer, got ${ev.retry}`);
    }
    out += `retry: ${ev.retry}\n`;
  }
  for (const line of ev.data.split(LINE_BREAK)) out += `data: ${line}\n`;
  return `${out}\n`;
}

/**
 * Encodes an SSE comment (ignored by clients; used as keep-alive): `: <text>\n\n`, or `:\n\n`
 * for no text. Line breaks in `text` start new comment lines.
 */
export function encodeSseComment(text = ""): string {
  if (text === "") return ":\n\n";
  return `${text
    .split(LINE_BREAK)
    .map((l) => `: ${l}`)
    .join("\n")}\n\n`;
}

/** Options of {@link sseResponseStream}. */
export interface SseResponseStreamOptions {
  /**
   * Send a comment (`: keep-alive`) when no event was sent for this many milliseconds while
   * the consumer waits, so proxies keep the connection open. Default: `0` (off); bindings
   * usually pass 15 000.
   */
  keepAliveMs?: number | undefined;
  /**
   * Ends the stream: the iterator's `return()` is called and the stream closes cleanly after
   * the events already sent. Default: none.
   */
  signal?: AbortSignal | undefined;
}

const encoder = new TextEncoder();
const KEEP_ALIVE = encoder.encode(encodeSseComment("keep-alive"));

/**
 * A `text/event-stream` body for `events`. Pull-based (high-water mark 0): the next event is
 * requested from the iterator only when the consumer reads, so a slow client never makes the
 * producer run ahead. Cancelling the stream (client gone) calls the iterator's `return()`.
 * If the iterator throws, the stream errors; bindings should catch errors themselves and
 * yield an `event: error` event instead.
 */
export function sseResponseStream(
  events: AsyncIterable<SseEvent>,
  options: SseResponseStreamOptions = {},
): ReadableStream<Uint8Array> {
  const keepAliveMs = options.keepAliveMs ?? 0;
  const signal = options.signal;
  let iterator: AsyncIterator<SseEvent> | undefined;
  let pending: Promise<IteratorResult<SseEvent>> | undefined;
  let finished = false;
  let pulling = false;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let abortWait: Promise<"abort"> | undefined;
  let onAbort: (() => void) | undefined;

  const detach = (): void => {
    if (onAbort !== undefined) signal?.removeEventListener("abort", onAbort);
  };
  const finish = async (): Promise<void> => {
    if (finished) return;
    finished = true;
    detach();
    iterator ??= events[Symbol.asyncIterator]();
    const it = iterator;
    if (it.return === undefined) return;
    const ret = (async () => {
      await it.return?.();
    })().catch(() => {});
    // An async generator queues return() behind a pending next(), which may never settle
    // (e.g. a producer waiting for the next task update): then do not wait for it.
    if (pending === undefined) await ret;
  };
  const closeQuietly = (): void => {
    try {
      controller.close();
    } catch {
      // already closed or errored
    }
  };

  if (signal !== undefined) {
    abortWait = new Promise<"abort">((resolve) => {
      onAbort = () => {
        resolve("abort");
        // While a pull is running, it sees the abort itself; otherwise stop the producer now.
        if (!pulling && !finished) {
          void finish();
          closeQuietly();
        }
      };
    });
  }

  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        if (signal === undefined || onAbort === undefined) return;
        if (signal.aborted) onAbort();
        else signal.addEventListener("abort", onAbort, { once: true });
      },
      async pull() {
        if (finished) return;
        pulling = true;
        try {
          await step();
        } finally {
          pulling = false;
        }
        // An abort that arrived after step() passed its checks.
        if (signal?.aborted && !finished) {
          await finish();
          closeQuietly();
        }
      },
      async cancel() {
        await finish();
      },
    },
    { highWaterMark: 0 },
  );

  async function step(): Promise<void> {
    if (signal?.aborted) {
      await finish();
      closeQuietly();
      return;
    }
    iterator ??= events[Symbol.asyncIterator]();
    pending ??= iterator.next();
    const racers: Promise<IteratorResult<SseEvent> | "abort" | "tick">[] = [pending];
    if (abortWait !== undefined) racers.push(abortWait);
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (keepAliveMs > 0) {
      racers.push(
        new Promise<"tick">((resolve) => {
          timer = setTimeout(() => resolve("tick"), keepAliveMs);
        }),
      );
    }
    let result: IteratorResult<SseEvent> | "abort" | "tick";
    try {
      result = await Promise.race(racers);
    } catch (err) {
      finished = true;
      detach();
      controller.error(err);
      return;
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
    if (result === "tick") {
      controller.enqueue(KEEP_ALIVE);
      return;
    }
    if (result === "abort") {
      await finish();
      closeQuietly();
      return;
    }
    pending = undefined;
    if (result.done) {
      finished = true;
      detach();
      closeQuietly();
      return;
    }
    let chunk: Uint8Array;
    try {
      chunk = encoder.encode(encodeSseEvent(result.value));
    } catch (err) {
      await finish();
      controller.error(err);
      return;
    }
    controller.enqueue(chunk);
  }
}
