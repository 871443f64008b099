// Our JSON-RPC and REST client transports against a server built with @a2a-js/sdk: every
// operation, errors included. (gRPC: grpc-*.test.ts, owned by the gRPC binding.)
import { A2AError, A2AErrorCode, type ClientTransport } from "@agentmesh/a2a-transport";
import { createJsonRpcTransport } from "@agentmesh/a2a-jsonrpc";
import { createRestTransport } from "@agentmesh/a2a-rest";
import { type StreamResponse, TaskState, userMessage } from "@agentmesh/a2a-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SdkServer, startSdkServer } from "./sdk-server.js";

let sdk: SdkServer;
beforeAll(async () => {
  sdk = await startSdkServer({ grpc: false });
});
afterAll(async () => {
  await sdk?.close();
});

const bindings: [string, () => ClientTransport][] = [
  ["JSON-RPC", () => createJsonRpcTransport({ url: sdk.jsonRpcUrl })],
  ["REST", () => createRestTransport({ url: sdk.restUrl })],
];

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

describe.each(bindings)("our %s transport → @a2a-js/sdk server", (_name, make) => {
  it("SendMessage: a completed task, and a direct message", async () => {
    const t = make();
    const res = await t.sendMessage({ message: userMessage("hello") });
    expect(res.task?.status.state).toBe(TaskState.Completed);
    expect(res.task?.artifacts?.[0]?.parts[0]).toEqual({ text: "echo: hello" });
    const direct = await t.sendMessage({ message: userMessage("message hi") });
    expect(direct.message?.parts[0]).toEqual({ text: "echo: message hi" });
  });

  it("SendStreamingMessage: task first, then updates, closes at the terminal state", async () => {
    const events = await collect(
      make().sendStreamingMessage({ message: userMessage("stream me") }),
    );
    expect(events[0]?.task).toBeDefined();
    const last = events.at(-1)!;
    expect(last.statusUpdate?.status.state).toBe(TaskState.Completed);
    const art = events.find((e) => e.artifactUpdate)!;
    expect(art.artifactUpdate!.artifact.parts[0]).toEqual({ text: "echo: stream me" });
  });

  it("GetTask and ListTasks", async () => {
    const t = make();
    const { task } = await t.sendMessage({ message: userMessage("for get") });
    const got = await t.getTask({ id: task!.id, historyLength: 1 });
    expect(got.id).toBe(task!.id);
    expect(got.status.state).toBe(TaskState.Completed);
    const list = await t.listTasks({ pageSize: 100 });
    expect(list.tasks.some((x) => x.id === task!.id)).toBe(true);
    expect(typeof list.nextPageToken).toBe("string");
    const filtered = await t.listTasks({ contextId: task!.contextId! });
    expect(filtered.tasks.map((x) => x.id)).toContain(task!.id);
  });

  it("CancelTask and SubscribeToTask on a running task", async () => {
    const t = make();
    const { task } = await t.sendMessage({
      message: userMessage("slow one"),
      configuration: { returnImmediately: true },
    });
    expect(task).toBeDefined();
    const sub = t.subscribeToTask({ id: task!.id })[Symbol.asyncIterator]();
    const first = await sub.next();
    expect(first.value?.task?.id).toBe(task!.id);
    const canceled = await t.cancelTask({ id: task!.id });
    expect(canceled.id).toBe(task!.id);
    const rest: StreamResponse[] = [];
    for (let r = await sub.next(); !r.done; r = await sub.next()) rest.push(r.value);
    const states = rest.map((e) => e.statusUpdate?.status.state ?? e.task?.status.state);
    expect(states).toContain(TaskState.Canceled);
    const final = await t.getTask({ id: task!.id });
    expect(final.status.state).toBe(TaskState.Canceled);
  });

  it("errors come back as A2AError with code and reason", async () => {
    const t = make();
    const nf = await expectA2AError(t.getTask({ id: "no-such-task" }), A2AErrorCode.TaskNotFound);
    expect(nf.reason).toBe("TASK_NOT_FOUND");
    await expectA2AError(t.cancelTask({ id: "no-such-task" }), A2AErrorCode.TaskNotFound);
    const { task } = await t.sendMessage({ message: userMessage("done soon") });
    // §3.1.6: subscribing to a terminal task is UnsupportedOperationError.
    await expectA2AError(
      collect(t.subscribeToTask({ id: task!.id })),
      A2AErrorCode.UnsupportedOperation,
    );
    // §3.1.5: a terminal task cannot be canceled.
    await expectA2AError(t.cancelTask({ id: task!.id }), A2AErrorCode.TaskNotCancelable);
    // capabilities.extendedAgentCard is false → UnsupportedOperationError (§3.1.11).
    await expectA2AError(t.getExtendedAgentCard({}), A2AErrorCode.UnsupportedOperation);
  });

  it("push notification config CRUD", async () => {
    const t = make();
    const { task } = await t.sendMessage({
      message: userMessage("slow push"),
      configuration: { returnImmediately: true },
    });
    const id = task!.id;
    const created = await t.createTaskPushNotificationConfig({
      taskId: id,
      id: "cfg-1",
      url: "https://hooks.example.com/a2a",
      token: "tok",
    });
    expect(created).toMatchObject({
      taskId: id,
      id: "cfg-1",
      url: "https://hooks.example.com/a2a",
    });
    const got = await t.getTaskPushNotificationConfig({ taskId: id, id: "cfg-1" });
    expect(got.url).toBe("https://hooks.example.com/a2a");
    const list = await t.listTaskPushNotificationConfigs({ taskId: id });
    expect(list.configs?.map((c) => c.id)).toEqual(["cfg-1"]);
    await t.deleteTaskPushNotificationConfig({ taskId: id, id: "cfg-1" });
    const after = await t.listTaskPushNotificationConfigs({ taskId: id });
    expect(after.configs ?? []).toEqual([]);
    await t.cancelTask({ id });
  });
});
