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
  // Wakes the wait of the running step on abort. Not a long-lived promise raced against every
  // event: each Promise.race would leave a reaction (holding the event) on it until the end.
  let wake: ((v: "abort") => void) | undefined;
  let onAbort: (() => void) | undefined;
  // Keep-alive: one shared interval per period serves every stream (no timer per wait).
  const keepAlive: KeepAliveEntry | undefined =
    keepAliveMs > 0
      ? {
          last: 0,
          waiting: false,
          send() {
            // At most one comment queued while the consumer is not reading.
            if (finished || (controller.desiredSize ?? 0) < 0) return;
            try {
              controller.enqueue(KEEP_ALIVE);
            } catch {
              // closed or errored meanwhile: nothing to keep alive
            }
          },
        }
      : undefined;
  let registered = false;

  const detach = (): void => {
    if (onAbort !== undefined) signal?.removeEventListener("abort", onAbort);
    if (registered && keepAlive !== undefined) {
      registered = false;
      unregisterKeepAlive(keepAliveMs, keepAlive);
    }
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
    onAbort = () => {
      wake?.("abort");
      // While a pull is running, it sees the abort itself; otherwise stop the producer now.
      if (!pulling && !finished) {
        void finish();
        closeQuietly();
      }
    };
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
    if (keepAlive !== undefined) {
      keepAlive.last = Date.now();
      keepAlive.waiting = true;
      if (!registered) {
        registered = true;
        registerKeepAlive(keepAliveMs, keepAlive);
      }
    }
    let result: IteratorResult<SseEvent> | "abort";
    try {
      const next = pending;
      result = await (signal === undefined
        ? next
        : new Promise<IteratorResult<SseEvent> | "abort">((resolve, reject) => {
            wake = resolve;
            next.then(resolve, reject);
          }));
    } catch (err) {
      finished = true;
      detach();
      controller.error(err);
      return;
    } finally {
      wake = undefined;
      if (keepAlive !== undefined) keepAlive.waiting = false;
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

/** One stream's keep-alive state, visited by the shared interval of its period. */
interface KeepAliveEntry {
  /** When the stream last started waiting for the producer (ms since epoch). */
  last: number;
  /** True while the stream waits for the producer's next event. */
  waiting: boolean;
  /** Enqueues one keep-alive comment. */
  send(): void;
}

const keepAliveTickers = new Map<
  number,
  { entries: Set<KeepAliveEntry>; timer: ReturnType<typeof setInterval> }
>();

function registerKeepAlive(periodMs: number, entry: KeepAliveEntry): void {
  let ticker = keepAliveTickers.get(periodMs);
  if (ticker === undefined) {
    const entries = new Set<KeepAliveEntry>();
    // A quarter of the period: a comment goes out between 1 and 1.25 periods into a wait.
    const timer = setInterval(
      () => {
        const now = Date.now();
        for (const e of entries) {
          if (e.waiting && now - e.last >= periodMs) {
            e.last = now;
            e.send();
          }
        }
      },
      Math.max(1, Math.floor(periodMs / 4)),
    );
    ticker = { entries, timer };
    keepAliveTickers.set(periodMs, ticker);
  }
  ticker.entries.add(entry);
}

function unregisterKeepAlive(periodMs: number, entry: KeepAliveEntry): void {
  const ticker = keepAliveTickers.get(periodMs);
  if (ticker === undefined) return;
  ticker.entries.delete(entry);
  if (ticker.entries.size === 0) {
    clearInterval(ticker.timer);
    keepAliveTickers.delete(periodMs);
  }
}
