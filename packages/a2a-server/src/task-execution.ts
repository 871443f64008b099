import { A2AError, A2AErrorCode } from "@agentmesh/a2a-transport";
import type { ExecutionEvents, RequestContext } from "./executor.js";
import { createExecutionEvents } from "./execution-events.js";
import {
  type ExecutionDeps,
  type ExecutionInit,
  failureText,
  withTimeout,
} from "./execution-support.js";
import { TaskRecord } from "./task-record.js";
import { INTERRUPTED_STATES } from "./task-snapshot.js";

export type { ExecutionDeps, ExecutionInit } from "./execution-support.js";

/**
 * One run of the executor for one task: runs it, cancels it, bounds it by the execution
 * timeout, and hands it over to a follow-up message; the task's state, persistence and fan-out
 * are {@link TaskRecord}'s. Detaches (and forgets the executor) when the task is terminal, when
 * the executor returns, or on timeout.
 */
export class TaskExecution extends TaskRecord {
  readonly events: ExecutionEvents;
  #abort: AbortController | undefined;
  #abortReason: unknown;
  #context: RequestContext | undefined;
  /** When the execution was created (epoch ms), for the execution timeout. */
  readonly startedAt = Date.now();
  /** Set once the execution timeout fired. */
  expired = false;
  #canceling: Promise<void> | undefined;

  constructor(deps: ExecutionDeps, init: ExecutionInit) {
    super(deps, init);
    this.events = createExecutionEvents(this);
  }

  /** The execution's abort signal (created on first use: most executors never look at it). */
  get signal(): AbortSignal {
    if (!this.#abort) {
      this.#abort = new AbortController();
      if (this.#abortReason !== undefined) this.abortWith(this.#abortReason);
    }
    return this.#abort.signal;
  }

  /** Stores the continued task's new message (if any), then runs the executor in the background. */
  async start(): Promise<void> {
    const existing = this.init.existing;
    if (existing) await this.enqueue(() => this.adopt(existing, this.init.message));
    this.#context = this.init.context(() => this.signal, existing ? this.snapshot() : undefined);
    this.deps.watchDeadline();
    const context = this.#context;
    Promise.resolve()
      .then(() => this.deps.executor.execute(context, this.events))
      .then(
        () => this.enqueue(() => this.#onExecutorEnd(undefined, false)),
        (error) => this.enqueue(() => this.#onExecutorEnd(error, true)),
      )
      .catch((error) => this.deps.onError(error, "execution"));
  }

  /** Takes over a stored task without running the executor (to cancel it). */
  async attach(): Promise<void> {
    const existing = this.init.existing;
    if (!existing) throw new Error("attach() needs an existing task");
    await this.enqueue(() => this.adopt(existing));
    this.#context = this.init.context(() => this.signal, this.snapshot());
  }

  /**
   * Cancels: aborts the signal, lets the executor's `cancel()` publish (bounded by the cancel
   * timeout), then ends the task CANCELED unless it already ended.
   */
  cancel(): Promise<void> {
    this.#canceling ??= this.#cancel();
    return this.#canceling;
  }

  async #cancel(): Promise<void> {
    if (this.finished) return;
    this.abortWith(new A2AError(A2AErrorCode.TaskNotCancelable, "The task was canceled"));
    const cancel = this.deps.executor.cancel;
    if (cancel && this.#context) {
      const context = this.#context;
      try {
        await withTimeout(
          Promise.resolve().then(() => cancel.call(this.deps.executor, context, this.events)),
          this.deps.cancelTimeoutMs,
        );
      } catch (error) {
        this.deps.onError(error, "cancel");
      }
    }
    await this.enqueue(async () => {
      if (!this.finished) await this.setStatus("TASK_STATE_CANCELED", undefined, undefined);
    });
  }

  /**
   * Lets a follow-up message take over an interrupted task: waits up to `ms` for the executor to
   * return, then aborts its signal and detaches it (its later events are ignored).
   */
  async release(ms: number): Promise<void> {
    if (this.detached) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      this.ended,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms);
      }),
    ]);
    clearTimeout(timer);
    if (this.detached) return;
    this.abortWith(new A2AError(A2AErrorCode.Internal, "A new message continued the task"));
    await this.enqueue(async () => {
      await this.persistIfDirty();
      this.markFinished();
      this.detach();
    });
  }

  /** Ends the execution at server shutdown: the task is failed unless already settled. */
  async shutdown(): Promise<void> {
    if (this.detached) return;
    this.abortWith(new A2AError(A2AErrorCode.Internal, "The server is shutting down"));
    await this.enqueue(async () => {
      if (this.finished) return;
      const state = this.state;
      if (state !== undefined && !INTERRUPTED_STATES.has(state)) {
        await this.setStatus(
          "TASK_STATE_FAILED",
          "The server shut down before the task finished",
          undefined,
        );
      }
      this.detach();
    });
  }

  /** @internal Called by the shared deadline watcher when the execution timeout passed. */
  expire(ms: number): void {
    if (this.detached || this.expired) return;
    this.expired = true;
    this.abortWith(new A2AError(A2AErrorCode.Internal, `The agent did not finish within ${ms} ms`));
    void this.enqueue(async () => {
      if (this.finished) return;
      const state = this.state;
      if (state === undefined || !INTERRUPTED_STATES.has(state)) {
        await this.setStatus(
          "TASK_STATE_FAILED",
          `The agent did not finish within ${ms} ms`,
          undefined,
        );
      }
      this.detach();
    }).catch((error) => this.deps.onError(error, "timeout"));
  }

  protected abortWith(reason: unknown): void {
    if (this.#abortReason !== undefined) return;
    this.#abortReason = reason;
    this.#abort?.abort(reason);
  }

  async #onExecutorEnd(error: unknown, threw: boolean): Promise<void> {
    this.executorReturned = true;
    if (threw) this.deps.onError(error, "execute");
    if (this.detached) return;
    if (this.finished) return this.detach();
    const state = this.state;
    if (state === undefined && (!threw || error instanceof A2AError)) {
      this.failFirst(
        threw
          ? (error as A2AError)
          : new A2AError(
              A2AErrorCode.InvalidAgentResponse,
              "The agent returned without replying or creating a task",
            ),
      );
      return this.detach();
    }
    if (threw) {
      await this.setStatus("TASK_STATE_FAILED", failureText(error), undefined);
    } else if (state !== undefined && INTERRUPTED_STATES.has(state)) {
      await this.persistIfDirty();
    } else {
      await this.setStatus(
        "TASK_STATE_FAILED",
        "The agent stopped without finishing the task",
        undefined,
      );
    }
    this.detach();
  }
}
