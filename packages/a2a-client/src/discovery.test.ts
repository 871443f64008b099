import { A2AClientError } from "@agentmesh/a2a-transport";
import { describe, expect, it } from "vitest";
import { FakeAgent, testCard } from "../test/fake-transport.js";
import { createClient } from "./create-client.js";
import { cardUrlsFor, fetchAgentCard } from "./discovery.js";
import { IncompatibleProtocolVersionError, InvalidCardError } from "./errors.js";

function cardServer(routes: Record<string, () => Response>) {
  const seen: { url: string; version: string | null; auth: string | null }[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = String(input);
    const headers = new Headers(init?.headers);
    seen.push({ url, version: headers.get("A2A-Version"), auth: headers.get("authorization") });
    const route = routes[url];
    return route ? route() : new Response("not found", { status: 404 });
  };
  return { seen, fetchImpl };
}

const json = (v: unknown) => () => Response.json(v);

describe("discovery", () => {
  it("derives the well-known URLs from the base URL", () => {
    expect(cardUrlsFor("http://h:8/")).toEqual([
      "http://h:8/.well-known/agent-card.json",
      "http://h:8/.well-known/agent.json",
    ]);
    expect(cardUrlsFor("http://h:8/agents/a")).toEqual([
      "http://h:8/agents/a/.well-known/agent-card.json",
      "http://h:8/agents/a/.well-known/agent.json",
    ]);
    expect(cardUrlsFor("http://h/card.json")).toEqual(["http://h/card.json"]);
    expect(() => cardUrlsFor("h:8")).toThrow(TypeError);
  });

  it("fetches the card with A2A-Version 1.0 and the configured headers", async () => {
    const s = cardServer({ "http://h/.well-known/agent-card.json": json(testCard()) });
    const { card } = await fetchAgentCard("http://h", {
      fetch: s.fetchImpl,
      headers: { authorization: "Bearer x" },
    });
    expect(card.name).toBe("fake");
    expect(s.seen).toEqual([
      { url: "http://h/.well-known/agent-card.json", version: "1.0", auth: "Bearer x" },
    ]);
  });

  it("falls back to the legacy path on 404", async () => {
    const s = cardServer({ "http://h/.well-known/agent.json": json(testCard()) });
    const { url } = await fetchAgentCard("http://h", { fetch: s.fetchImpl });
    expect(url).toBe("http://h/.well-known/agent.json");
    expect(s.seen.map((x) => x.url)).toEqual([
      "http://h/.well-known/agent-card.json",
      "http://h/.well-known/agent.json",
    ]);
  });

  it("refuses a v0.3 card with IncompatibleProtocolVersionError", async () => {
    const v03 = {
      name: "x",
      url: "http://h/rpc",
      protocolVersion: "0.3",
      preferredTransport: "JSONRPC",
    };
    const s = cardServer({ "http://h/.well-known/agent-card.json": json(v03) });
    const err = await fetchAgentCard("http://h", { fetch: s.fetchImpl }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IncompatibleProtocolVersionError);
    expect((err as IncompatibleProtocolVersionError).offered).toEqual(["0.3"]);
  });

  it("rejects an invalid card with InvalidCardError listing every problem", async () => {
    const bad = { name: "x", skills: "none" };
    const s = cardServer({ "http://h/.well-known/agent-card.json": json(bad) });
    const err = await fetchAgentCard("http://h", { fetch: s.fetchImpl }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidCardError);
    const paths = (err as InvalidCardError).problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "description",
        "supportedInterfaces",
        "version",
        "defaultInputModes",
      ]),
    );
    expect((err as Error).message).toContain("http://h/.well-known/agent-card.json");
  });

  it("maps an HTTP 401 on the card to Unauthenticated", async () => {
    const s = cardServer({
      "http://h/.well-known/agent-card.json": () => new Response("no", { status: 401 }),
    });
    const err = await fetchAgentCard("http://h", { fetch: s.fetchImpl }).catch((e: unknown) => e);
    expect((err as { code: string }).code).toBe("UNAUTHENTICATED");
    expect((err as Error).message).toContain("HTTP 401");
  });

  it("rejects a body that is not JSON", async () => {
    const s = cardServer({ "http://h/.well-known/agent-card.json": () => new Response("<html>") });
    await expect(fetchAgentCard("http://h", { fetch: s.fetchImpl })).rejects.toBeInstanceOf(
      InvalidCardError,
    );
  });

  it("createClient discovers, picks the binding and builds its transport", async () => {
    const card = testCard({
      interfaces: [
        { protocolBinding: "GRPC", url: "h:9" },
        { protocolBinding: "JSONRPC", url: "http://h/rpc" },
      ],
    });
    const s = cardServer({ "http://h/.well-known/agent-card.json": json(card) });
    const agent = new FakeAgent();
    const seen: string[] = [];
    const client = await createClient("http://h", {
      fetch: s.fetchImpl,
      prefer: "jsonrpc",
      jsonRpcTransport: (o) => {
        seen.push(o.url, o.agentInterface.protocolBinding);
        return agent.transport();
      },
    });
    expect(client.binding).toBe("jsonrpc");
    expect(seen).toEqual(["http://h/rpc", "JSONRPC"]);
  });

  it("the card fetch honours the timeout and the signal", async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_, reject) => {
        const signal = init?.signal;
        signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
      });
    const timedOut = await createClient("http://h", { fetch: hanging, timeout: 20 }).catch(
      (e: unknown) => e,
    );
    expect(timedOut).toBeInstanceOf(A2AClientError);
    expect((timedOut as A2AClientError).code).toBe("TIMEOUT");
    const ctl = new AbortController();
    const pending = createClient("http://h", { fetch: hanging, signal: ctl.signal }).catch(
      (e: unknown) => e,
    );
    ctl.abort();
    expect(((await pending) as A2AClientError).code).toBe("ABORTED");
  });

  it("presetCard skips the round trip", async () => {
    const s = cardServer({});
    const agent = new FakeAgent();
    const client = await createClient("http://h", {
      fetch: s.fetchImpl,
      presetCard: testCard(),
      jsonRpcTransport: () => agent.transport(),
    });
    expect(client.card.name).toBe("fake");
    expect(s.seen).toHaveLength(0);
  });
});
