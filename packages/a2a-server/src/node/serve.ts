import { createServer, type Server } from "node:http";
import {
  createServer as createHttp2Server,
  type Http2Server,
  type ServerHttp2Session,
} from "node:http2";
import type { AddressInfo, Socket } from "node:net";
import { toNodeHandler } from "@agentmesh/a2a-transport/node";
import { type A2AServer, kNodeDefaults } from "../a2a-server.js";
import { createNodePushSender } from "./node-push-sender.js";

/** Options of {@link serve}. */
export interface ServeOptions {
  /** Interface to listen on. Default `"127.0.0.1"` (use `"0.0.0.0"` / `"::"` to accept remote clients). */
  host?: string;
  /** HTTP port; `0` picks a free one. Default `0`. */
  port?: number;
  /** Port of the native gRPC (h2c) listener, opened when a binding has `createHttp2Handler`. Default `0`. */
  grpcPort?: number;
  /** Time allowed to receive the request headers, in ms (slow-loris bound). Default `30_000`. */
  headersTimeoutMs?: number;
  /** Time allowed to receive a whole request, in ms (responses may stream longer). Default `300_000`. */
  requestTimeoutMs?: number;
  /** Idle keep-alive connections are closed after this many ms. Default `5_000`. */
  keepAliveTimeoutMs?: number;
  /** Idle HTTP/2 sessions are closed after this many ms. Default `120_000`. */
  http2SessionTimeoutMs?: number;
  /**
   * TCP keepalive on every accepted socket (HTTP and h2c): the first probe after this many ms
   * of silence, so a client that vanished without a FIN (power loss, NAT drop) while holding an
   * SSE or gRPC stream open is eventually detected by the OS and its stream released. `0` turns
   * it off. Default `30_000`.
   */
  tcpKeepAliveMs?: number;
  /**
   * Interval of HTTP/2 PINGs sent on h2c sessions that have open streams (sessions without
   * streams are closed by `http2SessionTimeoutMs`); a session whose PING is not answered within
   * `http2PingTimeoutMs` is destroyed, releasing its streams. `0` turns it off. Default `60_000`.
   */
  http2PingIntervalMs?: number;
  /** How long a PING may go unanswered before the session is destroyed, in ms. Default `20_000`. */
  http2PingTimeoutMs?: number;
  /** On `close()`, how long open requests and streams may take to finish, in ms. Default `10_000`. */
  closeTimeoutMs?: number;
  /** Largest request body read by the Node adapter, in bytes. Default: the bindings' own limit. */
  maxBodyBytes?: number;
}

/** A listening server. */
export interface ServingServer {
  /** Base URL of the HTTP listener, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** `host:port` of the gRPC listener, when a binding needs one. */
  readonly grpcAddress: string | undefined;
  /** URL of the public agent card. */
  readonly cardUrl: string;
  /**
   * Graceful stop: stops accepting connections, lets open requests and streams finish (up to
   * `closeTimeoutMs`), then closes the A2A server (running tasks end FAILED, push deliveries are
   * flushed, stores closed) and drops the remaining connections.
   */
  close(): Promise<void>;
}

/**
 * Serves an {@link A2AServer} on Node: `node:http` for the card and every binding's fetch
 * handler, plus an h2c `node:http2` listener for bindings with `createHttp2Handler` (gRPC).
 * Installs the Node push sender (SSRF checks at connect time) unless one was given.
 *
 * @example
 * ```ts
 * const running = await serve(server, { port: 8080 });
 * console.log(running.cardUrl);
 * ```
 */
