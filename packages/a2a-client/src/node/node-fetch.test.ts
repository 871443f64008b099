import { once } from "node:events";
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNodeFetch } from "./node-fetch.js";

let server: Server;
let base: string;
const sockets = new Set<number>();

function route(req: IncomingMessage, res: ServerResponse): void {
  sockets.add(req.socket.remotePort ?? 0);
  let body = "";
  req.on("data", (c: Buffer) => {
    body += c.toString();
  });
  req.on("end", () => {
    const url = new URL(req.url ?? "/", base);
    if (url.pathname === "/echo") {
      res.setHeader("content-type", "application/json");
      res.setHeader("set-cookie", ["a=1", "b=2"]);
      res.end(
        JSON.stringify({
          method: req.method,
          body,
          type: req.headers["content-type"],
          auth: req.headers.authorization,
        }),
      );
    } else if (url.pathname === "/304") {
      res.writeHead(304, { etag: '"x"' }).end();
    } else if (url.pathname === "/sse") {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: one\n\n");
      setTimeout(() => res.end("data: two\n\n"), 20);
    } else if (url.pathname === "/hang") {
      res.writeHead(200, { "content-type": "application/json" });
      res.write("{");
    } else if (url.pathname === "/cut") {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write("{");
      setTimeout(() => req.socket.destroy(), 10);
    } else res.writeHead(404).end("no");
  });
}

beforeAll(async () => {
  server = createServer(route);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe("createNodeFetch", () => {
  it("POSTs a string body with headers and reads the response like fetch", async () => {
    const f = createNodeFetch();
    const res = await f(`${base}/echo`, {
      method: "POST",
      headers: { authorization: "Bearer t", "content-type": "application/json" },
      body: '{"x":1}',
    });
    expect(res.ok).toBe(true);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("set-cookie")).toBe("a=1, b=2");
    expect(await res.json()).toEqual({
      method: "POST",
      body: '{"x":1}',
      type: "application/json",
      auth: "Bearer t",
    });
    f.close();
  });

  it("reuses one keep-alive connection for sequential requests", async () => {
    const f = createNodeFetch();
    sockets.clear();
    for (let i = 0; i < 5; i++) await (await f(new URL(`${base}/echo`))).text();
    expect(sockets.size).toBe(1);
    f.close();
  });

  it("serves overlapping first calls (the node:http load happens once)", async () => {
    const f = createNodeFetch();
    const all = await Promise.all([1, 2, 3].map(() => f(`${base}/echo`).then((r) => r.json())));
    expect(all.map((x) => (x as { method: string }).method)).toEqual(["GET", "GET", "GET"]);
    f.close();
  });

  it("answers 304 and 404 with their status", async () => {
    const f = createNodeFetch();
    const nm = await f(`${base}/304`);
    expect(nm.status).toBe(304);
    expect(nm.body).toBeNull();
    expect(nm.headers.get("etag")).toBe('"x"');
    const nf = await f(`${base}/nope`);
    expect(nf.status).toBe(404);
    expect(await nf.text()).toBe("no");
    f.close();
  });

  it("streams a text/event-stream body as it arrives", async () => {
    const f = createNodeFetch();
    const res = await f(`${base}/sse`);
    const reader = res.body?.getReader();
    if (!reader) throw new Error("no body");
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("data: one\n\n");
    let rest = "";
    for (let r = await reader.read(); !r.done; r = await reader.read())
      rest += new TextDecoder().decode(r.value);
    expect(rest).toBe("data: two\n\n");
    f.close();
  });

  it("rejects with the signal's reason on abort, before or during the response", async () => {
    const f = createNodeFetch();
    const early = new AbortController();
    early.abort(new Error("early"));
    await expect(f(`${base}/echo`, { signal: early.signal })).rejects.toThrow("early");
    const late = new AbortController();
    const pending = f(`${base}/hang`, { signal: late.signal });
    setTimeout(() => late.abort(new Error("late")), 20);
    await expect(pending).rejects.toThrow("late");
    f.close();
  });

  it("fails like fetch (TypeError with a cause) when the connection fails or is cut", async () => {
    const f = createNodeFetch();
    const probe = createServer();
    probe.listen(0, "127.0.0.1");
    await once(probe, "listening");
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const refused = await f(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TypeError);
    expect((refused as Error).cause).toBeDefined();
    const cut = await f(`${base}/cut`).catch((e: unknown) => e);
    expect(cut).toBeInstanceOf(TypeError);
    f.close();
  });

  it("hands a Request to the built-in fetch", async () => {
    const f = createNodeFetch();
    const res = await f(new Request(`${base}/echo`, { method: "PUT", body: "r" }));
    expect(await res.json()).toMatchObject({ method: "PUT", body: "r" });
    f.close();
  });
});
