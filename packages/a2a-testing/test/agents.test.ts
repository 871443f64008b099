import { jsonRpcBinding } from "@agentmesh/a2a-jsonrpc";
import { grpcBinding } from "@agentmesh/a2a-grpc";
import { restBinding } from "@agentmesh/a2a-rest";
import { A2AServer, type AgentExecutor } from "@agentmesh/a2a-server";
import { A2AError } from "@agentmesh/a2a-transport";
import { getText, type Task } from "@agentmesh/a2a-types";
import { describe, expect, it } from "vitest";
import {
  artifactText,
  authRequiredAgent,
  collect,
  createTestClient,
  echoAgent,
  expectArtifactText,
  expectFinalState,
  expectStates,
  failingAgent,
  inputRequiredAgent,
  messageAgent,
  rejectingAgent,
  slowAgent,
  streamingAgent,
  throwingAgent,
} from "../src/index.js";

const agent = {
  name: "T",
  description: "test",
  version: "1",
  skills: [{ id: "s", name: "s", description: "s", tags: ["t"] }],
};
const server = (executor: AgentExecutor) =>
  new A2AServer(executor, { agent, bindings: [jsonRpcBinding(), restBinding(), grpcBinding()] });

for (const binding of ["jsonrpc", "rest", "grpc"] as const) {
  describe(`scripted agents in process over ${binding}`, () => {
    it("echoAgent completes with the text", async () => {
      const client = await createTestClient(server(echoAgent({ prefix: "echo: " })), { binding });
      const task = (await client.sendMessage("hi")) as Task;
      expectFinalState(task, "TASK_STATE_COMPLETED");
      expectArtifactText(task, "echo: hi", "echo");
    });

    it("streamingAgent streams N chunks of one artifact", async () => {
      const client = await createTestClient(server(streamingAgent({ chunks: 4 })), { binding });
      const events = await collect(client.stream("go"));
      expectStates(events, ["TASK_STATE_SUBMITTED", "TASK_STATE_WORKING", "TASK_STATE_COMPLETED"]);
      expect(events.filter((e) => e.kind === "TaskArtifactUpdate")).toHaveLength(4);
      expectArtifactText(events, "chunk 0 chunk 1 chunk 2 chunk 3", "stream");
    });

    it("inputRequiredAgent asks, then completes with the answer", async () => {
      const client = await createTestClient(server(inputRequiredAgent()), { binding });
      const first = (await client.sendMessage("hi")) as Task;
      expectFinalState(first, "TASK_STATE_INPUT_REQUIRED");
      expect(getText(first.status.message!)).toBe("What is your name?");
      const second = (await client.sendMessage("Ada", {
        taskId: first.id,
        contextId: first.contextId!,
      })) as Task;
      expectFinalState(second, "TASK_STATE_COMPLETED");
      expect(artifactText(second, "answer")).toBe("Hello, Ada!");
    });

    it("authRequiredAgent interrupts with AUTH_REQUIRED", async () => {
      const client = await createTestClient(server(authRequiredAgent()), {
        binding,
        throwOnTaskError: false,
      });
      const task = (await client.sendMessage("hi")) as Task;
      expectFinalState(task, "TASK_STATE_AUTH_REQUIRED");
    });

    it("failing, throwing and rejecting agents end FAILED / FAILED / REJECTED", async () => {
      for (const [executor, state] of [
        [failingAgent("nope"), "TASK_STATE_FAILED"],
        [throwingAgent(new Error("kaboom")), "TASK_STATE_FAILED"],
        [rejectingAgent("no way"), "TASK_STATE_REJECTED"],
      ] as const) {
        const client = await createTestClient(server(executor), {
          binding,
          throwOnTaskError: false,
        });
        const task = (await client.sendMessage("hi")) as Task;
        expectFinalState(task, state);
      }
    });

    it("messageAgent answers with a direct message", async () => {
      const client = await createTestClient(server(messageAgent((t) => t.toUpperCase())), {
        binding,
      });
      const reply = await client.sendMessage("shout");
      expect("role" in reply && getText(reply)).toBe("SHOUT");
    });

    it("slowAgent stops when canceled", async () => {
      const slow = slowAgent({ steps: 1000, stepMs: 10 });
      const client = await createTestClient(server(slow), { binding });
      const task = (await client.sendMessage("go", { returnImmediately: true })) as Task;
      const canceled = await client.cancelTask(task.id);
      expectFinalState(canceled, "TASK_STATE_CANCELED");
      expect(slow.stats.started).toBe(1);
      expect(slow.stats.finished).toBe(0);
    });
  });
}

describe("createTestClient", () => {
  it("refuses a binding the server does not expose, saying how to fix it", async () => {
    const s = new A2AServer(echoAgent(), { agent, bindings: [jsonRpcBinding()] });
    await expect(createTestClient(s, { binding: "grpc" })).rejects.toThrow(
      /add it to the server's `bindings`/,
    );
  });

  it("surfaces protocol errors as A2AError", async () => {
    const client = await createTestClient(server(echoAgent()), { binding: "rest" });
    await expect(client.getTask("nope")).rejects.toBeInstanceOf(A2AError);
  });
});
