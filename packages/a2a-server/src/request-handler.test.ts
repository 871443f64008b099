import { A2AError } from "@agentmesh/a2a-transport";
import { describe, expect, it } from "vitest";
import { card, collect, ctx, gate, kind, userMsg } from "../test/helpers.js";
import type { AgentExecutor } from "./executor.js";
import { createRequestHandler } from "./request-handler.js";
import { InMemoryPushConfigStore } from "./store/push-config-store.js";

const echo: AgentExecutor = {
  async execute(context, events) {
    await events.working();
    const text = context.message.parts.map((p) => ("text" in p ? p.text : "")).join("");
    await events.artifact(`echo: ${text}`, { name: "echo", lastChunk: true });
    await events.complete();
  },
};

function code(c: string) {
  return (e: unknown) => e instanceof A2AError && e.code === c;
}

describe("SendMessage", () => {
  it("blocks until the task completes and returns it with artifacts and history", async () => {
    const h = createRequestHandler({ executor: echo, agentCard: card });
    const res = await h.sendMessage({ message: userMsg("hi") }, ctx());
    expect(res.task?.status.state).toBe("TASK_STATE_COMPLETED");
    expect(res.task?.artifacts?.[0]?.parts).toEqual([{ text: "echo: hi" }]);
    expect(res.task?.artifacts?.[0]?.name).toBe("echo");
    expect(res.task?.history?.[0]?.parts).toEqual([{ text: "hi" }]);
    expect(res.task?.history?.[0]?.taskId).toBe(res.task?.id);
    expect(res.task?.contextId).toBeTruthy();
    const got = await h.getTask({ id: res.task!.id }, ctx("GetTask"));
    expect(got.status.state).toBe("TASK_STATE_COMPLETED");
  });

  it("keeps the client's contextId and generates one when absent", async () => {
    const h = createRequestHandler({ executor: echo, agentCard: card });
    const a = await h.sendMessage({ message: userMsg("a", { contextId: "ctx-1" }) }, ctx());
    expect(a.task?.contextId).toBe("ctx-1");
    const b = await h.sendMessage({ message: userMsg("b") }, ctx());
    expect(b.task?.contextId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("blocks until an interrupted state, then continues the task by taskId (contextId inferred)", async () => {
    const h = createRequestHandler({
      agentCard: card,
      executor: {
        async execute(c, events) {
          if (!c.task) return events.requireInput("what city?");
          await events.complete(`thanks, ${c.message.parts.length} part`);
        },
      },
    });
    const first = await h.sendMessage({ message: userMsg("book", { contextId: "c-9" }) }, ctx());
    expect(first.task?.status.state).toBe("TASK_STATE_INPUT_REQUIRED");
    const taskId = first.task!.id;
    const second = await h.sendMessage({ message: userMsg("Paris", { taskId }) }, ctx());
    expect(second.task?.id).toBe(taskId);
    expect(second.task?.contextId).toBe("c-9");
    expect(second.task?.status.state).toBe("TASK_STATE_COMPLETED");
    // history: user, agent prompt (moved from the old status), user
    expect(second.task?.history?.map((m) => m.role)).toEqual([
      "ROLE_USER",
      "ROLE_AGENT",
      "ROLE_USER",
    ]);
  });

  it("rejects a contextId that does not match the task's", async () => {
    const h = createRequestHandler({
      executor: async (_c, e) => e.requireInput("more"),
      agentCard: card,
    });
    const first = await h.sendMessage({ message: userMsg("a") }, ctx());
    await expect(
      h.sendMessage(
        { message: userMsg("b", { taskId: first.task!.id, contextId: "other" }) },
        ctx(),
      ),
    ).rejects.toSatisfy(code("INVALID_PARAMS"));
  });

  it("a message to a terminal task → UnsupportedOperation; unknown task → TaskNotFound", async () => {
    const h = createRequestHandler({ executor: echo, agentCard: card });
    const done = await h.sendMessage({ message: userMsg("a") }, ctx());
    await expect(
      h.sendMessage({ message: userMsg("b", { taskId: done.task!.id }) }, ctx()),
    ).rejects.toSatisfy(code("UNSUPPORTED_OPERATION"));
    await expect(
      h.sendMessage({ message: userMsg("x", { taskId: "nope" }) }, ctx()),
    ).rejects.toSatisfy(code("TASK_NOT_FOUND"));
  });

  it("returnImmediately returns once the task exists", async () => {
    const release = gate();
    const h = createRequestHandler({
      agentCard: card,
      executor: async (_c, events) => {
        await events.working();
        await release.promise;
        await events.complete();
      },
    });
    const res = await h.sendMessage(
      { message: userMsg("a"), configuration: { returnImmediately: true } },
      ctx(),
    );
    expect(res.task?.status.state).toMatch(/SUBMITTED|WORKING/);
    release.open();
  });

  it("historyLength trims the returned task (0 = none, n = last n)", async () => {
    const h = createRequestHandler({
      agentCard: card,
      executor: async (_c, e) => {
        await e.working("step 1");
        await e.working("step 2");
        await e.complete("done");
      },
    });
    const full = await h.sendMessage({ message: userMsg("a") }, ctx());
    expect(full.task?.history?.length).toBe(3);
    const none = await h.sendMessage(
      { message: userMsg("a"), configuration: { historyLength: 0 } },
      ctx(),
    );
    expect(none.task).not.toHaveProperty("history");
    const one = await h.sendMessage(
      { message: userMsg("a"), configuration: { historyLength: 1 } },
      ctx(),
    );
    expect(one.task?.history?.map((m) => m.parts[0])).toEqual([{ text: "step 2" }]);
    await expect(
      h.sendMessage({ message: userMsg("a"), configuration: { historyLength: -1 } }, ctx()),
    ).rejects.toSatisfy(code("INVALID_PARAMS"));
  });

  it("refuses media types the agent does not accept", async () => {
    const h = createRequestHandler({
      executor: echo,
      agentCard: { defaultInputModes: ["text/plain"], skills: [{ inputModes: ["image/*"] }] },
    });
    const msg = userMsg("a");
    msg.parts = [{ raw: "AAAA", mediaType: "application/pdf" }];
    await expect(h.sendMessage({ message: msg }, ctx())).rejects.toSatisfy(
      code("CONTENT_TYPE_NOT_SUPPORTED"),
    );
    msg.parts = [{ raw: "AAAA", mediaType: "image/png" }];
    expect((await h.sendMessage({ message: msg }, ctx())).task?.status.state).toBe(
      "TASK_STATE_COMPLETED",
    );
  });

  it("rejects messages without parts or id", async () => {
    const h = createRequestHandler({ executor: echo, agentCard: card });
    await expect(h.sendMessage({ message: userMsg("a", { parts: [] }) }, ctx())).rejects.toSatisfy(
      code("INVALID_PARAMS"),
    );
    await expect(
      h.sendMessage({ message: userMsg("a", { messageId: "" }) }, ctx()),
    ).rejects.toSatisfy(code("INVALID_PARAMS"));
  });

  it("a direct reply returns a Message and creates no task", async () => {
    const h = createRequestHandler({
      executor: async (c, e) => e.reply(`hello ${c.contextId}`),
      agentCard: card,
    });
    const res = await h.sendMessage({ message: userMsg("a", { contextId: "c1" }) }, ctx());
    expect(res.message?.role).toBe("ROLE_AGENT");
    expect(res.message?.parts).toEqual([{ text: "hello c1" }]);
    expect(res.message?.contextId).toBe("c1");
    expect(res.message).not.toHaveProperty("taskId");
    const list = await h.listTasks({}, ctx("ListTasks"));
    expect(list.totalSize).toBe(0);
  });

  it("registers a push config given in the request for the new task", async () => {
    const pushConfigStore = new InMemoryPushConfigStore();
    const h = createRequestHandler({
      executor: echo,
      agentCard: card,
      pushConfigStore,
      pushSender: { send() {} },
    });
    const res = await h.sendMessage(
      {
        message: userMsg("a"),
        configuration: {
          taskPushNotificationConfig: { url: "https://example.com/hook", token: "t" },
        },
      },
      ctx(),
    );
    const list = await h.listTaskPushNotificationConfigs({ taskId: res.task!.id }, ctx());
    expect(list.configs).toHaveLength(1);
    expect(list.configs?.[0]).toMatchObject({
      url: "https://example.com/hook",
      token: "t",
      taskId: res.task!.id,
    });
  });

  it("a push config in the request without push support → PushNotificationNotSupported", async () => {
    const h = createRequestHandler({ executor: echo, agentCard: card });
    await expect(
      h.sendMessage(
        {
          message: userMsg("a"),
          configuration: { taskPushNotificationConfig: { url: "https://x.example/" } },
        },
        ctx(),
      ),
    ).rejects.toSatisfy(code("PUSH_NOTIFICATION_NOT_SUPPORTED"));
  });

  it("enforces required extensions and lets the executor activate extensions", async () => {
    const h = createRequestHandler({
      executor: async (c, e) => {
        c.activateExtension("urn:x");
        await e.complete();
      },
      agentCard: { ...card, capabilities: { extensions: [{ uri: "urn:x", required: true }] } },
    });
    await expect(h.sendMessage({ message: userMsg("a") }, ctx())).rejects.toSatisfy(
      code("EXTENSION_SUPPORT_REQUIRED"),
    );
    const call = ctx("SendMessage", { requestedExtensions: ["urn:x"] });
    await h.sendMessage({ message: userMsg("a") }, call);
    expect([...call.activatedExtensions]).toEqual(["urn:x"]);
  });

  it("an A2AError thrown before any event is returned as that error, with no task", async () => {
    const h = createRequestHandler({
      executor: async () => {
        throw new A2AError("CONTENT_TYPE_NOT_SUPPORTED", "no pdf");
      },
      agentCard: card,
      onError: () => {},
    });
    await expect(h.sendMessage({ message: userMsg("a") }, ctx())).rejects.toSatisfy(
      code("CONTENT_TYPE_NOT_SUPPORTED"),
    );
    expect((await h.listTasks({}, ctx())).totalSize).toBe(0);
  });
});

describe("SendStreamingMessage", () => {
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

  it("a lone message closes the stream", async () => {
    const h = createRequestHandler({ executor: async (_c, e) => e.reply("hi"), agentCard: card });
    const events = await collect(h.sendStreamingMessage({ message: userMsg("x") }, ctx()));
    expect(events.map(kind)).toEqual(["message"]);
  });

  it("closes after an interrupted state", async () => {
    const h = createRequestHandler({
      executor: async (_c, e) => e.requireAuth("sign in"),
      agentCard: card,
    });
    const events = await collect(h.sendStreamingMessage({ message: userMsg("x") }, ctx()));
    expect(events.map(kind)).toEqual([
      "task:TASK_STATE_SUBMITTED",
      "status:TASK_STATE_AUTH_REQUIRED",
    ]);
  });

  it("errors before the first event reject the first next()", async () => {
    const h = createRequestHandler({ executor: echo, agentCard: card });
    const it1 = h
      .sendStreamingMessage({ message: userMsg("x", { taskId: "nope" }) }, ctx())
      [Symbol.asyncIterator]();
    await expect(it1.next()).rejects.toSatisfy(code("TASK_NOT_FOUND"));
    const off = createRequestHandler({
      executor: echo,
      agentCard: { capabilities: { streaming: false } },
    });
    const it2 = off.sendStreamingMessage({ message: userMsg("x") }, ctx())[Symbol.asyncIterator]();
    await expect(it2.next()).rejects.toSatisfy(code("UNSUPPORTED_OPERATION"));
  });

  it("a function agent as an async generator streams chunks of one artifact", async () => {
    const h = createRequestHandler({
      agentCard: card,
      executor: async function* () {
        yield "a";
        yield "b";
        yield "c";
      },
    });
    const events = await collect(h.sendStreamingMessage({ message: userMsg("x") }, ctx()));
    const chunks = events.filter((e) => e.artifactUpdate).map((e) => e.artifactUpdate!);
    expect(chunks.map((c) => c.artifact.parts[0])).toEqual([
      { text: "a" },
      { text: "b" },
      { text: "c" },
    ]);
    expect(chunks.map((c) => c.append ?? false)).toEqual([false, true, true]);
    expect(new Set(chunks.map((c) => c.artifact.artifactId)).size).toBe(1);
    const final = events[events.length - 1]!;
    expect(kind(final)).toBe("status:TASK_STATE_COMPLETED");
    const task = await h.getTask({ id: final.statusUpdate!.taskId }, ctx());
    expect(task.artifacts?.[0]?.parts).toEqual([{ text: "a" }, { text: "b" }, { text: "c" }]);
  });
});

describe("GetExtendedAgentCard", () => {
  it("announced but not configured → ExtendedAgentCardNotConfigured; not announced → UnsupportedOperation", async () => {
    const alice = ctx("GetExtendedAgentCard", { principal: { id: "alice" } });
    const announced = createRequestHandler({
      executor: echo,
      agentCard: { ...card, capabilities: { extendedAgentCard: true } },
    });
    await expect(announced.getExtendedAgentCard({}, alice)).rejects.toSatisfy(
      code("EXTENDED_AGENT_CARD_NOT_CONFIGURED"),
    );
    const plain = createRequestHandler({ executor: echo, agentCard: card });
    await expect(plain.getExtendedAgentCard({}, alice)).rejects.toSatisfy(
      code("UNSUPPORTED_OPERATION"),
    );
  });
});

describe("waiting on the caller's signal", () => {
  it("many blocking calls sharing one signal add one abort listener, and an abort releases all waits", async () => {
    const controller = new AbortController();
    let added = 0;
    const original = controller.signal.addEventListener.bind(controller.signal);
    controller.signal.addEventListener = ((
      ...args: Parameters<AbortSignal["addEventListener"]>
    ) => {
      added++;
      return original(...args);
    }) as AbortSignal["addEventListener"];
    const release = gate();
    const h = createRequestHandler({
      agentCard: card,
      executor: async (_c, e) => {
        await e.working();
        await release.promise;
        await e.complete();
      },
    });
    const call = ctx("SendMessage", { signal: controller.signal });
    const pending = Array.from({ length: 20 }, (_, i) =>
      h.sendMessage({ message: userMsg(`y${i}`) }, call),
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(added).toBe(1);
    controller.abort();
    const results = await Promise.all(pending);
    // the caller went away: the calls return the task as it is (still working)
    expect(results.every((r) => r.task?.status.state === "TASK_STATE_WORKING")).toBe(true);
    release.open();
  });
});
