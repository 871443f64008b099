import type {
  CancelTaskRequest,
  DeleteTaskPushNotificationConfigRequest,
  GetExtendedAgentCardRequest,
  GetTaskPushNotificationConfigRequest,
  GetTaskRequest,
  ListTaskPushNotificationConfigsRequest,
  ListTaskPushNotificationConfigsResponse,
  ListTasksRequest,
  ListTasksResponse,
  SendMessageConfiguration,
  SendMessageRequest,
  SubscribeToTaskRequest,
  Task,
  TaskPushNotificationConfig,
} from "@agentmesh/a2a-types";
import type * as pb from "../gen/a2a_pb.js";
import { messageFromProto, taskFromProto } from "./core-from-proto.js";
import { messageToProto, taskToProto } from "./core-to-proto.js";
import {
  ConversionError,
  taskStateFromProto,
  taskStateToProto,
  timestampFromProto,
  timestampToProto,
} from "./scalars.js";

// Request and list-response messages, both directions. `path` prefixes are "" for a request
// (field paths like "message.parts[0]") and the response name on the client side.

function p(path: string, field: string): string {
  return path === "" ? field : `${path}.${field}`;
}

/** `lf.a2a.v1.TaskPushNotificationConfig` → model. */
export function pushConfigFromProto(c: pb.TaskPushNotificationConfig): TaskPushNotificationConfig {
  const out: TaskPushNotificationConfig = { url: c.url };
  if (c.tenant !== "") out.tenant = c.tenant;
  if (c.id !== "") out.id = c.id;
  if (c.taskId !== "") out.taskId = c.taskId;
  if (c.token !== "") out.token = c.token;
  if (c.authentication !== undefined) {
    const a = c.authentication;
    out.authentication =
      a.credentials === ""
        ? { scheme: a.scheme }
        : { scheme: a.scheme, credentials: a.credentials };
  }
  return out;
}

/** Model → `lf.a2a.v1.TaskPushNotificationConfig`. */
export function pushConfigToProto(c: TaskPushNotificationConfig): pb.TaskPushNotificationConfig {
  return {
    $typeName: "lf.a2a.v1.TaskPushNotificationConfig",
    tenant: c.tenant ?? "",
    id: c.id ?? "",
    taskId: c.taskId ?? "",
    url: c.url,
    token: c.token ?? "",
    authentication:
      c.authentication === undefined
        ? undefined
        : {
            $typeName: "lf.a2a.v1.AuthenticationInfo",
            scheme: c.authentication.scheme,
            credentials: c.authentication.credentials ?? "",
          },
  };
}

function configurationFromProto(c: pb.SendMessageConfiguration): SendMessageConfiguration {
  const out: SendMessageConfiguration = {};
  if (c.acceptedOutputModes.length > 0) out.acceptedOutputModes = c.acceptedOutputModes;
  if (c.taskPushNotificationConfig !== undefined) {
    out.taskPushNotificationConfig = pushConfigFromProto(c.taskPushNotificationConfig);
  }
  if (c.historyLength !== undefined) out.historyLength = c.historyLength;
  if (c.returnImmediately) out.returnImmediately = true;
  return out;
}

/** `lf.a2a.v1.SendMessageRequest` → model; a missing `message` is a {@link ConversionError}. */
export function sendMessageRequestFromProto(r: pb.SendMessageRequest): SendMessageRequest {
  if (r.message === undefined) throw new ConversionError("message", "required");
  const out: SendMessageRequest = { message: messageFromProto(r.message, "message") };
  if (r.tenant !== "") out.tenant = r.tenant;
  if (r.configuration !== undefined) out.configuration = configurationFromProto(r.configuration);
  if (r.metadata !== undefined) out.metadata = r.metadata;
  return out;
}

/** Model → `lf.a2a.v1.SendMessageRequest`. */
export function sendMessageRequestToProto(r: SendMessageRequest): pb.SendMessageRequest {
  const c = r.configuration;
  return {
    $typeName: "lf.a2a.v1.SendMessageRequest",
    tenant: r.tenant ?? "",
    message: messageToProto(r.message, "message"),
    configuration:
      c === undefined
        ? undefined
        : {
            $typeName: "lf.a2a.v1.SendMessageConfiguration",
            acceptedOutputModes: c.acceptedOutputModes ?? [],
            taskPushNotificationConfig:
              c.taskPushNotificationConfig === undefined
                ? undefined
                : pushConfigToProto(c.taskPushNotificationConfig),
            historyLength: c.historyLength,
            returnImmediately: c.returnImmediately ?? false,
          },
    metadata: r.metadata,
  };
}

