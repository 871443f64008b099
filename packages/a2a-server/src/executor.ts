import type { CallContext, Principal } from "@agentmesh/a2a-transport";
import type {
  JsonObject,
  Message,
  Part,
  SendMessageConfiguration,
  Task,
  TaskState,
} from "@agentmesh/a2a-types";

/** What an executor knows about the request it serves. */
export interface RequestContext {
  /** The incoming user message, with `taskId` and `contextId` filled in. Frozen. */
  readonly message: Message;
  /** The task being continued (a snapshot taken before this message), or `undefined` for a new task. */
  readonly task: Task | undefined;
  /** The task id: server-generated for a new task, the continued task's id otherwise. */
  readonly taskId: string;
  /** The context id: the client's, the continued task's, or a generated one. */
  readonly contextId: string;
  /** The tenant of the request (`""` when none). */
  readonly tenant: string;
  /** The authenticated caller, when the binding authenticated one. */
  readonly principal: Principal | undefined;
  /** Extension URIs the client asked for (A2A-Extensions). */
  readonly requestedExtensions: readonly string[];
  /** Marks an extension as used, so the binding echoes it in the A2A-Extensions response header. */
  activateExtension(uri: string): void;
  /** The request's configuration (accepted output modes, history length…). */
  readonly configuration: SendMessageConfiguration | undefined;
  /** The request's metadata. */
  readonly metadata: JsonObject | undefined;
  /**
   * Aborted when the task is canceled, when the execution timeout passes, or when the server
   * closes. Long-running work should stop when it fires.
   */
  readonly signal: AbortSignal;
  /** The call context of the request that started this execution. */
  readonly call: CallContext;
}

/** Content an author may pass where a message is expected: text, parts, or a full message. */
export type MessageInput = string | readonly Part[] | Message;

/** Options of {@link ExecutionEvents.artifact}. */
export interface ArtifactOptions {
  /**
   * Artifact id. Default: with `append`, the id of the artifact this publisher wrote last;
   * otherwise a new UUID.
   */
  artifactId?: string;
  /** Human-readable name. */
  name?: string;
  /** Description. */
  description?: string;
  /** Extends the artifact with the same id instead of replacing it. Default `false`. */
  append?: boolean;
  /** Marks the last chunk of this artifact. Default `false`. */
  lastChunk?: boolean;
  /** Artifact metadata. */
  metadata?: JsonObject;
  /** Extension URIs used by the artifact. */
  extensions?: string[];
}

/**
 * Publishes what an executor produces. Every method returns a promise that resolves once the
 * event is applied (and, when subscribers lag, once they caught up: awaiting it gives
 * backpressure). Events after the task reached a terminal state are ignored.
 */
export interface ExecutionEvents {
  /** The task id of this execution. */
  readonly taskId: string;
  /** The context id of this execution. */
  readonly contextId: string;
  /** Same as {@link RequestContext.signal}. */
  readonly signal: AbortSignal;
  /** True once the task is terminal (or a direct reply was sent): further events are ignored. */
  readonly finished: boolean;
  /** The task's current state; `undefined` before the first task event. */
  readonly state: TaskState | undefined;
  /**
   * Answers with a direct Message and no task. Only valid as the first event of a new task;
   * once a task exists it throws (use `working(message)` / `complete(message)` instead).
   */
  reply(message: MessageInput): Promise<void>;
  /** Moves the task to WORKING, with an optional progress message. */
  working(message?: MessageInput): Promise<void>;
  /** Adds an artifact or an artifact chunk; resolves to the artifact id. */
  artifact(content: string | readonly Part[], options?: ArtifactOptions): Promise<string>;
  /** Ends the task COMPLETED, with an optional final message. */
  complete(message?: MessageInput): Promise<void>;
  /** Ends the task FAILED with an explanation. */
  fail(message: MessageInput): Promise<void>;
  /** Interrupts the task with INPUT_REQUIRED; the client continues it with a message. */
  requireInput(prompt: MessageInput): Promise<void>;
  /** Interrupts the task with AUTH_REQUIRED, with an optional explanation. */
  requireAuth(message?: MessageInput): Promise<void>;
  /** Ends the task REJECTED with a reason. */
  reject(reason: MessageInput): Promise<void>;
  /** Ends the task CANCELED (what `cancel()` of an executor usually publishes). */
  canceled(message?: MessageInput): Promise<void>;
  /** Sets any state, with an optional message and status metadata. */
  status(state: TaskState, message?: MessageInput, metadata?: JsonObject): Promise<void>;
}

/**
 * The agent author's side of the server.
 *
 * `execute` runs for every message; it publishes a direct reply, or task updates ending in a
 * terminal or interrupted state. If it returns without either, the task ends FAILED (the
 * agent forgot to finish); if it throws, the task ends FAILED with an explanation (an
 * `A2AError` thrown before any event is returned to the client as that error instead).
 */
export interface AgentExecutor {
  /** Handles one incoming message. */
  execute(context: RequestContext, events: ExecutionEvents): Promise<void>;
  /**
   * Called on CancelTask, with the execution's events. Default behavior when absent or when it
   * publishes nothing: the server ends the task CANCELED and aborts `context.signal`.
   */
  cancel?(context: RequestContext, events: ExecutionEvents): Promise<void>;
}

/** What an {@link AgentFunction} may return or yield. */
export type AgentOutput = string | readonly Part[] | Message | undefined | void;

/**
 * An agent as a plain function. A returned string or parts become an artifact of a completed
 * task; a returned Message becomes the completed task's status message. An async generator
 * streams each yielded string/parts as a chunk of one artifact, then completes the task.
 * The function may also use `events` directly; if it ends the task itself, the return value is
 * ignored.
 */
export type AgentFunction = (
  context: RequestContext,
  events: ExecutionEvents,
) => Promise<AgentOutput> | AgentOutput | AsyncIterable<string | readonly Part[]>;

/** True when `value` looks like an {@link AgentExecutor}. */
export function isAgentExecutor(value: unknown): value is AgentExecutor {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { execute?: unknown }).execute === "function"
  );
}

/** Wraps an {@link AgentFunction} as an {@link AgentExecutor}. */
export function createAgentExecutor(fn: AgentFunction): AgentExecutor {
  return {
    async execute(context, events) {
      const out = fn(context, events);
      if (isAsyncIterable(out)) {
        let artifactId: string | undefined;
        for await (const chunk of out) {
          if (isSettled(events)) break;
          artifactId = await events.artifact(chunk, {
            append: artifactId !== undefined,
            ...(artifactId !== undefined ? { artifactId } : {}),
          });
        }
        if (!isSettled(events)) await events.complete();
        return;
      }
      const result = await out;
      if (isSettled(events)) return;
      if (result === undefined) {
        await events.complete();
      } else if (typeof result === "string" || Array.isArray(result)) {
        await events.artifact(result as string | readonly Part[], { lastChunk: true });
        await events.complete();
      } else {
        await events.complete(result as Message);
      }
    },
  };
}

function isSettled(events: ExecutionEvents): boolean {
  return (
    events.finished ||
    events.state === "TASK_STATE_INPUT_REQUIRED" ||
    events.state === "TASK_STATE_AUTH_REQUIRED"
  );
}

function isAsyncIterable(value: unknown): value is AsyncIterable<string | readonly Part[]> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === "function"
  );
}
