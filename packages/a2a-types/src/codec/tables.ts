/**
 * The one field table of A2A v1.0 (`lf.a2a.v1`, specification/a2a.proto): every message,
 * its fields in declaration order, their types, `optional`, REQUIRED (field_behavior),
 * repeated, map and oneof membership. Parsing and serialization are driven by it.
 * Private, no semver.
 */
import { ROLE_NAMES, TASK_STATE_NAMES } from "../enums.js";
import { defineEnum, defineMessage } from "./descriptor.js";

export const TaskStateEnum = defineEnum("lf.a2a.v1.TaskState", TASK_STATE_NAMES);
export const RoleEnum = defineEnum("lf.a2a.v1.Role", ROLE_NAMES);

// --- core -----------------------------------------------------------------------------

export const PartDesc = defineMessage("lf.a2a.v1.Part", [
  { name: "text", type: "string", oneof: "content" },
  { name: "raw", type: "bytes", oneof: "content" },
  { name: "url", type: "string", oneof: "content" },
  { name: "data", type: "value", oneof: "content" },
  { name: "metadata", type: "struct" },
  { name: "filename", type: "string" },
  { name: "media_type", type: "string" },
]);

export const MessageDesc = defineMessage("lf.a2a.v1.Message", [
  { name: "message_id", type: "string", flags: "R" },
  { name: "context_id", type: "string" },
  { name: "task_id", type: "string" },
  { name: "role", type: RoleEnum, flags: "R" },
  { name: "parts", type: PartDesc, flags: "R*" },
  { name: "metadata", type: "struct" },
  { name: "extensions", type: "string", flags: "*" },
  { name: "reference_task_ids", type: "string", flags: "*" },
]);

export const TaskStatusDesc = defineMessage("lf.a2a.v1.TaskStatus", [
  { name: "state", type: TaskStateEnum, flags: "R" },
  { name: "message", type: MessageDesc },
  { name: "timestamp", type: "timestamp" },
]);

export const ArtifactDesc = defineMessage("lf.a2a.v1.Artifact", [
  { name: "artifact_id", type: "string", flags: "R" },
  { name: "name", type: "string" },
  { name: "description", type: "string" },
  { name: "parts", type: PartDesc, flags: "R*" },
  { name: "metadata", type: "struct" },
  { name: "extensions", type: "string", flags: "*" },
]);

export const TaskDesc = defineMessage("lf.a2a.v1.Task", [
  { name: "id", type: "string", flags: "R" },
  { name: "context_id", type: "string" },
  { name: "status", type: TaskStatusDesc, flags: "R" },
  { name: "artifacts", type: ArtifactDesc, flags: "*" },
  { name: "history", type: MessageDesc, flags: "*" },
  { name: "metadata", type: "struct" },
]);

export const TaskStatusUpdateEventDesc = defineMessage("lf.a2a.v1.TaskStatusUpdateEvent", [
  { name: "task_id", type: "string", flags: "R" },
  { name: "context_id", type: "string", flags: "R" },
  { name: "status", type: TaskStatusDesc, flags: "R" },
  { name: "metadata", type: "struct" },
]);

export const TaskArtifactUpdateEventDesc = defineMessage("lf.a2a.v1.TaskArtifactUpdateEvent", [
  { name: "task_id", type: "string", flags: "R" },
  { name: "context_id", type: "string", flags: "R" },
  { name: "artifact", type: ArtifactDesc, flags: "R" },
  { name: "append", type: "bool" },
  { name: "last_chunk", type: "bool" },
  { name: "metadata", type: "struct" },
]);

export const StreamResponseDesc = defineMessage("lf.a2a.v1.StreamResponse", [
  { name: "task", type: TaskDesc, oneof: "payload" },
  { name: "message", type: MessageDesc, oneof: "payload" },
  { name: "status_update", type: TaskStatusUpdateEventDesc, oneof: "payload" },
  { name: "artifact_update", type: TaskArtifactUpdateEventDesc, oneof: "payload" },
]);

export const SendMessageResponseDesc = defineMessage("lf.a2a.v1.SendMessageResponse", [
  { name: "task", type: TaskDesc, oneof: "payload" },
  { name: "message", type: MessageDesc, oneof: "payload" },
]);

// --- push notifications ---------------------------------------------------------------

export const AuthenticationInfoDesc = defineMessage("lf.a2a.v1.AuthenticationInfo", [
  { name: "scheme", type: "string", flags: "R" },
  { name: "credentials", type: "string" },
]);

