// Service parameters on the two HTTP bindings against the real server: the activated
// extensions are echoed in the A2A-Extensions response header, A2A-Version may come as a
// query parameter (§3.6.1), and an absent version means 0.3 (refused: only 1.0 is served).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture } from "./fixtures/index.js";
import { ECHO_EXTENSION, type TestServer, startTestServer } from "./test-server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer([fixture("jsonrpc"), fixture("rest")]);
});
afterAll(async () => {
  await server?.close();
});

const message = (text: string) => ({
  messageId: crypto.randomUUID(),
  role: "ROLE_USER",
  parts: [{ text }],
});

const calls = {
  jsonrpc: (query: string, text: string) => ({
    url: `${server.addresses.httpBaseUrl}/a2a/jsonrpc${query}`,
    type: "application/json",
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "SendMessage",
      params: { message: message(text) },
    }),
  }),
  rest: (query: string, text: string) => ({
    url: `${server.addresses.httpBaseUrl}/a2a/rest/message:send${query}`,
    type: "application/a2a+json",
    body: JSON.stringify({ message: message(text) }),
  }),
};

describe.each(["jsonrpc", "rest"] as const)("service parameters over %s", (id) => {
  async function send(headers: Record<string, string>, query = "", text = "hi") {
    const c = calls[id](query, text);
    const res = await fetch(c.url, {
      method: "POST",
      headers: { "content-type": c.type, ...headers },
      body: c.body,
    });
    const json = (await res.json()) as { error?: unknown; result?: unknown };
    const reason = JSON.stringify(json).match(/"reason":"([A-Z_]+)"/)?.[1];
    return { res, json, reason };
  }

  it("echoes the extensions the agent activated, only those", async () => {
    const { res } = await send({
      "A2A-Version": "1.0",
      "A2A-Extensions": `${ECHO_EXTENSION}, https://unknown.example/ext`,
    });
    expect(res.headers.get("a2a-extensions")).toBe(ECHO_EXTENSION);
    const plain = await send({ "A2A-Version": "1.0" });
    expect(plain.res.headers.get("a2a-extensions")).toBeNull();
  });

  it("reads A2A-Version from the query and treats an absent one as 0.3", async () => {
    const q = await send({}, "?A2A-Version=1.0");
    expect(q.reason).toBeUndefined();
    const absent = await send({});
    expect(absent.reason).toBe("VERSION_NOT_SUPPORTED");
    const old = await send({ "A2A-Version": "0.3" });
    expect(old.reason).toBe("VERSION_NOT_SUPPORTED");
  });
});
