import { describe, expect, it } from "vitest";
import { FakeAgent, testCard } from "../test/fake-transport.js";
import { AgentCardCache } from "./card-cache.js";
import { createClient, createClientFromCard } from "./create-client.js";
import { fetchAgentCard } from "./discovery.js";

const CARD_URL = "http://h/.well-known/agent-card.json";

/** A card endpoint that answers conditional GETs like our server (ETag + Last-Modified). */
function conditionalServer(validators: { etag?: string; lastModified?: string }) {
  const seen: { inm: string | null; ims: string | null; status: number }[] = [];
  let card = testCard();
  const fetchImpl: typeof fetch = async (input, init) => {
    if (String(input) !== CARD_URL) return new Response("no", { status: 404 });
    const h = new Headers(init?.headers);
    const inm = h.get("If-None-Match");
    const ims = h.get("If-Modified-Since");
    const fresh =
      (validators.etag !== undefined && inm === validators.etag) ||
      (inm === null && validators.lastModified !== undefined && ims === validators.lastModified);
    const headers: Record<string, string> = {};
    if (validators.etag) headers["etag"] = validators.etag;
    if (validators.lastModified) headers["last-modified"] = validators.lastModified;
    const status = fresh ? 304 : 200;
    seen.push({ inm, ims, status });
    return fresh ? new Response(null, { status, headers }) : Response.json(card, { headers });
  };
  return {
    seen,
    fetchImpl,
    change(next: { etag: string; name: string }) {
      validators.etag = next.etag;
      card = { ...testCard(), name: next.name };
    },
  };
}

describe("card caching (§8.6)", () => {
  it("revalidates with If-None-Match and reuses the card on 304", async () => {
    const s = conditionalServer({ etag: '"v1"' });
    const cardCache = new AgentCardCache();
    const first = await fetchAgentCard("http://h", { fetch: s.fetchImpl, cardCache });
    const second = await fetchAgentCard("http://h", { fetch: s.fetchImpl, cardCache });
    expect(second.card).toBe(first.card);
    expect(s.seen).toEqual([
      { inm: null, ims: null, status: 200 },
      { inm: '"v1"', ims: null, status: 304 },
    ]);
    expect(cardCache.get(CARD_URL)?.etag).toBe('"v1"');
  });

  it("uses If-Modified-Since when there is no ETag, and stores nothing without validators", async () => {
    const lm = "Sat, 21 Nov 2026 12:00:00 GMT";
    const s = conditionalServer({ lastModified: lm });
    const cardCache = new AgentCardCache();
    await fetchAgentCard("http://h", { fetch: s.fetchImpl, cardCache });
    await fetchAgentCard("http://h", { fetch: s.fetchImpl, cardCache });
    expect(s.seen.map((x) => [x.ims, x.status])).toEqual([
      [null, 200],
      [lm, 304],
    ]);
    const plain = conditionalServer({});
    const empty = new AgentCardCache();
    await fetchAgentCard("http://h", { fetch: plain.fetchImpl, cardCache: empty });
    expect(empty.get(CARD_URL)).toBeUndefined();
  });

  it("client.refreshCard reuses on 304 and picks up a changed card", async () => {
    const s = conditionalServer({ etag: '"v1"' });
    const agent = new FakeAgent();
    const client = await createClient("http://h", {
      fetch: s.fetchImpl,
      jsonRpcTransport: () => agent.transport(),
    });
    const before = client.card;
    expect(await client.refreshCard()).toBe(before);
    expect(s.seen.at(-1)).toEqual({ inm: '"v1"', ims: null, status: 304 });
    s.change({ etag: '"v2"', name: "renamed" });
    const after = await client.refreshCard();
    expect(after.name).toBe("renamed");
    expect(client.card).toBe(after);
    expect(client.publicCard).toBe(after);
    expect(s.seen.at(-1)).toEqual({ inm: '"v1"', ims: null, status: 200 });
  });

  it("a shared cardCache makes the second client's discovery conditional", async () => {
    const s = conditionalServer({ etag: '"v1"' });
    const agent = new FakeAgent();
    const cardCache = new AgentCardCache();
    const opts = { fetch: s.fetchImpl, cardCache, jsonRpcTransport: () => agent.transport() };
    const a = await createClient("http://h", opts);
    const b = await createClient("http://h", opts);
    expect(b.card).toBe(a.card);
    expect(s.seen.map((x) => x.status)).toEqual([200, 304]);
  });

  it("refreshCard without a card URL says how to get one", async () => {
    const agent = new FakeAgent();
    const client = await createClientFromCard(testCard(), {
      jsonRpcTransport: () => agent.transport(),
    });
    await expect(client.refreshCard()).rejects.toThrow(/createClient\(url\)/);
  });
});
