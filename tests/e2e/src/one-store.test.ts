// One process, three bindings, one store: a task created over gRPC is read over REST and
// followed over JSON-RPC.
import { TaskState, userMessage } from "@agentmesh/a2a-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, fixture } from "./fixtures/index.js";
import { type TestServer, startTestServer } from "./test-server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(FIXTURES);
});
afterAll(async () => {
  await server?.close();
});

describe("one server, every binding, one task store", () => {
  it("creates over gRPC, reads over REST, subscribes over JSON-RPC", async () => {
    const grpc = fixture("grpc").createTransport(server.addresses);
    const rest = fixture("rest").createTransport(server.addresses);
    const jsonrpc = fixture("jsonrpc").createTransport(server.addresses);

    const { task } = await grpc.sendMessage({
      tenant: "shared",
      message: userMessage("slow shared"),
      configuration: { returnImmediately: true },
    });
    expect(task).toBeDefined();
    const read = await rest.getTask({ tenant: "shared", id: task!.id });
    expect(read.id).toBe(task!.id);
    expect(read.contextId).toBe(task!.contextId);

    const sub = jsonrpc.subscribeToTask({ tenant: "shared", id: task!.id })[Symbol.asyncIterator]();
    const first = await sub.next();
    expect(first.value?.task?.id).toBe(task!.id);

    const canceled = await rest.cancelTask({ tenant: "shared", id: task!.id });
    expect(canceled.status.state).toBe(TaskState.Canceled);
    const states: (string | undefined)[] = [];
    for (let r = await sub.next(); !r.done; r = await sub.next()) {
      states.push(r.value.statusUpdate?.status.state ?? r.value.task?.status.state);
    }
    expect(states).toContain(TaskState.Canceled);

    const listed = await grpc.listTasks({ tenant: "shared" });
    expect(listed.tasks.map((t) => t.id)).toContain(task!.id);
    expect((await jsonrpc.getTask({ tenant: "shared", id: task!.id })).status.state).toBe(
      TaskState.Canceled,
    );
  });
});
