import type { Task } from "@agentmesh/a2a-types";
import { describe, expect, it } from "vitest";
import {
  A2AAssertionError,
  a2aMatchers,
  artifactText,
  expectArtifactText,
  expectFinalState,
  expectStates,
  statesOf,
} from "../src/index.js";

expect.extend(a2aMatchers);

const events = [
  { task: { id: "t", contextId: "c", status: { state: "TASK_STATE_SUBMITTED" as const } } },
  {
    statusUpdate: { taskId: "t", contextId: "c", status: { state: "TASK_STATE_WORKING" as const } },
  },
  {
    artifactUpdate: {
      taskId: "t",
      contextId: "c",
      artifact: { artifactId: "a", name: "out", parts: [{ text: "Hel" }] },
    },
  },
  {
    artifactUpdate: {
      taskId: "t",
      contextId: "c",
      append: true,
      artifact: { artifactId: "a", parts: [{ text: "lo" }] },
    },
  },
  {
    statusUpdate: { taskId: "t", contextId: "c", status: { state: "TASK_STATE_WORKING" as const } },
  },
  {
    statusUpdate: {
      taskId: "t",
      contextId: "c",
      status: { state: "TASK_STATE_COMPLETED" as const },
    },
  },
];

describe("assertions", () => {
  it("folds repeated states", () => {
    expect(statesOf(events)).toEqual([
      "TASK_STATE_SUBMITTED",
      "TASK_STATE_WORKING",
      "TASK_STATE_COMPLETED",
    ]);
  });

  it("passes and fails expectStates with a readable diff", () => {
    expectStates(events, ["TASK_STATE_SUBMITTED", "TASK_STATE_WORKING", "TASK_STATE_COMPLETED"]);
    expectStates(events, ["TASK_STATE_SUBMITTED", "TASK_STATE_COMPLETED"], { exact: false });
    try {
      expectStates(events, ["TASK_STATE_SUBMITTED", "TASK_STATE_FAILED"]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(A2AAssertionError);
      expect((e as Error).message).toContain("SUBMITTED → FAILED");
      expect((e as Error).message).toContain("SUBMITTED → WORKING → COMPLETED");
      expect((e as A2AAssertionError).actual).toEqual(statesOf(events));
    }
  });

  it("joins artifact chunks", () => {
    expect(artifactText(events, "out")).toBe("Hello");
    expectArtifactText(events, /^Hel+o$/);
    expect(() => expectArtifactText(events, "Bye", "out")).toThrow(/reads +"Hello"/);
    expect(() => expectArtifactText(events, "x", "missing")).toThrow(
      /no such artifact \(have: out\)/,
    );
  });

  it("checks final states of streams and tasks", () => {
    expectFinalState(events, "TASK_STATE_COMPLETED");
    const task: Task = { id: "t", status: { state: "TASK_STATE_FAILED" } };
    expect(() => expectFinalState(task, "TASK_STATE_COMPLETED")).toThrow(
      /end COMPLETED but it ended FAILED/,
    );
  });

  it("works as vitest matchers", () => {
    type M = {
      toHaveStates(s: string[]): void;
      toEndIn(s: string): void;
      toHaveArtifactText(t: string, n?: string): void;
      not: { toEndIn(s: string): void; toHaveArtifactText(t: string, n?: string): void };
    };
    const e = () => expect(events) as unknown as M;
    e().toHaveStates(["TASK_STATE_SUBMITTED", "TASK_STATE_WORKING", "TASK_STATE_COMPLETED"]);
    e().toEndIn("TASK_STATE_COMPLETED");
    e().not.toEndIn("TASK_STATE_FAILED");
    e().toHaveArtifactText("Hello", "out");
    e().not.toHaveArtifactText("Bye", "out");
    expect(() => e().toEndIn("TASK_STATE_FAILED")).toThrow(/end FAILED but it ended COMPLETED/);
  });
});
