import { describe, expect, it } from "vitest";
import { ArtifactAccumulator } from "./artifact-accumulator.js";
import { TaskTracker } from "./task-tracker.js";

describe("ArtifactAccumulator", () => {
  it("joins append chunks per artifact id", () => {
    const acc = new ArtifactAccumulator();
    acc.add({ artifact: { artifactId: "a", name: "doc", parts: [{ text: "x" }] } });
    acc.add({ artifact: { artifactId: "b", parts: [{ text: "other" }] }, lastChunk: true });
    const r = acc.add({
      artifact: { artifactId: "a", parts: [{ text: "y" }] },
      append: true,
      lastChunk: true,
    });
    expect(r.artifact).toEqual({
      artifactId: "a",
      name: "doc",
      parts: [{ text: "x" }, { text: "y" }],
    });
    expect(r.complete).toBe(true);
    expect(acc.list().map((a) => a.artifactId)).toEqual(["a", "b"]);
  });

  it("drops a repeated whole artifact but replaces a changed one", () => {
    const acc = new ArtifactAccumulator();
    const a = { artifactId: "a", parts: [{ text: "x" }] };
    expect(acc.add({ artifact: a }).changed).toBe(true);
    expect(acc.add({ artifact: structuredClone(a) }).changed).toBe(false);
    expect(acc.add({ artifact: { artifactId: "a", parts: [{ text: "z" }] } }).changed).toBe(true);
    expect(acc.get("a")?.parts).toEqual([{ text: "z" }]);
  });

  it("reconcile returns only the missing tail", () => {
    const acc = new ArtifactAccumulator();
    acc.add({ artifact: { artifactId: "a", parts: [{ text: "1" }] } });
    const miss = acc.reconcile({
      artifactId: "a",
      parts: [{ text: "1" }, { text: "2" }, { text: "3" }],
    });
    expect(miss).toEqual({
      chunk: { artifactId: "a", parts: [{ text: "2" }, { text: "3" }] },
      append: true,
    });
    expect(
      acc.reconcile({ artifactId: "a", parts: [{ text: "1" }, { text: "2" }, { text: "3" }] }),
    ).toBeUndefined();
  });
});

describe("TaskTracker", () => {
  it("drops messages and statuses it has seen", () => {
    const t = new TaskTracker();
    const msg = { messageId: "m1", role: "ROLE_AGENT" as const, parts: [{ text: "hi" }] };
    t.apply({ task: { id: "t", contextId: "c", status: { state: "TASK_STATE_WORKING" } } });
    const status = {
      taskId: "t",
      contextId: "c",
      status: { state: "TASK_STATE_WORKING" as const, message: msg },
    };
    expect(t.apply({ statusUpdate: status })).toHaveLength(1);
    expect(t.apply({ statusUpdate: status })).toHaveLength(0);
    // the same message in the snapshot history after a reconnect is not repeated
    const events = t.diff({ id: "t", contextId: "c", status: status.status, history: [msg] });
    expect(events).toEqual([]);
  });

  it("reports a tool call artifact when complete", () => {
    const t = new TaskTracker();
    t.apply({ task: { id: "t", contextId: "c", status: { state: "TASK_STATE_WORKING" } } });
    const events = t.apply({
      artifactUpdate: {
        taskId: "t",
        contextId: "c",
        artifact: {
          artifactId: "call",
          parts: [{ data: { name: "add", arguments: { a: 1 }, id: "k" } }],
        },
        lastChunk: true,
      },
    });
    expect(events.map((e) => e.kind)).toEqual(["TaskArtifactUpdate", "ToolCallArtifact"]);
    const call = events[1];
    expect(call?.kind === "ToolCallArtifact" && call.toolCall).toEqual({
      name: "add",
      arguments: { a: 1 },
      id: "k",
    });
  });

  it("completes open artifacts when the task ends", () => {
    const t = new TaskTracker();
    t.apply({ task: { id: "t", contextId: "c", status: { state: "TASK_STATE_WORKING" } } });
    t.apply({
      artifactUpdate: {
        taskId: "t",
        contextId: "c",
        artifact: { artifactId: "a", parts: [{ text: "ab" }] },
      },
    });
    const events = t.apply({
      statusUpdate: { taskId: "t", contextId: "c", status: { state: "TASK_STATE_COMPLETED" } },
    });
    expect(events.map((e) => e.kind)).toEqual(["TaskStatusUpdate", "TextArtifact"]);
  });
});
