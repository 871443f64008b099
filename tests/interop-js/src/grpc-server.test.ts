// The gRPC client of @a2a-js/sdk (@grpc/grpc-js, through its `Client`, which adds the
// `a2a-version` metadata) against our server's native gRPC listener (grpcBinding() from
// @agentmesh/a2a-grpc/node, served by serve()): every operation, errors included.
import { type AgentCard, type Message, Role, type Task, TaskState } from "@a2a-js/sdk";
import { Client } from "@a2a-js/sdk/client";
import { GrpcTransportFactory } from "@a2a-js/sdk/client/grpc";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OurGrpcServer, startOurGrpcServer } from "./grpc-our-server.js";

let ours: OurGrpcServer;
let client: Client;
let card: AgentCard;

beforeAll(async () => {
  ours = await startOurGrpcServer();
  card = (await (
    await fetch(ours.running.cardUrl, { headers: { "A2A-Version": "1.0" } })
  ).json()) as AgentCard;
  const grpcIface = card.supportedInterfaces.find((i) => i.protocolBinding === "GRPC");
  // Our card advertises the gRPC interface as host:port, which grpc-js dials as is.
  expect(grpcIface?.url).toBe(ours.running.grpcAddress);
  const transport = await new GrpcTransportFactory().create(grpcIface?.url as string, card);
  client = new Client(transport, card);
});
afterAll(async () => {
  await ours?.close();
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

function isTask(r: Message | Task): r is Task {
  return "status" in r && r.status !== undefined;
}

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

describe("@a2a-js/sdk gRPC client → our gRPC server", () => {
  it("SendMessage: a completed task with the echo artifact, and a direct message", async () => {
    const res = await client.sendMessage(send("hello"));
    expect(isTask(res)).toBe(true);
    const task = res as Task;
    expect(task.status?.state).toBe(TaskState.TASK_STATE_COMPLETED);
    const text = task.artifacts[0]?.parts
      .map((p) => (p.content?.$case === "text" ? p.content.value : ""))
      .join("");
    expect(text).toBe("echo: hello");
    const direct = await client.sendMessage(send("message hi"));
    expect(isTask(direct)).toBe(false);
    expect((direct as Message).parts[0]?.content).toEqual({
      $case: "text",
      value: "echo: message hi",
    });
  });

  it("SendStreamingMessage: task first, then updates, closes at the terminal state", async () => {
    const cases: string[] = [];
    let last: unknown;
    for await (const ev of client.sendMessageStream(send("stream me"))) {
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
    const task = (await client.sendMessage(send("for get"))) as Task;
    const got = await client.getTask({ tenant: "", id: task.id, historyLength: 1 } as never);
    expect(got.id).toBe(task.id);
    expect(got.history.length).toBeLessThanOrEqual(1);
    const list = await client.listTasks({
      tenant: "",
      contextId: "",
      status: TaskState.TASK_STATE_UNSPECIFIED,
      pageSize: 100,
      pageToken: "",
      historyLength: undefined,
      statusTimestampAfter: undefined,
      includeArtifacts: undefined,
    } as never);
    expect(list.tasks.some((x) => x.id === task.id)).toBe(true);
  });

  it("SubscribeToTask and CancelTask on a running task", async () => {
    const task = (await client.sendMessage(send("slow one", true))) as Task;
    const sub = client
      .resubscribeTask({ tenant: "", id: task.id } as never)
      [Symbol.asyncIterator]();
    const first = await sub.next();
    expect(first.value?.payload?.$case).toBe("task");
    const canceled = await client.cancelTask({
      tenant: "",
      id: task.id,
      metadata: undefined,
    } as never);
    expect(canceled.id).toBe(task.id);
    const states: number[] = [];
    for (let r = await sub.next(); !r.done; r = await sub.next()) {
      const p = r.value.payload;
      if (p?.$case === "statusUpdate") states.push(p.value.status?.state ?? -1);
      if (p?.$case === "task") states.push(p.value.status?.state ?? -1);
    }
    expect(states).toContain(TaskState.TASK_STATE_CANCELED);
  });

  it("push notification config CRUD", async () => {
    const task = (await client.sendMessage(send("slow push", true))) as Task;
    const created = await client.createTaskPushNotificationConfig({
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
    const got = await client.getTaskPushNotificationConfig({
      tenant: "",
      taskId: task.id,
      id: "cfg-1",
    } as never);
    expect(got.token).toBe("tok");
    const list = await client.listTaskPushNotificationConfig({
      tenant: "",
      taskId: task.id,
      pageSize: 0,
      pageToken: "",
    } as never);
    expect(list.configs.map((c) => c.id)).toEqual(["cfg-1"]);
    await client.deleteTaskPushNotificationConfig({
      tenant: "",
      taskId: task.id,
      id: "cfg-1",
    } as never);
    const after = await client.listTaskPushNotificationConfig({
      tenant: "",
      taskId: task.id,
      pageSize: 0,
      pageToken: "",
    } as never);
    expect(after.configs).toEqual([]);
    await client.cancelTask({ tenant: "", id: task.id, metadata: undefined } as never);
  });

  it("GetExtendedAgentCard without credentials: UNAUTHENTICATED, message intact (§3.1.11)", async () => {
    // The server has no authenticator, so every caller is anonymous and the extended card
    // (which needs authentication) is refused. grpc-js decodes grpc-message with decodeURI:
    // our h2 handler re-encodes it minimally, so "callers; authenticate" arrives unmangled.
    const err = await rejection(client.getAgentCard());
    expect(err.message).toContain("16");
    expect(err.message).toContain("callers; authenticate");
  });

  it("our errors reach the SDK as its typed errors (ErrorInfo reason in grpc-status-details-bin)", async () => {
    const nf = await rejection(client.getTask({ tenant: "", id: "no-such-task" } as never));
    expect(nf.constructor.name).toMatch(/TaskNotFound/);
    const task = (await client.sendMessage(send("done"))) as Task;
    const nc = await rejection(
      client.cancelTask({ tenant: "", id: task.id, metadata: undefined } as never),
    );
    expect(nc.constructor.name).toMatch(/TaskNotCancelable/);
    const sub = await rejection(async () => {
      for await (const _ of client.resubscribeTask({ tenant: "", id: task.id } as never)) {
        // a terminal task has no stream
      }
    });
    expect(sub.constructor.name).toMatch(/UnsupportedOperation/);
  });

  it("§3.6.2: a call without a2a-version means 0.3, which our server refuses with VERSION_NOT_SUPPORTED", async () => {
    // The SDK's `Client` adds `A2A-Version` (see above); its bare `GrpcTransport` sends only
    // the service parameters it is given, so a call through it asks for 0.3.
    const bare = await new GrpcTransportFactory().create(ours.running.grpcAddress as string, card);
    const err = await rejection(bare.getTask({ tenant: "", id: "x" } as never));
    expect(err.constructor.name).toMatch(/VersionNotSupported/);
    const ok = await rejection(
      bare.getTask({ tenant: "", id: "x" } as never, {
        serviceParameters: { "A2A-Version": "1.0" },
      }),
    );
    expect(ok.constructor.name).toMatch(/TaskNotFound/);
  });
});
