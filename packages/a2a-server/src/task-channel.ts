import { A2AError, A2AErrorCode } from "@agentmesh/a2a-transport";

/**
 * Buffering policy of the per-task event fan-out.
 *
 * Every subscriber (an open SendStreamingMessage or SubscribeToTask stream) has its own queue.
 * Publishing never waits for a fast subscriber. When a subscriber's queue passes
 * `highWaterMark`, the executor's next `await events.…()` waits until it drains (backpressure,
 * like Node streams); a subscriber that stays above the mark for `slowSubscriberTimeoutMs`, or
 * whose queue reaches `maxBuffered` (an executor that does not await), is disconnected: its
 * stream ends with an error telling the client to re-attach with SubscribeToTask, which starts
 * with the current Task. The other subscribers and the task are not affected.
 */
export interface FanOutOptions {
  /** Queue length above which publishers wait for the subscriber. Default `256`. */
  highWaterMark?: number;
  /** Queue length at which a subscriber is disconnected at once. Default `4096`. */
  maxBuffered?: number;
  /** How long a publisher waits for a subscriber above the high-water mark before disconnecting it, in ms. Default `30_000`. */
  slowSubscriberTimeoutMs?: number;
}

/** One consumer's view of a channel: an async iterator with its own bounded queue. */
export class Subscription<T> implements AsyncIterableIterator<T> {
  #queue: T[] = [];
  #head = 0;
  #waiter: { resolve: (r: IteratorResult<T>) => void; reject: (e: unknown) => void } | undefined;
  #ended = false;
  #error: unknown;
  #done = false;
  #drained: (() => void)[] = [];
  readonly #onClose: (sub: Subscription<T>) => void;
  readonly #lowWater: number;

  constructor(onClose: (sub: Subscription<T>) => void, lowWater: number) {
    this.#onClose = onClose;
    this.#lowWater = lowWater;
  }

  /** Events queued and not yet pulled. */
  get buffered(): number {
    return this.#queue.length - this.#head;
  }

  /** True once the consumer is done (ended and drained, or returned). */
  get closed(): boolean {
    return this.#done;
  }

  /** @internal Queues an event (dropped when the subscription is closed). */
  push(value: T): void {
    if (this.#done || this.#ended) return;
    if (this.#waiter) {
      const w = this.#waiter;
      this.#waiter = undefined;
      w.resolve({ value, done: false });
      return;
    }
    this.#queue.push(value);
  }

  /** @internal No more events: the consumer drains the queue, then gets `done` (or `error`). */
  end(error?: unknown): void {
    if (this.#ended || this.#done) return;
    this.#ended = true;
    this.#error = error;
    if (error !== undefined) {
      // an error ends the stream without delivering what is still queued
      this.#queue = [];
      this.#head = 0;
    }
    if (this.#waiter && this.buffered === 0) this.#finish();
  }

  /** @internal Resolves when the queue is at or below the low-water mark (or closed). */
  whenDrained(): Promise<void> {
    if (this.#done || this.buffered <= this.#lowWater) return Promise.resolve();
    return new Promise((resolve) => this.#drained.push(resolve));
  }

  next(): Promise<IteratorResult<T>> {
    if (this.buffered > 0) {
      const value = this.#queue[this.#head] as T;
      this.#queue[this.#head++] = undefined as T;
      if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
        this.#queue = this.#queue.slice(this.#head);
        this.#head = 0;
      }
      if (this.#drained.length > 0 && this.buffered <= this.#lowWater) this.#releaseDrained();
      return Promise.resolve({ value, done: false });
    }
    if (this.#done) return Promise.resolve({ value: undefined, done: true });
    if (this.#ended) {
      const error = this.#error;
      this.#close();
      return error === undefined
        ? Promise.resolve({ value: undefined, done: true })
        : Promise.reject(error);
    }
    if (this.#waiter)
      return Promise.reject(new Error("next() called while a previous next() is pending"));
    return new Promise((resolve, reject) => {
      this.#waiter = { resolve, reject };
    });
  }

  /** Stops consuming: releases the queue and unsubscribes at once (a client disconnect). */
  return(): Promise<IteratorResult<T>> {
    this.#close();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  #finish(): void {
    const w = this.#waiter;
    this.#waiter = undefined;
    const error = this.#error;
    this.#close();
    if (!w) return;
    if (error === undefined) w.resolve({ value: undefined, done: true });
    else w.reject(error);
  }

  #close(): void {
    if (this.#done) return;
    this.#done = true;
    this.#ended = true;
    this.#queue = [];
    this.#head = 0;
    const w = this.#waiter;
    this.#waiter = undefined;
    w?.resolve({ value: undefined, done: true });
    this.#releaseDrained();
    this.#onClose(this);
  }

  #releaseDrained(): void {
    const list = this.#drained;
    this.#drained = [];
    for (const r of list) r();
  }
}

/** Per-task ordered fan-out of events to any number of subscribers (see {@link FanOutOptions}). */
export class TaskChannel<T> {
  readonly #subs = new Set<Subscription<T>>();
  readonly #hwm: number;
  readonly #max: number;
  readonly #slowMs: number;

  constructor(options: FanOutOptions = {}) {
    this.#hwm = options.highWaterMark ?? 256;
    this.#max = Math.max(options.maxBuffered ?? 4096, this.#hwm + 1);
    this.#slowMs = options.slowSubscriberTimeoutMs ?? 30_000;
  }

  /** Number of live subscribers. */
  get size(): number {
    return this.#subs.size;
  }

  /** Adds a subscriber that first receives `initial`, then every later event. */
  subscribe(initial: readonly T[] = []): Subscription<T> {
    const sub = new Subscription<T>((s) => this.#subs.delete(s), Math.floor(this.#hwm / 2));
    for (const value of initial) sub.push(value);
    this.#subs.add(sub);
    return sub;
  }

  /**
   * Delivers `value` to every subscriber, in call order. With `end`, every current subscriber's
   * stream ends after this event (terminal or interrupted state).
   */
  publish(value: T, end = false): void {
    for (const sub of this.#subs) {
      sub.push(value);
      if (end) {
        sub.end();
      } else if (sub.buffered >= this.#max) {
        this.#disconnect(sub);
      }
    }
    if (end) this.#subs.clear();
  }

  /**
   * Waits until no subscriber is above the high-water mark, disconnecting those that stay there
   * too long. Returns `undefined` (no promise) when nobody lags, the common case.
   */
  drain(): Promise<void> | undefined {
    let slow: Subscription<T>[] | undefined;
    for (const sub of this.#subs) {
      if (sub.buffered <= this.#hwm) continue;
      slow ??= [];
      slow.push(sub);
    }
    return slow ? this.#waitFor(slow) : undefined;
  }

  async #waitFor(slow: Subscription<T>[]): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), this.#slowMs);
    });
    try {
      for (const sub of slow) {
        const outcome = await Promise.race([sub.whenDrained(), timeout]);
        if (outcome === "timeout") {
          for (const s of slow) if (s.buffered > this.#hwm) this.#disconnect(s);
          return;
        }
      }
    } finally {
      clearTimeout(timer);
    }
  }

  /** Ends every subscriber (after what is queued), or fails them with `error`. */
  close(error?: unknown): void {
    for (const sub of this.#subs) sub.end(error);
    this.#subs.clear();
  }

  #disconnect(sub: Subscription<T>): void {
    this.#subs.delete(sub);
    sub.end(
      new A2AError(
        A2AErrorCode.Internal,
        "This stream fell too far behind the task's events and was closed; re-attach with SubscribeToTask",
      ),
    );
  }
}
