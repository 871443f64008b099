import { A2AError } from "@agentmesh/a2a-transport";
import { describe, expect, it } from "vitest";
import { card, collect, ctx, kind, userMsg } from "../test/helpers.js";
import { createRequestHandler } from "./request-handler.js";

describe("executor failures", () => {
  it("an executor that throws after working ends FAILED with a message; the server keeps serving", async () => {
    const errors: unknown[] = [];
    const h = createRequestHandler({
      agentCard: card,
      onError: (e) => errors.push(e),
      executor: async (_c, e) => {
        await e.working();
        throw new TypeError("kaput");
      },
    });
    const events = await collect(h.sendStreamingMessage({ message: userMsg("a") }, ctx()));
    expect(events.map(kind)).toEqual([
      "task:TASK_STATE_SUBMITTED",
      "status:TASK_STATE_WORKING",
      "status:TASK_STATE_FAILED",
    ]);
    const failed = events[2]!.statusUpdate!.status;
    expect(failed.message?.role).toBe("ROLE_AGENT");
    expect(failed.message?.parts[0]).toEqual({
      text: "The agent failed while working on this task",
    });
    expect(errors).toHaveLength(1);
    const again = await h.sendMessage({ message: userMsg("b") }, ctx());
    expect(again.task?.status.state).toBe("TASK_STATE_FAILED");
  });

  it("an executor that never finishes is aborted at the execution timeout and the task FAILS", async () => {
    let sawAbort = false;
    const h = createRequestHandler({
      agentCard: card,
      executionTimeoutMs: 50,
      onError: () => {},
      executor: async (c, e) => {
        await e.working();
        c.signal.addEventListener("abort", () => {
          sawAbort = true;
        });
        await new Promise(() => {}); // ignores abort, never returns
      },
    });
    const res = await h.sendMessage({ message: userMsg("a") }, ctx());
    expect(res.task?.status.state).toBe("TASK_STATE_FAILED");
    expect(res.task?.status.message?.parts[0]).toEqual({
      text: "The agent did not finish within 50 ms",
    });
    expect(sawAbort).toBe(true);
    // the execution is released: the task is terminal and a follow-up is refused as such
    await expect(
      h.sendMessage({ message: userMsg("b", { taskId: res.task!.id }) }, ctx()),
    ).rejects.toSatisfy(
      (e: unknown) => e instanceof A2AError && e.code === "UNSUPPORTED_OPERATION",
    );
  });

  it("an executor that returns without finishing the task ends it FAILED", async () => {
    const h = createRequestHandler({
      agentCard: card,
      executor: { execute: async (_c, e) => e.working() },
    });
    const res = await h.sendMessage({ message: userMsg("a") }, ctx());
    expect(res.task?.status.state).toBe("TASK_STATE_FAILED");
    expect(res.task?.status.message?.parts[0]).toEqual({
      text: "The agent stopped without finishing the task",
    });
  });

  it("an executor that publishes nothing → InvalidAgentResponse", async () => {
    const h = createRequestHandler({ agentCard: card, executor: { execute: async () => {} } });
    await expect(h.sendMessage({ message: userMsg("a") }, ctx())).rejects.toSatisfy(
      (e: unknown) => e instanceof A2AError && e.code === "INVALID_AGENT_RESPONSE",
    );
  });

  it("reply() after a task exists fails the task; events after the end are ignored", async () => {
    const h = createRequestHandler({
      agentCard: card,
      onError: () => {},
      executor: async (_c, e) => {
        await e.working();
        await e.reply("too late");
      },
    });
    expect((await h.sendMessage({ message: userMsg("a") }, ctx())).task?.status.state).toBe(
      "TASK_STATE_FAILED",
    );
    const late = createRequestHandler({
      agentCard: card,
      executor: async (_c, e) => {
        await e.complete("first");
        await e.fail("second");
        await e.artifact("ignored");
      },
    });
    const res = await late.sendMessage({ message: userMsg("a") }, ctx());
    expect(res.task?.status.state).toBe("TASK_STATE_COMPLETED");
    expect(res.task).not.toHaveProperty("artifacts");
  });

  it("close() fails running tasks and refuses new messages", async () => {
    let signal: AbortSignal | undefined;
    const h = createRequestHandler({
      agentCard: card,
      executor: async (c, e) => {
        signal = c.signal;
        await e.working();
        await new Promise(() => {});
      },
    });
    const res = await h.sendMessage(
      { message: userMsg("a"), configuration: { returnImmediately: true } },
      ctx(),
    );
    await h.close();
    expect(signal?.aborted).toBe(true);
    await expect(h.sendMessage({ message: userMsg("b") }, ctx())).rejects.toBeInstanceOf(A2AError);
    expect(res.task?.id).toBeTruthy();
  });
});

