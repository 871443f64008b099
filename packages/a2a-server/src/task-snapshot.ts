import type {
  Artifact,
  Message,
  Part,
  Task,
  TaskArtifactUpdateEvent,
  TaskState,
  TaskStatus,
} from "@agentmesh/a2a-types";
import type { MessageInput } from "./executor.js";

/** Terminal task states: the task never changes again. */
export const TERMINAL_STATES: ReadonlySet<TaskState> = new Set<TaskState>([
  "TASK_STATE_COMPLETED",
  "TASK_STATE_FAILED",
  "TASK_STATE_CANCELED",
  "TASK_STATE_REJECTED",
]);

/** Interrupted task states: the task waits for the client. */
export const INTERRUPTED_STATES: ReadonlySet<TaskState> = new Set<TaskState>([
  "TASK_STATE_INPUT_REQUIRED",
  "TASK_STATE_AUTH_REQUIRED",
]);

/** True for a terminal state. */
export function isTerminalState(state: TaskState): boolean {
  return TERMINAL_STATES.has(state);
}

/** True for a terminal or interrupted state (where streams close and blocking calls return). */
export function isSettledState(state: TaskState): boolean {
  return TERMINAL_STATES.has(state) || INTERRUPTED_STATES.has(state);
}

/** Current time as an RFC 3339 UTC timestamp with milliseconds. */
export function now(): string {
  return new Date().toISOString();
}

/** Deep-freezes a JSON value in place and returns it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
    } else {
      for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
    }
  }
  return value;
}

/**
 * A frozen deep copy of a JSON value (what the server keeps of anything handed to it), in one
 * pass. Only plain JSON data is expected (the canonical wire model).
 */
export function frozenCopy<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = frozenCopy(value[i]);
    return Object.freeze(out) as T;
  }
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (Object.hasOwn(value, key)) out[key] = frozenCopy((value as Record<string, unknown>)[key]);
  }
  return Object.freeze(out) as T;
}

/** A deep copy of a JSON value (mutable). */
export function jsonCopy<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(jsonCopy) as T;
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (Object.hasOwn(value, key)) out[key] = jsonCopy((value as Record<string, unknown>)[key]);
  }
  return out as T;
}

/** Builds an agent message from author input, with the task's ids. */
export function toAgentMessage(input: MessageInput, taskId: string, contextId: string): Message {
  if (typeof input === "string" || Array.isArray(input)) {
    return {
      messageId: crypto.randomUUID(),
      role: "ROLE_AGENT",
      parts: toParts(input as string | readonly Part[]),
      taskId,
      contextId,
    };
  }
  const message = jsonCopy(input as Message);
  message.taskId = taskId;
  message.contextId = contextId;
  if (!message.messageId) message.messageId = crypto.randomUUID();
  return message;
}

/** Text or parts → a fresh parts array. */
export function toParts(content: string | readonly Part[]): Part[] {
  return typeof content === "string" ? [{ text: content }] : jsonCopy([...content]);
}

/**
 * The live state of a running task, owned by its execution. Parts, messages and statuses in it
 * are frozen, so snapshots share them and copy only the containers: a snapshot costs
 * O(messages + artifacts + parts) pointer copies, never a deep copy.
 */
export interface LiveTask {
  id: string;
  contextId: string;
  status: Task["status"];
  history: Message[];
  artifacts: LiveArtifact[];
  metadata: Task["metadata"];
}

/** A live artifact: frozen parts in a growable array. */
export interface LiveArtifact extends Omit<Artifact, "parts"> {
  parts: Part[];
}

/** Takes over a stored task as live state. */
export function toLiveTask(task: Task): LiveTask {
  const frozen = frozenCopy(task);
  return {
    id: frozen.id,
    contextId: frozen.contextId ?? "",
    status: frozen.status,
    history: [...(frozen.history ?? [])],
    artifacts: (frozen.artifacts ?? []).map((a) => ({ ...a, parts: [...a.parts] })),
    metadata: frozen.metadata,
  };
}

/** A snapshot of live state the caller may keep (its containers are fresh, leaves frozen). */
export function snapshotTask(live: LiveTask): Task {
  const task: Task = { id: live.id, contextId: live.contextId, status: live.status };
  if (live.artifacts.length > 0)
    task.artifacts = live.artifacts.map((a) => ({ ...a, parts: [...a.parts] }));
  if (live.history.length > 0) task.history = [...live.history];
  if (live.metadata !== undefined) task.metadata = live.metadata;
  return task;
}

/**
 * Shapes a task for a response: `historyLength` unset = everything, `0` = no history,
 * `n` = the last n messages; artifacts left out entirely unless `includeArtifacts`.
 */
export function shapeTask(
  task: Task,
  options: { historyLength?: number | undefined; includeArtifacts?: boolean },
): Task {
  const out: Task = { ...task };
  const n = options.historyLength;
  if (n !== undefined && out.history) {
    if (n <= 0) delete out.history;
    else if (out.history.length > n) out.history = out.history.slice(-n);
  }
  if (options.includeArtifacts === false) delete out.artifacts;
  else if (options.includeArtifacts === true && !out.artifacts) out.artifacts = [];
  return out;
}

/** A new SUBMITTED task holding the user's message. */
export function newLiveTask(taskId: string, contextId: string, message: Message): LiveTask {
  return {
    id: taskId,
    contextId,
    status: deepFreeze({ state: "TASK_STATE_SUBMITTED", timestamp: now() }),
    history: [message],
    artifacts: [],
    metadata: undefined,
  };
}

/**
 * Takes over a stored task continued by `message`: the agent's question (status message)
 * moves into the history, before the answer.
 */
export function continueLiveTask(task: Task, message: Message): LiveTask {
  const live = toLiveTask(task);
  const prompt = live.status.message;
  if (prompt) {
    live.history.push(prompt);
    const { message: _m, ...rest } = live.status;
    live.status = deepFreeze(rest);
  }
  live.history.push(message);
  return live;
}

/** A frozen status, now; a string message becomes an agent message of the task. */
export function newStatus(
  state: TaskState,
  message: Message | string | undefined,
  taskId: string,
  contextId: string,
): TaskStatus {
  const msg =
    typeof message === "string"
      ? ({
          messageId: crypto.randomUUID(),
          role: "ROLE_AGENT",
          parts: [{ text: message }],
          taskId,
          contextId,
        } satisfies Message)
      : message;
  return deepFreeze({ state, ...(msg ? { message: msg } : {}), timestamp: now() });
}

/**
 * Applies an artifact event to live state: appends the chunk's parts to the artifact with
 * `append`, else adds or replaces it. Returns the event's artifact, frozen.
 */
export function applyArtifactChunk(
  live: LiveTask,
  byId: Map<string, LiveArtifact>,
  event: Pick<TaskArtifactUpdateEvent, "artifact" | "append">,
): Artifact {
  const artifact = deepFreeze(event.artifact);
  const existing = byId.get(artifact.artifactId);
  if (existing && event.append) {
    for (const part of artifact.parts) existing.parts.push(part);
  } else {
    const next: LiveArtifact = { ...artifact, parts: [...artifact.parts] };
    if (existing) live.artifacts[live.artifacts.indexOf(existing)] = next;
    else live.artifacts.push(next);
    byId.set(artifact.artifactId, next);
  }
  return artifact;
}
