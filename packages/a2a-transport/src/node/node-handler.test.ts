import { type IncomingMessage, type Server, createServer, request as httpRequest } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { toNodeHandler } from "../node.js";
import { RAW_BODY } from "./node-response.js";

let server: Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => {
    if (!server) return resolve();
    server.closeAllConnections();
    server.close(() => resolve());
  });
  server = undefined;
});

async function listen(
  handler: (req: Request) => Promise<Response>,
  opts: { maxBodyBytes?: number; before?: (req: IncomingMessage) => Promise<void> } = {},
): Promise<string> {
  const listener = toNodeHandler(
    handler,
    opts.maxBodyBytes === undefined ? {} : { maxBodyBytes: opts.maxBodyBytes },
  );
  server = createServer((req, res) => {
    if (opts.before) void opts.before(req).then(() => listener(req, res));
    else listener(req, res);
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

function until(cond: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const tick = () => (cond() ? resolve() : setTimeout(tick, 5));
    tick();
  });
}

describe("toNodeHandler", () => {
  it("passes method, url, headers and body through and streams the response back", async () => {
    const base = await listen(async (req) => {
      const body = await req.text();
      return new Response(
        JSON.stringify({ method: req.method, url: req.url, x: req.headers.get("x-test"), body }),
        { status: 201, headers: { "content-type": "application/json", "x-out": "1" } },
      );
    });
    const res = await fetch(`${base}/a/b:send?q=1`, {
      method: "POST",
      headers: { "x-test": "yes" },
      body: "hello",
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("x-out")).toBe("1");
    expect(await res.json()).toEqual({
      method: "POST",
      url: `${base}/a/b:send?q=1`,
      x: "yes",
      body: "hello",
    });
  });

  it("streams a chunked upload and writes a RAW_BODY response directly", async () => {
    const base = await listen(async (req) => {
      const size = (await req.arrayBuffer()).byteLength;
      const res = new Response("ignored");
      (res as Response & { [RAW_BODY]?: string })[RAW_BODY] = `size=${size}`;
      return res;
    });
    const big = new Uint8Array(3 * 1024 * 1024).fill(97);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < big.length; i += 65536) c.enqueue(big.subarray(i, i + 65536));
        c.close();
      },
    });
    const res = await fetch(`${base}/`, {
      method: "POST",
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(await res.text()).toBe(`size=${big.length}`);
  });

  it("fails the body stream with BodyTooLargeError past maxBodyBytes (declared and chunked)", async () => {
    const base = await listen(
      async (req) => {
        try {
          await req.arrayBuffer();
          return new Response("read", { status: 200 });
        } catch (err) {
          const e = err as Error & { limit?: number };
          return new Response(`${e.name}:${e.limit}`, { status: 413 });
        }
      },
      { maxBodyBytes: 1000 },
    );
    const declared = await fetch(`${base}/`, { method: "POST", body: "x".repeat(5000) });
    expect(declared.status).toBe(413);
    expect(await declared.text()).toBe("BodyTooLargeError:1000");
    const chunked = await fetch(`${base}/`, {
      method: "POST",
      body: new Blob(["y".repeat(5000)]).stream(),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
    const ok = await fetch(`${base}/`, { method: "POST", body: "x".repeat(1000) });
    expect(await ok.text()).toBe("read");
  });

  it("forwards a body that Express-style middleware already parsed", async () => {
    const base = await listen(async (req) => new Response(await req.text()), {
      // like express.json(): drain the stream, then set req.body
      before: (req) =>
        new Promise<void>((resolve) => {
          req.resume();
          req.once("end", () => {
            (req as IncomingMessage & { body?: unknown }).body = { parsed: true };
            resolve();
          });
        }),
    });
    const res = await fetch(`${base}/`, { method: "POST", body: '{"raw":1}' });
    expect(await res.text()).toBe('{"parsed":true}');
  });

  it("answers 500 when the handler throws, and keeps serving", async () => {
    let calls = 0;
    const base = await listen(async () => {
      calls++;
      if (calls === 1) throw new Error("boom");
      return new Response("fine");
    });
    const bad = await fetch(`${base}/`);
    expect(bad.status).toBe(500);
    const good = await fetch(`${base}/`);
    expect(await good.text()).toBe("fine");
  });

  it("aborts request.signal and cancels the body when the client disconnects", async () => {
    let aborted = false;
    let cancelled = false;
    let pulls = 0;
    const base = await listen(async (req) => {
      req.signal.addEventListener("abort", () => {
        aborted = true;
      });
      const body = new ReadableStream<Uint8Array>(
        {
          pull(c) {
            pulls++;
            c.enqueue(new Uint8Array(64 * 1024));
          },
          cancel() {
            cancelled = true;
          },
        },
        { highWaterMark: 0 },
      );
      return new Response(body, { headers: { "content-type": "text/event-stream" } });
    });
    const url = new URL(base);
    const clientReq = httpRequest({ host: url.hostname, port: url.port, path: "/" });
    const res = await new Promise<IncomingMessage>((resolve) => {
      clientReq.on("response", resolve);
      clientReq.end();
    });
    expect(res.headers["content-type"]).toBe("text/event-stream");
    // Do not read: the producer must stop once the socket buffers are full (backpressure).
    res.pause();
    let last = -1;
    await until(() => {
      const stable = pulls === last;
      last = pulls;
      return stable && pulls > 0;
    });
    expect(pulls * 64 * 1024).toBeLessThan(64 * 1024 * 1024);
    res.destroy();
    clientReq.destroy();
    await until(() => aborted && cancelled);
    expect(aborted).toBe(true);
    expect(cancelled).toBe(true);
    const again = await fetch(`${base}/`, { signal: AbortSignal.timeout(5000) }).catch(() => null);
    expect(again?.status).toBe(200);
    await again?.body?.cancel();
  });

  it("survives clients that reset mid-body or send garbage, and keeps serving", async () => {
    let calls = 0;
    let failures = 0;
    const base = await listen(async (req) => {
      calls++;
      try {
        await req.text();
      } catch {
        failures++;
      }
      return new Response("ok");
    });
    const { port } = new URL(base);
    const rawSend = (bytes: string) =>
      new Promise<void>((resolve) => {
        const s = connect(Number(port), "127.0.0.1", () => {
          s.write(bytes);
          setTimeout(() => {
            s.resetAndDestroy();
            resolve();
          }, 50);
        });
        s.on("error", () => resolve());
      });
    // a small declared body cut short: read before the handler runs, so it never runs
    await rawSend("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n0123456789");
    // a chunked (streamed) body cut short: the handler's read fails
    await rawSend(
      "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\na\r\n0123456789\r\n",
    );
    // bytes that are not HTTP at all
    await rawSend("\u0000\u0001 garbage\r\n\r\n");
    await until(() => failures === 1);
    expect(calls).toBe(1);
    const ok = await fetch(`${base}/`, { method: "POST", body: "fine" });
    expect(await ok.text()).toBe("ok");
    expect(calls).toBe(2);
  });

  it("hands small bodies over in one buffer, also under RAW_REQUEST_BODY", async () => {
    const seen: string[] = [];
    const base = await listen(async (req) => {
      const raw = (req as Request & { [k: symbol]: unknown })[
        Symbol.for("@agentmesh/a2a-transport/raw-request-body")
      ];
      seen.push(raw instanceof Uint8Array ? Buffer.from(raw).toString() : "none");
      return new Response(await req.text());
    });
    const res = await fetch(`${base}/`, { method: "POST", body: "small body" });
    expect(await res.text()).toBe("small body");
    const chunked = await fetch(`${base}/`, {
      method: "POST",
      body: new Blob(["streamed"]).stream(),
      duplex: "half",
    } as RequestInit);
    expect(await chunked.text()).toBe("streamed");
    expect(seen).toEqual(["small body", "none"]);
  });
});
