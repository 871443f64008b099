import { createCallContext } from "@agentmesh/a2a-transport";
import type { AgentCard, Message } from "@agentmesh/a2a-types";
import { describe, expect, it, vi } from "vitest";
import { fakeBinding } from "../test/fake-binding.js";
import { userMsg } from "../test/helpers.js";
import { A2AServer } from "./a2a-server.js";
import { InMemoryPushConfigStore } from "./store/push-config-store.js";

const agent = {
  name: "Echo",
  description: "Echoes what you say",
  version: "1.0.0",
  skills: [{ id: "echo", name: "Echo", description: "echo", tags: ["echo"] }],
};

describe("A2AServer", () => {
  it("builds the card from the bindings and the options", async () => {
    const server = new A2AServer(async () => "hi", {
      agent,
      bindings: [
        fakeBinding({ path: "/a2a/jsonrpc" }),
        fakeBinding({ path: "/a2a/rest", protocolBinding: "HTTP+JSON" }),
      ],
      pushConfigStore: new InMemoryPushConfigStore(),
      extendedCard: {
        skills: [...agent.skills, { id: "x", name: "X", description: "x", tags: ["x"] }],
      },
    });
    const card = server.agentCard({ httpBaseUrl: "http://h:1" });
    expect(card.supportedInterfaces).toEqual([
      { url: "http://h:1/a2a/jsonrpc", protocolBinding: "JSONRPC", protocolVersion: "1.0" },
      { url: "http://h:1/a2a/rest", protocolBinding: "HTTP+JSON", protocolVersion: "1.0" },
    ]);
    expect(card.capabilities).toEqual({
      streaming: true,
      pushNotifications: true,
      extendedAgentCard: true,
    });
    const plain = new A2AServer(async () => "hi", { agent, bindings: [fakeBinding()] });
    expect(plain.agentCard({ httpBaseUrl: "http://h" }).capabilities).toEqual({
      streaming: true,
      pushNotifications: false,
    });
  });

  it("serves the card with caching headers, ETag revalidation and the legacy path", async () => {
    const server = new A2AServer(async () => "hi", {
      agent,
      bindings: [fakeBinding()],
      cardModifier: (c) => ({ ...c, description: `${c.description}!` }),
    });
    const res = await server.fetch(new Request("http://example.test/.well-known/agent-card.json"));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/max-age=\d+/);
    const etag = res.headers.get("etag");
    expect(etag).toMatch(/^".+"$/);
    expect(res.headers.get("last-modified")).toBeTruthy();
    const card = (await res.json()) as AgentCard;
    expect(card.description).toBe("Echoes what you say!");
    expect(card.supportedInterfaces[0]?.url).toBe("http://example.test/a2a/fake");
    const again = await server.fetch(
      new Request("http://example.test/.well-known/agent-card.json", {
        headers: { "if-none-match": etag! },
      }),
    );
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const legacy = await server.fetch(new Request("http://example.test/.well-known/agent.json"));
    expect(legacy.headers.get("etag")).toBe(etag);
    const post = await server.fetch(
      new Request("http://example.test/.well-known/agent.json", { method: "POST" }),
    );
    expect(post.status).toBe(405);
  });

  it("routes to each binding by mount path, with one shared handler and the server's options", async () => {
    const a = fakeBinding({ path: "/a" });
    const auth = () => ({ id: "p" });
    const server = new A2AServer(async () => "hi", {
      agent,
      bindings: [a],
      authenticate: auth,
      maxBodyBytes: 10,
    });
    expect(a.seen[0]?.handler).toBe(server.handler);
    expect(a.seen[0]?.authenticate).toBe(auth);
    expect(a.seen[0]?.maxBodyBytes).toBe(10);
    const res = await server.fetch(
      new Request("http://x/a", {
        method: "POST",
        body: JSON.stringify({ message: userMsg("yo") }),
      }),
    );
    const body = (await res.json()) as { task: { artifacts: { parts: unknown[] }[] } };
    expect(body.task.artifacts[0]?.parts).toEqual([{ text: "hi" }]);
    expect((await server.fetch(new Request("http://x/elsewhere"))).status).toBe(404);
    await server.close();
  });

  it("GetExtendedAgentCard: needs authentication, applies the extended modifier with the call", async () => {
    const server = new A2AServer(async () => "hi", {
      agent,
      bindings: [fakeBinding()],
      extendedCard: { description: "for members" },
      authenticate: () => undefined,
      extendedCardModifier: (card, call) => ({
        ...card,
        name: `${card.name} for ${call.principal?.id}`,
      }),
    });
    server.setAddresses({ httpBaseUrl: "http://h" });
    const anon = createCallContext({ method: "GetExtendedAgentCard", binding: "JSONRPC" });
    await expect(server.handler.getExtendedAgentCard({}, anon)).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    const alice = createCallContext({
      method: "GetExtendedAgentCard",
      binding: "JSONRPC",
      principal: { id: "alice" },
    });
    const card = await server.handler.getExtendedAgentCard({}, alice);
    expect(card.name).toBe("Echo for alice");
    expect(card.description).toBe("for members");
    expect(card.supportedInterfaces[0]?.url).toBe("http://h/a2a/fake");
    const none = new A2AServer(async () => "hi", { agent, bindings: [fakeBinding()] });
    await expect(none.handler.getExtendedAgentCard({}, alice)).rejects.toMatchObject({
      code: "UNSUPPORTED_OPERATION",
    });
  });
});

