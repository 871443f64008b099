// @agentmesh/a2a-client card caching (§8.6) and lenient interface choice against the real
// agentmesh server, which sends ETag / Last-Modified and answers conditional GETs with 304.
import { AgentCardCache, createClient, fetchAgentCard } from "@agentmesh/a2a-client/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, fetchCard, startAgentmeshServer } from "./client-support.js";

let srv: TestServer;
beforeAll(async () => {
  srv = await startAgentmeshServer();
});
afterAll(async () => {
  await srv?.close();
});

/** globalThis.fetch, recording the status of every card fetch and its conditional headers. */
function recordingFetch() {
  const seen: { status: number; inm: string | null }[] = [];
  const f: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    if (String(input).includes("/.well-known/"))
      seen.push({ status: res.status, inm: new Headers(init?.headers).get("If-None-Match") });
    return res;
  };
  return { seen, f };
}

describe("card caching against the agentmesh server", () => {
  it("a second fetch through the same cache is a 304 that reuses the card", async () => {
    const { seen, f } = recordingFetch();
    const cardCache = new AgentCardCache();
    const a = await fetchAgentCard(srv.running.url, { fetch: f, cardCache });
    const b = await fetchAgentCard(srv.running.url, { fetch: f, cardCache });
    expect(b.card).toBe(a.card);
    expect(seen[0]).toEqual({ status: 200, inm: null });
    expect(seen[1]?.status).toBe(304);
    expect(seen[1]?.inm).toMatch(/^"/);
  });

  it.each(["jsonrpc", "rest", "grpc"] as const)(
    "client.refreshCard revalidates (%s) and the client keeps working",
    async (prefer) => {
      const { seen, f } = recordingFetch();
      const client = await createClient(srv.running.url, { prefer, fetch: f, extendedCard: false });
      try {
        const card = await client.refreshCard();
        expect(card).toBe(client.publicCard);
        expect(seen.map((s) => s.status)).toEqual([200, 304]);
        const reply = await client.sendMessage("message hi");
        expect("parts" in reply).toBe(true);
      } finally {
        await client.close();
      }
    },
  );
});

describe("interface choice against the agentmesh server", () => {
  it("skips an unknown binding and a 1.0.1 version is 1.0", async () => {
    const card = await fetchCard(srv.running.cardUrl);
    const jsonrpc = card.supportedInterfaces.find((i) => i.protocolBinding === "JSONRPC");
    if (!jsonrpc) throw new Error("the test server declares no JSON-RPC interface");
    const presetCard = {
      ...card,
      supportedInterfaces: [
        { protocolBinding: "WEBSOCKET", url: "ws://127.0.0.1:1/ws", protocolVersion: "1.0" },
        { ...jsonrpc, protocolVersion: "1.0.1" },
      ],
    };
    const client = await createClient(srv.running.url, { presetCard, extendedCard: false });
    try {
      expect(client.binding).toBe("jsonrpc");
      const reply = await client.sendMessage("message hello");
      expect("parts" in reply).toBe(true);
    } finally {
      await client.close();
    }
  });
});
