// @agentmesh/a2a-client against the agentmesh server: every operation on every binding.
import {
  A2AError,
  type A2AClient,
  type ClientEvent,
  TaskFailedError,
  TaskRejectedError,
  createClient,
} from "@agentmesh/a2a-client/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH_HEADERS, type TestServer, startAgentmeshServer } from "./client-support.js";

let srv: TestServer;
beforeAll(async () => {
  srv = await startAgentmeshServer();
});
afterAll(async () => {
  await srv?.close();
});

async function collect(it: AsyncIterable<ClientEvent>): Promise<ClientEvent[]> {
  const out: ClientEvent[] = [];
  for await (const ev of it) out.push(ev);
  return out;
}

describe.each(["jsonrpc", "rest", "grpc"] as const)("%s", (prefer) => {
  let client: A2AClient;
  beforeAll(async () => {
    client = await createClient(srv.running.url, {
      prefer,
      reconnectBackoff: 10,
      headers: AUTH_HEADERS,
    });
  });
  afterAll(async () => {
    await client?.close();
  });

  it("discovers the card, uses the preferred binding and the extended card", () => {
    expect(client.binding).toBe(prefer);
    expect(client.publicCard.name).toBe("agentmesh-test");
    expect(client.card.name).toBe("agentmesh-test (extended)");
    if (prefer === "grpc") expect(client.agentInterface.url).toBe(srv.running.grpcAddress);
  });

  it("runs interceptors on every call (here: one that authenticates)", async () => {
    const seen: string[] = [];
    const viaInterceptor = await createClient(srv.running.url, {
      prefer,
      interceptors: [
        {
          before(call) {
            call.headers.set("authorization", AUTH_HEADERS.authorization);
            seen.push(call.method);
          },
        },
      ],
    });
    try {
      expect(viaInterceptor.card.name).toBe("agentmesh-test (extended)");
      await viaInterceptor.getTask("no-such-task").catch(() => {});
      expect(seen).toEqual(["GetExtendedAgentCard", "GetTask"]);
    } finally {
      await viaInterceptor.close();
    }
  });

  it("keeps the public card when the extended card is refused (no credentials)", async () => {
    const anonymous = await createClient(srv.running.url, { prefer });
    try {
      expect(anonymous.card.name).toBe("agentmesh-test");
      const err = await anonymous.getExtendedAgentCard().catch((e: unknown) => e);
      expect((err as A2AError).code).toBe("UNAUTHENTICATED");
    } finally {
      await anonymous.close();
    }
  });

  it("sendMessage returns the completed task with its artifact", async () => {
    const task = await client.sendMessage("hello there");
    expect("status" in task && task.status.state).toBe("TASK_STATE_COMPLETED");
    const parts = "artifacts" in task ? (task.artifacts?.[0]?.parts ?? []) : [];
    expect(parts.map((p) => ("text" in p ? p.text : "")).join("")).toBe("echo: hello there");
  });

  it("sendMessage returns a direct Message", async () => {
    const msg = await client.sendMessage("message ping");
    expect("role" in msg && msg.role).toBe("ROLE_AGENT");
  });

  it("stream yields typed events with a whole TextArtifact", async () => {
    const events = await collect(client.stream("hello stream"));
    const kinds = events.map((e) => e.kind);
    expect(kinds[0]).toBe("TaskSnapshot");
    expect(kinds).toContain("TaskArtifactUpdate");
    const text = events.find((e) => e.kind === "TextArtifact");
    expect(text?.kind === "TextArtifact" && text.text).toBe("echo: hello stream");
    const last = events.filter((e) => e.kind === "TaskStatusUpdate").at(-1);
    expect(last?.kind === "TaskStatusUpdate" && last.status.state).toBe("TASK_STATE_COMPLETED");
  });

  it("stream of a direct reply yields one Message", async () => {
    const events = await collect(client.stream("message hi"));
    expect(events.map((e) => e.kind)).toEqual(["Message"]);
  });

  it("raises TaskFailedError and TaskRejectedError carrying the task", async () => {
    const failed = await client.sendMessage("fail now").catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(TaskFailedError);
    expect((failed as TaskFailedError).task.status.state).toBe("TASK_STATE_FAILED");
    const rejected = await collect(client.stream("reject this")).catch((e: unknown) => e);
    expect(rejected).toBeInstanceOf(TaskRejectedError);
  });

  it("stops at INPUT_REQUIRED and continues the task with a follow-up", async () => {
    const first = await client.sendMessage("input please");
    if (!("status" in first)) throw new Error("expected a task");
    expect(first.status.state).toBe("TASK_STATE_INPUT_REQUIRED");
    const events = await collect(
      client.stream("more", { taskId: first.id, contextId: first.contextId ?? "" }),
    );
    const last = events.filter((e) => e.kind === "TaskStatusUpdate").at(-1);
    expect(last?.kind === "TaskStatusUpdate" && last.status.state).toBe("TASK_STATE_COMPLETED");
  });

  it("getTask, listTasks (every page), cancelTask and subscribeToTask", async () => {
    const done = await client.sendMessage("for listing");
    if (!("status" in done)) throw new Error("expected a task");
    const got = await client.getTask({ id: done.id, historyLength: 1 });
    expect(got.id).toBe(done.id);
    expect((got.history ?? []).length).toBeLessThanOrEqual(1);

    const all: string[] = [];
    for await (const t of client.listAllTasks({ pageSize: 1 })) all.push(t.id);
    expect(all).toContain(done.id);
    expect(new Set(all).size).toBe(all.length);
    const page = await client.listTasks({ pageSize: 1 });
    expect(page.tasks).toHaveLength(1);

    const slow = await client.sendMessage("slow one", { returnImmediately: true });
    if (!("status" in slow)) throw new Error("expected a task");
    const sub = client.subscribeToTask(slow.id)[Symbol.asyncIterator]();
    const first = await sub.next();
    expect(first.value?.kind).toBe("TaskSnapshot");
    const canceled = await client.cancelTask(slow.id);
    expect(canceled.status.state).toBe("TASK_STATE_CANCELED");
    const rest: ClientEvent[] = [];
    for (let r = await sub.next(); !r.done; r = await sub.next()) rest.push(r.value);
    const last = rest.filter((e) => e.kind === "TaskStatusUpdate").at(-1);
    expect(last?.kind === "TaskStatusUpdate" && last.status.state).toBe("TASK_STATE_CANCELED");
  });

  it("push notification config create / get / list / delete", async () => {
    const task = await client.sendMessage("input for push");
    if (!("status" in task)) throw new Error("expected a task");
    const created = await client.createTaskPushNotificationConfig({
      taskId: task.id,
      id: "cfg-1",
      url: "https://hooks.example.com/a2a",
      token: "tok",
    });
    expect(created).toMatchObject({
      taskId: task.id,
      id: "cfg-1",
      url: "https://hooks.example.com/a2a",
    });
    const got = await client.getTaskPushNotificationConfig({ taskId: task.id, id: "cfg-1" });
    expect(got.url).toBe("https://hooks.example.com/a2a");
    const list = await client.listTaskPushNotificationConfigs({ taskId: task.id });
    expect(list.configs?.map((c) => c.id)).toEqual(["cfg-1"]);
    await client.deleteTaskPushNotificationConfig({ taskId: task.id, id: "cfg-1" });
    const after = await client.listTaskPushNotificationConfigs({ taskId: task.id });
    expect(after.configs ?? []).toEqual([]);
    await client.cancelTask(task.id);
  });

  it("getExtendedAgentCard returns the extended card", async () => {
    const card = await client.getExtendedAgentCard();
    expect(card.name).toBe("agentmesh-test (extended)");
  });

  it("reports the server's errors as A2AError with the A2A code", async () => {
    const err = await client.getTask("no-such-task").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(A2AError);
    expect((err as A2AError).code).toBe("TASK_NOT_FOUND");
  });

  it("polls when streaming is turned off, yielding the same events", async () => {
    const polling = await createClient(srv.running.url, {
      prefer,
      streaming: false,
      pollingInterval: 20,
      headers: AUTH_HEADERS,
    });
    try {
      const events = await collect(polling.stream("hello poll"));
      expect(events[0]?.kind).toBe("TaskSnapshot");
      const text = events.find((e) => e.kind === "TextArtifact");
      expect(text?.kind === "TextArtifact" && text.text).toBe("echo: hello poll");
    } finally {
      await polling.close();
    }
  });
});
