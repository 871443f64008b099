import type { Task } from "@agentmesh/a2a-types";
import { describe, expect, it } from "vitest";
import { InMemoryTaskStore } from "./memory-task-store.js";
import { TaskVersionConflictError } from "./task-store.js";

const scope = { tenant: "", owner: undefined };
function task(id: string, state: Task["status"]["state"] = "TASK_STATE_WORKING"): Task {
  return { id, contextId: "c", status: { state, timestamp: "2026-01-01T00:00:00.000Z" } };
}

describe("InMemoryTaskStore", () => {
  it("versions writes with compare-and-set", async () => {
    const store = new InMemoryTaskStore();
    expect(await store.create(scope, task("a"))).toBe(1);
    await expect(store.create(scope, task("a"))).rejects.toBeInstanceOf(TaskVersionConflictError);
    expect(await store.update(scope, task("a", "TASK_STATE_COMPLETED"), 1)).toBe(2);
    await expect(store.update(scope, task("a"), 1)).rejects.toBeInstanceOf(
      TaskVersionConflictError,
    );
    await expect(store.update(scope, task("missing"), 1)).rejects.toBeInstanceOf(
      TaskVersionConflictError,
    );
    expect((await store.get(scope, "a"))?.version).toBe(2);
  });

  it("never aliases what it is given or what it hands out", async () => {
    const store = new InMemoryTaskStore();
    const t = task("a");
    await store.create(scope, t);
    t.status.state = "TASK_STATE_FAILED";
    const read = (await store.get(scope, "a"))!.task;
    expect(read.status.state).toBe("TASK_STATE_WORKING");
    read.status.state = "TASK_STATE_FAILED";
    expect((await store.get(scope, "a"))!.task.status.state).toBe("TASK_STATE_WORKING");
  });

  it("scopes by tenant and owner", async () => {
    const store = new InMemoryTaskStore();
    await store.create({ tenant: "t", owner: "alice" }, task("a"));
    expect(await store.get({ tenant: "t", owner: "bob" }, "a")).toBeUndefined();
    expect(await store.get({ tenant: "u", owner: "alice" }, "a")).toBeUndefined();
    expect(await store.get({ tenant: "t", owner: "alice" }, "a")).toBeDefined();
    await store.delete({ tenant: "t", owner: "bob" }, "a");
    expect(await store.get({ tenant: "t", owner: "alice" }, "a")).toBeDefined();
  });

  it("expires terminal tasks after the TTL and keeps running ones", async () => {
    let now = 1_000;
    const store = new InMemoryTaskStore({ terminalTtlMs: 100, now: () => now });
    await store.create(scope, task("done", "TASK_STATE_COMPLETED"));
    await store.create(scope, task("running"));
    now += 101;
    expect(await store.get(scope, "done")).toBeUndefined();
    expect(await store.get(scope, "running")).toBeDefined();
    expect(store.size).toBe(1);
  });

  it("evicts the oldest finished task when full, and refuses when nothing can be evicted", async () => {
    const store = new InMemoryTaskStore({ maxTasks: 2 });
    await store.create(scope, task("old", "TASK_STATE_COMPLETED"));
    await store.create(scope, task("r1"));
    await store.create(scope, task("r2"));
    expect(await store.get(scope, "old")).toBeUndefined();
    await expect(store.create(scope, task("r3"))).rejects.toThrow(/full/);
  });
});
