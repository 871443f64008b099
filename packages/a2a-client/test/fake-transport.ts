import { A2AClientError, A2AError, A2AErrorCode } from "@agentmesh/a2a-transport";
import type { CallOptions, ClientTransport } from "@agentmesh/a2a-transport";
import type { AgentCard, Artifact, StreamResponse, Task } from "@agentmesh/a2a-types";

/** A minimal valid card with one interface per given binding. */
export function testCard(
  init: {
    streaming?: boolean;
    interfaces?: {
      protocolBinding: string;
      url: string;
      protocolVersion?: string;
      tenant?: string;
    }[];
    extendedAgentCard?: boolean;
    extensions?: { uri: string }[];
  } = {},
): AgentCard {
  return {
    name: "fake",
    description: "a fake agent",
    version: "1.0.0",
    supportedInterfaces: (
      init.interfaces ?? [{ protocolBinding: "JSONRPC", url: "http://127.0.0.1:1/a2a/jsonrpc" }]
    ).map((i) => ({ protocolVersion: "1.0", ...i })),
    capabilities: {
      ...(init.streaming === undefined ? { streaming: true } : { streaming: init.streaming }),
      ...(init.extendedAgentCard ? { extendedAgentCard: true } : {}),
      ...(init.extensions ? { extensions: init.extensions } : {}),
    },
    defaultInputModes: ["text/plain"],
    defaultOutputModes: ["text/plain"],
    skills: [{ id: "echo", name: "Echo", description: "echoes", tags: ["test"] }],
  };
}

const TID = "t-1";
const CID = "c-1";

/** The script of a task: submitted, working, three text chunks of one artifact, completed. */
export function script(final = "TASK_STATE_COMPLETED"): StreamResponse[] {
  const chunk = (text: string, append: boolean, lastChunk: boolean): StreamResponse => ({
    artifactUpdate: {
      taskId: TID,
      contextId: CID,
      artifact: { artifactId: "a-1", parts: [{ text }] },
      append,
      lastChunk,
    },
  });
  return [
    { task: { id: TID, contextId: CID, status: { state: "TASK_STATE_SUBMITTED" } } },
    {
      statusUpdate: {
        taskId: TID,
        contextId: CID,
        status: { state: "TASK_STATE_WORKING", timestamp: "2026-01-01T00:00:01.000Z" },
      },
    },
    chunk("Hello", false, false),
    chunk(", ", true, false),
    chunk("world", true, false),
    chunk("!", true, true),
    {
      statusUpdate: {
        taskId: TID,
        contextId: CID,
        status: { state: final as Task["status"]["state"], timestamp: "2026-01-01T00:00:02.000Z" },
      },
    },
  ];
}

function applyEvent(task: Task | undefined, ev: StreamResponse): Task | undefined {
  if (ev.task) return structuredClone(ev.task);
  if (!task) return task;
  if (ev.statusUpdate) return { ...task, status: ev.statusUpdate.status };
  if (ev.artifactUpdate) {
    const u = ev.artifactUpdate;
    const artifacts: Artifact[] = [...(task.artifacts ?? [])];
    const i = artifacts.findIndex((a) => a.artifactId === u.artifact.artifactId);
    const existing = i >= 0 ? artifacts[i] : undefined;
    if (u.append && existing) {
      artifacts[i] = { ...existing, parts: [...existing.parts, ...u.artifact.parts] };
    } else if (i >= 0) artifacts[i] = u.artifact;
    else artifacts.push(u.artifact);
    return { ...task, artifacts };
  }
  return task;
}