export const TaskPushNotificationConfigDesc = defineMessage(
  "lf.a2a.v1.TaskPushNotificationConfig",
  [
    { name: "tenant", type: "string" },
    { name: "id", type: "string" },
    { name: "task_id", type: "string" },
    { name: "url", type: "string", flags: "R" },
    { name: "token", type: "string" },
    { name: "authentication", type: AuthenticationInfoDesc },
  ],
);

// --- requests and responses -----------------------------------------------------------

export const SendMessageConfigurationDesc = defineMessage("lf.a2a.v1.SendMessageConfiguration", [
  { name: "accepted_output_modes", type: "string", flags: "*" },
  { name: "task_push_notification_config", type: TaskPushNotificationConfigDesc },
  { name: "history_length", type: "int32", flags: "O" },
  { name: "return_immediately", type: "bool" },
]);

export const SendMessageRequestDesc = defineMessage("lf.a2a.v1.SendMessageRequest", [
  { name: "tenant", type: "string" },
  { name: "message", type: MessageDesc, flags: "R" },
  { name: "configuration", type: SendMessageConfigurationDesc },
  { name: "metadata", type: "struct" },
]);

export const GetTaskRequestDesc = defineMessage("lf.a2a.v1.GetTaskRequest", [
  { name: "tenant", type: "string" },
  { name: "id", type: "string", flags: "R" },
  { name: "history_length", type: "int32", flags: "O" },
]);

export const ListTasksRequestDesc = defineMessage("lf.a2a.v1.ListTasksRequest", [
  { name: "tenant", type: "string" },
  { name: "context_id", type: "string" },
  { name: "status", type: TaskStateEnum },
  { name: "page_size", type: "int32", flags: "O" },
  { name: "page_token", type: "string" },
  { name: "history_length", type: "int32", flags: "O" },
  { name: "status_timestamp_after", type: "timestamp" },
  { name: "include_artifacts", type: "bool", flags: "O" },
]);

export const ListTasksResponseDesc = defineMessage("lf.a2a.v1.ListTasksResponse", [
  { name: "tasks", type: TaskDesc, flags: "R*" },
  { name: "next_page_token", type: "string", flags: "R" },
  { name: "page_size", type: "int32", flags: "R" },
  { name: "total_size", type: "int32", flags: "R" },
]);

export const CancelTaskRequestDesc = defineMessage("lf.a2a.v1.CancelTaskRequest", [
  { name: "tenant", type: "string" },
  { name: "id", type: "string", flags: "R" },
  { name: "metadata", type: "struct" },
]);

export const SubscribeToTaskRequestDesc = defineMessage("lf.a2a.v1.SubscribeToTaskRequest", [
  { name: "tenant", type: "string" },
  { name: "id", type: "string", flags: "R" },
]);

export const GetTaskPushNotificationConfigRequestDesc = defineMessage(
  "lf.a2a.v1.GetTaskPushNotificationConfigRequest",
  [
    { name: "tenant", type: "string" },
    { name: "task_id", type: "string", flags: "R" },
    { name: "id", type: "string", flags: "R" },
  ],
);

export const DeleteTaskPushNotificationConfigRequestDesc = defineMessage(
  "lf.a2a.v1.DeleteTaskPushNotificationConfigRequest",
  [
    { name: "tenant", type: "string" },
    { name: "task_id", type: "string", flags: "R" },
    { name: "id", type: "string", flags: "R" },
  ],
);

/** Declaration order: tenant (field 4) comes first in the proto. */
export const ListTaskPushNotificationConfigsRequestDesc = defineMessage(
  "lf.a2a.v1.ListTaskPushNotificationConfigsRequest",
  [
    { name: "tenant", type: "string" },
    { name: "task_id", type: "string", flags: "R" },
    { name: "page_size", type: "int32" },
    { name: "page_token", type: "string" },
  ],
);

export const ListTaskPushNotificationConfigsResponseDesc = defineMessage(
  "lf.a2a.v1.ListTaskPushNotificationConfigsResponse",
  [
    { name: "configs", type: TaskPushNotificationConfigDesc, flags: "*" },
    { name: "next_page_token", type: "string" },
  ],
);

export const GetExtendedAgentCardRequestDesc = defineMessage(
  "lf.a2a.v1.GetExtendedAgentCardRequest",
  [{ name: "tenant", type: "string" }],
);
