// The JSON-RPC and REST clients of @a2a-js/sdk (through its `Client`) against our server
// (jsonRpcBinding() + restBinding() on A2AServer, served by serve()): every operation, errors
// included.
import { type AgentCard, type Message, Role, type Task, TaskState } from "@a2a-js/sdk";
import { Client, JsonRpcTransportFactory, RestTransportFactory } from "@a2a-js/sdk/client";
import { jsonRpcBinding } from "@agentmesh/a2a-jsonrpc";
import { restBinding } from "@agentmesh/a2a-rest";
import { A2AServer, InMemoryPushConfigStore } from "@agentmesh/a2a-server";
import { type ServingServer, serve } from "@agentmesh/a2a-server/node";
import { getText } from "@agentmesh/a2a-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let running: ServingServer;
let card: AgentCard;

beforeAll(async () => {
  const server = new A2AServer(
    async (ctx, events) => {
      const text = getText(ctx.message);
      if (text.startsWith("message")) return events.reply(`echo: ${text}`);
      await events.working();
      if (text.startsWith("slow")) {
        await new Promise<void>((resolve) => {
          if (ctx.signal.aborted) resolve();
          ctx.signal.addEventListener("abort", () => resolve(), { once: true });
        });
        return;
      }
      await events.artifact(`echo: ${text}`, { lastChunk: true });
      return events.complete();
    },
    {
      agent: {
        name: "agentmesh-http",
        description: "JSON-RPC + REST interop agent",
        version: "1.0.0",
        skills: [{ id: "echo", name: "Echo", description: "echoes", tags: ["test"] }],
      },
      bindings: [jsonRpcBinding(), restBinding()],
      pushConfigStore: new InMemoryPushConfigStore(),
      pushSender: { send() {} },
      extendedCard: { name: "agentmesh-http (extended)" },
      authenticate: ({ headers }) =>
        headers.get("authorization") === "Bearer sdk" ? { id: "sdk" } : undefined,
    },
  );
  running = await serve(server, { port: 0, grpcPort: 0 });
  card = (await (
    await fetch(running.cardUrl, { headers: { "A2A-Version": "1.0" } })
  ).json()) as AgentCard;
});
afterAll(async () => {
  await running?.close();
});

function userMessage(text: string): Message {
  return {
    messageId: `m-${Math.random().toString(36).slice(2)}`,
    contextId: "",
    taskId: "",
    role: Role.ROLE_USER,
    parts: [
      { content: { $case: "text", value: text }, metadata: undefined, filename: "", mediaType: "" },
    ],
    metadata: undefined,
    extensions: [],
    referenceTaskIds: [],
  } as Message;
}

const send = (text: string, returnImmediately = false) =>
  ({
    tenant: "",
    message: userMessage(text),
    configuration: {
      acceptedOutputModes: [],
      taskPushNotificationConfig: undefined,
      historyLength: undefined,
      returnImmediately,
    },
    metadata: undefined,
  }) as never;

const isTask = (r: Message | Task): r is Task => "status" in r && r.status !== undefined;

async function rejection(
  p: Promise<unknown> | (() => Promise<unknown>),
): Promise<Error & Record<string, unknown>> {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (e) {
    return e as Error & Record<string, unknown>;
  }
  throw new Error("expected a failure");
}

const factories = [
  ["JSON-RPC", "JSONRPC", () => new JsonRpcTransportFactory()],
  ["REST", "HTTP+JSON", () => new RestTransportFactory()],
] as const;

