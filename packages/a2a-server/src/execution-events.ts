import type { Artifact, JsonObject, Part, TaskState } from "@agentmesh/a2a-types";
import type { ArtifactOptions, ExecutionEvents, MessageInput } from "./executor.js";
import type { TaskExecution } from "./task-execution.js";
import { jsonCopy, toAgentMessage, toParts } from "./task-snapshot.js";

/** The `events` object an executor publishes through (one per execution). */
class ExecutionEventsImpl implements ExecutionEvents {
  readonly #x: TaskExecution;
  #lastArtifactId: string | undefined;

  constructor(execution: TaskExecution) {
    this.#x = execution;
  }

  get taskId(): string {
    return this.#x.taskId;
  }
  get contextId(): string {
    return this.#x.contextId;
  }
  get signal(): AbortSignal {
    return this.#x.signal;
  }
  get finished(): boolean {
    return this.#x.finished;
  }
  get state(): TaskState | undefined {
    return this.#x.state;
  }

  async reply(input: MessageInput): Promise<void> {
    const msg = toAgentMessage(input, this.#x.taskId, this.#x.contextId);
    delete msg.taskId;
    await this.#x.enqueue(() => this.#x.applyReply(msg));
  }

  working(input?: MessageInput): Promise<void> {
    return this.#status("TASK_STATE_WORKING", input);
  }
  complete(input?: MessageInput): Promise<void> {
    return this.#status("TASK_STATE_COMPLETED", input);
  }
  fail(input: MessageInput): Promise<void> {
    return this.#status("TASK_STATE_FAILED", input);
  }
  requireInput(input: MessageInput): Promise<void> {
    return this.#status("TASK_STATE_INPUT_REQUIRED", input);
  }
  requireAuth(input?: MessageInput): Promise<void> {
    return this.#status("TASK_STATE_AUTH_REQUIRED", input);
  }
  reject(input: MessageInput): Promise<void> {
    return this.#status("TASK_STATE_REJECTED", input);
  }
  canceled(input?: MessageInput): Promise<void> {
    return this.#status("TASK_STATE_CANCELED", input);
  }
  status(state: TaskState, input?: MessageInput, metadata?: JsonObject): Promise<void> {
    if (state === "TASK_STATE_UNSPECIFIED") {
      return Promise.reject(new TypeError("TASK_STATE_UNSPECIFIED is not a valid task state"));
    }
    return this.#status(state, input, metadata);
  }

  async artifact(
    content: string | readonly Part[],
    options: ArtifactOptions = {},
  ): Promise<string> {
    const artifactId =
      options.artifactId ??
      (options.append && this.#lastArtifactId !== undefined
        ? this.#lastArtifactId
        : crypto.randomUUID());
    this.#lastArtifactId = artifactId;
    const artifact: Artifact = { artifactId, parts: toParts(content) };
    if (options.name !== undefined) artifact.name = options.name;
    if (options.description !== undefined) artifact.description = options.description;
    if (options.metadata !== undefined) artifact.metadata = jsonCopy(options.metadata);
    if (options.extensions !== undefined) artifact.extensions = [...options.extensions];
    const event = {
      artifact,
      append: options.append === true,
      lastChunk: options.lastChunk === true,
    };
    await this.#x.enqueue(() => this.#x.applyArtifact(event));
    const lag = this.#x.channel.drain();
    if (lag) await lag;
    return artifactId;
  }

  async #status(state: TaskState, input?: MessageInput, metadata?: JsonObject): Promise<void> {
    const msg =
      input === undefined ? undefined : toAgentMessage(input, this.#x.taskId, this.#x.contextId);
    await this.#x.enqueue(() => this.#x.applyStatus(state, msg, metadata));
    const lag = this.#x.channel.drain();
    if (lag) await lag;
  }
}

/** Builds the `events` object an executor publishes through. */
export function createExecutionEvents(execution: TaskExecution): ExecutionEvents {
  return new ExecutionEventsImpl(execution);
}
