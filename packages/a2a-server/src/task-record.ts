import { A2AError, A2AErrorCode } from "@agentmesh/a2a-transport";
import type {
  JsonObject,
  Message,
  StreamResponse,
  Task,
  TaskArtifactUpdateEvent,
  TaskState,
} from "@agentmesh/a2a-types";
import { type ExecutionDeps, type ExecutionInit, noop } from "./execution-support.js";
import { SettlePoints } from "./settle-points.js";
import type { StoredTask, TaskScope } from "./store/task-store.js";
import { TaskVersionConflictError } from "./store/task-store.js";
import { TaskChannel } from "./task-channel.js";
import {
  applyArtifactChunk,
  continueLiveTask,
  deepFreeze,
  isSettledState,
  isTerminalState,
  type LiveArtifact,
  type LiveTask,
  newLiveTask,
  newStatus,
  snapshotTask,
  toLiveTask,
} from "./task-snapshot.js";

/**
 * The live state of one task while an execution owns it: applies events in order (one queue),
 * persists them (optimistic versions), and fans them out to streams and push delivery. The
 * executor's lifecycle (run, cancel, timeout, release) is {@link TaskExecution}'s.
 */
export abstract class TaskRecord {
  readonly taskId: string;
  readonly contextId: string;
  readonly scope: TaskScope;
  readonly channel: TaskChannel<StreamResponse>;
  protected readonly deps: ExecutionDeps;
  protected readonly init: ExecutionInit;
  readonly #points = new SettlePoints();
  #live: LiveTask | undefined;
  #artifacts = new Map<string, LiveArtifact>();
  #version = 0;
  #queue: Promise<unknown> = Promise.resolve();
  #reply: Message | undefined;
  #finished = false;
  #detached = false;
  #dirty = false;
  /** Set once `execute()` returned or threw (AUTH_REQUIRED closes streams only then). */
  protected executorReturned = false;

  constructor(deps: ExecutionDeps, init: ExecutionInit) {
    this.deps = deps;
    this.init = init;
    this.taskId = init.taskId;
    this.contextId = init.contextId;
    this.scope = init.scope;
    this.channel = new TaskChannel<StreamResponse>(deps.fanOut);
  }

  /** Aborts the execution's signal (the first reason wins). */
  protected abstract abortWith(reason: unknown): void;

  /** Resolves once the task exists (or a direct reply was sent); rejects when the request fails before that. */
  get first(): Promise<void> {
    return this.#points.first;
  }
  /** True once {@link settled} resolved. */
  get isSettled(): boolean {
    return this.#points.isSettled;
  }
  /** Resolves when the task is terminal or interrupted, a reply was sent, or the execution ended. */
  get settled(): Promise<void> {
    return this.#points.settled;
  }
  /** Resolves when the execution detached (executor returned, task terminal, timeout…). */
  get ended(): Promise<void> {
    return this.#points.ended;
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
  get state(): TaskState | undefined {
    return this.#live?.status.state;
  }
  /** A snapshot of the task (fresh containers, frozen leaves), `undefined` before it exists. */
  snapshot(): Task | undefined {
    return this.#live ? snapshotTask(this.#live) : undefined;
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

  // --- applied through the queue, called by the events publisher ------------------------------

  /** @internal */
  enqueue<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn);
    this.#queue = run.then(noop, noop);
    return run;
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
    this.#points.reachFirst();
    this.detach();
  }

