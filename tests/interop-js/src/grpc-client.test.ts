// Our gRPC client transport (@agentmesh/a2a-grpc/node, Connect over HTTP/2) against the gRPC
// server of @a2a-js/sdk (@grpc/grpc-js): every operation, errors included.
import { createGrpcTransport } from "@agentmesh/a2a-grpc/node";
import { A2AError, A2AErrorCode, type ClientTransport } from "@agentmesh/a2a-transport";
import { type StreamResponse, TaskState, userMessage } from "@agentmesh/a2a-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SdkServer, startSdkServer } from "./sdk-server.js";

let sdk: SdkServer;
let t: ClientTransport;
beforeAll(async () => {
  sdk = await startSdkServer({ grpc: true });
  // The SDK's card advertises the gRPC interface as `host:port` (as the proto documents it).
  t = createGrpcTransport({ url: sdk.grpcAddress as string });
});
afterAll(async () => {
  await t?.close?.();
  await sdk?.close();
});

async function collect(it: AsyncIterable<StreamResponse>): Promise<StreamResponse[]> {
  const out: StreamResponse[] = [];
  for await (const ev of it) out.push(ev);
  return out;
}

async function expectA2AError(p: Promise<unknown>, code: A2AErrorCode): Promise<A2AError> {
  const err = await p.then(
    () => {
      throw new Error(`expected ${code}, got success`);
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(A2AError);
  expect((err as A2AError).code).toBe(code);
  return err as A2AError;
}

describe("our gRPC transport → @a2a-js/sdk gRPC server", () => {
  it("SendMessage: a completed task, and a direct message", async () => {
    const res = await t.sendMessage({ message: userMessage("hello") });
    expect(res.task?.status.state).toBe(TaskState.Completed);
    expect(res.task?.artifacts?.[0]?.parts[0]).toEqual({ text: "echo: hello" });
    expect(res.task?.status.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const direct = await t.sendMessage({ message: userMessage("message hi") });
    expect(direct.message?.parts[0]).toEqual({ text: "echo: message hi" });
    expect(direct.message?.role).toBe("ROLE_AGENT");
  });

  it("SendStreamingMessage: task first, then updates, closes at the terminal state", async () => {
    const events = await collect(t.sendStreamingMessage({ message: userMessage("stream me") }));
    expect(events[0]?.task).toBeDefined();
    expect(events.at(-1)?.statusUpdate?.status.state).toBe(TaskState.Completed);
    const art = events.find((e) => e.artifactUpdate);
    expect(art?.artifactUpdate?.artifact.parts[0]).toEqual({ text: "echo: stream me" });
    expect(art?.artifactUpdate?.lastChunk).toBe(true);
  });

  it("GetTask (historyLength) and ListTasks (filters)", async () => {
    const { task } = await t.sendMessage({ message: userMessage("for get") });
    const id = task?.id as string;
    const got = await t.getTask({ id, historyLength: 1 });
    expect(got.id).toBe(id);
    expect(got.status.state).toBe(TaskState.Completed);
    expect(got.history?.length ?? 0).toBeLessThanOrEqual(1);
    const list = await t.listTasks({ pageSize: 100 });
    expect(list.tasks.some((x) => x.id === id)).toBe(true);
    expect(typeof list.nextPageToken).toBe("string");
    const filtered = await t.listTasks({
      contextId: task?.contextId as string,
      status: "TASK_STATE_COMPLETED",
    });
    expect(filtered.tasks.map((x) => x.id)).toContain(id);
  });

  it("SubscribeToTask and CancelTask on a running task", async () => {
    const { task } = await t.sendMessage({
      message: userMessage("slow one"),
      configuration: { returnImmediately: true },
    });
    const id = task?.id as string;
    const sub = t.subscribeToTask({ id })[Symbol.asyncIterator]();
    const first = await sub.next();
    expect(first.value?.task?.id).toBe(id);
    const canceled = await t.cancelTask({ id });
    expect(canceled.id).toBe(id);
    const rest: StreamResponse[] = [];
    for (let r = await sub.next(); !r.done; r = await sub.next()) rest.push(r.value);
    const states = rest.map((e) => e.statusUpdate?.status.state ?? e.task?.status.state);
    expect(states).toContain(TaskState.Canceled);
    expect((await t.getTask({ id })).status.state).toBe(TaskState.Canceled);
  });

  it("breaking out of a stream cancels it, and the transport keeps working", async () => {
    const { task } = await t.sendMessage({
      message: userMessage("slow break"),
      configuration: { returnImmediately: true },
    });
    const id = task?.id as string;
    for await (const e of t.subscribeToTask({ id })) {
      expect(e.task?.id).toBe(id);
      break;
    }
    expect((await t.cancelTask({ id })).id).toBe(id);
  });

  it("push notification config CRUD", async () => {
    const { task } = await t.sendMessage({
      message: userMessage("slow push"),
      configuration: { returnImmediately: true },
    });
    const id = task?.id as string;
    const created = await t.createTaskPushNotificationConfig({
      taskId: id,
      id: "cfg-1",
      url: "https://hooks.example.com/a2a",
      token: "tok",
      authentication: { scheme: "Bearer", credentials: "s3cr3t" },
    });
    expect(created).toMatchObject({
      taskId: id,
      id: "cfg-1",
      url: "https://hooks.example.com/a2a",
    });
    const got = await t.getTaskPushNotificationConfig({ taskId: id, id: "cfg-1" });
    expect(got.authentication).toEqual({ scheme: "Bearer", credentials: "s3cr3t" });
    const list = await t.listTaskPushNotificationConfigs({ taskId: id });
    expect(list.configs?.map((c) => c.id)).toEqual(["cfg-1"]);
    await t.deleteTaskPushNotificationConfig({ taskId: id, id: "cfg-1" });
    const after = await t.listTaskPushNotificationConfigs({ taskId: id });
    expect(after.configs ?? []).toEqual([]);
    await t.cancelTask({ id });
  });

  it("errors come back as A2AError with the code and ErrorInfo reason the SDK sent", async () => {
    const nf = await expectA2AError(t.getTask({ id: "no-such-task" }), A2AErrorCode.TaskNotFound);
    expect(nf.reason).toBe("TASK_NOT_FOUND");
    await expectA2AError(t.cancelTask({ id: "no-such-task" }), A2AErrorCode.TaskNotFound);
    const { task } = await t.sendMessage({ message: userMessage("done soon") });
    // §3.1.6: subscribing to a terminal task is UnsupportedOperationError.
    await expectA2AError(
      collect(t.subscribeToTask({ id: task?.id as string })),
      A2AErrorCode.UnsupportedOperation,
    );
    // §3.1.5: a terminal task cannot be canceled.
    await expectA2AError(t.cancelTask({ id: task?.id as string }), A2AErrorCode.TaskNotCancelable);
    // capabilities.extendedAgentCard is false → UnsupportedOperationError (§3.1.11).
    await expectA2AError(t.getExtendedAgentCard({}), A2AErrorCode.UnsupportedOperation);
  });
});
