import {
  type A2AHandler,
  A2AError,
  A2AErrorCode,
  type CallContext,
  checkRequiredExtensions,
} from "@agentmesh/a2a-transport";
import type {
  AgentCard,
  CancelTaskRequest,
  DeleteTaskPushNotificationConfigRequest,
  GetExtendedAgentCardRequest,
  GetTaskPushNotificationConfigRequest,
  GetTaskRequest,
  ListTaskPushNotificationConfigsRequest,
  ListTaskPushNotificationConfigsResponse,
  ListTasksRequest,
  ListTasksResponse,
  Message,
  SendMessageRequest,
  SendMessageResponse,
  StreamResponse,
  SubscribeToTaskRequest,
  Task,
  TaskPushNotificationConfig,
} from "@agentmesh/a2a-types";
import type { RequestContext } from "./executor.js";
import type { RequestHandlerOptions } from "./handler-options.js";
import { HandlerState } from "./handler-state.js";
import { fixedIterator, lazyStream } from "./lazy-stream.js";
import { listTasks } from "./list-tasks.js";
import { PushConfigOps } from "./push-config-ops.js";
import type { StoredTask, TaskScope } from "./store/task-store.js";
import type { TaskExecution } from "./task-execution.js";
import {
  deepFreeze,
  frozenCopy,
  INTERRUPTED_STATES,
  isTerminalState,
  shapeTask,
} from "./task-snapshot.js";
import {
  checkHistoryLength,
  checkInputModes,
  checkMessage,
  checkPushConfig,
  checkWebhookTarget,
  invalidParams,
  requireString,
  taskNotFound,
} from "./validation.js";

/** The A2A request handler of a server, plus lifecycle. */
export interface ServerRequestHandler extends A2AHandler {
  /** Fails running tasks, flushes push deliveries and closes the stores. */
  close(): Promise<void>;
}

/**
 * Creates the request handler that implements the eleven A2A operations over an executor and
 * stores. Bindings (JSON-RPC, REST, gRPC) call it; tests can call it directly.
 *
 * @example
 * ```ts
 * const handler = createRequestHandler({ executor: async () => "hi", agentCard: card });
 * const res = await handler.sendMessage({ message }, createCallContext({ method: "SendMessage", binding: "JSONRPC" }));
 * ```
 */
export function createRequestHandler(options: RequestHandlerOptions): ServerRequestHandler {
  return new RequestHandler(options);
}

class RequestHandler implements ServerRequestHandler {
  readonly #s: HandlerState;
  readonly #push: PushConfigOps;

  constructor(options: RequestHandlerOptions) {
    this.#s = new HandlerState(options);
    this.#push = new PushConfigOps(this.#s);
  }

  async sendMessage(req: SendMessageRequest, ctx: CallContext): Promise<SendMessageResponse> {
    const execution = await this.#begin(req, ctx);
    await execution.start();
    await execution.first;
    if (!req.configuration?.returnImmediately && !execution.isSettled) {
      await waitFor(execution.settled, ctx.signal);
    }
    if (execution.reply) return { message: execution.reply };
    const task = execution.snapshot();
    if (!task) throw new A2AError(A2AErrorCode.Internal, "The task vanished");
    const historyLength = req.configuration?.historyLength;
    return { task: historyLength === undefined ? task : shapeTask(task, { historyLength }) };
  }

  sendStreamingMessage(req: SendMessageRequest, ctx: CallContext): AsyncIterable<StreamResponse> {
    return lazyStream(async () => {
      this.#s.checkStreaming();
      const execution = await this.#begin(req, ctx);
      const sub = execution.channel.subscribe();
      try {
        await execution.start();
        await execution.first;
      } catch (error) {
        await sub.return();
        throw error;
      }
      return sub;
    });
  }

  async getTask(req: GetTaskRequest, ctx: CallContext): Promise<Task> {
    requireString("id", req.id);
    checkHistoryLength("historyLength", req.historyLength);
    const task = await this.#s.loadTask(this.#scope(ctx, req.tenant), req.id);
    return shapeTask(task, { historyLength: req.historyLength });
  }

