import { A2AError } from "@agentmesh/a2a-transport";
import { describe, expect, it } from "vitest";
import { card, collect, ctx, kind, userMsg } from "../test/helpers.js";
import type { AgentExecutor } from "./executor.js";
import { createRequestHandler } from "./request-handler.js";

const echo: AgentExecutor = {
  async execute(context, events) {
    await events.working();
    const text = context.message.parts.map((p) => ("text" in p ? p.text : "")).join("");
    await events.artifact(`echo: ${text}`, { name: "echo", lastChunk: true });
    await events.complete();
  },
};

describe("SendMessage", () => {
  it("blocks until the task completes and returns it with artifacts and history", async () => {
    const h = createRequestHandler({ executor: echo, agentCard: card });
    const res = await h.sendMessage({ message: userMsg("hi") }, ctx());
    expect(res.task?.status.state).toBe("TASK_STATE_COMPLETED");
    expect(res.task?.artifacts?.[0]?.parts).toEqual([{ text: "echo: hi" }]);
    expect(res.task?.history?.[0]?.parts).toEqual([{ text: "hi" }]);
    expect(res.task?.contextId).toBeTruthy();
    const got = await h.getTask({ id: res.task!.id }, ctx("GetTask"));
    expect(got.status.state).toBe("TASK_STATE_COMPLETED");
  });

  it("streams task first, then updates in order, and closes at the terminal state", async () => {
    const h = createRequestHandler({ executor: echo, agentCard: card });
    const events = await collect(h.sendStreamingMessage({ message: userMsg("x") }, ctx()));
    expect(events.map(kind)).toEqual([
      "task:TASK_STATE_SUBMITTED",
      "status:TASK_STATE_WORKING",
      "artifact",
      "status:TASK_STATE_COMPLETED",
    ]);
  });

  it("throwing executor ends FAILED with a message", async () => {
    const h = createRequestHandler({
      executor: async () => {
        throw new Error("boom");
      },
      agentCard: card,
      onError: () => {},
    });
    const res = await h.sendMessage({ message: userMsg("x") }, ctx());
    expect(res.task?.status.state).toBe("TASK_STATE_FAILED");
    expect(res.task?.status.message?.parts[0]).toHaveProperty("text");
  });

  it("unknown task id → TaskNotFound", async () => {
    const h = createRequestHandler({ executor: echo, agentCard: card });
    await expect(
      h.sendMessage({ message: userMsg("x", { taskId: "nope" }) }, ctx()),
    ).rejects.toSatisfy((e: unknown) => e instanceof A2AError && e.code === "TASK_NOT_FOUND");
  });
});
