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
import type { CallContext } from "./call-context.js";

/**
 * The server side of the 11 A2A operations, independent of any binding. Bindings parse and
 * validate the request, call the handler with a {@link CallContext}, and write the result.
 *
 * Errors: throw an `A2AError` (anything else becomes `Internal`, its message not sent).
 * Streaming operations return async iterables whose **first `next()` rejects** for errors
 * that happen before the first event (validation, not found, capability): bindings pull the
 * first event before committing a 200 / SSE response, so such errors become plain error
 * responses. Bindings call `return()` on the iterator when the client disconnects.
 */
export interface A2AHandler {
  /** SendMessage: a Task (new or continued) or a direct Message. */
  sendMessage(req: SendMessageRequest, ctx: CallContext): Promise<SendMessageResponse>;
  /** SendStreamingMessage: one `message`, or a `task` and then its updates. */
  sendStreamingMessage(req: SendMessageRequest, ctx: CallContext): AsyncIterable<StreamResponse>;
  /** GetTask. */
  getTask(req: GetTaskRequest, ctx: CallContext): Promise<Task>;
  /** ListTasks. */
  listTasks(req: ListTasksRequest, ctx: CallContext): Promise<ListTasksResponse>;
  /** CancelTask: the updated task. */
  cancelTask(req: CancelTaskRequest, ctx: CallContext): Promise<Task>;
  /** SubscribeToTask: the current `task` first, then its updates. */
  subscribeToTask(req: SubscribeToTaskRequest, ctx: CallContext): AsyncIterable<StreamResponse>;
  /** CreateTaskPushNotificationConfig: the stored config, `id` assigned. */
  createTaskPushNotificationConfig(
    req: TaskPushNotificationConfig,
    ctx: CallContext,
  ): Promise<TaskPushNotificationConfig>;
  /** GetTaskPushNotificationConfig. */
  getTaskPushNotificationConfig(
    req: GetTaskPushNotificationConfigRequest,
    ctx: CallContext,
  ): Promise<TaskPushNotificationConfig>;
  /** ListTaskPushNotificationConfigs. */
  listTaskPushNotificationConfigs(
    req: ListTaskPushNotificationConfigsRequest,
    ctx: CallContext,
  ): Promise<ListTaskPushNotificationConfigsResponse>;
  /** DeleteTaskPushNotificationConfig (idempotent). */
  deleteTaskPushNotificationConfig(
    req: DeleteTaskPushNotificationConfigRequest,
    ctx: CallContext,
  ): Promise<void>;
  /** GetExtendedAgentCard. */
  getExtendedAgentCard(req: GetExtendedAgentCardRequest, ctx: CallContext): Promise<AgentCard>;
}
