import { A2AError, A2AErrorCode } from "@agentmesh/a2a-transport";
import type { Task, TaskState } from "@agentmesh/a2a-types";

/**
 * Structural `instanceof` for the client's error classes: true for real instances and for
 * errors from another copy of this package that carry one of the given names.
 */
function hasName(v: unknown, names: readonly string[]): boolean {
  if (typeof v !== "object" || v === null) return false;
  const name = (v as { name?: unknown }).name;
  return typeof name === "string" && names.includes(name) && "code" in v;
}

/** A problem found in an agent card, with the JSON path where it was found. */
export interface CardProblem {
  path: string;
  message: string;
}

/**
 * The agent card fetched at discovery (or passed as `presetCard` / to
 * `createClientFromCard`) is not a valid A2A 1.0 card. `problems` lists every problem at once.
 */
export class InvalidCardError extends A2AError {
  override name = "InvalidCardError";
  /** Every problem found, e.g. `{ path: "supportedInterfaces", message: "Required" }`. */
  readonly problems: readonly CardProblem[];
  /** Where the card came from (a URL), when it was fetched. */
  readonly source: string | undefined;
  constructor(problems: readonly CardProblem[], source?: string, cause?: unknown) {
    const list = problems.map((p) => `${p.path || "(card)"}: ${p.message}`).join("; ");
    super(
      A2AErrorCode.InvalidAgentResponse,
      `invalid agent card${source ? ` at ${source}` : ""}: ${list}. ` +
        "Check that the URL points at an A2A 1.0 agent (card with supportedInterfaces), or pass a valid presetCard.",
      cause === undefined ? undefined : { cause },
    );
    this.problems = problems;
    this.source = source;
  }
  static override [Symbol.hasInstance](v: unknown): boolean {
    return hasName(v, ["InvalidCardError"]);
  }
}

/**
 * None of the card's interfaces for the wanted binding speaks a protocol version this client
 * supports (it speaks A2A `1.0`).
 */
export class IncompatibleProtocolVersionError extends A2AError {
  override name = "IncompatibleProtocolVersionError";
  /** The versions the card offered. */
  readonly offered: readonly string[];
  /** The versions this client speaks. */
  readonly supported: readonly string[];
  constructor(offered: readonly string[], supported: readonly string[], detail?: string) {
    super(
      A2AErrorCode.VersionNotSupported,
      `the agent offers protocol version(s) ${offered.map((v) => JSON.stringify(v)).join(", ") || "(none)"}` +
        `${detail ? ` ${detail}` : ""}, but this client speaks ${supported.join(", ")}. ` +
        "Upgrade the agent to A2A 1.0 or use a client for its version.",
    );
    this.offered = offered;
    this.supported = supported;
  }
  static override [Symbol.hasInstance](v: unknown): boolean {
    return hasName(v, ["IncompatibleProtocolVersionError"]);
  }
}

/** The AG2 client-tools extension URI (`urn:ag2:client-tools:v1`). */
export const CLIENT_TOOLS_EXTENSION = "urn:ag2:client-tools:v1";

/**
 * The client asked for client-side tools (the `urn:ag2:client-tools:v1` extension in
 * `extensions`) but the agent card does not advertise that extension.
 */
export class ClientToolsNotSupportedError extends A2AError {
  override name = "ClientToolsNotSupportedError";
  constructor(agentName: string) {
    super(
      A2AErrorCode.UnsupportedOperation,
      `agent "${agentName}" does not advertise the ${CLIENT_TOOLS_EXTENSION} extension, so it cannot call tools on the client. ` +
        `Remove ${CLIENT_TOOLS_EXTENSION} from "extensions" or use an agent that supports it.`,
    );
  }
  static override [Symbol.hasInstance](v: unknown): boolean {
    return hasName(v, ["ClientToolsNotSupportedError"]);
  }
}

/** The terminal states that {@link TaskTerminalError} reports. */
export type TaskErrorState = Extract<
  TaskState,
  "TASK_STATE_FAILED" | "TASK_STATE_REJECTED" | "TASK_STATE_AUTH_REQUIRED"
