import { A2AError, A2AErrorCode } from "@agentmesh/a2a-transport";
import type {
  JsonObject,
  Message,
  StreamResponse,
  Task,
  TaskArtifactUpdateEvent,
  TaskState,
} from "@agentmesh/a2a-types";
import type { AgentExecutor, ExecutionEvents, RequestContext } from "./executor.js";
import { createExecutionEvents } from "./execution-events.js";
import type { StoredTask, TaskScope, TaskStore } from "./store/task-store.js";
import { TaskVersionConflictError } from "./store/task-store.js";
import { type FanOutOptions, TaskChannel } from "./task-channel.js";
import {
  deepFreeze,
  INTERRUPTED_STATES,
  isSettledState,
  isTerminalState,
  type LiveArtifact,
  type LiveTask,
  now,
  snapshotTask,
  toLiveTask,
} from "./task-snapshot.js";

/** What an execution needs from the request handler. */
export interface ExecutionDeps {
  readonly store: TaskStore;
  readonly executor: AgentExecutor;
  readonly fanOut: FanOutOptions;
  /** 0 = no limit. */
  readonly executionTimeoutMs: number;
  readonly cancelTimeoutMs: number;
  /** Asks for `flushArtifacts()` to be called soon (one shared timer for all executions). */
  readonly schedulePersist: (execution: TaskExecution) => void;
  /** Makes sure the shared execution-timeout watcher is armed. */
  readonly watchDeadline: () => void;
  /** Withdraws a pending request of `schedulePersist`. */
  readonly unschedulePersist: (execution: TaskExecution) => void;
  /** Every published event, in order (push delivery). */
  readonly onEvent?: (event: StreamResponse, scope: TaskScope) => void;
  readonly onError: (error: unknown, where: string) => void;
  readonly onDetach: (execution: TaskExecution) => void;
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

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (v: T) => void;
  reject: (e: unknown) => void;
}

function deferred<T>(canReject = false): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  if (canReject) promise.catch(() => {}); // rejected before anyone awaits it: not unhandled
  return { promise, resolve, reject };
}

/**
 * One run of the executor for one task: owns the live task state, applies the executor's
 * events in order, persists them, and fans them out. Detaches (and forgets the executor) when
 * the task is terminal, when the executor returns, or on timeout.
 */
export class TaskExecution {
  readonly taskId: string;
  readonly contextId: string;
  readonly scope: TaskScope;
  readonly channel: TaskChannel<StreamResponse>;
  readonly events: ExecutionEvents;
  readonly #deps: ExecutionDeps;
  readonly #init: ExecutionInit;
  #abort: AbortController | undefined;
  #abortReason: unknown;
  readonly #first = deferred<void>(true);
  readonly #settled = deferred<void>();
  #isSettled = false;
  #ended: Deferred<void> | undefined;
  #context: RequestContext | undefined;
  #live: LiveTask | undefined;
  #artifacts = new Map<string, LiveArtifact>();
  #version = 0;
  #queue: Promise<unknown> = Promise.resolve();
  #reply: Message | undefined;
  #finished = false;
  #detached = false;
  #dirty = false;
  /** Set once `execute()` returned or threw. */
  #returned = false;
  /** When the execution was created (epoch ms), for the execution timeout. */
  readonly startedAt = Date.now();
  /** Set once the execution timeout fired. */
  expired = false;
  #canceling: Promise<void> | undefined;

