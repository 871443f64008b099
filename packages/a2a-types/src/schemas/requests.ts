import { z } from "zod";
import { registerSchema } from "../codec/descriptor.js";
import {
  AuthenticationInfoDesc,
  CancelTaskRequestDesc,
  DeleteTaskPushNotificationConfigRequestDesc,
  GetExtendedAgentCardRequestDesc,
  GetTaskPushNotificationConfigRequestDesc,
  GetTaskRequestDesc,
  ListTaskPushNotificationConfigsRequestDesc,
  ListTaskPushNotificationConfigsResponseDesc,
  ListTasksRequestDesc,
  ListTasksResponseDesc,
  SendMessageConfigurationDesc,
  SendMessageRequestDesc,
  SubscribeToTaskRequestDesc,
  TaskPushNotificationConfigDesc,
} from "../codec/tables.js";
import { TaskStateSchema } from "../enums.js";
import { JsonObjectSchema } from "../json.js";
import { MessageSchema, TaskSchema } from "./core.js";
import { Int32Schema, TimestampSchema } from "./primitives.js";

/** `lf.a2a.v1.AuthenticationInfo`: how the agent authenticates to a push webhook. */
export const AuthenticationInfoSchema = z.object({
  scheme: z.string(),
  credentials: z.string().optional(),
});
registerSchema(AuthenticationInfoSchema, AuthenticationInfoDesc);
/** Webhook authentication: IANA scheme name (case-insensitive) and credentials. */
export type AuthenticationInfo = z.infer<typeof AuthenticationInfoSchema>;

/** `lf.a2a.v1.TaskPushNotificationConfig`: a webhook for a task's updates. */
export const TaskPushNotificationConfigSchema = z.object({
  tenant: z.string().optional(),
  id: z.string().optional(),
  taskId: z.string().optional(),
  url: z.string(),
  token: z.string().optional(),
  authentication: AuthenticationInfoSchema.optional(),
});
registerSchema(TaskPushNotificationConfigSchema, TaskPushNotificationConfigDesc);
/** A webhook for a task's updates. */
export type TaskPushNotificationConfig = z.infer<typeof TaskPushNotificationConfigSchema>;

/** `lf.a2a.v1.SendMessageConfiguration`. */
export const SendMessageConfigurationSchema = z.object({
  acceptedOutputModes: z.array(z.string()).optional(),
  taskPushNotificationConfig: TaskPushNotificationConfigSchema.optional(),
  historyLength: Int32Schema.optional(),
  returnImmediately: z.boolean().optional(),
});
registerSchema(SendMessageConfigurationSchema, SendMessageConfigurationDesc);
/** Options of a SendMessage call (blocking unless `returnImmediately`). */
export type SendMessageConfiguration = z.infer<typeof SendMessageConfigurationSchema>;

/** `lf.a2a.v1.SendMessageRequest`. */
export const SendMessageRequestSchema = z.object({
  tenant: z.string().optional(),
  message: MessageSchema,
  configuration: SendMessageConfigurationSchema.optional(),
  metadata: JsonObjectSchema.optional(),
});
registerSchema(SendMessageRequestSchema, SendMessageRequestDesc);
/** Request of SendMessage and SendStreamingMessage. */
export type SendMessageRequest = z.infer<typeof SendMessageRequestSchema>;

/** `lf.a2a.v1.GetTaskRequest`. */
export const GetTaskRequestSchema = z.object({
  tenant: z.string().optional(),
  id: z.string(),
  historyLength: Int32Schema.optional(),
});
registerSchema(GetTaskRequestSchema, GetTaskRequestDesc);
/** Request of GetTask. */
export type GetTaskRequest = z.infer<typeof GetTaskRequestSchema>;

/** `lf.a2a.v1.ListTasksRequest`. */
export const ListTasksRequestSchema = z.object({
  tenant: z.string().optional(),
  contextId: z.string().optional(),
  status: TaskStateSchema.optional(),
  pageSize: Int32Schema.optional(),
  pageToken: z.string().optional(),
  historyLength: Int32Schema.optional(),
  statusTimestampAfter: TimestampSchema.optional(),
  includeArtifacts: z.boolean().optional(),
});
registerSchema(ListTasksRequestSchema, ListTasksRequestDesc);
/** Request of ListTasks (filters and paging). */
export type ListTasksRequest = z.infer<typeof ListTasksRequestSchema>;

