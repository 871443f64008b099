import { A2AError, A2AErrorCode } from "@agentmesh/a2a-transport";
import type { StreamResponse } from "@agentmesh/a2a-types";
import { describe, expect, it } from "vitest";
import { FakeAgent, testCard } from "../test/fake-transport.js";
import { createClientFromCard } from "./create-client.js";
import { ReconnectError, TaskAuthRequiredError } from "./errors.js";
import type { ClientEvent } from "./events.js";

const T = "t-1";
const C = "c-1";
const status = (state: string, timestamp: string): StreamResponse => ({
  statusUpdate: {
    taskId: T,
    contextId: C,
    status: { state: state as "TASK_STATE_WORKING", timestamp },
  },
});

async function collect(it: AsyncIterable<ClientEvent>): Promise<ClientEvent[]> {
  const out: ClientEvent[] = [];
  for await (const ev of it) out.push(ev);
  return out;
}

const states = (events: ClientEvent[]) =>
  events.flatMap((e) =>
    e.kind === "TaskStatusUpdate"
      ? [e.status.state]
      : e.kind === "TaskSnapshot"
        ? [e.task.status.state]
        : [],
  );

describe("interrupted tasks", () => {
  it("a follow-up to an input-required task goes past the stale first snapshot", async () => {
    const agent = new FakeAgent([
      {
        task: {
          id: T,
          contextId: C,
          status: { state: "TASK_STATE_INPUT_REQUIRED", timestamp: "2026-01-01T00:00:00.000Z" },
        },
      },
      status("TASK_STATE_WORKING", "2026-01-01T00:00:01.000Z"),
      status("TASK_STATE_COMPLETED", "2026-01-01T00:00:02.000Z"),
    ]);
    const client = await createClientFromCard(testCard(), {
      jsonRpcTransport: () => agent.transport(),
    });
    const events = await collect(client.stream("answer", { taskId: T }));
    expect(states(events)).toEqual([
      "TASK_STATE_INPUT_REQUIRED",
      "TASK_STATE_WORKING",
      "TASK_STATE_COMPLETED",
    ]);
  });

  it("a new message stops at INPUT_REQUIRED", async () => {
    const agent = new FakeAgent([
      { task: { id: T, contextId: C, status: { state: "TASK_STATE_SUBMITTED" } } },
      status("TASK_STATE_INPUT_REQUIRED", "2026-01-01T00:00:01.000Z"),
      status("TASK_STATE_COMPLETED", "2026-01-01T00:00:02.000Z"),
    ]);
    const client = await createClientFromCard(testCard(), {
      jsonRpcTransport: () => agent.transport(),
    });
    const events = await collect(client.stream("start"));
    expect(states(events)).toEqual(["TASK_STATE_SUBMITTED", "TASK_STATE_INPUT_REQUIRED"]);
  });

  it("with inputRequiredTimeout it keeps following the task through the interruption", async () => {
    const agent = new FakeAgent([
      { task: { id: T, contextId: C, status: { state: "TASK_STATE_SUBMITTED" } } },
      status("TASK_STATE_INPUT_REQUIRED", "2026-01-01T00:00:01.000Z"),
      status("TASK_STATE_WORKING", "2026-01-01T00:00:02.000Z"),
      status("TASK_STATE_COMPLETED", "2026-01-01T00:00:03.000Z"),
    ]);
    const client = await createClientFromCard(testCard(), {
      jsonRpcTransport: () => agent.transport(),
      inputRequiredTimeout: 5_000,
    });
    const events = await collect(client.stream("start"));
    expect(states(events).at(-1)).toBe("TASK_STATE_COMPLETED");
  });

  it("AUTH_REQUIRED throws TaskAuthRequiredError (the stream may stay open)", async () => {
    const agent = new FakeAgent([
      { task: { id: T, contextId: C, status: { state: "TASK_STATE_SUBMITTED" } } },
      status("TASK_STATE_AUTH_REQUIRED", "2026-01-01T00:00:01.000Z"),
    ]);
    const client = await createClientFromCard(testCard(), {
      jsonRpcTransport: () => agent.transport(),
    });
    const err = await collect(client.stream("start")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TaskAuthRequiredError);
    expect((err as TaskAuthRequiredError).code).toBe("UNAUTHENTICATED");
  });
});

describe("subscribeToTask", () => {
  it("starts with a TaskSnapshot and follows to the end", async () => {
    const agent = new FakeAgent();
    const client = await createClientFromCard(testCard(), {
      jsonRpcTransport: () => agent.transport(),
    });
    await client.sendMessage("go", { returnImmediately: true });
    const events = await collect(client.subscribeToTask("t-1"));
    expect(events[0]?.kind).toBe("TaskSnapshot");
    expect(states(events).at(-1)).toBe("TASK_STATE_COMPLETED");
    expect(events.filter((e) => e.kind === "TextArtifact")).toHaveLength(1);
  });

  it("retries when the first connection breaks before any event (the task id is known)", async () => {
    const agent = new FakeAgent();
    const client = await createClientFromCard(testCard(), {
      jsonRpcTransport: () => agent.transport(),
      reconnectBackoff: 1,
    });
    await client.sendMessage("go", { returnImmediately: true });
    agent.cuts = [0]; // the first subscription dies before its first event
    const events = await collect(client.subscribeToTask("t-1"));
    expect(agent.subscribeCalls).toHaveLength(2);
    expect(events.filter((e) => e.kind === "TaskSnapshot")).toHaveLength(1);
    expect(states(events).at(-1)).toBe("TASK_STATE_COMPLETED");
  });

  it("an unknown task fails with TaskNotFound, not a reconnect", async () => {
    const agent = new FakeAgent();
    const client = await createClientFromCard(testCard(), {
      jsonRpcTransport: () => agent.transport(),
    });
    const err = await collect(client.subscribeToTask("nope")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(A2AError);
    expect((err as A2AError).code).toBe(A2AErrorCode.TaskNotFound);
    expect(agent.subscribeCalls).toHaveLength(1);
  });

  it("polling gives up with ReconnectError after consecutive failed polls", async () => {
    const agent = new FakeAgent();
    const client = await createClientFromCard(testCard({ streaming: false }), {
      jsonRpcTransport: () => {
        const t = agent.transport();
        let calls = 0;
        return {
          ...t,
          getTask: async (req, opts) => {
            if (++calls > 1) throw new Error("connection reset");
            return t.getTask(req, opts);
          },
        };
      },
      pollingInterval: 1,
      maxReconnects: 2,
    });
    await client.sendMessage("go", { returnImmediately: true });
    const err = await collect(client.subscribeToTask("t-1")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReconnectError);
    expect((err as ReconnectError).attempts).toBe(2);
  });
});
