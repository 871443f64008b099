import { z } from "zod";
import { registerSchema } from "../codec/descriptor.js";
import {
  ArtifactDesc,
  MessageDesc,
  PartDesc,
  SendMessageResponseDesc,
  StreamResponseDesc,
  TaskArtifactUpdateEventDesc,
  TaskDesc,
  TaskStatusDesc,
  TaskStatusUpdateEventDesc,
} from "../codec/tables.js";
import { RoleSchema, TaskStateSchema } from "../enums.js";
import { JsonObjectSchema, JsonValueSchema } from "../json.js";
import { absent, BytesSchema, TimestampSchema } from "./primitives.js";

const partCommon = {
  /** Metadata of this part. */
  metadata: JsonObjectSchema.optional(),
  /** File name, e.g. `"document.pdf"`. */
  filename: z.string().optional(),
  /** Media type of the content, e.g. `"image/png"` (valid for every kind of part). */
  mediaType: z.string().optional(),
};

/** A text part: `{ text }`. */
export const TextPartSchema = z.object({
  text: z.string(),
  raw: absent,
  url: absent,
  data: absent,
  ...partCommon,
});
/** A file part with inline bytes: `{ raw }` (standard base64). */
export const RawPartSchema = z.object({
  raw: BytesSchema,
  text: absent,
  url: absent,
  data: absent,
  ...partCommon,
});
/** A file part by reference: `{ url }`. */
export const UrlPartSchema = z.object({
  url: z.string(),
  text: absent,
  raw: absent,
  data: absent,
  ...partCommon,
});
/** A structured data part: `{ data }`, any JSON value (null included). */
export const DataPartSchema = z.object({
  data: JsonValueSchema,
  text: absent,
  raw: absent,
  url: absent,
  ...partCommon,
});
/** `lf.a2a.v1.Part`: exactly one of `text`, `raw`, `url`, `data`. */
export const PartSchema = z.union([TextPartSchema, RawPartSchema, UrlPartSchema, DataPartSchema]);
registerSchema(PartSchema, PartDesc);
/** A text part. */
export type TextPart = z.infer<typeof TextPartSchema>;
/** A file part with inline bytes (standard base64). */
export type RawPart = z.infer<typeof RawPartSchema>;
/** A file part by URL. */
export type UrlPart = z.infer<typeof UrlPartSchema>;
/** A structured data part. */
export type DataPart = z.infer<typeof DataPartSchema>;
/** One piece of content of a message or artifact. */
export type Part = z.infer<typeof PartSchema>;

/** `lf.a2a.v1.Message`: one unit of communication between client and agent. */
export const MessageSchema = z.object({
  messageId: z.string(),
  contextId: z.string().optional(),
  taskId: z.string().optional(),
  role: RoleSchema,
  parts: z.array(PartSchema),
  metadata: JsonObjectSchema.optional(),
  extensions: z.array(z.string()).optional(),
  referenceTaskIds: z.array(z.string()).optional(),
});
registerSchema(MessageSchema, MessageDesc);
/** One unit of communication between client and agent. */
export type Message = z.infer<typeof MessageSchema>;

/** `lf.a2a.v1.TaskStatus`: state, optional message and timestamp. */
export const TaskStatusSchema = z.object({
  state: TaskStateSchema,
  message: MessageSchema.optional(),
  timestamp: TimestampSchema.optional(),
});
registerSchema(TaskStatusSchema, TaskStatusDesc);
/** The status of a task. */
export type TaskStatus = z.infer<typeof TaskStatusSchema>;

/** `lf.a2a.v1.Artifact`: an output of a task. */
export const ArtifactSchema = z.object({
  artifactId: z.string(),
  name: z.string().optional(),
  description: z.string().optional(),
  parts: z.array(PartSchema),
  metadata: JsonObjectSchema.optional(),
  extensions: z.array(z.string()).optional(),
});
registerSchema(ArtifactSchema, ArtifactDesc);
/** An output of a task. */
export type Artifact = z.infer<typeof ArtifactSchema>;

/** `lf.a2a.v1.Task`: the unit of work, with status, artifacts and history. */
export const TaskSchema = z.object({
  id: z.string(),
  contextId: z.string().optional(),
  status: TaskStatusSchema,
  artifacts: z.array(ArtifactSchema).optional(),
  history: z.array(MessageSchema).optional(),
  metadata: JsonObjectSchema.optional(),
});
registerSchema(TaskSchema, TaskDesc);
/** The unit of work. */
export type Task = z.infer<typeof TaskSchema>;

/** `lf.a2a.v1.TaskStatusUpdateEvent`. */
export const TaskStatusUpdateEventSchema = z.object({
  taskId: z.string(),
  contextId: z.string(),
  status: TaskStatusSchema,
  metadata: JsonObjectSchema.optional(),
});
registerSchema(TaskStatusUpdateEventSchema, TaskStatusUpdateEventDesc);
/** A change of a task's status. */
export type TaskStatusUpdateEvent = z.infer<typeof TaskStatusUpdateEventSchema>;

/** `lf.a2a.v1.TaskArtifactUpdateEvent`. */
export const TaskArtifactUpdateEventSchema = z.object({
  taskId: z.string(),
  contextId: z.string(),
  artifact: ArtifactSchema,
  append: z.boolean().optional(),
  lastChunk: z.boolean().optional(),
  metadata: JsonObjectSchema.optional(),
});
registerSchema(TaskArtifactUpdateEventSchema, TaskArtifactUpdateEventDesc);
/** A new or extended artifact of a task. */
export type TaskArtifactUpdateEvent = z.infer<typeof TaskArtifactUpdateEventSchema>;

/** `lf.a2a.v1.StreamResponse`: exactly one of `task`, `message`, `statusUpdate`, `artifactUpdate`. */
export const StreamResponseSchema = z.union([
  z.object({ task: TaskSchema, message: absent, statusUpdate: absent, artifactUpdate: absent }),
  z.object({ message: MessageSchema, task: absent, statusUpdate: absent, artifactUpdate: absent }),
  z.object({
    statusUpdate: TaskStatusUpdateEventSchema,
    task: absent,
    message: absent,
    artifactUpdate: absent,
  }),
  z.object({
    artifactUpdate: TaskArtifactUpdateEventSchema,
    task: absent,
    message: absent,
    statusUpdate: absent,
  }),
]);
registerSchema(StreamResponseSchema, StreamResponseDesc);
/** One item of a stream (SendStreamingMessage, SubscribeToTask) and a push notification body. */
export type StreamResponse = z.infer<typeof StreamResponseSchema>;

/** `lf.a2a.v1.SendMessageResponse`: `{ task }` or `{ message }`. */
export const SendMessageResponseSchema = z.union([
  z.object({ task: TaskSchema, message: absent }),
  z.object({ message: MessageSchema, task: absent }),
]);
registerSchema(SendMessageResponseSchema, SendMessageResponseDesc);
/** The result of SendMessage. */
export type SendMessageResponse = z.infer<typeof SendMessageResponseSchema>;
