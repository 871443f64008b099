import type { Artifact, JsonObject, TaskState } from "@agentmesh/a2a-types";
import type { ArtifactOptions, ExecutionEvents, MessageInput } from "./executor.js";
import type { TaskExecution } from "./task-execution.js";
import { toAgentMessage, toParts } from "./task-snapshot.js";

/** Builds the `events` object an executor publishes through. */
export function createExecutionEvents(execution: TaskExecution): ExecutionEvents {
  let lastArtifactId: string | undefined;
  const message = (input: MessageInput | undefined) =>
    input === undefined ? undefined : toAgentMessage(input, execution.taskId, execution.contextId);
  const status = async (state: TaskState, input?: MessageInput, metadata?: JsonObject) => {
    const msg = message(input);
    await execution.enqueue(() => execution.applyStatus(state, msg, metadata));
    await execution.channel.drain();
  };
  return {
    get taskId() {
      return execution.taskId;
    },
    get contextId() {
      return execution.contextId;
    },
    get signal() {
      return execution.signal;
    },
    get finished() {
      return execution.finished;
    },
    get state() {
      return execution.state;
    },
    async reply(input) {
      const msg = toAgentMessage(input, execution.taskId, execution.contextId);
      delete msg.taskId;
      await execution.enqueue(() => execution.applyReply(msg));
    },
    working: (input) => status("TASK_STATE_WORKING", input),
    complete: (input) => status("TASK_STATE_COMPLETED", input),
    fail: (input) => status("TASK_STATE_FAILED", input),
    requireInput: (input) => status("TASK_STATE_INPUT_REQUIRED", input),
    requireAuth: (input) => status("TASK_STATE_AUTH_REQUIRED", input),
    reject: (input) => status("TASK_STATE_REJECTED", input),
    canceled: (input) => status("TASK_STATE_CANCELED", input),
    status: (state, input, metadata) => {
      if (state === "TASK_STATE_UNSPECIFIED") {
        return Promise.reject(new TypeError("TASK_STATE_UNSPECIFIED is not a valid task state"));
      }
      return status(state, input, metadata);
    },
    async artifact(content, options: ArtifactOptions = {}) {
      const artifactId =
        options.artifactId ??
        (options.append && lastArtifactId !== undefined ? lastArtifactId : crypto.randomUUID());
      lastArtifactId = artifactId;
      const artifact: Artifact = { artifactId, parts: toParts(content) };
      if (options.name !== undefined) artifact.name = options.name;
      if (options.description !== undefined) artifact.description = options.description;
      if (options.metadata !== undefined) artifact.metadata = structuredClone(options.metadata);
      if (options.extensions !== undefined) artifact.extensions = [...options.extensions];
      await execution.enqueue(() =>
        execution.applyArtifact({
          artifact,
          ...(options.append ? { append: true } : {}),
          ...(options.lastChunk ? { lastChunk: true } : {}),
        }),
      );
      await execution.channel.drain();
      return artifactId;
    },
  };
}
