import {
  A2AError,
  A2AErrorCode,
  type A2AHandler,
  type CallContext,
  isA2AErrorCode,
} from "@agentmesh/a2a-transport";
import type {
  AgentCard,
  Message,
  StreamResponse,
  Task,
  TaskPushNotificationConfig,
} from "@agentmesh/a2a-types";

/** What the fake handler saw and released, for assertions. */
export interface FakeState {
  calls: { method: string; ctx: CallContext; request: unknown }[];
  /** Streams whose iterator was ended by the binding (`return()`), by request id / text. */
  released: string[];
  tasks: Map<string, Task>;
  configs: Map<string, TaskPushNotificationConfig>;
}

export const card: AgentCard = {
  name: "Fake",
  description: "fake agent",
  supportedInterfaces: [{ url: "127.0.0.1:1", protocolBinding: "GRPC", protocolVersion: "1.0" }],
  version: "1.0.0",
  capabilities: { streaming: true, pushNotifications: true, extendedAgentCard: true },
  defaultInputModes: ["text/plain"],
  defaultOutputModes: ["text/plain"],
  skills: [{ id: "echo", name: "Echo", description: "echoes", tags: ["echo"] }],
};

function text(m: Message): string {
  const p = m.parts[0];
  return p !== undefined && "text" in p && typeof p.text === "string" ? p.text : "";
}

/** `error:<CODE>` in a message text makes the handler throw that A2A error. */
function maybeThrow(t: string): void {
  if (!t.startsWith("error:")) return;
  const code = t.slice(6);
  if (!isA2AErrorCode(code)) throw new Error(`boom ${code}`);
  throw new A2AError(code, undefined, {
    metadata: { taskId: "t-404" },
    ...(code === A2AErrorCode.InvalidParams
      ? { fieldViolations: [{ field: "message.parts[0].text", description: "bad" }] }
      : {}),
  });
}

/** Waits until `signal` aborts (or forever). */
function never(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) =>
    signal.addEventListener("abort", () => resolve(), { once: true }),
  );
}

/**
 * An in-memory A2AHandler: SendMessage creates a completed task echoing the text ("message"
 * answers with a direct message, "error:<CODE>" throws); streams yield task, working, artifact,
 * completed ("hang" keeps the stream open until the binding ends it); the extension
 * `urn:x:echo` is activated when requested.
 */