describe.each(factories)("@a2a-js/sdk %s client → our server", (_name, binding, factory) => {
  async function client(fetchImpl?: typeof fetch): Promise<Client> {
    const iface = card.supportedInterfaces.find((i) => i.protocolBinding === binding);
    expect(iface).toBeDefined();
    const f = fetchImpl
      ? binding === "JSONRPC"
        ? new JsonRpcTransportFactory({ fetchImpl })
        : new RestTransportFactory({ fetchImpl })
      : factory();
    return new Client(await f.create(iface!.url, card), card);
  }

  it("SendMessage: a completed task with the echo artifact, and a direct message", async () => {
    const c = await client();
    const res = await c.sendMessage(send("hello"));
    expect(isTask(res)).toBe(true);
    const task = res as Task;
    expect(task.status?.state).toBe(TaskState.TASK_STATE_COMPLETED);
    expect(task.artifacts[0]?.parts[0]?.content).toEqual({ $case: "text", value: "echo: hello" });
    const direct = await c.sendMessage(send("message hi"));
    expect(isTask(direct)).toBe(false);
    expect((direct as Message).parts[0]?.content).toEqual({
      $case: "text",
      value: "echo: message hi",
    });
  });

  it("SendStreamingMessage: task first, then updates, closes at the terminal state", async () => {
    const c = await client();
    const cases: string[] = [];
    let last: unknown;
    for await (const ev of c.sendMessageStream(send("stream me"))) {
      cases.push(ev.payload?.$case ?? "none");
      last = ev.payload;
    }
    expect(cases[0]).toBe("task");
    expect(cases).toContain("artifactUpdate");
    expect(last).toMatchObject({
      $case: "statusUpdate",
      value: { status: { state: TaskState.TASK_STATE_COMPLETED } },
    });
  });

  it("GetTask and ListTasks", async () => {
    const c = await client();
    const task = (await c.sendMessage(send("for get"))) as Task;
    const got = await c.getTask({ tenant: "", id: task.id, historyLength: 1 } as never);
    expect(got.id).toBe(task.id);
    expect(got.history.length).toBeLessThanOrEqual(1);
    const list = await c.listTasks({
      tenant: "",
      contextId: task.contextId,
      status: TaskState.TASK_STATE_UNSPECIFIED,
      pageSize: 100,
      pageToken: "",
      historyLength: undefined,
      statusTimestampAfter: undefined,
      includeArtifacts: undefined,
    } as never);
    expect(list.tasks.map((x) => x.id)).toEqual([task.id]);
  });

  it("SubscribeToTask and CancelTask on a running task", async () => {
    const c = await client();
    const task = (await c.sendMessage(send("slow one", true))) as Task;
    const sub = c.resubscribeTask({ tenant: "", id: task.id } as never)[Symbol.asyncIterator]();
    const first = await sub.next();
    expect(first.value?.payload?.$case).toBe("task");
    const canceled = await c.cancelTask({ tenant: "", id: task.id, metadata: undefined } as never);
    expect(canceled.status?.state).toBe(TaskState.TASK_STATE_CANCELED);
    const states: number[] = [];
    for (let r = await sub.next(); !r.done; r = await sub.next()) {
      const p = r.value.payload;
      if (p?.$case === "statusUpdate") states.push(p.value.status?.state ?? -1);
      if (p?.$case === "task") states.push(p.value.status?.state ?? -1);
    }
    expect(states).toContain(TaskState.TASK_STATE_CANCELED);
  });

  it("push notification config CRUD", async () => {
    const c = await client();
    const task = (await c.sendMessage(send("slow push", true))) as Task;
    const created = await c.createTaskPushNotificationConfig({
      tenant: "",
      id: "cfg-1",
      taskId: task.id,
      url: "https://hooks.example.com/a2a",
      token: "tok",
      authentication: undefined,
    } as never);
    expect(created).toMatchObject({
      id: "cfg-1",
      taskId: task.id,
      url: "https://hooks.example.com/a2a",
    });
    const got = await c.getTaskPushNotificationConfig({
      tenant: "",
      taskId: task.id,
      id: "cfg-1",
    } as never);
    expect(got.token).toBe("tok");
    const list = await c.listTaskPushNotificationConfig({
      tenant: "",
      taskId: task.id,
      pageSize: 0,
      pageToken: "",
    } as never);
    expect(list.configs.map((x) => x.id)).toEqual(["cfg-1"]);
    await c.deleteTaskPushNotificationConfig({ tenant: "", taskId: task.id, id: "cfg-1" } as never);
    const after = await c.listTaskPushNotificationConfig({
      tenant: "",
      taskId: task.id,
      pageSize: 0,
      pageToken: "",
    } as never);
    expect(after.configs).toEqual([]);
    await c.cancelTask({ tenant: "", id: task.id, metadata: undefined } as never);
  });

  it("GetExtendedAgentCard: with credentials the extended card, without them refused", async () => {
    const authed: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set("authorization", "Bearer sdk");
      return fetch(input, { ...init, headers });
    };
    const c = await client(authed);
    const extended = await c.getAgentCard();
    expect(extended.name).toBe("agentmesh-http (extended)");
    const anon = await client();
    await expect(anon.getAgentCard()).rejects.toBeDefined();
  });

  it("our errors reach the SDK as its typed errors", async () => {
    const c = await client();
    const nf = await rejection(c.getTask({ tenant: "", id: "no-such-task" } as never));
    expect(nf.constructor.name).toMatch(/TaskNotFound/);
    const task = (await c.sendMessage(send("done"))) as Task;
    const nc = await rejection(
      c.cancelTask({ tenant: "", id: task.id, metadata: undefined } as never),
    );
    expect(nc.constructor.name).toMatch(/TaskNotCancelable/);
    const sub = await rejection(async () => {
      for await (const _ of c.resubscribeTask({ tenant: "", id: task.id } as never)) {
        // a terminal task has no stream
      }
    });
    expect(sub.constructor.name).toMatch(/UnsupportedOperation/);
  });
});