/** `lf.a2a.v1.ListTasksResponse` (every field REQUIRED, `tasks` may be empty). */
export const ListTasksResponseSchema = z.object({
  tasks: z.array(TaskSchema),
  nextPageToken: z.string(),
  pageSize: Int32Schema,
  totalSize: Int32Schema,
});
registerSchema(ListTasksResponseSchema, ListTasksResponseDesc);
/** Result of ListTasks. */
export type ListTasksResponse = z.infer<typeof ListTasksResponseSchema>;

/** `lf.a2a.v1.CancelTaskRequest`. */
export const CancelTaskRequestSchema = z.object({
  tenant: z.string().optional(),
  id: z.string(),
  metadata: JsonObjectSchema.optional(),
});
registerSchema(CancelTaskRequestSchema, CancelTaskRequestDesc);
/** Request of CancelTask. */
export type CancelTaskRequest = z.infer<typeof CancelTaskRequestSchema>;

/** `lf.a2a.v1.SubscribeToTaskRequest`. */
export const SubscribeToTaskRequestSchema = z.object({
  tenant: z.string().optional(),
  id: z.string(),
});
registerSchema(SubscribeToTaskRequestSchema, SubscribeToTaskRequestDesc);
/** Request of SubscribeToTask. */
export type SubscribeToTaskRequest = z.infer<typeof SubscribeToTaskRequestSchema>;

/** `lf.a2a.v1.GetTaskPushNotificationConfigRequest`. */
export const GetTaskPushNotificationConfigRequestSchema = z.object({
  tenant: z.string().optional(),
  taskId: z.string(),
  id: z.string(),
});
registerSchema(
  GetTaskPushNotificationConfigRequestSchema,
  GetTaskPushNotificationConfigRequestDesc,
);
/** Request of GetTaskPushNotificationConfig. */
export type GetTaskPushNotificationConfigRequest = z.infer<
  typeof GetTaskPushNotificationConfigRequestSchema
>;

/** `lf.a2a.v1.DeleteTaskPushNotificationConfigRequest`. */
export const DeleteTaskPushNotificationConfigRequestSchema = z.object({
  tenant: z.string().optional(),
  taskId: z.string(),
  id: z.string(),
});
registerSchema(
  DeleteTaskPushNotificationConfigRequestSchema,
  DeleteTaskPushNotificationConfigRequestDesc,
);
/** Request of DeleteTaskPushNotificationConfig. */
export type DeleteTaskPushNotificationConfigRequest = z.infer<
  typeof DeleteTaskPushNotificationConfigRequestSchema
>;

/** `lf.a2a.v1.ListTaskPushNotificationConfigsRequest`. */
export const ListTaskPushNotificationConfigsRequestSchema = z.object({
  tenant: z.string().optional(),
  taskId: z.string(),
  pageSize: Int32Schema.optional(),
  pageToken: z.string().optional(),
});
registerSchema(
  ListTaskPushNotificationConfigsRequestSchema,
  ListTaskPushNotificationConfigsRequestDesc,
);
/** Request of ListTaskPushNotificationConfigs. */
export type ListTaskPushNotificationConfigsRequest = z.infer<
  typeof ListTaskPushNotificationConfigsRequestSchema
>;

/** `lf.a2a.v1.ListTaskPushNotificationConfigsResponse`. */
export const ListTaskPushNotificationConfigsResponseSchema = z.object({
  configs: z.array(TaskPushNotificationConfigSchema).optional(),
  nextPageToken: z.string().optional(),
});
registerSchema(
  ListTaskPushNotificationConfigsResponseSchema,
  ListTaskPushNotificationConfigsResponseDesc,
);
/** Result of ListTaskPushNotificationConfigs. */
export type ListTaskPushNotificationConfigsResponse = z.infer<
  typeof ListTaskPushNotificationConfigsResponseSchema
>;

/** `lf.a2a.v1.GetExtendedAgentCardRequest`. */
export const GetExtendedAgentCardRequestSchema = z.object({
  tenant: z.string().optional(),
});
registerSchema(GetExtendedAgentCardRequestSchema, GetExtendedAgentCardRequestDesc);
/** Request of GetExtendedAgentCard. */
export type GetExtendedAgentCardRequest = z.infer<typeof GetExtendedAgentCardRequestSchema>;
