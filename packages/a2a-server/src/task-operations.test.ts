import { A2AError } from "@agentmesh/a2a-transport";
import type { StreamResponse } from "@agentmesh/a2a-types";
import { describe, expect, it } from "vitest";
import { card, collect, ctx, gate, kind, userMsg } from "../test/helpers.js";
import type { AgentExecutor } from "./executor.js";
import { createRequestHandler } from "./request-handler.js";
import { InMemoryTaskStore } from "./store/memory-task-store.js";

function code(c: string) {
  return (e: unknown) => e instanceof A2AError && e.code === c;
}

const complete: AgentExecutor = {
  async execute(_c, e) {
    await e.artifact("result", { lastChunk: true });
    await e.complete();
  },
};

describe("GetTask", () => {
  it("returns the task, trims history, and reports unknown ids as not found", async () => {
    const h = createRequestHandler({ executor: complete, agentCard: card });
    const { task } = await h.sendMessage({ message: userMsg("a") }, ctx());
    expect((await h.getTask({ id: task!.id }, ctx("GetTask"))).history).toHaveLength(1);
    expect(await h.getTask({ id: task!.id, historyLength: 0 }, ctx("GetTask"))).not.toHaveProperty(
      "history",
    );
    await expect(h.getTask({ id: "missing" }, ctx("GetTask"))).rejects.toSatisfy(
      code("TASK_NOT_FOUND"),
    );
    await expect(h.getTask({ id: task!.id, historyLength: -2 }, ctx("GetTask"))).rejects.toSatisfy(
      code("INVALID_PARAMS"),
    );
  });

  it("hands out copies: mutating a result never changes the server's task", async () => {
    const h = createRequestHandler({ executor: complete, agentCard: card });
    const { task } = await h.sendMessage({ message: userMsg("a") }, ctx());
    task!.status = { state: "TASK_STATE_FAILED" };
    task!.artifacts!.length = 0;
    const again = await h.getTask({ id: task!.id }, ctx("GetTask"));
    expect(again.status.state).toBe("TASK_STATE_COMPLETED");
    expect(again.artifacts).toHaveLength(1);
  });
});

describe("scoping", () => {
  it("a task is visible only in its tenant and to its owner", async () => {
    const h = createRequestHandler({ executor: complete, agentCard: card });
    const alice = ctx("SendMessage", { tenant: "t1", principal: { id: "alice" } });
    const { task } = await h.sendMessage({ message: userMsg("a") }, alice);
    const id = task!.id;
    expect((await h.getTask({ id }, alice)).id).toBe(id);
    for (const other of [
      ctx("GetTask", { tenant: "t1", principal: { id: "bob" } }),
      ctx("GetTask", { tenant: "t2", principal: { id: "alice" } }),
      ctx("GetTask", { tenant: "t1" }),
    ]) {
      await expect(h.getTask({ id }, other)).rejects.toSatisfy(code("TASK_NOT_FOUND"));
      await expect(h.cancelTask({ id }, other)).rejects.toSatisfy(code("TASK_NOT_FOUND"));
      await expect(
        h.sendMessage({ message: userMsg("x", { taskId: id }) }, other),
      ).rejects.toSatisfy(code("TASK_NOT_FOUND"));
      expect((await h.listTasks({}, other)).totalSize).toBe(0);
    }
    // the tenant may also come in the request message
    const viaReq = await h.getTask(
      { id, tenant: "t1" },
      ctx("GetTask", { principal: { id: "alice" } }),
    );
    expect(viaReq.id).toBe(id);
  });
});

