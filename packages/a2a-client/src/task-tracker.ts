import type {
  Message,
  StreamResponse,
  Task,
  TaskArtifactUpdateEvent,
  TaskState,
  TaskStatus,
  TaskStatusUpdateEvent,
} from "@agentmesh/a2a-types";
import { ArtifactAccumulator } from "./artifact-accumulator.js";
import { type ClientEvent, completionEvent } from "./events.js";

const TERMINAL: ReadonlySet<string> = new Set([
  "TASK_STATE_COMPLETED",
  "TASK_STATE_FAILED",
  "TASK_STATE_CANCELED",
  "TASK_STATE_REJECTED",
]);
const INTERRUPTED: ReadonlySet<string> = new Set([
  "TASK_STATE_INPUT_REQUIRED",
  "TASK_STATE_AUTH_REQUIRED",
]);

/** Whether a state ends the task. */
export function isTerminalState(state: TaskState | undefined): boolean {
  return state !== undefined && TERMINAL.has(state);
}
/** Whether a state waits for the client (input or auth required). */
export function isInterruptedState(state: TaskState | undefined): boolean {
  return state !== undefined && INTERRUPTED.has(state);
}

function sameStatus(a: TaskStatus | undefined, b: TaskStatus): boolean {
  if (!a) return false;
  return (
    a.state === b.state &&
    a.timestamp === b.timestamp &&
    a.message?.messageId === b.message?.messageId
  );
}

/**
 * Follows one task through stream events, resubscriptions and polls, keeping the current
 * view of the task and turning wire events into {@link ClientEvent}s so that every
 * artifact chunk and message reaches the consumer exactly once:
 * - artifact chunks are joined per artifact id; a repeated whole artifact is dropped;
 * - messages are dropped when their `messageId` was seen (including status messages);
 * - a repeated status (same state, timestamp and message) is dropped;
 * - a task snapshot after the first is compared with what was seen and only the difference
 *   is yielded (marked `recovered`).
 */
export class TaskTracker {
  readonly artifacts = new ArtifactAccumulator();
  readonly #seenMessages = new Set<string>();
  #task: Task | undefined;
  #lastStatus: TaskStatus | undefined;

  /** The task as currently known (artifacts accumulated), once a task event arrived. */
  get task(): Task | undefined {
    if (!this.#task) return undefined;
    const artifacts = this.artifacts.list();
    return artifacts.length ? { ...this.#task, artifacts } : this.#task;
  }

  /** The status of the first task snapshot, once one arrived. */
  get firstStatus(): TaskStatus | undefined {
    return this.#firstStatus;
  }
  #firstStatus: TaskStatus | undefined;

  /** The task id, once known. */
  get taskId(): string | undefined {
    return this.#task?.id;
  }

  /** The current state, once known. */
  get state(): TaskState | undefined {
    return this.#task?.status.state;
  }

  /** Turns one stream item into client events (possibly none, when it repeats). */
  apply(item: StreamResponse): ClientEvent[] {
    if (item.task) return this.#task ? this.diff(item.task) : this.#first(item.task);
    if (item.message) return this.#message(item.message, false);
    if (item.statusUpdate) return this.#status(item.statusUpdate, false);
    if (item.artifactUpdate) return this.#artifact(item.artifactUpdate);
    return [];
  }

  /** Compares a whole task (from a resubscription or a poll) with what was seen. */
  diff(task: Task): ClientEvent[] {
    if (!this.#task) return this.#first(task);
    const out: ClientEvent[] = [];
    const contextId = task.contextId ?? this.#task.contextId ?? "";
    for (const whole of task.artifacts ?? []) {
      const missing = this.artifacts.reconcile(whole);
      if (!missing) continue;
      out.push({
        kind: "TaskArtifactUpdate",
        taskId: task.id,
        contextId,
        artifact: missing.chunk,
        append: missing.append,
        lastChunk: false,
        accumulated: this.artifacts.get(whole.artifactId) ?? whole,
        recovered: true,
      });
    }
    for (const m of task.history ?? []) {
      if (m.role === "ROLE_AGENT" && m.messageId !== task.status.message?.messageId) {
        out.push(...this.#message(m, true));
      } else {
        this.#seenMessages.add(m.messageId);
      }
    }
    this.#task = { ...task };
    out.push(...this.#status({ taskId: task.id, contextId, status: task.status }, true));
    return out;
  }

  /**
   * Marks every artifact not yet complete as complete and returns their completion events
   * (used when the task finishes or the stream ends).
   */
  flush(): ClientEvent[] {
    const out: ClientEvent[] = [];
    if (!this.#task) return out;
    for (const id of this.artifacts.pending()) out.push(...this.#complete(id));
    return out;
  }

  #first(task: Task): ClientEvent[] {
    this.#task = { ...task };
    this.#firstStatus = task.status;
    for (const a of task.artifacts ?? []) this.artifacts.reconcile(a);
    for (const m of task.history ?? []) this.#seenMessages.add(m.messageId);
    if (task.status.message) this.#seenMessages.add(task.status.message.messageId);
    this.#lastStatus = task.status;
    const out: ClientEvent[] = [{ kind: "TaskSnapshot", task }];
    if (isTerminalState(task.status.state)) out.push(...this.flush());
    return out;
  }

  #message(message: Message, recovered: boolean): ClientEvent[] {
    if (this.#seenMessages.has(message.messageId)) return [];
    this.#seenMessages.add(message.messageId);
    return [{ kind: "Message", message, recovered }];
  }

  #status(
    update: Pick<TaskStatusUpdateEvent, "taskId" | "contextId" | "status" | "metadata">,
    recovered: boolean,
  ): ClientEvent[] {
    if (sameStatus(this.#lastStatus, update.status)) return [];
    const current = this.#task;
    if (update.status.message) this.#seenMessages.add(update.status.message.messageId);
    if (current) this.#task = { ...current, status: update.status };
    this.#lastStatus = update.status;
    const meta = update.metadata;
    const out: ClientEvent[] = [
      {
        kind: "TaskStatusUpdate",
        taskId: update.taskId,
        contextId: update.contextId,
        status: update.status,
        ...(meta ? { metadata: meta } : {}),
        recovered,
      },
    ];
    if (this.#final()) out.push(...this.flush());
    return out;
  }

  #artifact(update: TaskArtifactUpdateEvent): ClientEvent[] {
    const result = this.artifacts.add(update);
    if (!result.changed) return [];
    const out: ClientEvent[] = [
      {
        kind: "TaskArtifactUpdate",
        taskId: update.taskId,
        contextId: update.contextId,
        artifact: update.artifact,
        append: update.append === true,
        lastChunk: update.lastChunk === true,
        accumulated: result.artifact,
        ...(update.metadata ? { metadata: update.metadata } : {}),
        recovered: false,
      },
    ];
    if (result.complete) {
      this.artifacts.complete(update.artifact.artifactId);
      const done = completionEvent(update.taskId, update.contextId, result.artifact);
      if (done) out.push(done);
    }
    return out;
  }

  #complete(artifactId: string): ClientEvent[] {
    const task = this.#task;
    const artifact = this.artifacts.get(artifactId);
    if (!task || !artifact || !this.artifacts.complete(artifactId)) return [];
    const done = completionEvent(task.id, task.contextId ?? "", artifact);
    return done ? [done] : [];
  }

  #final(): boolean {
    const s = this.#task?.status.state;
    return isTerminalState(s) || isInterruptedState(s);
  }
}
