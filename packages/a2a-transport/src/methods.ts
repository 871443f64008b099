import {
  AgentCardSchema,
  CancelTaskRequestSchema,
  DeleteTaskPushNotificationConfigRequestSchema,
  GetExtendedAgentCardRequestSchema,
  GetTaskPushNotificationConfigRequestSchema,
  GetTaskRequestSchema,
  ListTaskPushNotificationConfigsRequestSchema,
  ListTaskPushNotificationConfigsResponseSchema,
  ListTasksRequestSchema,
  ListTasksResponseSchema,
  SendMessageRequestSchema,
  SendMessageResponseSchema,
  StreamResponseSchema,
  SubscribeToTaskRequestSchema,
  TaskPushNotificationConfigSchema,
  TaskSchema,
  type WireSchema,
} from "@agentmesh/a2a-types";
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

/**
 * The request, response and streaming flag of every A2A operation, by its name (the gRPC rpc
 * name, which is also the JSON-RPC method). Streaming operations respond with a stream of
 * `response`; `DeleteTaskPushNotificationConfig` responds with nothing (`google.protobuf.Empty`).
 */
export interface A2AMethodMap {
  SendMessage: { request: SendMessageRequest; response: SendMessageResponse; streaming: false };
  SendStreamingMessage: { request: SendMessageRequest; response: StreamResponse; streaming: true };
  GetTask: { request: GetTaskRequest; response: Task; streaming: false };
  ListTasks: { request: ListTasksRequest; response: ListTasksResponse; streaming: false };
  CancelTask: { request: CancelTaskRequest; response: Task; streaming: false };
  SubscribeToTask: { request: SubscribeToTaskRequest; response: StreamResponse; streaming: true };
  CreateTaskPushNotificationConfig: {
    request: TaskPushNotificationConfig;
    response: TaskPushNotificationConfig;
    streaming: false;
  };
  GetTaskPushNotificationConfig: {
    request: GetTaskPushNotificationConfigRequest;
    response: TaskPushNotificationConfig;
    streaming: false;
  };
  ListTaskPushNotificationConfigs: {
    request: ListTaskPushNotificationConfigsRequest;
    response: ListTaskPushNotificationConfigsResponse;
    streaming: false;
  };
  DeleteTaskPushNotificationConfig: {
    request: DeleteTaskPushNotificationConfigRequest;
    response: undefined;
    streaming: false;
  };
  GetExtendedAgentCard: {
    request: GetExtendedAgentCardRequest;
    response: AgentCard;
    streaming: false;
  };
}

/** The name of an A2A operation, e.g. `"SendMessage"` (gRPC rpc = JSON-RPC method). */
export type A2AMethod = keyof A2AMethodMap;

/** The camelCase name of an operation on {@link A2AHandler} and `ClientTransport`. */
export type A2AMethodKey = Uncapitalize<A2AMethod>;

/** The agent capability an operation needs (§3.3.4), when it needs one. */
export type A2ACapability = "streaming" | "pushNotifications" | "extendedAgentCard";

/** What every binding needs to know about one operation. */
export interface A2AMethodInfo<M extends A2AMethod = A2AMethod> {
  /** The operation name: gRPC rpc name and JSON-RPC method. */
  readonly name: M;
  /** The method name on `A2AHandler` / `ClientTransport`, e.g. `"sendMessage"`. */
  readonly key: Uncapitalize<M>;
  /** True for the two server-streaming operations. */
  readonly streaming: boolean;
  /** Schema of the request message (for `fromJson` / `toJson` of @agentmesh/a2a-types). */
  readonly requestSchema: WireSchema;
  /** Schema of the response message (a stream item for streaming operations); `undefined` = Empty. */
  readonly responseSchema: WireSchema | undefined;
  /** The capability the agent card must declare, else the server refuses the call. */
  readonly capability: A2ACapability | undefined;
}

function info<M extends A2AMethod>(
  name: M,
  streaming: boolean,
  requestSchema: WireSchema,
  responseSchema: WireSchema | undefined,
  capability?: A2ACapability,
): A2AMethodInfo<M> {
  const key = (name.charAt(0).toLowerCase() + name.slice(1)) as Uncapitalize<M>;
  return Object.freeze({ name, key, streaming, requestSchema, responseSchema, capability });
}

/** The 11 A2A operations in specification order (§3.1), with their schemas. */
export const A2A_METHODS: readonly A2AMethodInfo[] = Object.freeze([
  info("SendMessage", false, SendMessageRequestSchema, SendMessageResponseSchema),
  info("SendStreamingMessage", true, SendMessageRequestSchema, StreamResponseSchema, "streaming"),
  info("GetTask", false, GetTaskRequestSchema, TaskSchema),
  info("ListTasks", false, ListTasksRequestSchema, ListTasksResponseSchema),
  info("CancelTask", false, CancelTaskRequestSchema, TaskSchema),
  info("SubscribeToTask", true, SubscribeToTaskRequestSchema, StreamResponseSchema, "streaming"),
  info(
    "CreateTaskPushNotificationConfig",
    false,
    TaskPushNotificationConfigSchema,
    TaskPushNotificationConfigSchema,
    "pushNotifications",
  ),
  info(
    "GetTaskPushNotificationConfig",
    false,
    GetTaskPushNotificationConfigRequestSchema,
    TaskPushNotificationConfigSchema,
    "pushNotifications",
  ),
  info(
    "ListTaskPushNotificationConfigs",
    false,
    ListTaskPushNotificationConfigsRequestSchema,
    ListTaskPushNotificationConfigsResponseSchema,
    "pushNotifications",
  ),
  info(
    "DeleteTaskPushNotificationConfig",
    false,
    DeleteTaskPushNotificationConfigRequestSchema,
    undefined,
    "pushNotifications",
  ),
  info(
    "GetExtendedAgentCard",
    false,
    GetExtendedAgentCardRequestSchema,
    AgentCardSchema,
    "extendedAgentCard",
  ),
]);

const byName = new Map<string, A2AMethodInfo>(A2A_METHODS.map((m) => [m.name, m]));

/**
 * The operation called `name` (exact, case-sensitive, as JSON-RPC method names are), or
 * `undefined` for anything else — including v0.3 names like `message/send`.
 */
export function findMethod(name: string): A2AMethodInfo | undefined {
  return byName.get(name);
}
