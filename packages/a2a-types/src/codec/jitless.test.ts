import { describe, expect, it } from "vitest";
import { z } from "zod";

describe("with z.config({ jitless: true })", () => {
  it("uses the interpreter and gives the same results", async () => {
    z.config({ jitless: true });
    // a fresh module graph per test file: the codec has not compiled anything yet
    const api = await import("../index.js");
    const { jitReader, jitWriter } = await import("./jit.js");
    const { descOf } = await import("./descriptor.js");
    expect(jitReader(descOf(api.TaskSchema))).toBeUndefined();
    expect(jitWriter(descOf(api.TaskSchema))).toBeUndefined();

    const task = api.fromJson(api.TaskSchema, {
      id: "t",
      context_id: "c",
      status: { state: 3, timestamp: "2026-01-02T03:04:05Z" },
      history: [
        {
          message_id: "m",
          role: "ROLE_USER",
          parts: [{ text: "" }, { data: null }, { raw: "-_8" }],
        },
      ],
    });
    expect(task).toEqual({
      id: "t",
      contextId: "c",
      status: { state: "TASK_STATE_COMPLETED", timestamp: "2026-01-02T03:04:05.000Z" },
      history: [
        {
          messageId: "m",
          role: "ROLE_USER",
          parts: [{ text: "" }, { data: null }, { raw: "+/8=" }],
        },
      ],
    });
    expect(api.toJson(api.TaskSchema, task)).toEqual(task);
    expect(
      api.toJson(api.ListTasksResponseSchema, {
        tasks: [],
        nextPageToken: "",
        pageSize: 0,
        totalSize: 0,
      }),
    ).toEqual({
      tasks: [],
      nextPageToken: "",
      pageSize: 0,
      totalSize: 0,
    });
    expect(() => api.fromJson(api.TaskSchema, { id: "t" })).toThrow("status: is required");
    z.config({ jitless: false });
  });
});