  listTasks(req: ListTasksRequest, ctx: CallContext): Promise<ListTasksResponse> {
    return listTasks(this.#s, req, this.#scope(ctx, req.tenant));
  }

  async cancelTask(req: CancelTaskRequest, ctx: CallContext): Promise<Task> {
    requireString("id", req.id);
    const scope = this.#scope(ctx, req.tenant);
    let execution = this.#s.execution(scope, req.id);
    if (!execution || execution.finished) {
      const stored = await this.#s.store.get(scope, req.id);
      if (!stored) throw taskNotFound(req.id);
      checkCancelable(stored.task);
      if (stored.task.status.state === "TASK_STATE_CANCELED") return stored.task;
      if (this.#s.execution(scope, req.id)) return this.cancelTask(req, ctx);
      // not running here (interrupted, or left by another process): attach to cancel it
      execution = this.#s.newExecution({
        taskId: req.id,
        contextId: stored.task.contextId ?? "",
        scope,
        message: stored.task.status.message ?? placeholderMessage(req.id),
        existing: stored,
        context: (signal, task) =>
          this.#context(ctx, req.id, stored.task.contextId ?? "", signal, task),
      });
      await execution.attach();
    }
    await execution.cancel();
    const task = execution.snapshot() ?? (await this.#s.loadTask(scope, req.id));
    checkCancelable(task);
    return task;
  }

  subscribeToTask(req: SubscribeToTaskRequest, ctx: CallContext): AsyncIterable<StreamResponse> {
    return lazyStream(async () => {
      this.#s.checkStreaming();
      requireString("id", req.id);
      const scope = this.#scope(ctx, req.tenant);
      const execution = this.#s.execution(scope, req.id);
      const live = execution?.finished ? undefined : execution?.snapshot();
      if (execution && live && execution.followable) {
        // running (AUTH_REQUIRED included: the agent may be waiting for credentials): live
        return execution.channel.subscribe([{ task: deepFreeze(live) }]);
      }
      const task = live ?? (await this.#s.loadTask(scope, req.id));
      if (isTerminalState(task.status.state)) {
        throw new A2AError(
          A2AErrorCode.UnsupportedOperation,
          `This operation is not supported: task ${req.id} is in a terminal state (${task.status.state}) and has no more updates`,
          { metadata: { taskId: req.id } },
        );
      }
      // INPUT_REQUIRED, interrupted with the executor returned, or not running in this
      // process: the current task is all there is
      return fixedIterator<StreamResponse>([{ task }]);
    });
  }

  createTaskPushNotificationConfig(req: TaskPushNotificationConfig, ctx: CallContext) {
    return this.#push.create(req, this.#scope(ctx, req.tenant));
  }

  getTaskPushNotificationConfig(req: GetTaskPushNotificationConfigRequest, ctx: CallContext) {
    return this.#push.get(req, this.#scope(ctx, req.tenant));
  }

  listTaskPushNotificationConfigs(
    req: ListTaskPushNotificationConfigsRequest,
    ctx: CallContext,
  ): Promise<ListTaskPushNotificationConfigsResponse> {
    return this.#push.list(req, this.#scope(ctx, req.tenant));
  }

  deleteTaskPushNotificationConfig(req: DeleteTaskPushNotificationConfigRequest, ctx: CallContext) {
    return this.#push.delete(req, this.#scope(ctx, req.tenant));
  }

  async getExtendedAgentCard(
    _req: GetExtendedAgentCardRequest,
    ctx: CallContext,
  ): Promise<AgentCard> {
    const card = this.#s.card;
    const build = this.#s.options.extendedCard;
    if (!card.capabilities?.extendedAgentCard && !build) {
      throw new A2AError(
        A2AErrorCode.UnsupportedOperation,
        "This operation is not supported: the agent does not offer an extended agent card",
      );
    }
    if (!build) throw new A2AError(A2AErrorCode.ExtendedAgentCardNotConfigured);
    if (this.#s.options.extendedCardRequiresAuth !== false && !ctx.principal) {
      throw new A2AError(
        A2AErrorCode.Unauthenticated,
        "The extended agent card is only given to authenticated callers; authenticate with a scheme of the public card",
      );
    }
    return build(ctx);
  }

  close(): Promise<void> {
    return this.#s.close();
  }

  // --- internals ------------------------------------------------------------------------------

  #scope(ctx: CallContext, tenant: string | undefined): TaskScope {
    return HandlerState.scope(ctx, tenant);
  }

  /** Validates a SendMessage request and prepares (registers) its execution. */
  async #begin(req: SendMessageRequest, ctx: CallContext): Promise<TaskExecution> {
    if (this.#s.closed) throw new A2AError(A2AErrorCode.Internal, "The server is shutting down");
    checkMessage(req.message);
    const cfg = req.configuration;
    checkHistoryLength("configuration.historyLength", cfg?.historyLength);
    const card = this.#s.card;
    const declared = card.capabilities?.extensions;
    if (declared && declared.length > 0) checkRequiredExtensions(declared, ctx.requestedExtensions);
    const pushConfig = cfg?.taskPushNotificationConfig;
    if (pushConfig) {
      this.#s.requirePush();
      checkPushConfig("configuration.taskPushNotificationConfig.", pushConfig);
      checkWebhookTarget(
        "configuration.taskPushNotificationConfig.url",
        pushConfig.url,
        this.#s.pushSender,
      );
    }
    checkInputModes(req.message, card);
    const scope = this.#scope(ctx, req.tenant);
    const incoming = req.message;
    let existing: StoredTask | undefined;
    let taskId: string;
    let contextId: string;
    if (incoming.taskId) {
      taskId = incoming.taskId;
      for (;;) {
        existing = await this.#s.store.get(scope, taskId);
        if (!existing) throw taskNotFound(taskId);
        const task = existing.task;
        contextId = task.contextId ?? "";
        if (incoming.contextId && incoming.contextId !== contextId) {
          invalidParams("message.contextId", `does not match the context of task ${taskId}`);
        }
        if (isTerminalState(task.status.state)) {
          throw new A2AError(
            A2AErrorCode.UnsupportedOperation,
            `This operation is not supported: task ${taskId} is ${task.status.state} and cannot take more messages; start a new task in the same context`,
            { metadata: { taskId } },
          );
        }
        const running = this.#s.running.get(taskId);
        if (!running) break;
        if (!running.state || !INTERRUPTED_STATES.has(running.state)) {
          throw new A2AError(
            A2AErrorCode.UnsupportedOperation,
            `This operation is not supported: task ${taskId} is still being worked on; wait until it asks for input, or cancel it`,
            { metadata: { taskId } },
          );
        }
        await running.release(this.#s.deps.cancelTimeoutMs);
      }
    } else {
      taskId = crypto.randomUUID();
      contextId = incoming.contextId || crypto.randomUUID();
    }
    const message: Message = frozenCopy({ ...incoming, taskId, contextId });
    const execution = this.#s.newExecution({
      taskId,
      contextId,
      scope,
      message,
      ...(existing ? { existing } : {}),
      ...(pushConfig
        ? {
            onCreated: async (task: Task) => {
              await this.#push.register(scope, task.id, pushConfig);
            },
          }
        : {}),
      context: (signal, task) =>
        this.#context(ctx, taskId, contextId, signal, task, {
          message,
          configuration: cfg,
          metadata: req.metadata,
        }),
    });
    return execution;
  }

  #context(
    ctx: CallContext,
    taskId: string,
    contextId: string,
    signal: () => AbortSignal,
    task: Task | undefined,
    request?: Pick<RequestContext, "message" | "configuration" | "metadata">,
  ): RequestContext {
    return {
      message: request?.message ?? placeholderMessage(taskId),
      task,
      taskId,
      contextId,
      tenant: ctx.tenant ?? "",
      principal: ctx.principal,
      requestedExtensions: ctx.requestedExtensions,
      activateExtension: (uri: string) => {
        ctx.activatedExtensions.add(uri);
      },
      configuration: request?.configuration,
      metadata: request?.metadata,
      get signal() {
        return signal();
      },
      call: ctx,
    };
  }
}