  constructor(deps: ExecutionDeps, init: ExecutionInit) {
    this.#deps = deps;
    this.#init = init;
    this.taskId = init.taskId;
    this.contextId = init.contextId;
    this.scope = init.scope;
    this.channel = new TaskChannel<StreamResponse>(deps.fanOut);
    this.events = createExecutionEvents(this);
  }

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
    if (this.#detached) return Promise.resolve();
    this.#ended ??= deferred<void>();
    return this.#ended.promise;
  }
  /** The direct reply, when the executor answered without a task. */
  get reply(): Message | undefined {
    return this.#reply;
  }
  get finished(): boolean {
    return this.#finished || this.#detached;
  }
  get detached(): boolean {
    return this.#detached;
  }
  /** The execution's abort signal (created on first use: most executors never look at it). */
  get signal(): AbortSignal {
    if (!this.#abort) {
      this.#abort = new AbortController();
      if (this.#abortReason !== undefined) this.#abortWith(this.#abortReason);
    }
    return this.#abort.signal;
  }
  get state(): TaskState | undefined {
    return this.#live?.status.state;
  }
  /** A snapshot of the task (fresh containers, frozen leaves), `undefined` before it exists. */
  snapshot(): Task | undefined {
    return this.#live ? snapshotTask(this.#live) : undefined;
  }

  /** Stores the continued task's new message (if any), then runs the executor in the background. */
  async start(): Promise<void> {
    const existing = this.#init.existing;
    if (existing) {
      await this.#enqueue(async () => {
        const live = toLiveTask(existing.task);
        // the agent's question (status message) precedes the answer in the history
        const prompt = live.status.message;
        if (prompt) {
          live.history.push(prompt);
          const { message: _m, ...rest } = live.status;
          live.status = deepFreeze(rest);
        }
        live.history.push(this.#init.message);
        for (const a of live.artifacts) this.#artifacts.set(a.artifactId, a);
        this.#live = live;
        this.#version = existing.version;
        await this.#persist();
        if (this.#init.onCreated) await this.#init.onCreated(snapshotTask(live));
        this.#publish({ task: deepFreeze(snapshotTask(live)) }, false);
        this.#first.resolve();
      });
    }
    this.#context = this.#init.context(() => this.signal, existing ? this.snapshot() : undefined);
    this.#deps.watchDeadline();
    const context = this.#context;
    Promise.resolve()
      .then(() => this.#deps.executor.execute(context, this.events))
      .then(
        () => this.#enqueue(() => this.#onExecutorEnd(undefined, false)),
        (error) => this.#enqueue(() => this.#onExecutorEnd(error, true)),
      )
      .catch((error) => this.#deps.onError(error, "execution"));
  }

  /** Takes over a stored task without running the executor (to cancel it). */
  async attach(): Promise<void> {
    const existing = this.#init.existing;
    if (!existing) throw new Error("attach() needs an existing task");
    await this.#enqueue(async () => {
      const live = toLiveTask(existing.task);
      for (const a of live.artifacts) this.#artifacts.set(a.artifactId, a);
      this.#live = live;
      this.#version = existing.version;
      this.#first.resolve();
    });
    this.#context = this.#init.context(() => this.signal, this.snapshot());
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
    this.#abortWith(new A2AError(A2AErrorCode.TaskNotCancelable, "The task was canceled"));
    const cancel = this.#deps.executor.cancel;
    if (cancel && this.#context) {
      const context = this.#context;
      try {
        await withTimeout(
          Promise.resolve().then(() => cancel.call(this.#deps.executor, context, this.events)),
          this.#deps.cancelTimeoutMs,
        );
      } catch (error) {
        this.#deps.onError(error, "cancel");
      }
    }
    await this.#enqueue(async () => {
      if (!this.finished) await this.#applyStatus("TASK_STATE_CANCELED", undefined, undefined);
    });
  }

  /**
   * Lets a follow-up message take over an interrupted task: waits up to `ms` for the executor to
   * return, then aborts its signal and detaches it (its later events are ignored).
   */
  async release(ms: number): Promise<void> {
    if (this.#detached) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      this.ended,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms);
      }),
    ]);
    clearTimeout(timer);
    if (this.#detached) return;
    this.#abortWith(new A2AError(A2AErrorCode.Internal, "A new message continued the task"));
    await this.#enqueue(async () => {
      if (this.#dirty) await this.#persist();
      this.#finished = true;
      this.#detach();
    });
  }

  /** Ends the execution at server shutdown: the task is failed unless already settled. */
  async shutdown(): Promise<void> {
    if (this.#detached) return;
    this.#abortWith(new A2AError(A2AErrorCode.Internal, "The server is shutting down"));
    await this.#enqueue(async () => {
      if (this.finished) return;
      if (this.#live && !INTERRUPTED_STATES.has(this.#live.status.state)) {
        await this.#applyStatus(
          "TASK_STATE_FAILED",
          "The server shut down before the task finished",
          undefined,
        );
      }
      this.#detach();
    });
  }

  // --- applied through the queue, called by the events publisher ------------------------------

  /** @internal */
  enqueue<T>(fn: () => Promise<T>): Promise<T> {
    return this.#enqueue(fn);
  }

  /** @internal */
  async applyReply(message: Message): Promise<void> {
    if (this.finished) return;
    if (this.#live) {
      throw new Error(
        "events.reply() answers without a task; once a task exists, send messages with working(), complete() or requireInput()",
      );
    }
    this.#reply = deepFreeze(message);
    this.#finished = true;
    this.#publish({ message: this.#reply }, true);
    this.#first.resolve();
    this.#detach();
  }

  /** @internal */
  async applyStatus(
    state: TaskState,
    message: Message | undefined,
    metadata: JsonObject | undefined,
  ) {
    if (this.finished) return;
    await this.#applyStatus(state, message, metadata);
  }

  /** @internal */
  async applyTask(task: Task): Promise<void> {
    if (this.finished) return;
    if (task.id !== this.taskId || (task.contextId ?? this.contextId) !== this.contextId) {
      throw new Error(
        `A task published by the agent must have id ${this.taskId} and contextId ${this.contextId}`,
      );
    }
    if (!this.#live) {
      await this.#createTask(toLiveTask(task));
      return;
    }
    const live = toLiveTask(task);
    this.#live = live;
    this.#artifacts = new Map(live.artifacts.map((a) => [a.artifactId, a]));
    await this.#persist();
    this.#publish({ task: deepFreeze(snapshotTask(live)) }, this.#endsStreams(live.status.state));
    this.#afterState(live.status.state);
  }

  /** @internal */
  async applyArtifact(event: Omit<TaskArtifactUpdateEvent, "taskId" | "contextId">): Promise<void> {
    if (this.finished) return;
    await this.#ensureTask();
    const artifact = deepFreeze(event.artifact);
    const existing = this.#artifacts.get(artifact.artifactId);
    if (existing && event.append) {
      for (const part of artifact.parts) existing.parts.push(part);
    } else {
      const live: LiveArtifact = { ...artifact, parts: [...artifact.parts] };
      if (existing) {
        const index = this.#live!.artifacts.indexOf(existing);
        this.#live!.artifacts[index] = live;
      } else {
        this.#live!.artifacts.push(live);
      }
      this.#artifacts.set(artifact.artifactId, live);
    }
    const update: TaskArtifactUpdateEvent = {
      taskId: this.taskId,
      contextId: this.contextId,
      artifact,
    };
    if (event.append) update.append = true;
    if (event.lastChunk) update.lastChunk = true;
    if (event.metadata) update.metadata = event.metadata;
    if (this.#listened) this.#publish(deepFreeze({ artifactUpdate: update }), false);
    this.#dirty = true;
    this.#deps.schedulePersist(this);
  }

  /** @internal Writes artifact changes not yet in the store (called by the shared scheduler). */
  flushArtifacts(): void {
    void this.#enqueue(async () => {
      if (this.#dirty && !this.#detached) await this.#persist();
    }).catch((error) => this.#deps.onError(error, "persist"));
  }

  // --- internals ------------------------------------------------------------------------------

  #enqueue<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn);
    this.#queue = run.then(noop, noop);
    return run;
  }

  async #ensureTask(): Promise<void> {
    if (this.#live) return;
    await this.#createTask({
      id: this.taskId,
      contextId: this.contextId,
      status: deepFreeze({ state: "TASK_STATE_SUBMITTED", timestamp: now() }),
      history: [this.#init.message],
      artifacts: [],
      metadata: undefined,
    });
  }

  async #createTask(live: LiveTask): Promise<void> {
    const snapshot = snapshotTask(live);
    this.#version = await this.#deps.store.create(this.scope, snapshot);
    this.#live = live;
    for (const a of live.artifacts) this.#artifacts.set(a.artifactId, a);
    if (this.#init.onCreated) await this.#init.onCreated(snapshot);
    if (this.#listened) {
      this.#publish({ task: deepFreeze(snapshotTask(live)) }, this.#endsStreams(live.status.state));
    }
    this.#first.resolve();
    this.#afterState(live.status.state);
  }

  async #applyStatus(
    state: TaskState,
    message: Message | string | undefined,
    metadata: JsonObject | undefined,
  ): Promise<void> {
    await this.#ensureTask();
    const live = this.#live!;
    const msg =
      typeof message === "string"
        ? ({
            messageId: crypto.randomUUID(),
            role: "ROLE_AGENT",
            parts: [{ text: message }],
            taskId: this.taskId,
            contextId: this.contextId,
          } satisfies Message)
        : message;
    const status = deepFreeze({ state, ...(msg ? { message: msg } : {}), timestamp: now() });
    const previous = live.status.message;
    // store first, then apply + publish in one synchronous step, so a subscriber that attaches
    // meanwhile sees either the old snapshot and this event, or neither twice
    const next = snapshotTask(live);
    next.status = status;
    if (previous) next.history = [...(next.history ?? []), previous];
    if (!(await this.#persist(next))) return;
    live.status = status;
    if (previous) live.history.push(previous);
    const update = {
      taskId: this.taskId,
      contextId: this.contextId,
      status,
      ...(metadata ? { metadata } : {}),
    };
    if (this.#listened)
      this.#publish(deepFreeze({ statusUpdate: update }), this.#endsStreams(state));
    this.#afterState(state);
  }

  #afterState(state: TaskState): void {
    if (isTerminalState(state)) {
      this.#finished = true;
      this.#detach();
    } else if (INTERRUPTED_STATES.has(state)) {
      this.#isSettled = true;
      this.#settled.resolve();
    }
  }

  /**
   * Writes the task (`next`, or the live state) to the store. Returns false when the write found
   * the task ended elsewhere (then this execution adopted that state and detached).
   */
  async #persist(next?: Task): Promise<boolean> {
    const live = this.#live;
    if (!live) return false;
    this.#dirty = false;
    const task = next ?? snapshotTask(live);
    try {
      this.#version = await this.#deps.store.update(this.scope, task, this.#version);
      return true;
    } catch (error) {
      if (!(error instanceof TaskVersionConflictError)) throw error;
      // someone else wrote the task (another process): adopt a terminal state, else overwrite
      const current = await this.#deps.store.get(this.scope, this.taskId);
      if (!current) throw error;
      if (isTerminalState(current.task.status.state)) {
        this.#live = toLiveTask(current.task);
        this.#finished = true;
        this.#abortWith(
          new A2AError(A2AErrorCode.UnsupportedOperation, "The task ended elsewhere"),
        );
        this.#publish({ task: deepFreeze(snapshotTask(this.#live)) }, true);
        this.#detach();
        return false;
      }
      this.#version = await this.#deps.store.update(this.scope, task, current.version);
      return true;
    }
  }

  /**
   * Whether an event putting the task in `state` ends the open streams: a terminal state, or
   * INPUT_REQUIRED; AUTH_REQUIRED only once the executor returned (while it runs, it may be
   * waiting for out-of-band credentials and go on: streams stay open, and detaching closes them).
   */
  #endsStreams(state: TaskState): boolean {
    if (state === "TASK_STATE_AUTH_REQUIRED") return this.#returned;
    return isSettledState(state);
  }

  /**
   * Whether SubscribeToTask can follow the task live: the executor still runs it (not detached),
   * and it is neither terminal nor INPUT_REQUIRED (AUTH_REQUIRED with a running executor is).
   */
  get followable(): boolean {
    const state = this.#live?.status.state;
    return (
      !this.finished &&
      state !== undefined &&
      !isTerminalState(state) &&
      state !== "TASK_STATE_INPUT_REQUIRED"
    );
  }

  #publish(event: StreamResponse, end: boolean): void {
    this.channel.publish(event, end);
    this.#deps.onEvent?.(event, this.scope);
  }

  /** True when an event would reach anyone (a stream or push delivery). */
  get #listened(): boolean {
    return this.channel.size > 0 || this.#deps.onEvent !== undefined;
  }

  async #onExecutorEnd(error: unknown, threw: boolean): Promise<void> {
    this.#returned = true;
    if (threw) this.#deps.onError(error, "execute");
    if (this.#detached) return;
    if (this.#finished) return this.#detach();
    if (!this.#live && (!threw || error instanceof A2AError)) {
      const reason = threw
        ? (error as A2AError)
        : new A2AError(
            A2AErrorCode.InvalidAgentResponse,
            "The agent returned without replying or creating a task",
          );
      this.#first.reject(reason);
      this.channel.close(reason);
      return this.#detach();
    }
    if (threw) {
      await this.#applyStatus("TASK_STATE_FAILED", failureText(error), undefined);
    } else if (INTERRUPTED_STATES.has(this.#live!.status.state)) {
      if (this.#dirty) await this.#persist();
    } else {
      await this.#applyStatus(
        "TASK_STATE_FAILED",
        "The agent stopped without finishing the task",
        undefined,
      );
    }
    this.#detach();
  }

  /** @internal Called by the shared deadline watcher when the execution timeout passed. */
  expire(ms: number): void {
    if (this.#detached || this.expired) return;
    this.expired = true;
    this.#abortWith(
      new A2AError(A2AErrorCode.Internal, `The agent did not finish within ${ms} ms`),
    );
    void this.#enqueue(async () => {
      if (this.finished) return;
      if (!this.#live || !INTERRUPTED_STATES.has(this.#live.status.state)) {
        await this.#applyStatus(
          "TASK_STATE_FAILED",
          `The agent did not finish within ${ms} ms`,
          undefined,
        );
      }
      this.#detach();
    }).catch((error) => this.#deps.onError(error, "timeout"));
  }

  #abortWith(reason: unknown): void {
    if (this.#abortReason !== undefined) return;
    this.#abortReason = reason;
    this.#abort?.abort(reason);
  }

  #detach(): void {
    if (this.#detached) return;
    this.#detached = true;
    this.#deps.unschedulePersist(this);
    if (this.#dirty && this.#live) {
      void this.#deps.store
        .update(this.scope, snapshotTask(this.#live), this.#version)
        .catch((error) => this.#deps.onError(error, "persist"));
    }
    this.channel.close();
    this.#first.resolve();
    this.#isSettled = true;
    this.#settled.resolve();
    this.#ended?.resolve();
    this.#deps.onDetach(this);
  }
}

function failureText(error: unknown): string {
  if (error instanceof A2AError) return `The agent failed: ${error.message}`;
  return "The agent failed while working on this task";
}

function noop(): void {}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
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
