// @agentmesh/a2a-client against a server built with @a2a-js/sdk (the official JS SDK):
// every operation on JSON-RPC, REST and gRPC.
import {
  A2AError,
  type A2AClient,
  type ClientEvent,
  createClient,
} from "@agentmesh/a2a-client/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SdkServer, startSdkServer } from "./sdk-server.js";

let sdk: SdkServer;
beforeAll(async () => {
  sdk = await startSdkServer();
});
afterAll(async () => {
  await sdk?.close();
});

async function collect(it: AsyncIterable<ClientEvent>): Promise<ClientEvent[]> {
  const out: ClientEvent[] = [];
  for await (const ev of it) out.push(ev);
  return out;
}

describe.each(["jsonrpc", "rest", "grpc"] as const)("%s", (prefer) => {
  let client: A2AClient;
  beforeAll(async () => {
    client = await createClient(sdk.httpBaseUrl, { prefer, reconnectBackoff: 10 });
  });
  afterAll(async () => {
    await client?.close();
  });

  it("discovers the SDK's card and picks the binding", () => {
    expect(client.binding).toBe(prefer);
    expect(client.card.name).toBe("sdk-echo");
    if (prefer === "grpc") expect(client.agentInterface.url).toBe(sdk.grpcAddress);
  });

  it("sendMessage returns the completed task, or a direct Message", async () => {
    const task = await client.sendMessage("hello sdk");
    expect("status" in task && task.status.state).toBe("TASK_STATE_COMPLETED");
    const parts = "artifacts" in task ? (task.artifacts?.[0]?.parts ?? []) : [];
    expect(parts.map((p) => ("text" in p ? p.text : "")).join("")).toBe("echo: hello sdk");
    const msg = await client.sendMessage("message hi");
    expect("role" in msg && msg.role).toBe("ROLE_AGENT");
  });

  it("stream yields typed events and a whole TextArtifact", async () => {
    const events = await collect(client.stream("hello stream"));
    expect(events[0]?.kind).toBe("TaskSnapshot");
    const text = events.find((e) => e.kind === "TextArtifact");
    expect(text?.kind === "TextArtifact" && text.text).toBe("echo: hello stream");
    const last = events.filter((e) => e.kind === "TaskStatusUpdate").at(-1);
    expect(last?.kind === "TaskStatusUpdate" && last.status.state).toBe("TASK_STATE_COMPLETED");
    expect((await collect(client.stream("message x"))).map((e) => e.kind)).toEqual(["Message"]);
  });

  it("stops at INPUT_REQUIRED", async () => {
    const task = await client.sendMessage("input please");
    expect("status" in task && task.status.state).toBe("TASK_STATE_INPUT_REQUIRED");
  });

  it("getTask, listTasks over every page, subscribeToTask and cancelTask", async () => {
    const done = await client.sendMessage("to list");
    if (!("status" in done)) throw new Error("expected a task");
    expect((await client.getTask(done.id)).id).toBe(done.id);
    const ids: string[] = [];
    for await (const t of client.listAllTasks({ pageSize: 1 })) ids.push(t.id);
    expect(ids).toContain(done.id);

    const slow = await client.sendMessage("slow task", { returnImmediately: true });
    if (!("status" in slow)) throw new Error("expected a task");
    const sub = client.subscribeToTask(slow.id)[Symbol.asyncIterator]();
    expect((await sub.next()).value?.kind).toBe("TaskSnapshot");
    const canceled = await client.cancelTask(slow.id);
    expect(canceled.id).toBe(slow.id);
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
    });
    expect(created.url).toBe("https://hooks.example.com/a2a");
    const got = await client.getTaskPushNotificationConfig({ taskId: task.id, id: "cfg-1" });
    expect(got.url).toBe("https://hooks.example.com/a2a");
    const list = await client.listTaskPushNotificationConfigs({ taskId: task.id });
    expect(list.configs?.map((c) => c.id)).toContain("cfg-1");
    await client.deleteTaskPushNotificationConfig({ taskId: task.id, id: "cfg-1" });
    const after = await client.listTaskPushNotificationConfigs({ taskId: task.id });
    expect((after.configs ?? []).map((c) => c.id)).not.toContain("cfg-1");
  });

  it("getExtendedAgentCard and unknown tasks give the SDK's A2A errors", async () => {
    const card = await client.getExtendedAgentCard().catch((e: unknown) => e);
    expect(card).toBeInstanceOf(A2AError);
    expect((card as A2AError).code).toBe("UNSUPPORTED_OPERATION");
    const missing = await client.getTask("no-such-task").catch((e: unknown) => e);
    expect((missing as A2AError).code).toBe("TASK_NOT_FOUND");
  });
});