export async function serve(server: A2AServer, options: ServeOptions = {}): Promise<ServingServer> {
  server[kNodeDefaults]({ pushSender: () => createNodePushSender() });
  const host = options.host ?? "127.0.0.1";
  const headersTimeout = options.headersTimeoutMs ?? 30_000;
  const http = createServer(
    {
      headersTimeout,
      requestTimeout: Math.max(options.requestTimeoutMs ?? 300_000, headersTimeout),
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 5_000,
    },
    toNodeHandler(
      server.fetch,
      options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {},
    ),
  );
  const keepAliveMs = options.tcpKeepAliveMs ?? 30_000;
  const sockets = new Set<Socket>();
  http.on("connection", (socket: Socket) => {
    if (keepAliveMs > 0) socket.setKeepAlive(true, keepAliveMs);
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  let stopping = false;
  http.on("request", (_req, res) => {
    res.once("finish", () => {
      if (stopping) setImmediate(() => http.closeIdleConnections());
    });
  });
  const port = await listen(http, options.port ?? 0, host);
  const urlHost = host.includes(":") ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}`;

  let h2: Http2Server | undefined;
  const sessions = new Set<ServerHttp2Session>();
  let grpcAddress: string | undefined;
  const h2Bindings = server.bindings.filter((b) => typeof b.createHttp2Handler === "function");
  if (h2Bindings.length > 0) {
    const handlers = h2Bindings.map((b) => b.createHttp2Handler!(server.bindingOptions));
    const sessionTimeout = options.http2SessionTimeoutMs ?? 120_000;
    h2 = createHttp2Server({}, (req, res) => {
      // the first binding with an HTTP/2 handler serves it (gRPC routes by :path itself)
      handlers[0]!(req, res);
    });
    if (keepAliveMs > 0) {
      h2.on("connection", (socket: Socket) => socket.setKeepAlive(true, keepAliveMs));
    }
    const ping = {
      intervalMs: options.http2PingIntervalMs ?? 60_000,
      timeoutMs: options.http2PingTimeoutMs ?? 20_000,
    };
    h2.on("session", (session: ServerHttp2Session) => {
      sessions.add(session);
      session.setTimeout(sessionTimeout, () => session.close());
      const stopPings = ping.intervalMs > 0 ? watchLiveness(session, ping) : undefined;
      session.once("close", () => {
        sessions.delete(session);
        stopPings?.();
      });
      session.on("error", () => {});
    });
    const grpcPort = await listen(h2, options.grpcPort ?? 0, host);
    grpcAddress = `${urlHost}:${grpcPort}`;
  }
  server.setAddresses({ httpBaseUrl: url, ...(grpcAddress ? { grpcAddress } : {}) });

  let closing: Promise<void> | undefined;
  const close = async () => {
    const closeTimeout = options.closeTimeoutMs ?? 10_000;
    stopping = true;
    const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
    http.closeIdleConnections();
    const h2Closed = h2
      ? new Promise<void>((resolve) => h2!.close(() => resolve()))
      : Promise.resolve();
    for (const s of sessions) s.close();
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.all([httpClosed, h2Closed]),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, closeTimeout);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
    await server.close();
    http.closeAllConnections();
    for (const socket of sockets) socket.destroy();
    for (const s of sessions) s.destroy();
    await Promise.all([httpClosed, h2Closed]);
  };

  return {
    url,
    grpcAddress,
    cardUrl: `${url}/.well-known/agent-card.json`,
    close: () => {
      closing ??= close();
      return closing;
    },
  };
}

/**
 * PINGs a session every `intervalMs` while it has open streams; destroys it when a PING goes
 * unanswered for `timeoutMs` (a peer gone without closing the connection). Returns a stop function.
 */
function watchLiveness(
  session: ServerHttp2Session,
  { intervalMs, timeoutMs }: { intervalMs: number; timeoutMs: number },
): () => void {
  let open = 0;
  let waiting: ReturnType<typeof setTimeout> | undefined;
  session.on("stream", (stream) => {
    open++;
    stream.once("close", () => open--);
  });
  const tick = setInterval(() => {
    if (open === 0 || waiting !== undefined || session.destroyed || session.closed) return;
    waiting = setTimeout(() => session.destroy(), timeoutMs);
    waiting.unref();
    const sent = session.ping((error) => {
      clearTimeout(waiting);
      waiting = undefined;
      if (error && !session.destroyed && !session.closed) session.destroy();
    });
    if (!sent) {
      clearTimeout(waiting);
      waiting = undefined;
    }
  }, intervalMs);
  tick.unref();
  return () => {
    clearInterval(tick);
    clearTimeout(waiting);
  };
}

function listen(server: Server | Http2Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
