import type { Agent, ClientRequest, IncomingMessage, RequestOptions } from "node:http";

type Stack = {
  agent: Agent;
  request: (url: URL, options: RequestOptions) => ClientRequest;
};

/** Options of {@link createNodeFetch}. */
export interface NodeFetchOptions {
  /** Idle keep-alive sockets kept per host. Default: `16`. */
  maxFreeSockets?: number;
}

/** A `fetch` with a `close()` that ends its idle keep-alive sockets. */
export type NodeFetch = typeof fetch & { close(): void };

const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * A `fetch` for the HTTP bindings on Node, over `node:http` / `node:https` with keep-alive
 * agents instead of the built-in `fetch` (undici), whose per-request work (Request object,
 * body streams, abort wiring) dominated the client's CPU time in profiles. It handles what
 * the client sends — a URL or string, a string body or none, headers, a signal — and hands
 * anything else (a `Request`, a stream or FormData body) to `globalThis.fetch`. Responses
 * are real `Response` objects; a `text/event-stream` body is streamed, other bodies are read
 * whole first. Failures reject with `TypeError("fetch failed", { cause })` like `fetch`; an
 * abort rejects with the signal's reason.
 */
export function createNodeFetch(options: NodeFetchOptions = {}): NodeFetch {
  const maxFreeSockets = options.maxFreeSockets ?? 16;
  // node:http / node:https / node:stream load on first use, keeping them out of cold import.
  let http: Stack | undefined;
  let https: Stack | undefined;
  let httpLoad: Promise<Stack> | undefined;
  let httpsLoad: Promise<Stack> | undefined;
  let toWeb: ((r: IncomingMessage) => ReadableStream<Uint8Array>) | undefined;
  const loadHttp = async (): Promise<Stack> => {
    const m = await import("node:http");
    return { agent: new m.Agent({ keepAlive: true, maxFreeSockets }), request: m.request };
  };
  const loadHttps = async (): Promise<Stack> => {
    const m = await import("node:https");
    return { agent: new m.Agent({ keepAlive: true, maxFreeSockets }), request: m.request };
  };
  const nodeFetch = async (
    input: string | URL | Request,
    init?: RequestInit,
  ): Promise<Response> => {
    const body = init?.body;
    if (
      input instanceof Request ||
      (body !== undefined && body !== null && typeof body !== "string")
    )
      return globalThis.fetch(input, init);
    const url = input instanceof URL ? input : new URL(input);
    if (url.protocol !== "http:" && url.protocol !== "https:") return globalThis.fetch(input, init);
    const signal = init?.signal ?? undefined;
    const secure = url.protocol === "https:";
    let stack = secure ? https : http;
    if (stack === undefined) {
      // One load per scheme even when the first calls overlap.
      if (secure) {
        httpsLoad ??= loadHttps();
        stack = await httpsLoad;
        https = stack;
      } else {
        httpLoad ??= loadHttp();
        stack = await httpLoad;
        http = stack;
      }
    }
    let streamOf = toWeb;
    if (streamOf === undefined) {
      const { Readable } = await import("node:stream");
      streamOf = (r: IncomingMessage) => Readable.toWeb(r) as ReadableStream<Uint8Array>;
      toWeb = streamOf;
    }
    if (signal?.aborted) throw signal.reason;
    return new Promise<Response>((resolve, reject) => {
      const headers: Record<string, string> = {};
      new Headers(init?.headers).forEach((v, k) => {
        headers[k] = v;
      });
      if (typeof body === "string") {
        headers["content-length"] = String(Buffer.byteLength(body));
        headers["content-type"] ??= "text/plain;charset=UTF-8";
      }
      const method = (init?.method ?? "GET").toUpperCase();
      const req = stack.request(url, { method, headers, agent: stack.agent });
      let settled = false;
      let res: IncomingMessage | undefined;
      const onAbort = () => {
        const reason: unknown = signal?.reason;
        if (!settled) {
          settled = true;
          reject(reason);
        }
        req.destroy(reason instanceof Error ? reason : undefined);
        res?.destroy(reason instanceof Error ? reason : undefined);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      const unlink = () => signal?.removeEventListener("abort", onAbort);
      const fail = (err: unknown) => {
        unlink();
        if (settled) return;
        settled = true;
        reject(new TypeError("fetch failed", { cause: err }));
      };
      req.on("error", fail);
      req.on("response", (r) => {
        res = r;
        const status = r.statusCode ?? 0;
        const responseHeaders = new Headers();
        for (const [k, v] of Object.entries(r.headers)) {
          if (Array.isArray(v)) for (const x of v) responseHeaders.append(k, x);
          else if (v !== undefined) responseHeaders.set(k, v);
        }
        const init = { status, statusText: r.statusMessage ?? "", headers: responseHeaders };
        const respond = (body: BodyInit | null) => {
          if (settled) return;
          settled = true;
          try {
            resolve(new Response(body, init));
          } catch (err) {
            reject(new TypeError("fetch failed", { cause: err }));
          }
        };
        if (NULL_BODY.has(status) || method === "HEAD") {
          r.resume();
          r.on("end", unlink);
          respond(null);
          return;
        }
        if ((r.headers["content-type"] ?? "").toLowerCase().startsWith("text/event-stream")) {
          r.on("close", unlink);
          respond(streamOf(r));
          return;
        }
        const chunks: Buffer[] = [];
        r.on("data", (c: Buffer) => chunks.push(c));
        r.on("error", fail);
        r.on("end", () => {
          unlink();
          const whole = chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks);
          respond(new Uint8Array(whole.buffer as ArrayBuffer, whole.byteOffset, whole.length));
        });
        r.on("aborted", () => fail(new Error("the connection closed before the body ended")));
      });
      req.end(typeof body === "string" ? body : undefined);
    });
  };
  return Object.assign(nodeFetch as typeof fetch, {
    close() {
      http?.agent.destroy();
      https?.agent.destroy();
    },
  });
}
