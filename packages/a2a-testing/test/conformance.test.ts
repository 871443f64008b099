import * as nodeTest from "node:test";
import type { ClientTransport } from "@agentmesh/a2a-transport";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "@agentmesh/a2a-client/node";
import {
  ConformanceError,
  type ConformanceContext,
  type ConformanceRunner,
  conformanceCases,
  describeA2AConformance,
  echoAgent,
  startTestServer,
} from "../src/node.js";

// Our own server passes the whole suite on all three bindings.
for (const binding of ["jsonrpc", "rest", "grpc"] as const) {
  describeA2AConformance(
    {
      binding,
      createClient,
      async start() {
        const t = await startTestServer(echoAgent());
        return { cardUrl: t.url, close: () => t.close() };
      },
    },
    { describe, it, beforeAll, afterAll },
  );
}

describe("runners", () => {
  it("accepts node:test's functions as they are (type-checked by tsc)", () => {
    const runner: ConformanceRunner = {
      describe: nodeTest.describe,
      it: nodeTest.it,
      before: nodeTest.before,
      after: nodeTest.after,
    };
    expect(typeof runner.it).toBe("function");
    const vitestRunner: ConformanceRunner = { describe, it, beforeAll, afterAll };
    expect(typeof vitestRunner.beforeAll).toBe("function");
  });
});

describe("conformance cases catch violations", () => {
  it("fails a server that ignores historyLength 0", async () => {
    const c = conformanceCases.find((x) => x.id === "send.history-length-zero")!;
    const transport = {
      async sendMessage() {
        return {
          task: {
            id: "t",
            contextId: "c",
            status: { state: "TASK_STATE_COMPLETED" },
            history: [{ messageId: "m", role: "ROLE_USER", parts: [{ text: "x" }] }],
          },
        };
      },
    } as unknown as ClientTransport;
    const ctx = {
      transport,
      completingText: "hello",
      tenant: undefined,
    } as unknown as ConformanceContext;
    await expect(c.run(ctx)).rejects.toBeInstanceOf(ConformanceError);
    await expect(c.run(ctx)).rejects.toThrow(/§3.2.4/);
  });

  it("fails a server that answers an unknown task instead of TaskNotFound", async () => {
    const c = conformanceCases.find((x) => x.id === "get-task.not-found")!;
    const transport = {
      async getTask() {
        return { id: "ghost", status: { state: "TASK_STATE_COMPLETED" } };
      },
    } as unknown as ClientTransport;
    const ctx = { transport, tenant: undefined } as unknown as ConformanceContext;
    await expect(c.run(ctx)).rejects.toThrow(
      /expected error TASK_NOT_FOUND, but the call succeeded/,
    );
  });
});
