import { type Deferred, deferred } from "./execution-support.js";

/**
 * The moments callers of one execution wait for: the first event (the task exists, or a
 * reply), the settled point (terminal or interrupted), and the end (detached).
 */
export class SettlePoints {
  readonly #first = deferred<void>(true);
  readonly #settled = deferred<void>();
  #isSettled = false;
  #isEnded = false;
  #ended: Deferred<void> | undefined;

  /** Resolves once the task exists (or a direct reply was sent); rejects when the request fails before that. */
  get first(): Promise<void> {
    return this.#first.promise;
  }
  /** True once {@link settled} resolved. */
  get isSettled(): boolean {
    return this.#isSettled;
  }
  /** Resolves when the task is terminal or interrupted, a reply was sent, or the execution ended. */
  get settled(): Promise<void> {
    return this.#settled.promise;
  }
  /** Resolves when the execution detached (executor returned, task terminal, timeout…). */
  get ended(): Promise<void> {
    if (this.#isEnded) return Promise.resolve();
    this.#ended ??= deferred<void>();
    return this.#ended.promise;
  }

  reachFirst(): void {
    this.#first.resolve();
  }
  failFirst(reason: unknown): void {
    this.#first.reject(reason);
  }
  settle(): void {
    this.#isSettled = true;
    this.#settled.resolve();
  }
  /** Every point is reached. */
  end(): void {
    this.#isEnded = true;
    this.#first.resolve();
    this.settle();
    this.#ended?.resolve();
  }
}
