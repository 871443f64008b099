import {
  type A2AHandler,
  A2AError,
  A2AErrorCode,
  type CallContext,
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
  SendMessageRequest,
  SendMessageResponse,
  StreamResponse,
  SubscribeToTaskRequest,
  Task,
  TaskPushNotificationConfig,
} from "@agentmesh/a2a-types";
import type { RequestHandlerOptions } from "./handler-options.js";
import { HandlerState } from "./handler-state.js";
import { fixedIterator, lazyStream } from "./lazy-stream.js";
import { listTasks } from "./list-tasks.js";
import { PushConfigOps } from "./push-config-ops.js";
import { buildRequestContext, placeholderMessage } from "./request-context.js";
import { beginSendMessage, waitFor } from "./send-message.js";
import type { TaskScope } from "./store/task-store.js";
import { deepFreeze, isTerminalState, shapeTask } from "./task-snapshot.js";
import { checkHistoryLength, requireString, taskNotFound } from "./validation.js";

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
    const execution = await beginSendMessage(this.#s, this.#push, req, ctx);
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
      const execution = await beginSendMessage(this.#s, this.#push, req, ctx);
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
          buildRequestContext(ctx, req.id, stored.task.contextId ?? "", signal, task),
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
