import { A2AError, A2AErrorCode, type CallContext } from "@agentmesh/a2a-transport";
import type { StreamResponse, Task } from "@agentmesh/a2a-types";
import { type AgentExecutor, createAgentExecutor, isAgentExecutor } from "./executor.js";
import type {
  HandlerCardView,
  RequestHandlerOptions,
  ServerErrorSource,
} from "./handler-options.js";
import { createPushSender, type PushSender } from "./push/push-sender.js";
import { InMemoryTaskStore } from "./store/memory-task-store.js";
import type { PushConfigStore } from "./store/push-config-store.js";
import type { TaskScope, TaskStore } from "./store/task-store.js";
import { type ExecutionDeps, TaskExecution } from "./task-execution.js";
import type { TaskRecord } from "./task-record.js";
import { taskNotFound } from "./validation.js";

/** Shared state of a request handler: stores, running executions, push dispatch. */
export class HandlerState {
  readonly store: TaskStore;
  readonly pushStore: PushConfigStore | undefined;
  readonly pushSender: PushSender | undefined;
  readonly executor: AgentExecutor;
  readonly options: RequestHandlerOptions;
  readonly running = new Map<string, TaskExecution>();
  readonly deps: ExecutionDeps;
  readonly #pushChains = new Map<string, Promise<void>>();
  readonly #dirty = new Set<TaskRecord>();
  #flushTimer: ReturnType<typeof setTimeout> | undefined;
  #deadlineTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #cardOption: HandlerCardView | (() => HandlerCardView);
  closed = false;

  constructor(options: RequestHandlerOptions) {
    this.options = options;
    this.store = options.taskStore ?? new InMemoryTaskStore();
    this.pushStore = options.pushConfigStore;
    this.pushSender = options.pushConfigStore
      ? (options.pushSender ?? createPushSender())
      : undefined;
    this.executor = isAgentExecutor(options.executor)
      ? options.executor
      : createAgentExecutor(options.executor);
    this.#cardOption = options.agentCard;
    const onError = options.onError ?? defaultOnError;
    this.deps = {
      store: this.store,
      executor: this.executor,
      fanOut: options.fanOut ?? {},
      executionTimeoutMs: options.executionTimeoutMs ?? 600_000,
      cancelTimeoutMs: options.cancelTimeoutMs ?? 5_000,
      schedulePersist: (execution) => this.#schedulePersist(execution),
      unschedulePersist: (execution) => this.#dirty.delete(execution),
      watchDeadline: () => this.#armDeadline(),
      onError: (error, where) => onError(error, where as ServerErrorSource),
      onDetach: (execution) => {
        if (this.running.get(execution.taskId) === execution) this.running.delete(execution.taskId);
      },
      ...(this.pushStore
        ? { onEvent: (event: StreamResponse, scope: TaskScope) => this.#dispatchPush(event, scope) }
        : {}),
    };
  }

  get card(): HandlerCardView {
    const c = this.#cardOption;
    return typeof c === "function" ? c() : c;
  }

  /** Streaming is on unless the card says `streaming: false`. */
  checkStreaming(): void {
    if (this.card.capabilities?.streaming === false) {
      throw new A2AError(
        A2AErrorCode.UnsupportedOperation,
        "This operation is not supported: the agent does not support streaming (capabilities.streaming is false)",
      );
    }
  }

  /** Throws PUSH_NOTIFICATION_NOT_SUPPORTED when there is no push config store. */
  requirePush(): PushConfigStore {
    if (!this.pushStore) {
      throw new A2AError(
        A2AErrorCode.PushNotificationNotSupported,
        "Push Notification is not supported by this agent",
      );
    }
    return this.pushStore;
  }

  /** The running execution of a task in the caller's scope. */
  execution(scope: TaskScope, taskId: string): TaskExecution | undefined {
    const ex = this.running.get(taskId);
    return ex && ex.scope.tenant === scope.tenant && ex.scope.owner === scope.owner
      ? ex
      : undefined;
  }

  /** The current task: live state when running here, else the store. Throws TASK_NOT_FOUND. */
  async loadTask(scope: TaskScope, taskId: string): Promise<Task> {
    const live = this.execution(scope, taskId)?.snapshot();
    if (live) return live;
    const stored = await this.store.get(scope, taskId);
    if (!stored) throw taskNotFound(taskId);
    return stored.task;
  }

  newExecution(init: ConstructorParameters<typeof TaskExecution>[1]): TaskExecution {
    const execution = new TaskExecution(this.deps, init);
    this.running.set(init.taskId, execution);
    return execution;
  }

  /**
   * One timer for the execution timeout of every execution: `running` is in start order, so
   * the first entries are the oldest; the timer is armed for the oldest one's deadline.
   */
  #armDeadline(): void {
    const timeout = this.deps.executionTimeoutMs;
    if (this.#deadlineTimer !== undefined || timeout <= 0 || this.closed) return;
    const now = Date.now();
    for (const execution of this.running.values()) {
      if (execution.expired) continue;
      if (execution.startedAt + timeout <= now) {
        execution.expire(timeout);
        continue;
      }
      const timer = setTimeout(
        () => {
          this.#deadlineTimer = undefined;
          this.#armDeadline();
        },
        execution.startedAt + timeout - now,
      );
      (timer as { unref?: () => void }).unref?.();
      this.#deadlineTimer = timer;
      return;
    }
  }

  /** One timer for every execution with artifact chunks not yet in the store. */
  #schedulePersist(execution: TaskRecord): void {
    this.#dirty.add(execution);
    if (this.#flushTimer !== undefined) return;
    const timer = setTimeout(() => {
      this.#flushTimer = undefined;
      const batch = [...this.#dirty];
      this.#dirty.clear();
      for (const ex of batch) ex.flushArtifacts();
    }, this.options.artifactPersistDelayMs ?? 100);
    (timer as { unref?: () => void }).unref?.();
    this.#flushTimer = timer;
  }

  #dispatchPush(event: StreamResponse, scope: TaskScope): void {
    const taskId = event.task?.id ?? event.statusUpdate?.taskId ?? event.artifactUpdate?.taskId;
    const store = this.pushStore;
    const sender = this.pushSender;
    if (taskId === undefined || !store || !sender) return;
    const previous = this.#pushChains.get(taskId) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        const page = await store.list(scope, taskId);
        if (page.configs.length > 0) sender.send({ taskId, event, configs: page.configs });
      })
      .catch((error) => this.deps.onError(error, "push"));
    this.#pushChains.set(taskId, next);
    void next.then(() => {
      if (this.#pushChains.get(taskId) === next) this.#pushChains.delete(taskId);
    });
  }

  /** Scope of a call: tenant from the call context or the request, owner from the principal. */
  static scope(call: CallContext, tenant: string | undefined): TaskScope {
    return { tenant: call.tenant ?? tenant ?? "", owner: call.principal?.id };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.#flushTimer !== undefined) clearTimeout(this.#flushTimer);
    if (this.#deadlineTimer !== undefined) clearTimeout(this.#deadlineTimer);
    await Promise.allSettled([...this.running.values()].map((ex) => ex.shutdown()));
    await Promise.allSettled([...this.#pushChains.values()]);
    await this.pushSender?.close?.();
    await this.store.close?.();
    await this.pushStore?.close?.();
  }
}

function defaultOnError(error: unknown, source: ServerErrorSource): void {
  console.error(`[a2a-server] ${source}:`, error);
}
