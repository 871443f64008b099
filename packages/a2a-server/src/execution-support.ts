import { A2AError } from "@agentmesh/a2a-transport";
import type { Message, StreamResponse, Task } from "@agentmesh/a2a-types";
import type { AgentExecutor, RequestContext } from "./executor.js";
import type { StoredTask, TaskScope, TaskStore } from "./store/task-store.js";
import type { FanOutOptions } from "./task-channel.js";
import type { TaskRecord } from "./task-record.js";

/** What an execution needs from the request handler. */
export interface ExecutionDeps {
  readonly store: TaskStore;
  readonly executor: AgentExecutor;
  readonly fanOut: FanOutOptions;
  /** 0 = no limit. */
  readonly executionTimeoutMs: number;
  readonly cancelTimeoutMs: number;
  /** Asks for `flushArtifacts()` to be called soon (one shared timer for all executions). */
  readonly schedulePersist: (execution: TaskRecord) => void;
  /** Makes sure the shared execution-timeout watcher is armed. */
  readonly watchDeadline: () => void;
  /** Withdraws a pending request of `schedulePersist`. */
  readonly unschedulePersist: (execution: TaskRecord) => void;
  /** Every published event, in order (push delivery). */
  readonly onEvent?: (event: StreamResponse, scope: TaskScope) => void;
  readonly onError: (error: unknown, where: string) => void;
  readonly onDetach: (execution: TaskRecord) => void;
}

/** Parameters of one execution. */
export interface ExecutionInit {
  readonly taskId: string;
  readonly contextId: string;
  readonly scope: TaskScope;
  /** The user message, ids filled in, frozen. */
  readonly message: Message;
  /** The stored task being continued. */
  readonly existing?: StoredTask;
  /** Builds the executor's context, given the execution's signal (created on first use) and the task snapshot. */
  readonly context: (signal: () => AbortSignal, task: Task | undefined) => RequestContext;
  /** Called once the task is stored (new, or continued), before its first event (registers a push config). */
  readonly onCreated?: (task: Task) => Promise<void>;
}

/** A promise with its settle functions. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (v: T) => void;
  reject: (e: unknown) => void;
}

/** A new {@link Deferred}; with `canReject`, a rejection nobody awaits is not unhandled. */
export function deferred<T>(canReject = false): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  if (canReject) promise.catch(() => {}); // rejected before anyone awaits it: not unhandled
  return { promise, resolve, reject };
}

/** The status text of a task whose executor threw. */
export function failureText(error: unknown): string {
  if (error instanceof A2AError) return `The agent failed: ${error.message}`;
  return "The agent failed while working on this task";
}

export function noop(): void {}

/** `promise`, or `undefined` once `ms` passed (`ms` ≤ 0: no bound). */
export async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  if (!(ms > 0)) return promise;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
