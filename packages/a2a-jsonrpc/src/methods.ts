import type { A2AHandler, A2AMethod } from "@agentmesh/a2a-transport";
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
  type fromJson,
} from "@agentmesh/a2a-types";

/** Any wire schema that `fromJson`/`toJson` accept. */
export type AnySchema = Parameters<typeof fromJson>[0];

/** One A2A operation as the JSON-RPC binding sees it. */
export interface MethodSpec {
  /** The JSON-RPC method name (= the gRPC rpc name, §9.1). */
  readonly name: A2AMethod;
  /** The A2AHandler / ClientTransport method that serves it. */
  readonly key: keyof A2AHandler;
  readonly request: AnySchema;
  /** Schema of `result` (of each stream item when `streaming`); undefined = no payload. */
  readonly response: AnySchema | undefined;
  readonly streaming: boolean;
}

function spec(
  name: A2AMethod,
  key: keyof A2AHandler,
  request: AnySchema,
  response: AnySchema | undefined,
  streaming = false,
): MethodSpec {
  return Object.freeze({ name, key, request, response, streaming });
}

/** The eleven methods of A2A v1.0, by JSON-RPC method name. */
export const METHODS: ReadonlyMap<string, MethodSpec> = new Map(
  [
    spec("SendMessage", "sendMessage", SendMessageRequestSchema, SendMessageResponseSchema),
    spec(
      "SendStreamingMessage",
      "sendStreamingMessage",
      SendMessageRequestSchema,
      StreamResponseSchema,
      true,
    ),
    spec("GetTask", "getTask", GetTaskRequestSchema, TaskSchema),
    spec("ListTasks", "listTasks", ListTasksRequestSchema, ListTasksResponseSchema),
    spec("CancelTask", "cancelTask", CancelTaskRequestSchema, TaskSchema),
    spec(
      "SubscribeToTask",
      "subscribeToTask",
      SubscribeToTaskRequestSchema,
      StreamResponseSchema,
      true,
    ),
    spec(
      "CreateTaskPushNotificationConfig",
      "createTaskPushNotificationConfig",
      TaskPushNotificationConfigSchema,
      TaskPushNotificationConfigSchema,
    ),
    spec(
      "GetTaskPushNotificationConfig",
      "getTaskPushNotificationConfig",
      GetTaskPushNotificationConfigRequestSchema,
      TaskPushNotificationConfigSchema,
    ),
    spec(
      "ListTaskPushNotificationConfigs",
      "listTaskPushNotificationConfigs",
      ListTaskPushNotificationConfigsRequestSchema,
      ListTaskPushNotificationConfigsResponseSchema,
    ),
    spec(
      "DeleteTaskPushNotificationConfig",
      "deleteTaskPushNotificationConfig",
      DeleteTaskPushNotificationConfigRequestSchema,
      undefined,
    ),
    spec(
      "GetExtendedAgentCard",
      "getExtendedAgentCard",
      GetExtendedAgentCardRequestSchema,
      AgentCardSchema,
    ),
  ].map((m) => [m.name, m]),
);

/** Looks a method up by its JSON-RPC name (exact, case-sensitive). */
export function findMethod(name: string): MethodSpec | undefined {
  return METHODS.get(name);
}