describe("streaming", () => {
  it("streams 2,000 chunks in order and the task holds every part", async () => {
    const n = 2000;
    const h = createRequestHandler({
      agentCard: card,
      executor: async (_c, e) => {
        for (let i = 0; i < n; i++)
          await e.artifact(String(i), { artifactId: "big", append: i > 0, lastChunk: i === n - 1 });
        await e.complete();
      },
    });
    const events = await collect(h.sendStreamingMessage({ message: userMsg("a") }, ctx()));
    const parts = events
      .filter((e) => e.artifactUpdate)
      .map((e) => (e.artifactUpdate!.artifact.parts[0] as { text: string }).text);
    expect(parts).toEqual(Array.from({ length: n }, (_, i) => String(i)));
    const taskId = events[0]!.task!.id;
    const task = await h.getTask({ id: taskId }, ctx());
    expect(task.artifacts?.[0]?.parts).toHaveLength(n);
  });

  it("a client that stops reading does not hold the task: return() releases the subscription", async () => {
    const h = createRequestHandler({
      agentCard: card,
      executor: async (_c, e) => {
        for (let i = 0; i < 100; i++)
          await e.artifact(String(i), { artifactId: "x", append: i > 0 });
        await e.complete();
      },
    });
    const it = h.sendStreamingMessage({ message: userMsg("a") }, ctx())[Symbol.asyncIterator]();
    const first = await it.next();
    const taskId = first.value!.task!.id;
    await it.return?.();
    expect((await it.next()).done).toBe(true);
    // the task still completes without the consumer
    for (let i = 0; i < 50; i++) {
      const t = await h.getTask({ id: taskId }, ctx());
      if (t.status.state === "TASK_STATE_COMPLETED") break;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect((await h.getTask({ id: taskId }, ctx())).status.state).toBe("TASK_STATE_COMPLETED");
  });
});

describe("slow readers", () => {
  it("a stream that stops reading is disconnected after the timeout; the task still completes", async () => {
    const h = createRequestHandler({
      agentCard: card,
      fanOut: { highWaterMark: 2, maxBuffered: 1_000, slowSubscriberTimeoutMs: 20 },
      executor: async (_c, e) => {
        for (let i = 0; i < 20; i++)
          await e.artifact(String(i), { artifactId: "a", append: i > 0 });
        await e.complete();
      },
    });
    const stream = h.sendStreamingMessage({ message: userMsg("a") }, ctx())[Symbol.asyncIterator]();
    const first = await stream.next(); // the task; then the reader stalls
    const taskId = first.value!.task!.id;
    for (let i = 0; i < 100; i++) {
      if ((await h.getTask({ id: taskId }, ctx())).status.state === "TASK_STATE_COMPLETED") break;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect((await h.getTask({ id: taskId }, ctx())).artifacts?.[0]?.parts).toHaveLength(20);
    // the stalled reader was cut off: its next read fails with an error telling it to re-attach
    let error: unknown;
    try {
      for (let r = await stream.next(); !r.done; r = await stream.next()) {}
    } catch (e) {
      error = e;
    }
    expect(String(error)).toMatch(/re-attach with SubscribeToTask/);
  });
});