/** `lf.a2a.v1.GetTaskRequest` → model. */
export function getTaskRequestFromProto(r: pb.GetTaskRequest): GetTaskRequest {
  const out: GetTaskRequest = { id: r.id };
  if (r.tenant !== "") out.tenant = r.tenant;
  if (r.historyLength !== undefined) out.historyLength = r.historyLength;
  return out;
}

/** Model → `lf.a2a.v1.GetTaskRequest`. */
export function getTaskRequestToProto(r: GetTaskRequest): pb.GetTaskRequest {
  return {
    $typeName: "lf.a2a.v1.GetTaskRequest",
    tenant: r.tenant ?? "",
    id: r.id,
    historyLength: r.historyLength,
  };
}

/** `lf.a2a.v1.ListTasksRequest` → model. */
export function listTasksRequestFromProto(r: pb.ListTasksRequest): ListTasksRequest {
  const out: ListTasksRequest = {};
  if (r.tenant !== "") out.tenant = r.tenant;
  if (r.contextId !== "") out.contextId = r.contextId;
  if (r.status !== 0) out.status = taskStateFromProto(r.status, "status");
  if (r.pageSize !== undefined) out.pageSize = r.pageSize;
  if (r.pageToken !== "") out.pageToken = r.pageToken;
  if (r.historyLength !== undefined) out.historyLength = r.historyLength;
  if (r.statusTimestampAfter !== undefined) {
    out.statusTimestampAfter = timestampFromProto(r.statusTimestampAfter, "statusTimestampAfter");
  }
  if (r.includeArtifacts !== undefined) out.includeArtifacts = r.includeArtifacts;
  return out;
}

/** Model → `lf.a2a.v1.ListTasksRequest`. */
export function listTasksRequestToProto(r: ListTasksRequest): pb.ListTasksRequest {
  return {
    $typeName: "lf.a2a.v1.ListTasksRequest",
    tenant: r.tenant ?? "",
    contextId: r.contextId ?? "",
    status: r.status === undefined ? 0 : taskStateToProto(r.status, "status"),
    pageSize: r.pageSize,
    pageToken: r.pageToken ?? "",
    historyLength: r.historyLength,
    statusTimestampAfter:
      r.statusTimestampAfter === undefined
        ? undefined
        : timestampToProto(r.statusTimestampAfter, "statusTimestampAfter"),
    includeArtifacts: r.includeArtifacts,
  };
}

/** `lf.a2a.v1.ListTasksResponse` → model (every field REQUIRED, so always present). */
export function listTasksResponseFromProto(
  r: pb.ListTasksResponse,
  path: string,
): ListTasksResponse {
  const tasks: Task[] = new Array(r.tasks.length);
  for (let i = 0; i < tasks.length; i++) {
    tasks[i] = taskFromProto(r.tasks[i] as pb.Task, `${p(path, "tasks")}[${i}]`);
  }
  return { tasks, nextPageToken: r.nextPageToken, pageSize: r.pageSize, totalSize: r.totalSize };
}

/** Model → `lf.a2a.v1.ListTasksResponse`. */
export function listTasksResponseToProto(r: ListTasksResponse, path: string): pb.ListTasksResponse {
  const tasks: pb.Task[] = new Array(r.tasks.length);
  for (let i = 0; i < tasks.length; i++) {
    tasks[i] = taskToProto(r.tasks[i] as Task, `${p(path, "tasks")}[${i}]`);
  }
  return {
    $typeName: "lf.a2a.v1.ListTasksResponse",
    tasks,
    nextPageToken: r.nextPageToken,
    pageSize: r.pageSize,
    totalSize: r.totalSize,
  };
}

/** `lf.a2a.v1.CancelTaskRequest` → model. */
export function cancelTaskRequestFromProto(r: pb.CancelTaskRequest): CancelTaskRequest {
  const out: CancelTaskRequest = { id: r.id };
  if (r.tenant !== "") out.tenant = r.tenant;
  if (r.metadata !== undefined) out.metadata = r.metadata;
  return out;
}

/** Model → `lf.a2a.v1.CancelTaskRequest`. */
export function cancelTaskRequestToProto(r: CancelTaskRequest): pb.CancelTaskRequest {
  return {
    $typeName: "lf.a2a.v1.CancelTaskRequest",
    tenant: r.tenant ?? "",
    id: r.id,
    metadata: r.metadata,
  };
}

/** `lf.a2a.v1.SubscribeToTaskRequest` → model. */
export function subscribeRequestFromProto(r: pb.SubscribeToTaskRequest): SubscribeToTaskRequest {
  return r.tenant === "" ? { id: r.id } : { id: r.id, tenant: r.tenant };
}