function waitAbort(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    if (signal?.aborted) reject(signal.reason);
    signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

/**
 * An in-memory agent that plays a script of events. Each connection (stream or
 * subscription) is cut after `cuts[n]` events (missing entry = never); while a connection
 * is down the task moves on by `progressWhileDown` events. Subscriptions start with the
 * current task, as the spec requires.
 */
export class FakeAgent {
  readonly events: StreamResponse[];
  cursor = 0;
  task: Task | undefined;
  connections = 0;
  cuts: number[] = [];
  progressWhileDown = 0;
  subscribeCalls: unknown[] = [];
  requests: { method: string; req: unknown; opts: CallOptions | undefined }[] = [];
  /** Unary calls never answer (until aborted). */
  hangUnary = false;
  /** Streams never send their first event (until aborted). */
  hangStream = false;

  constructor(events: StreamResponse[] = script()) {
    this.events = events;
  }

  #advance(): StreamResponse | undefined {
    const ev = this.events[this.cursor];
    if (!ev) return undefined;
    this.cursor++;
    this.task = applyEvent(this.task, ev);
    return ev;
  }

  async *#connection(
    first: StreamResponse[],
    opts: CallOptions | undefined,
  ): AsyncGenerator<StreamResponse> {
    const n = this.connections++;
    if (this.hangStream) await waitAbort(opts?.signal);
    const cut = this.cuts[n] ?? Number.POSITIVE_INFINITY;
    let sent = 0;
    const queue = [...first];
    for (;;) {
      if (opts?.signal?.aborted) throw A2AClientError.from(opts.signal.reason);
      if (sent >= cut) {
        for (let i = 0; i < this.progressWhileDown; i++) this.#advance();
        throw new A2AClientError("NETWORK", "socket closed by peer");
      }
      const ev = queue.shift() ?? this.#advance();
      if (!ev) return;
      await new Promise((r) => setTimeout(r, 1));
      sent++;
      yield ev;
    }
  }

  transport(): ClientTransport {
    const log = (method: string, req: unknown, opts?: CallOptions) =>
      this.requests.push({ method, req, opts });
    const unary = async <T>(value: () => T, opts?: CallOptions): Promise<T> => {
      if (this.hangUnary) return waitAbort(opts?.signal);
      return value();
    };
    return {
      protocolBinding: "JSONRPC",
      sendMessage: (req, opts) => {
        log("SendMessage", req, opts);
        return unary(() => {
          if (!req.configuration?.returnImmediately) while (this.#advance());
          else this.#advance();
          return { task: structuredClone(this.task as Task) };
        }, opts);
      },
      sendStreamingMessage: (req, opts) => {
        log("SendStreamingMessage", req, opts);
        return this.#connection([], opts);
      },
      getTask: (req, opts) => {
        log("GetTask", req, opts);
        return unary(() => {
          this.#advance();
          if (!this.task || req.id !== this.task.id) throw new A2AError(A2AErrorCode.TaskNotFound);
          return structuredClone(this.task);
        }, opts);
      },
      listTasks: (req, opts) => {
        log("ListTasks", req, opts);
        const pages: Record<string, { ids: string[]; next: string }> = {
          "": { ids: ["t-1", "t-2"], next: "p2" },
          p2: { ids: ["t-3"], next: "" },
        };
        const page = pages[req.pageToken ?? ""] ?? { ids: [], next: "" };
        return unary(
          () => ({
            tasks: page.ids.map((id) => ({
              id,
              status: { state: "TASK_STATE_COMPLETED" as const },
            })),
            nextPageToken: page.next,
            pageSize: page.ids.length,
            totalSize: 3,
          }),
          opts,
        );
      },
      cancelTask: (req, opts) => {
        log("CancelTask", req, opts);
        return unary(
          () => ({ id: req.id, status: { state: "TASK_STATE_CANCELED" as const } }),
          opts,
        );
      },
      subscribeToTask: (req, opts) => {
        log("SubscribeToTask", req, opts);
        this.subscribeCalls.push(req);
        const task = this.task;
        if (!task) return this.#failing(new A2AError(A2AErrorCode.TaskNotFound));
        const st = task.status.state;
        if (
          [
            "TASK_STATE_COMPLETED",
            "TASK_STATE_FAILED",
            "TASK_STATE_CANCELED",
            "TASK_STATE_REJECTED",
          ].includes(st)
        ) {
          return this.#failing(new A2AError(A2AErrorCode.UnsupportedOperation));
        }
        return this.#connection([{ task: structuredClone(task) }], opts);
      },
      createTaskPushNotificationConfig: (req, opts) => {
        log("CreateTaskPushNotificationConfig", req, opts);
        return unary(() => ({ ...req, id: req.id || "cfg-1" }), opts);
      },
      getTaskPushNotificationConfig: (req, opts) => {
        log("GetTaskPushNotificationConfig", req, opts);
        return unary(
          () => ({ taskId: req.taskId, id: req.id, url: "https://hooks.example/a" }),
          opts,
        );
      },
      listTaskPushNotificationConfigs: (req, opts) => {
        log("ListTaskPushNotificationConfigs", req, opts);
        return unary(
          () => ({
            configs: [{ taskId: req.taskId, id: "cfg-1", url: "https://hooks.example/a" }],
          }),
          opts,
        );
      },
      deleteTaskPushNotificationConfig: (req, opts) => {
        log("DeleteTaskPushNotificationConfig", req, opts);
        return unary(() => undefined, opts);
      },
      getExtendedAgentCard: (req, opts) => {
        log("GetExtendedAgentCard", req, opts);
        return unary(() => ({ ...testCard(), name: "fake (extended)" }), opts);
      },
    };
  }

  // biome-ignore lint/correctness/useYield: fails on the first next(), like a real error response
  async *#failing(err: Error): AsyncGenerator<StreamResponse> {
    throw err;
  }
}
