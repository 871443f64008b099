import type {
  Artifact,
  JsonObject,
  JsonValue,
  Message,
  Task,
  TaskStatus,
} from "@agentmesh/a2a-types";

/**
 * The first event of a task stream: the task as the server reported it (status, artifacts
 * and history so far). A resumed stream does not repeat it; it yields the difference instead.
 */
export interface TaskSnapshot {
  readonly kind: "TaskSnapshot";
  readonly task: Task;
}

/** The task's status changed. */
export interface TaskStatusUpdate {
  readonly kind: "TaskStatusUpdate";
  readonly taskId: string;
  readonly contextId: string;
  readonly status: TaskStatus;
  readonly metadata?: JsonObject;
  /** `true` when the client derived this event from a snapshot after a reconnect or a poll. */
  readonly recovered: boolean;
}

/** One artifact chunk, as sent, plus the whole artifact accumulated so far. */
export interface TaskArtifactUpdate {
  readonly kind: "TaskArtifactUpdate";
  readonly taskId: string;
  readonly contextId: string;
  /** The chunk: for `append` updates only the new parts. */
  readonly artifact: Artifact;
  /** The chunk extends the artifact with the same id. */
  readonly append: boolean;
  /** The server marked this chunk as the artifact's last. */
  readonly lastChunk: boolean;
  /** Every part of this artifact received so far, chunks joined. */
  readonly accumulated: Artifact;
  readonly metadata?: JsonObject;
  /** `true` when the client derived this chunk from a snapshot after a reconnect or a poll. */
  readonly recovered: boolean;
}

/**
 * An artifact is complete (last chunk, or the task finished) and holds text: `text` is its
 * text parts joined in order (streamed tokens joined without separator).
 */
export interface TextArtifact {
  readonly kind: "TextArtifact";
  readonly taskId: string;
  readonly contextId: string;
  readonly artifact: Artifact;
  readonly text: string;
}

/** A tool call the agent reported as an artifact: a data part `{ name, arguments, id? }`. */
export interface ToolCall {
  /** The tool's name. */
  readonly name: string;
  /** The arguments, as sent (usually an object). */
  readonly arguments: JsonValue;
  /** The call id, when the agent gave one (`id` or `callId`). */
  readonly id?: string;
}

/** An artifact is complete and holds a tool call (a data part with `name` + `arguments`). */
export interface ToolCallArtifact {
  readonly kind: "ToolCallArtifact";
  readonly taskId: string;
  readonly contextId: string;
  readonly artifact: Artifact;
  readonly toolCall: ToolCall;
}

/** A message from the agent (a direct reply, or an agent message found in task history). */
export interface MessageReceived {
  readonly kind: "Message";
  readonly message: Message;
  /** `true` when the client found it in a snapshot after a reconnect or a poll. */
  readonly recovered: boolean;
}

/** Every event the client's streams yield; switch on `kind`. */
export type ClientEvent =
  | TaskSnapshot
  | TaskStatusUpdate
  | TaskArtifactUpdate
  | TextArtifact
  | ToolCallArtifact
  | MessageReceived;

/** The tool call inside an artifact, if one of its parts is a data part `{ name, arguments }`. */
export function toolCallOf(artifact: Artifact): ToolCall | undefined {
  for (const part of artifact.parts) {
    if (!("data" in part)) continue;
    const d = part.data;
    if (typeof d !== "object" || d === null || Array.isArray(d)) continue;
    const name = d["name"] ?? d["toolName"];
    const args = d["arguments"] ?? d["args"];
    if (typeof name !== "string" || args === undefined) continue;
    const id = d["id"] ?? d["callId"];
    return typeof id === "string" ? { name, arguments: args, id } : { name, arguments: args };
  }
  return undefined;
}

/** The text parts of an artifact joined in order, or `undefined` when it has none. */
export function textOf(artifact: Artifact): string | undefined {
  let found = false;
  let text = "";
  for (const part of artifact.parts) {
    if ("text" in part && typeof part.text === "string") {
      found = true;
      text += part.text;
    }
  }
  return found ? text : undefined;
}

/** The completion event for a whole artifact: a tool call, text, or nothing. */
export function completionEvent(
  taskId: string,
  contextId: string,
  artifact: Artifact,
): TextArtifact | ToolCallArtifact | undefined {
  const toolCall = toolCallOf(artifact);
  if (toolCall) return { kind: "ToolCallArtifact", taskId, contextId, artifact, toolCall };
  const text = textOf(artifact);
  if (text !== undefined) return { kind: "TextArtifact", taskId, contextId, artifact, text };
  return undefined;
}