describe("ListTasks", () => {
  async function seed() {
    let t = Date.parse("2026-01-01T00:00:00.000Z");
    const store = new InMemoryTaskStore();
    const h = createRequestHandler({ executor: complete, agentCard: card, taskStore: store });
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await h.sendMessage(
        { message: userMsg(`m${i}`, { contextId: i % 2 ? "odd" : "even" }) },
        ctx(),
      );
      ids.push(res.task!.id);
      // give each task a distinct, increasing status timestamp
      const stored = (await store.get({ tenant: "", owner: undefined }, res.task!.id))!;
      t += 1000;
      stored.task.status = { ...stored.task.status, timestamp: new Date(t).toISOString() };
      await store.update({ tenant: "", owner: undefined }, stored.task, stored.version);
    }
    return { h, ids };
  }

  it("lists newest first with cursor paging, totalSize and pageSize = number returned", async () => {
    const { h, ids } = await seed();
    const seen: string[] = [];
    let token = "";
    let pages = 0;
    do {
      const page = await h.listTasks(
        { pageSize: 3, ...(token ? { pageToken: token } : {}) },
        ctx("ListTasks"),
      );
      expect(page.totalSize).toBe(7);
      expect(page.pageSize).toBe(page.tasks.length);
      seen.push(...page.tasks.map((t) => t.id));
      token = page.nextPageToken;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
  });

  it("filters by contextId, status and statusTimestampAfter (inclusive)", async () => {
    const { h, ids } = await seed();
    const odd = await h.listTasks({ contextId: "odd" }, ctx());
    expect(odd.tasks.map((t) => t.id)).toEqual([ids[5], ids[3], ids[1]]);
    expect((await h.listTasks({ status: "TASK_STATE_COMPLETED" }, ctx())).totalSize).toBe(7);
    expect((await h.listTasks({ status: "TASK_STATE_WORKING" }, ctx())).totalSize).toBe(0);
    expect((await h.listTasks({ status: "TASK_STATE_UNSPECIFIED" }, ctx())).totalSize).toBe(7);
    const after = await h.listTasks({ statusTimestampAfter: "2026-01-01T00:00:05.000Z" }, ctx());
    expect(after.tasks.map((t) => t.id)).toEqual([ids[6], ids[5], ids[4]]);
  });

  it("leaves artifacts out unless includeArtifacts, always sends nextPageToken, validates input", async () => {
    const { h } = await seed();
    const plain = await h.listTasks({ pageSize: 100 }, ctx());
    expect(plain.nextPageToken).toBe("");
    expect(plain.tasks.every((t) => !("artifacts" in t))).toBe(true);
    const full = await h.listTasks({ includeArtifacts: true, historyLength: 0 }, ctx());
    expect(full.tasks.every((t) => t.artifacts?.length === 1 && !("history" in t))).toBe(true);
    for (const bad of [
      { pageSize: 0 },
      { pageSize: 101 },
      { historyLength: -1 },
      { pageToken: "%%%" },
    ]) {
      await expect(h.listTasks(bad, ctx())).rejects.toSatisfy(code("INVALID_PARAMS"));
    }
    const empty = await h.listTasks({ contextId: "none" }, ctx());
    expect(empty).toEqual({ tasks: [], nextPageToken: "", pageSize: 0, totalSize: 0 });
  });
});

describe("CancelTask", () => {
  it("cancels a running task, calls the executor's cancel, aborts its signal, and is idempotent", async () => {
    const started = gate();
    let cancelCalled = false;
    let aborted = false;
    const h = createRequestHandler({
      agentCard: card,
      executor: {
        async execute(c, e) {
          await e.working();
          started.open();
          await new Promise<void>((resolve) => c.signal.addEventListener("abort", () => resolve()));
          aborted = true;
        },
        async cancel(_c, e) {
          cancelCalled = true;
          await e.canceled("stopped by request");
        },
      },
    });
    const res = await h.sendMessage(
      { message: userMsg("a"), configuration: { returnImmediately: true } },
      ctx(),
    );
    await started.promise;
    const canceled = await h.cancelTask({ id: res.task!.id }, ctx("CancelTask"));
    expect(canceled.status.state).toBe("TASK_STATE_CANCELED");
    expect(canceled.status.message?.parts).toEqual([{ text: "stopped by request" }]);
    expect(cancelCalled).toBe(true);
    await Promise.resolve();
    expect(aborted).toBe(true);
    const again = await h.cancelTask({ id: res.task!.id }, ctx("CancelTask"));
    expect(again.status.state).toBe("TASK_STATE_CANCELED");
  });

  it("a completed task → TaskNotCancelable; unknown → TaskNotFound", async () => {
    const h = createRequestHandler({ executor: complete, agentCard: card });
    const { task } = await h.sendMessage({ message: userMsg("a") }, ctx());
    await expect(h.cancelTask({ id: task!.id }, ctx())).rejects.toSatisfy(
      code("TASK_NOT_CANCELABLE"),
    );
    await expect(h.cancelTask({ id: "nope" }, ctx())).rejects.toSatisfy(code("TASK_NOT_FOUND"));
  });

  it("cancels an interrupted task that has no running executor", async () => {
    const h = createRequestHandler({
      executor: async (_c, e) => e.requireInput("?"),
      agentCard: card,
    });
    const { task } = await h.sendMessage({ message: userMsg("a") }, ctx());
    await new Promise((r) => setTimeout(r, 0));
    const canceled = await h.cancelTask({ id: task!.id }, ctx());
    expect(canceled.status.state).toBe("TASK_STATE_CANCELED");
    expect((await h.getTask({ id: task!.id }, ctx())).status.state).toBe("TASK_STATE_CANCELED");
  });

  it("cancel racing completion: exactly one wins and the outcome is consistent", async () => {
    for (let round = 0; round < 20; round++) {
      const go = gate();
      const h = createRequestHandler({
        agentCard: card,
        executor: async (_c, e) => {
          await e.working();
          await go.promise;
          for (let i = 0; i < round % 4; i++) await Promise.resolve();
          await e.complete("done");
        },
      });
      const res = await h.sendMessage(
        { message: userMsg("a"), configuration: { returnImmediately: true } },
        ctx(),
      );
      go.open();
      const outcome = await h.cancelTask({ id: res.task!.id }, ctx()).then(
        (t) => t.status.state,
        (e: A2AError) => e.code,
      );
      const final = (await h.getTask({ id: res.task!.id }, ctx())).status.state;
      if (outcome === "TASK_STATE_CANCELED") expect(final).toBe("TASK_STATE_CANCELED");
      else {
        expect(outcome).toBe("TASK_NOT_CANCELABLE");
        expect(final).toBe("TASK_STATE_COMPLETED");
      }
    }
  });
});