function checkCancelable(task: Task): void {
  const state = task.status.state;
  if (isTerminalState(state) && state !== "TASK_STATE_CANCELED") {
    throw new A2AError(
      A2AErrorCode.TaskNotCancelable,
      `Task cannot be canceled: task ${task.id} is already ${state}`,
      { metadata: { taskId: task.id } },
    );
  }
}

function placeholderMessage(taskId: string): Message {
  return deepFreeze({ messageId: "", role: "ROLE_USER", parts: [], taskId });
}

const waitersBySignal = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Waits for `promise`, or until the caller goes away. One abort listener per signal, however
 * many calls share it, and every waiter is removed when its wait ends (a shared, never-aborted
 * signal must not collect reactions).
 */
function waitFor(promise: Promise<void>, signal: AbortSignal): Promise<void> | undefined {
  if (signal.aborted) return undefined;
  let waiters = waitersBySignal.get(signal);
  if (!waiters) {
    const set = new Set<() => void>();
    waiters = set;
    waitersBySignal.set(signal, set);
    signal.addEventListener(
      "abort",
      () => {
        for (const wake of set) wake();
        set.clear();
      },
      { once: true },
    );
  }
  const set = waiters;
  return new Promise<void>((resolve) => {
    set.add(resolve);
    void promise.then(() => {
      set.delete(resolve);
      resolve();
    });
  });
}