>;

function statusText(task: Task): string {
  const parts = task.status.message?.parts ?? [];
  const text = parts
    .map((p) => ("text" in p && typeof p.text === "string" ? p.text : ""))
    .filter((t) => t !== "")
    .join(" ");
  return text ? `: ${text}` : "";
}

/**
 * The task ended in a state that means the request did not succeed: `TASK_STATE_FAILED`
 * ({@link TaskFailedError}), `TASK_STATE_REJECTED` ({@link TaskRejectedError}) or
 * `TASK_STATE_AUTH_REQUIRED` ({@link TaskAuthRequiredError}). `task` is the last known task.
 * Thrown by `sendMessage` and the streams unless `throwOnTaskError` is `false`.
 */
export class TaskTerminalError extends A2AError {
  override name: string = "TaskTerminalError";
  /** The task as last seen (status, artifacts, history). */
  readonly task: Task;
  /** The state that ended it. */
  readonly state: TaskErrorState;
  constructor(task: Task, code: A2AErrorCode = A2AErrorCode.Internal) {
    const state = task.status.state as TaskErrorState;
    super(code, `task ${task.id} ended in ${state}${statusText(task)}`);
    this.task = task;
    this.state = state;
  }
  static override [Symbol.hasInstance](v: unknown): boolean {
    return hasName(v, [
      "TaskTerminalError",
      "TaskFailedError",
      "TaskRejectedError",
      "TaskAuthRequiredError",
    ]);
  }
}

/** The task reached `TASK_STATE_FAILED`. */
export class TaskFailedError extends TaskTerminalError {
  override name = "TaskFailedError";
  static override [Symbol.hasInstance](v: unknown): boolean {
    return hasName(v, ["TaskFailedError"]);
  }
}
/** The agent rejected the task (`TASK_STATE_REJECTED`). */
export class TaskRejectedError extends TaskTerminalError {
  override name = "TaskRejectedError";
  static override [Symbol.hasInstance](v: unknown): boolean {
    return hasName(v, ["TaskRejectedError"]);
  }
}
/**
 * The agent needs credentials it did not get (`TASK_STATE_AUTH_REQUIRED`); supply them
 * out of band (e.g. `headers` / an interceptor) and send again.
 */
export class TaskAuthRequiredError extends TaskTerminalError {
  override name = "TaskAuthRequiredError";
  constructor(task: Task) {
    super(task, A2AErrorCode.Unauthenticated);
  }
  static override [Symbol.hasInstance](v: unknown): boolean {
    return hasName(v, ["TaskAuthRequiredError"]);
  }
}

/** Builds the {@link TaskTerminalError} variant for a task's state, or `undefined`. */
export function taskErrorFor(task: Task): TaskTerminalError | undefined {
  switch (task.status.state) {
    case "TASK_STATE_FAILED":
      return new TaskFailedError(task);
    case "TASK_STATE_REJECTED":
      return new TaskRejectedError(task);
    case "TASK_STATE_AUTH_REQUIRED":
      return new TaskAuthRequiredError(task);
    default:
      return undefined;
  }
}

/**
 * A stream broke and could not be resumed with `SubscribeToTask` within `maxReconnects`
 * attempts. `cause` is the last failure.
 */
export class ReconnectError extends A2AError {
  override name = "ReconnectError";
  /** How many resubscribe attempts were made. */
  readonly attempts: number;
  /** The task the stream followed. */
  readonly taskId: string;
  constructor(taskId: string, attempts: number, cause: unknown) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(
      A2AErrorCode.Internal,
      `stream of task ${taskId} broke and ${attempts} reconnect attempt(s) failed (last: ${why}). ` +
        "Check the network or raise maxReconnects; the task may still be running (getTask / subscribeToTask).",
      { cause },
    );
    this.attempts = attempts;
    this.taskId = taskId;
  }
  static override [Symbol.hasInstance](v: unknown): boolean {
    return hasName(v, ["ReconnectError"]);
  }
}