describe("A2AServer input modes", () => {
  const send = (server: A2AServer, parts: Message["parts"]) =>
    server.handler.sendMessage(
      { message: userMsg("x", { parts }) },
      createCallContext({ method: "SendMessage", binding: "JSONRPC" }),
    );
  const data = [{ data: { city: "Paris" } }];
  const png = [{ raw: "AAAA", mediaType: "image/png" }];

  it("are not enforced when the agent declares none: data parts are accepted", async () => {
    const server = new A2AServer(async () => "ok", { agent });
    expect((await send(server, data)).task?.status.state).toBe("TASK_STATE_COMPLETED");
    expect((await send(server, png)).task?.status.state).toBe("TASK_STATE_COMPLETED");
  });

  it("are enforced when declared: defaultInputModes, or a skill's inputModes (plus text/plain)", async () => {
    const declared = new A2AServer(async () => "ok", {
      agent: { ...agent, defaultInputModes: ["text/plain"] },
    });
    await expect(send(declared, data)).rejects.toMatchObject({
      code: "CONTENT_TYPE_NOT_SUPPORTED",
    });
    const bySkill = new A2AServer(async () => "ok", {
      agent: { ...agent, skills: [{ ...agent.skills[0]!, inputModes: ["image/*"] }] },
    });
    expect((await send(bySkill, png)).task?.status.state).toBe("TASK_STATE_COMPLETED");
    expect((await send(bySkill, [{ text: "hi" }])).task?.status.state).toBe("TASK_STATE_COMPLETED");
    await expect(send(bySkill, data)).rejects.toMatchObject({
      code: "CONTENT_TYPE_NOT_SUPPORTED",
    });
  });
});

describe("A2AServer extended card without an authenticator", () => {
  it("warns at construction, unless anonymous access is chosen with extendedCardRequiresAuth: false", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      new A2AServer(async () => "hi", { agent, extendedCard: { description: "x" } });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(
        /no authenticate.*extendedCardRequiresAuth: false/,
      );
      new A2AServer(async () => "hi", {
        agent,
        extendedCard: { description: "x" },
        authenticate: () => undefined,
      });
      const open = new A2AServer(async () => "hi", {
        agent,
        bindings: [fakeBinding()],
        extendedCard: { description: "for everyone" },
        extendedCardRequiresAuth: false,
      });
      expect(warn).toHaveBeenCalledTimes(1);
      open.setAddresses({ httpBaseUrl: "http://h" });
      const anon = createCallContext({ method: "GetExtendedAgentCard", binding: "JSONRPC" });
      expect((await open.handler.getExtendedAgentCard({}, anon)).description).toBe("for everyone");
    } finally {
      warn.mockRestore();
    }
  });
});