describe("SubscribeToTask", () => {
  it("starts with the current task, then live updates, to several subscribers; one dropping leaves the others", async () => {
    const step = gate();
    const finish = gate();
    const h = createRequestHandler({
      agentCard: card,
      executor: async (_c, e) => {
        await e.working();
        await step.promise;
        await e.artifact("one", { artifactId: "a1" });
        await finish.promise;
        await e.artifact("two", { artifactId: "a1", append: true, lastChunk: true });
        await e.complete();
      },
    });
    const res = await h.sendMessage(
      { message: userMsg("a"), configuration: { returnImmediately: true } },
      ctx(),
    );
    const id = res.task!.id;
    await new Promise((r) => setTimeout(r, 0));
    const s1 = h.subscribeToTask({ id }, ctx("SubscribeToTask"))[Symbol.asyncIterator]();
    const s2 = h.subscribeToTask({ id }, ctx("SubscribeToTask"))[Symbol.asyncIterator]();
    const first1 = (await s1.next()).value as StreamResponse;
    const first2 = (await s2.next()).value as StreamResponse;
    expect(kind(first1)).toBe("task:TASK_STATE_WORKING");
    expect(kind(first2)).toBe("task:TASK_STATE_WORKING");
    step.open();
    expect(kind((await s1.next()).value as StreamResponse)).toBe("artifact");
    expect(kind((await s2.next()).value as StreamResponse)).toBe("artifact");
    // subscriber 2 disconnects mid-stream (while waiting for the next event)
    const pending = s2.next();
    await s2.return?.();
    expect((await pending).done).toBe(true);
    finish.open();
    const rest: StreamResponse[] = [];
    for (let r = await s1.next(); !r.done; r = await s1.next()) rest.push(r.value);
    expect(rest.map(kind)).toEqual(["artifact", "status:TASK_STATE_COMPLETED"]);
    const task = await h.getTask({ id }, ctx());
    expect(task.artifacts?.[0]?.parts).toEqual([{ text: "one" }, { text: "two" }]);
  });

  it("a terminal task → UnsupportedOperation on the first next(); unknown → TaskNotFound; streaming off → UnsupportedOperation", async () => {
    const h = createRequestHandler({ executor: complete, agentCard: card });
    const { task } = await h.sendMessage({ message: userMsg("a") }, ctx());
    await expect(
      h.subscribeToTask({ id: task!.id }, ctx())[Symbol.asyncIterator]().next(),
    ).rejects.toSatisfy(code("UNSUPPORTED_OPERATION"));
    await expect(
      h.subscribeToTask({ id: "nope" }, ctx())[Symbol.asyncIterator]().next(),
    ).rejects.toSatisfy(code("TASK_NOT_FOUND"));
    const off = createRequestHandler({
      executor: complete,
      agentCard: { capabilities: { streaming: false } },
    });
    await expect(
      off.subscribeToTask({ id: "x" }, ctx())[Symbol.asyncIterator]().next(),
    ).rejects.toSatisfy(code("UNSUPPORTED_OPERATION"));
  });

  it("an interrupted task yields the task and closes", async () => {
    const h = createRequestHandler({
      executor: async (_c, e) => e.requireInput("?"),
      agentCard: card,
    });
    const { task } = await h.sendMessage({ message: userMsg("a") }, ctx());
    const events = await collect(h.subscribeToTask({ id: task!.id }, ctx()));
    expect(events.map(kind)).toEqual(["task:TASK_STATE_INPUT_REQUIRED"]);
  });
});

describe("two servers sharing one store", () => {
  it("a cancel through the other server ends the task here at the next write, and aborts the executor", async () => {
    const taskStore = new InMemoryTaskStore();
    const step = gate();
    let signal: AbortSignal | undefined;
    const executor: AgentExecutor = {
      async execute(c, e) {
        signal = c.signal;
        await e.working();
        await step.promise;
        await e.artifact("late");
        await e.complete();
      },
    };
    const a = createRequestHandler({ agentCard: card, executor, taskStore });
    const b = createRequestHandler({ agentCard: card, executor, taskStore });
    const stream = a.sendStreamingMessage({ message: userMsg("x") }, ctx())[Symbol.asyncIterator]();
    const first = (await stream.next()).value as StreamResponse;
    const id = first.task!.id;
    expect(kind((await stream.next()).value as StreamResponse)).toBe("status:TASK_STATE_WORKING");
    const canceled = await b.cancelTask({ id }, ctx());
    expect(canceled.status.state).toBe("TASK_STATE_CANCELED");
    step.open();
    const rest: StreamResponse[] = [];
    for (let r = await stream.next(); !r.done; r = await stream.next()) rest.push(r.value);
    expect(rest.map(kind).at(-1)).toBe("task:TASK_STATE_CANCELED");
    expect(signal?.aborted).toBe(true);
    expect((await a.getTask({ id }, ctx())).status.state).toBe("TASK_STATE_CANCELED");
  });
});
