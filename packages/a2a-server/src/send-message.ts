import {
  A2AError,
  A2AErrorCode,
  type CallContext,
  checkRequiredExtensions,
} from "@agentmesh/a2a-transport";
import type { Message, SendMessageRequest, Task } from "@agentmesh/a2a-types";
import { HandlerState } from "./handler-state.js";
import type { PushConfigOps } from "./push-config-ops.js";
import { buildRequestContext } from "./request-context.js";
import type { StoredTask } from "./store/task-store.js";
import type { TaskExecution } from "./task-execution.js";
import { frozenCopy, INTERRUPTED_STATES, isTerminalState } from "./task-snapshot.js";
import {
  checkHistoryLength,
  checkInputModes,
  checkMessage,
  checkPushConfig,
  checkWebhookTarget,
  invalidParams,
  taskNotFound,
} from "./validation.js";

/** Validates a SendMessage request and prepares (registers) its execution. */
export async function beginSendMessage(
  state: HandlerState,
  push: PushConfigOps,
  req: SendMessageRequest,
  ctx: CallContext,
): Promise<TaskExecution> {
  if (state.closed) throw new A2AError(A2AErrorCode.Internal, "The server is shutting down");
  checkMessage(req.message);
  const cfg = req.configuration;
  checkHistoryLength("configuration.historyLength", cfg?.historyLength);
  const card = state.card;
  const declared = card.capabilities?.extensions;
  if (declared && declared.length > 0) checkRequiredExtensions(declared, ctx.requestedExtensions);
  const pushConfig = cfg?.taskPushNotificationConfig;
  if (pushConfig) {
    state.requirePush();
    checkPushConfig("configuration.taskPushNotificationConfig.", pushConfig);
    checkWebhookTarget(
      "configuration.taskPushNotificationConfig.url",
      pushConfig.url,
      state.pushSender,
    );
  }
  checkInputModes(req.message, card);
  const scope = HandlerState.scope(ctx, req.tenant);
  const incoming = req.message;
  let existing: StoredTask | undefined;
  let taskId: string;
  let contextId: string;
  if (incoming.taskId) {
    taskId = incoming.taskId;
    for (;;) {
      existing = await state.store.get(scope, taskId);
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
      const running = state.running.get(taskId);
      if (!running) break;
      if (!running.state || !INTERRUPTED_STATES.has(running.state)) {
        throw new A2AError(
          A2AErrorCode.UnsupportedOperation,
          `This operation is not supported: task ${taskId} is still being worked on; wait until it asks for input, or cancel it`,
          { metadata: { taskId } },
        );
      }
      await running.release(state.deps.cancelTimeoutMs);
    }
  } else {
    taskId = crypto.randomUUID();
    contextId = incoming.contextId || crypto.randomUUID();
  }
  const message: Message = frozenCopy({ ...incoming, taskId, contextId });
  const execution = state.newExecution({
    taskId,
    contextId,
    scope,
    message,
    ...(existing ? { existing } : {}),
    ...(pushConfig
      ? {
          onCreated: async (task: Task) => {
            await push.register(scope, task.id, pushConfig);
          },
        }
      : {}),
    context: (signal, task) =>
      buildRequestContext(ctx, taskId, contextId, signal, task, {
        message,
        configuration: cfg,
        metadata: req.metadata,
      }),
  });
  return execution;
}

const waitersBySignal = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Waits for `promise`, or until the caller goes away. One abort listener per signal, however
 * many calls share it, and every waiter is removed when its wait ends (a shared, never-aborted
 * signal must not collect reactions).
 */
export function waitFor(promise: Promise<void>, signal: AbortSignal): Promise<void> | undefined {
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
