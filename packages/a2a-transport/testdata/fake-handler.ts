// A scripted in-memory A2AHandler for the bindings' unit tests (no server package needed);
// a2a-jsonrpc and a2a-rest re-export it from their testdata/fake-handler.ts.
import {
  A2AError,
  A2AErrorCode,
  type A2AHandler,
  type CallContext,
} from "../src/index.js";
import {
  type AgentCard,
  type Message,
  type StreamResponse,
  type Task,
  TaskState,
  createAgentCard,
  getText,
} from "@agentmesh/a2a-types";

export interface Recorded {
  method: string;
  req: unknown;
  ctx: CallContext;
}

export interface FakeHandler extends A2AHandler {
  calls: Recorded[];
  /** Streams that were released (return() ran or the signal aborted). */
  released: number;
  /** Streams currently open. */
  open: number;
}

export const EXT = "https://example.com/ext/echo/v1";

function task(id: string, state: TaskState = TaskState.Completed, history?: Message[]): Task {
  const t: Task = { id, contextId: "ctx-1", status: { state, timestamp: "2026-01-02T03:04:05.678Z" } };
  if (history) t.history = history;
  return t;
}

/** What the message text asks for: "fail:<CODE>" throws that A2A error, "message" replies with a Message. */
function scripted(msg: Message): void {
  const text = getText(msg);
  if (text.startsWith("fail:")) {
    const code = text.slice(5) as A2AErrorCode;
    throw new A2AError(code, `scripted ${code}`, { metadata: { taskId: "t-x" } });
  }
  if (text === "crash") throw new Error("secret internal detail");
}

export function createFakeHandler(): FakeHandler {
  const calls: Recorded[] = [];
  const h: FakeHandler = {
    calls,
    released: 0,
    open: 0,
    async sendMessage(req, ctx) {
      calls.push({ method: "SendMessage", req, ctx });
      scripted(req.message);
      if (ctx.requestedExtensions.includes(EXT)) ctx.activatedExtensions.add(EXT);
      if (getText(req.message) === "message") {
        return { message: { messageId: "m-r", role: "ROLE_AGENT", parts: [{ text: "hi" }] } };
      }
      return { task: task("t-1", TaskState.Completed, [req.message]) };
    },
    sendStreamingMessage(req, ctx) {
      calls.push({ method: "SendStreamingMessage", req, ctx });
      return stream(h, req.message, ctx);
    },
    async getTask(req, ctx) {
      calls.push({ method: "GetTask", req, ctx });
      if (req.id === "missing") {
        throw new A2AError(A2AErrorCode.TaskNotFound, undefined, { metadata: { taskId: req.id } });
      }
      return task(req.id);
    },
    async listTasks(req, ctx) {
      calls.push({ method: "ListTasks", req, ctx });
      return { tasks: [task("t-1")], nextPageToken: "", pageSize: 1, totalSize: 1 };
    },
    async cancelTask(req, ctx) {
      calls.push({ method: "CancelTask", req, ctx });
      if (req.id === "done") throw new A2AError(A2AErrorCode.TaskNotCancelable);
      return task(req.id, TaskState.Canceled);
    },
    subscribeToTask(req, ctx) {
      calls.push({ method: "SubscribeToTask", req, ctx });
      if (req.id === "missing") {
        return (async function* () {
          throw new A2AError(A2AErrorCode.TaskNotFound);
        })();
      }
      return hang(h, task(req.id, TaskState.Working), ctx);
    },
    async createTaskPushNotificationConfig(req, ctx) {
      calls.push({ method: "CreateTaskPushNotificationConfig", req, ctx });
      return { ...req, id: req.id ?? "cfg-1" };
    },
    async getTaskPushNotificationConfig(req, ctx) {
      calls.push({ method: "GetTaskPushNotificationConfig", req, ctx });
      return { taskId: req.taskId, id: req.id, url: "https://hook.example/x" };
    },
    async listTaskPushNotificationConfigs(req, ctx) {
      calls.push({ method: "ListTaskPushNotificationConfigs", req, ctx });
      return { configs: [{ taskId: req.taskId, id: "cfg-1", url: "https://hook.example/x" }] };
    },
    async deleteTaskPushNotificationConfig(req, ctx) {
      calls.push({ method: "DeleteTaskPushNotificationConfig", req, ctx });
    },
    async getExtendedAgentCard(req, ctx): Promise<AgentCard> {
      calls.push({ method: "GetExtendedAgentCard", req, ctx });
      return createAgentCard({
        name: "fake",
        description: "a fake agent",
        version: "1.0.0",
        interfaces: [{ url: "http://127.0.0.1/a2a/jsonrpc", protocolBinding: "JSONRPC" }],
        skills: [{ id: "echo", name: "echo", description: "echoes", tags: ["echo"] }],
      });
    },
  };
  return h;
}

async function* stream(h: FakeHandler, msg: Message, ctx: CallContext): AsyncGenerator<StreamResponse> {
  scripted(msg);
  const text = getText(msg);
  if (text === "hang") {
    yield* hang(h, task("t-h", TaskState.Working), ctx);
    return;
  }
  yield { task: task("t-1", TaskState.Submitted) };
  yield {
    statusUpdate: { taskId: "t-1", contextId: "ctx-1", status: { state: TaskState.Working } },
  };
  if (text === "midfail") throw new A2AError(A2AErrorCode.UnsupportedOperation, "broke mid-stream");
  yield {
    artifactUpdate: {
      taskId: "t-1",
      contextId: "ctx-1",
      artifact: { artifactId: "a-1", parts: [{ text: `echo: ${text}` }] },
      lastChunk: true,
    },
  };
  yield {
    statusUpdate: { taskId: "t-1", contextId: "ctx-1", status: { state: TaskState.Completed } },
  };
}

/** Yields the task, then waits until released; counts open and released streams. */
function hang(h: FakeHandler, first: Task, ctx: CallContext): AsyncIterableIterator<StreamResponse> {
  let sent = false;
  let done = false;
  let wake: (() => void) | undefined;
  h.open++;
  const release = () => {
    if (done) return;
    done = true;
    h.open--;
    h.released++;
    wake?.();
  };
  ctx.signal.addEventListener("abort", release, { once: true });
  return {
    async next() {
      if (!sent) {
        sent = true;
        return { done: false, value: { task: first } };
      }
      if (!done) await new Promise<void>((r) => (wake = r));
      return { done: true, value: undefined };
    },
    async return() {
      release();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