export function createFakeHandler(): { handler: A2AHandler; state: FakeState } {
  const state: FakeState = { calls: [], released: [], tasks: new Map(), configs: new Map() };
  let seq = 0;
  const record = (method: string, request: unknown, ctx: CallContext) => {
    state.calls.push({ method, ctx, request });
    if (ctx.requestedExtensions.includes("urn:x:echo")) ctx.activatedExtensions.add("urn:x:echo");
  };
  const getTask = (id: string): Task => {
    const t = state.tasks.get(id);
    if (t === undefined) {
      throw new A2AError(A2AErrorCode.TaskNotFound, `no task ${id}`, { metadata: { taskId: id } });
    }
    return t;
  };
  const newTask = (m: Message): Task => {
    const id = `t-${++seq}`;
    const task: Task = {
      id,
      contextId: m.contextId ?? "c-1",
      status: { state: "TASK_STATE_COMPLETED", timestamp: "2026-01-02T03:04:05.678Z" },
      artifacts: [{ artifactId: "a-1", parts: [{ text: `echo: ${text(m)}` }] }],
      history: [m],
    };
    state.tasks.set(id, task);
    return task;
  };

  async function* stream(t: string, task: Task, ctx: CallContext): AsyncGenerator<StreamResponse> {
    try {
      yield { task: { ...task, status: { state: "TASK_STATE_SUBMITTED" } } };
      if (t === "hang") {
        await never(ctx.signal);
        return;
      }
      if (t === "midfail") throw new A2AError(A2AErrorCode.Internal, "agent crashed");
      yield {
        statusUpdate: {
          taskId: task.id,
          contextId: "c-1",
          status: { state: "TASK_STATE_WORKING" },
        },
      };
      yield {
        artifactUpdate: {
          taskId: task.id,
          contextId: "c-1",
          artifact: { artifactId: "a-1", parts: [{ text: `echo: ${t}` }] },
          lastChunk: true,
        },
      };
      yield {
        statusUpdate: {
          taskId: task.id,
          contextId: "c-1",
          status: { state: "TASK_STATE_COMPLETED" },
        },
      };
    } finally {
      state.released.push(t);
    }
  }

  const handler: A2AHandler = {
    async sendMessage(req, ctx) {
      record("SendMessage", req, ctx);
      const t = text(req.message);
      maybeThrow(t);
      if (t === "message") {
        return {
          message: {
            messageId: "m-r",
            role: "ROLE_AGENT",
            parts: [{ text: "direct" }],
            contextId: "c-1",
          },
        };
      }
      if (t === "bad-result") return {} as never;
      if (t === "slow") {
        await never(ctx.signal);
        throw new A2AError(A2AErrorCode.Internal, "gave up");
      }
      return { task: newTask(req.message) };
    },
    sendStreamingMessage(req, ctx) {
      record("SendStreamingMessage", req, ctx);
      const t = text(req.message);
      if (t === "hang-iter") {
        // Yields the task, then a next() that never settles: only return() releases it.
        let sent = false;
        return {
          [Symbol.asyncIterator]: () => ({
            next: () => {
              if (sent) return new Promise<IteratorResult<StreamResponse>>(() => {});
              sent = true;
              return Promise.resolve({ done: false, value: { task: newTask(req.message) } });
            },
            return: async () => {
              state.released.push(t);
              return { done: true, value: undefined };
            },
          }),
        };
      }
      // Errors before the first event: the first next() rejects.
      return {
        [Symbol.asyncIterator]() {
          let inner: AsyncGenerator<StreamResponse> | undefined;
          return {
            async next() {
              if (inner === undefined) {
                maybeThrow(t);
                if (t === "slow") await never(ctx.signal);
                inner = stream(t, newTask(req.message), ctx);
              }
              return inner.next();
            },
            async return() {
              if (inner === undefined) state.released.push(t);
              else await inner.return(undefined);
              return { done: true, value: undefined };
            },
          };
        },
      };
    },
    async getTask(req, ctx) {
      record("GetTask", req, ctx);
      return getTask(req.id);
    },
    async listTasks(req, ctx) {
      record("ListTasks", req, ctx);
      const tasks = [...state.tasks.values()];
      return { tasks, nextPageToken: "", pageSize: tasks.length, totalSize: tasks.length };
    },
    async cancelTask(req, ctx) {
      record("CancelTask", req, ctx);
      const t = getTask(req.id);
      if (t.status.state === "TASK_STATE_COMPLETED") {
        throw new A2AError(A2AErrorCode.TaskNotCancelable, undefined, {
          metadata: { taskId: t.id },
        });
      }
      return t;
    },
    subscribeToTask(req, ctx) {
      record("SubscribeToTask", req, ctx);
      const task = getTask(req.id);
      return stream("hang", task, ctx);
    },
    async createTaskPushNotificationConfig(req, ctx) {
      record("CreateTaskPushNotificationConfig", req, ctx);
      getTask(req.taskId ?? "");
      const cfg = { ...req, id: req.id ?? `cfg-${++seq}` };
      state.configs.set(cfg.id, cfg);
      return cfg;
    },
    async getTaskPushNotificationConfig(req, ctx) {
      record("GetTaskPushNotificationConfig", req, ctx);
      const cfg = state.configs.get(req.id);
      if (cfg === undefined) throw new A2AError(A2AErrorCode.TaskNotFound, `no config ${req.id}`);
      return cfg;
    },
    async listTaskPushNotificationConfigs(req, ctx) {
      record("ListTaskPushNotificationConfigs", req, ctx);
      return { configs: [...state.configs.values()].filter((c) => c.taskId === req.taskId) };
    },
    async deleteTaskPushNotificationConfig(req, ctx) {
      record("DeleteTaskPushNotificationConfig", req, ctx);
      state.configs.delete(req.id);
    },
    async getExtendedAgentCard(req, ctx) {
      record("GetExtendedAgentCard", req, ctx);
      return card;
    },
  };
  return { handler, state };
}
