import type { StreamResponse } from "@agentmesh/a2a-types";
import { describe, expect, it } from "vitest";
import { card, collect, ctx, gate, kind, userMsg } from "../test/helpers.js";
import { createRequestHandler } from "./request-handler.js";

/** Reads a stream until an event of `wanted` kind, returning what was read. */
async function readUntil(it: AsyncIterator<StreamResponse>, wanted: string): Promise<string[]> {
  const seen: string[] = [];
  for (;;) {
    const r = await it.next();
    if (r.done) throw new Error(`stream ended before ${wanted}; saw ${seen.join(", ")}`);
    seen.push(kind(r.value));
    if (seen.at(-1) === wanted) return seen;
  }
}

async function rest(it: AsyncIterator<StreamResponse>): Promise<string[]> {
  return collect({ [Symbol.asyncIterator]: () => it }).then((events) => events.map(kind));
}

describe("AUTH_REQUIRED with the executor still running (§7.6.1)", () => {
  it("keeps streams open, lets SubscribeToTask attach live, and closes at the terminal state", async () => {
    const credentials = gate();
    const h = createRequestHandler({
      agentCard: card,
      executor: async (_c, e) => {
        await e.requireAuth("sign in at https://auth.example.com");
        await credentials.promise; // out-of-band credentials arrive
        await e.working();
        await e.complete("done");
      },
    });
    const stream = h.sendStreamingMessage({ message: userMsg("a") }, ctx())[Symbol.asyncIterator]();
    expect(await readUntil(stream, "status:TASK_STATE_AUTH_REQUIRED")).toEqual([
      "task:TASK_STATE_SUBMITTED",
      "status:TASK_STATE_AUTH_REQUIRED",
    ]);
    const tasks = await h.listTasks({}, ctx("ListTasks"));
    const id = tasks.tasks[0]!.id;
    const sub = h.subscribeToTask({ id }, ctx("SubscribeToTask"))[Symbol.asyncIterator]();
    expect(kind((await sub.next()).value as StreamResponse)).toBe("task:TASK_STATE_AUTH_REQUIRED");
    credentials.open();
    const expected = ["status:TASK_STATE_WORKING", "status:TASK_STATE_COMPLETED"];
    expect(await rest(stream)).toEqual(expected);
    expect(await rest(sub)).toEqual(expected);
  });

  it("closes streams once the executor returns in AUTH_REQUIRED; later subscribers get one snapshot", async () => {
    const leave = gate();
    const h = createRequestHandler({
      agentCard: card,
      executor: async (_c, e) => {
        await e.requireAuth("sign in");
        await leave.promise;
      },
    });
    const stream = h.sendStreamingMessage({ message: userMsg("a") }, ctx())[Symbol.asyncIterator]();
    await readUntil(stream, "status:TASK_STATE_AUTH_REQUIRED");
    leave.open();
    expect(await rest(stream)).toEqual([]);
    const id = (await h.listTasks({}, ctx("ListTasks"))).tasks[0]!.id;
    const events = await collect(h.subscribeToTask({ id }, ctx("SubscribeToTask")));
    expect(events.map(kind)).toEqual(["task:TASK_STATE_AUTH_REQUIRED"]);
  });

  it("INPUT_REQUIRED still closes streams at once, even while the executor runs", async () => {
    const leave = gate();
    const h = createRequestHandler({
      agentCard: card,
      executor: async (_c, e) => {
        await e.requireInput("which city?");
        await leave.promise;
      },
    });
    const events = await collect(h.sendStreamingMessage({ message: userMsg("a") }, ctx()));
    expect(events.map(kind)).toEqual([
      "task:TASK_STATE_SUBMITTED",
      "status:TASK_STATE_INPUT_REQUIRED",
    ]);
    const id = (await h.listTasks({}, ctx("ListTasks"))).tasks[0]!.id;
    const snapshot = await collect(h.subscribeToTask({ id }, ctx("SubscribeToTask")));
    expect(snapshot.map(kind)).toEqual(["task:TASK_STATE_INPUT_REQUIRED"]);
    leave.open();
  });

  it("a blocking SendMessage still returns at AUTH_REQUIRED", async () => {
    const credentials = gate();
    const h = createRequestHandler({
      agentCard: card,
      executor: async (_c, e) => {
        await e.requireAuth("sign in");
        await credentials.promise;
        await e.complete("done");
      },
    });
    const res = await h.sendMessage({ message: userMsg("a") }, ctx());
    expect(res.task?.status.state).toBe("TASK_STATE_AUTH_REQUIRED");
    credentials.open();
  });
});