  /** @internal */
  async applyStatus(
    state: TaskState,
    message: Message | undefined,
    metadata: JsonObject | undefined,
  ) {
    if (this.finished) return;
    await this.setStatus(state, message, metadata);
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
    const artifact = applyArtifactChunk(this.#live!, this.#artifacts, event);
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
    this.deps.schedulePersist(this);
  }

  /** @internal Writes artifact changes not yet in the store (called by the shared scheduler). */
  flushArtifacts(): void {
    void this.enqueue(async () => {
      if (this.#dirty && !this.#detached) await this.#persist();
    }).catch((error) => this.deps.onError(error, "persist"));
  }

  // --- for the execution lifecycle ------------------------------------------------------------

  /**
   * Takes over a stored task as live state. With `message` (a continuation), the agent's
   * question moves into the history before the message, and the task is stored and published.
   */
  protected async adopt(existing: StoredTask, message?: Message): Promise<void> {
    const live = message ? continueLiveTask(existing.task, message) : toLiveTask(existing.task);
    for (const a of live.artifacts) this.#artifacts.set(a.artifactId, a);
    this.#live = live;
    this.#version = existing.version;
    if (message) {
      await this.#persist();
      if (this.init.onCreated) await this.init.onCreated(snapshotTask(live));
      this.#publish({ task: deepFreeze(snapshotTask(live)) }, false);
    }
    this.#points.reachFirst();
  }

  /** Fails the request before any task exists: the first event's waiters and the streams get `reason`. */
  protected failFirst(reason: A2AError): void {
    this.#points.failFirst(reason);
    this.channel.close(reason);
  }

  /** Writes pending artifact chunks, if any. */
  protected async persistIfDirty(): Promise<void> {
    if (this.#dirty) await this.#persist();
  }

  /** Ignores the executor's later events. */
  protected markFinished(): void {
    this.#finished = true;
  }

  /** Sets the task's status (creating the task first if needed), stores and publishes it. */
  protected async setStatus(
    state: TaskState,
    message: Message | string | undefined,
    metadata: JsonObject | undefined,
  ): Promise<void> {
    await this.#ensureTask();
    const live = this.#live!;
    const status = newStatus(state, message, this.taskId, this.contextId);
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

  /** Stops: writes what is pending, closes the streams, releases every waiter. */
  protected detach(): void {
    if (this.#detached) return;
    this.#detached = true;
    this.deps.unschedulePersist(this);
    if (this.#dirty && this.#live) {
      void this.deps.store
        .update(this.scope, snapshotTask(this.#live), this.#version)
        .catch((error) => this.deps.onError(error, "persist"));
    }
    this.channel.close();
    this.#points.end();
    this.deps.onDetach(this);
  }

  // --- internals ------------------------------------------------------------------------------

  async #ensureTask(): Promise<void> {
    if (this.#live) return;
    await this.#createTask(newLiveTask(this.taskId, this.contextId, this.init.message));
  }

  async #createTask(live: LiveTask): Promise<void> {
    const snapshot = snapshotTask(live);
    this.#version = await this.deps.store.create(this.scope, snapshot);
    this.#live = live;
    for (const a of live.artifacts) this.#artifacts.set(a.artifactId, a);
    if (this.init.onCreated) await this.init.onCreated(snapshot);
    if (this.#listened) {
      this.#publish({ task: deepFreeze(snapshotTask(live)) }, this.#endsStreams(live.status.state));
    }
    this.#points.reachFirst();
    this.#afterState(live.status.state);
  }

  #afterState(state: TaskState): void {
    if (isTerminalState(state)) {
      this.#finished = true;
      this.detach();
    } else if (state === "TASK_STATE_INPUT_REQUIRED" || state === "TASK_STATE_AUTH_REQUIRED") {
      this.#points.settle();
    }
  }

  /**
   * Whether an event putting the task in `state` ends the open streams: a terminal state, or
   * INPUT_REQUIRED; AUTH_REQUIRED only once the executor returned (while it runs, it may be
   * waiting for out-of-band credentials and go on: streams stay open, and detaching closes them).
   */
  #endsStreams(state: TaskState): boolean {
    if (state === "TASK_STATE_AUTH_REQUIRED") return this.executorReturned;
    return isSettledState(state);
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
      this.#version = await this.deps.store.update(this.scope, task, this.#version);
      return true;
    } catch (error) {
      if (!(error instanceof TaskVersionConflictError)) throw error;
      // someone else wrote the task (another process): adopt a terminal state, else overwrite
      const current = await this.deps.store.get(this.scope, this.taskId);
      if (!current) throw error;
      if (isTerminalState(current.task.status.state)) {
        this.#live = toLiveTask(current.task);
        this.#finished = true;
        this.abortWith(new A2AError(A2AErrorCode.UnsupportedOperation, "The task ended elsewhere"));
        this.#publish({ task: deepFreeze(snapshotTask(this.#live)) }, true);
        this.detach();
        return false;
      }
      this.#version = await this.deps.store.update(this.scope, task, current.version);
      return true;
    }
  }

  #publish(event: StreamResponse, end: boolean): void {
    this.channel.publish(event, end);
    this.deps.onEvent?.(event, this.scope);
  }

  /** True when an event would reach anyone (a stream or push delivery). */
  get #listened(): boolean {
    return this.channel.size > 0 || this.deps.onEvent !== undefined;
  }
}