/** Model → `lf.a2a.v1.SubscribeToTaskRequest`. */
export function subscribeRequestToProto(r: SubscribeToTaskRequest): pb.SubscribeToTaskRequest {
  return { $typeName: "lf.a2a.v1.SubscribeToTaskRequest", tenant: r.tenant ?? "", id: r.id };
}

/** `lf.a2a.v1.GetTaskPushNotificationConfigRequest` → model. */
export function getPushConfigRequestFromProto(
  r: pb.GetTaskPushNotificationConfigRequest | pb.DeleteTaskPushNotificationConfigRequest,
): GetTaskPushNotificationConfigRequest {
  const out: GetTaskPushNotificationConfigRequest = { taskId: r.taskId, id: r.id };
  if (r.tenant !== "") out.tenant = r.tenant;
  return out;
}

/** Model → `lf.a2a.v1.GetTaskPushNotificationConfigRequest`. */
export function getPushConfigRequestToProto(
  r: GetTaskPushNotificationConfigRequest,
): pb.GetTaskPushNotificationConfigRequest {
  return {
    $typeName: "lf.a2a.v1.GetTaskPushNotificationConfigRequest",
    tenant: r.tenant ?? "",
    taskId: r.taskId,
    id: r.id,
  };
}

/** Model → `lf.a2a.v1.DeleteTaskPushNotificationConfigRequest`. */
export function deletePushConfigRequestToProto(
  r: DeleteTaskPushNotificationConfigRequest,
): pb.DeleteTaskPushNotificationConfigRequest {
  return {
    $typeName: "lf.a2a.v1.DeleteTaskPushNotificationConfigRequest",
    tenant: r.tenant ?? "",
    taskId: r.taskId,
    id: r.id,
  };
}

/** `lf.a2a.v1.ListTaskPushNotificationConfigsRequest` → model. */
export function listPushConfigsRequestFromProto(
  r: pb.ListTaskPushNotificationConfigsRequest,
): ListTaskPushNotificationConfigsRequest {
  const out: ListTaskPushNotificationConfigsRequest = { taskId: r.taskId };
  if (r.tenant !== "") out.tenant = r.tenant;
  if (r.pageSize !== 0) out.pageSize = r.pageSize;
  if (r.pageToken !== "") out.pageToken = r.pageToken;
  return out;
}

/** Model → `lf.a2a.v1.ListTaskPushNotificationConfigsRequest`. */
export function listPushConfigsRequestToProto(
  r: ListTaskPushNotificationConfigsRequest,
): pb.ListTaskPushNotificationConfigsRequest {
  return {
    $typeName: "lf.a2a.v1.ListTaskPushNotificationConfigsRequest",
    tenant: r.tenant ?? "",
    taskId: r.taskId,
    pageSize: r.pageSize ?? 0,
    pageToken: r.pageToken ?? "",
  };
}

/** `lf.a2a.v1.ListTaskPushNotificationConfigsResponse` → model. */
export function listPushConfigsResponseFromProto(
  r: pb.ListTaskPushNotificationConfigsResponse,
): ListTaskPushNotificationConfigsResponse {
  const out: ListTaskPushNotificationConfigsResponse = {};
  if (r.configs.length > 0) out.configs = r.configs.map(pushConfigFromProto);
  if (r.nextPageToken !== "") out.nextPageToken = r.nextPageToken;
  return out;
}

/** Model → `lf.a2a.v1.ListTaskPushNotificationConfigsResponse`. */
export function listPushConfigsResponseToProto(
  r: ListTaskPushNotificationConfigsResponse,
): pb.ListTaskPushNotificationConfigsResponse {
  return {
    $typeName: "lf.a2a.v1.ListTaskPushNotificationConfigsResponse",
    configs: (r.configs ?? []).map(pushConfigToProto),
    nextPageToken: r.nextPageToken ?? "",
  };
}

/** `lf.a2a.v1.GetExtendedAgentCardRequest` → model. */
export function getExtendedCardRequestFromProto(
  r: pb.GetExtendedAgentCardRequest,
): GetExtendedAgentCardRequest {
  return r.tenant === "" ? {} : { tenant: r.tenant };
}

/** Model → `lf.a2a.v1.GetExtendedAgentCardRequest`. */
export function getExtendedCardRequestToProto(
  r: GetExtendedAgentCardRequest,
): pb.GetExtendedAgentCardRequest {
  return { $typeName: "lf.a2a.v1.GetExtendedAgentCardRequest", tenant: r.tenant ?? "" };
}
