import { A2AClientError, A2AError } from "@agentmesh/a2a-transport";
import { describe, expect, it } from "vitest";
import { FakeAgent, script, testCard } from "../test/fake-transport.js";
import { createClientFromCard } from "./create-client.js";
import { CLIENT_TOOLS_EXTENSION, ClientToolsNotSupportedError, TaskFailedError } from "./errors.js";

function setup(options: Parameters<typeof createClientFromCard>[1] = {}, card = testCard()) {
  const agent = new FakeAgent();
  return {
    agent,
    client: createClientFromCard(card, { jsonRpcTransport: () => agent.transport(), ...options }),
  };
}

describe("operations", () => {
  it("sendMessage blocks by default and returns the task", async () => {
    const { agent, client } = setup();
    const task = await (await client).sendMessage("hi");
    expect("id" in task && task.status.state).toBe("TASK_STATE_COMPLETED");
    const req = agent.requests[0]?.req as {
      message: { role: string; parts: unknown[]; messageId: string };
    };
    expect(req.message.role).toBe("ROLE_USER");
    expect(req.message.parts).toEqual([{ text: "hi" }]);
    expect(req.message.messageId).toMatch(/[0-9a-f-]{36}/);
    expect(req).not.toHaveProperty("configuration");
  });

  it("sendMessage passes taskId, contextId, historyLength and returnImmediately", async () => {
    const { agent, client } = setup({ historyLength: 2 });
    await (await client).sendMessage([{ text: "a" }], {
      taskId: "t-1",
      contextId: "c-1",
      returnImmediately: true,
    });
    expect(agent.requests[0]?.req).toMatchObject({
      message: { taskId: "t-1", contextId: "c-1" },
      configuration: { historyLength: 2, returnImmediately: true },
    });
  });

  it("sendMessage throws TaskFailedError for a failed task, or returns it when asked", async () => {
    const failing = new FakeAgent(script("TASK_STATE_FAILED"));
    const c1 = await createClientFromCard(testCard(), {
      jsonRpcTransport: () => failing.transport(),
    });
    await expect(c1.sendMessage("x")).rejects.toBeInstanceOf(TaskFailedError);
    const again = new FakeAgent(script("TASK_STATE_FAILED"));
    const c2 = await createClientFromCard(testCard(), {
      jsonRpcTransport: () => again.transport(),
      throwOnTaskError: false,
    });
    const t = await c2.sendMessage("x");
    expect("status" in t && t.status.state).toBe("TASK_STATE_FAILED");
  });

  it("puts the interface tenant on every request", async () => {
    const card = testCard({
      interfaces: [{ protocolBinding: "JSONRPC", url: "http://127.0.0.1:1/rpc", tenant: "acme" }],
    });
    const { agent, client } = setup({}, card);
    const c = await client;
    expect(c.tenant).toBe("acme");
    await c.sendMessage("hi");
    await c.getTask("t-1");
    await c.cancelTask("t-1");
    await c.listTasks();
    await c.createTaskPushNotificationConfig({ taskId: "t-1", url: "https://hooks.example/a" });
    await c.getTaskPushNotificationConfig({ taskId: "t-1", id: "cfg-1" });
    await c.listTaskPushNotificationConfigs({ taskId: "t-1" });
    await c.deleteTaskPushNotificationConfig({ taskId: "t-1", id: "cfg-1" });
    await c.getExtendedAgentCard();
    expect(agent.requests).toHaveLength(9);
    for (const r of agent.requests) expect(r.req).toMatchObject({ tenant: "acme" });
  });

  it("the tenant option overrides the interface's; no tenant key when there is none", async () => {
    const { agent, client } = setup({ tenant: "other" });
    await (await client).getTask("t-x").catch(() => {});
    expect(agent.requests[0]?.req).toEqual({ id: "t-x", tenant: "other" });
    const plain = setup();
    await (await plain.client).getTask("t-x").catch(() => {});
    expect(plain.agent.requests[0]?.req).toEqual({ id: "t-x" });
  });

  it("listAllTasks follows nextPageToken over every page", async () => {
    const { agent, client } = setup();
    const ids: string[] = [];
    for await (const t of (await client).listAllTasks({ pageSize: 2 })) ids.push(t.id);
    expect(ids).toEqual(["t-1", "t-2", "t-3"]);
    expect(agent.requests.map((r) => r.req)).toEqual([
      { pageSize: 2 },
      { pageSize: 2, pageToken: "p2" },
    ]);
  });

  it("listTaskPages stops with InvalidAgentResponse when a page token repeats", async () => {
    const agent = new FakeAgent();
    const client = await createClientFromCard(testCard(), {
      jsonRpcTransport: () => ({
        ...agent.transport(),
        listTasks: async () => ({ tasks: [], nextPageToken: "same", pageSize: 0, totalSize: 0 }),
      }),
    });
    const err = await (async () => {
      for await (const _ of client.listAllTasks()) {
        // drain
      }
    })().catch((e: unknown) => e);
    expect((err as A2AError).code).toBe("INVALID_AGENT_RESPONSE");
  });

  it("push config operations return what the transport gives", async () => {
    const { client } = setup();
    const c = await client;
    const created = await c.createTaskPushNotificationConfig({
      taskId: "t-1",
      url: "https://hooks.example/a",
    });
    expect(created.id).toBe("cfg-1");
    expect((await c.listTaskPushNotificationConfigs({ taskId: "t-1" })).configs).toHaveLength(1);
    await expect(
      c.deleteTaskPushNotificationConfig({ taskId: "t-1", id: "cfg-1" }),
    ).resolves.toBeUndefined();
  });

  it("a protocol error reaches the caller as the transport's A2AError", async () => {
    const { client } = setup();
    const err = await (await client).getTask("nope").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(A2AError);
    expect((err as A2AError).code).toBe("TASK_NOT_FOUND");
  });

  it("times out a hanging call with A2AClientError TIMEOUT", async () => {
    const { agent, client } = setup({ timeout: 20 });
    agent.hangUnary = true;
    const err = await (await client).getTask("t-1").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(A2AClientError);
    expect((err as A2AClientError).code).toBe("TIMEOUT");
    expect(agent.requests[0]?.opts?.signal?.aborted).toBe(true);
  });

  it("an already aborted signal fails the call at once", async () => {
    const { agent, client } = setup();
    const ctl = new AbortController();
    ctl.abort();
    const err = await (await client)
      .getTask("t-1", { signal: ctl.signal })
      .catch((e: unknown) => e);
    expect((err as A2AClientError).code).toBe("ABORTED");
    expect(agent.requests).toHaveLength(0);
  });

  it("passes per-call headers and the client's extensions to the transport", async () => {
    const { agent, client } = setup({ extensions: ["urn:x:1"] });
    await (await client).getTask("t-1", { headers: { "x-trace": "1" } }).catch(() => {});
    expect(agent.requests[0]?.opts).toMatchObject({
      headers: { "x-trace": "1" },
      extensions: ["urn:x:1"],
    });
  });
});

describe("extended card", () => {
  it("is fetched automatically when the card advertises it", async () => {
    const { agent, client } = setup({}, testCard({ extendedAgentCard: true }));
    const c = await client;
    expect(agent.requests.map((r) => r.method)).toEqual(["GetExtendedAgentCard"]);
    expect(c.card.name).toBe("fake (extended)");
    expect(c.publicCard.name).toBe("fake");
  });

  it("is not fetched when the card does not advertise it or extendedCard is false", async () => {
    const a = setup();
    await a.client;
    const b = setup({ extendedCard: false }, testCard({ extendedAgentCard: true }));
    await b.client;
    expect([...a.agent.requests, ...b.agent.requests]).toHaveLength(0);
  });
});

describe("client tools", () => {
  it("refuses the client-tools extension when the card does not declare it", async () => {
    await expect(setup({ extensions: [CLIENT_TOOLS_EXTENSION] }).client).rejects.toBeInstanceOf(
      ClientToolsNotSupportedError,
    );
    const ok = setup(
      { extensions: [CLIENT_TOOLS_EXTENSION] },
      testCard({ extensions: [{ uri: CLIENT_TOOLS_EXTENSION }] }),
    );
    await expect(ok.client).resolves.toBeDefined();
  });
});
