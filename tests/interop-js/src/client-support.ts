// Shared fixtures of the client-*.test.ts files: an agentmesh server on all three bindings
// with an agent the tests can steer, a TCP proxy that cuts real sockets, and card rewriting.
import { type AddressInfo, type Socket, createServer, connect } from "node:net";
import { A2AServer, type ExecutionEvents, type RequestContext } from "@agentmesh/a2a-server";
import { serve, type ServingServer } from "@agentmesh/a2a-server/node";
import { jsonRpcBinding } from "@agentmesh/a2a-jsonrpc";
import { restBinding } from "@agentmesh/a2a-rest";
import { grpcBinding as nodeGrpcBinding } from "@agentmesh/a2a-grpc/node";
import { grpcBinding as webGrpcBinding } from "@agentmesh/a2a-grpc";
import { InMemoryPushConfigStore } from "@agentmesh/a2a-server";
import type { AgentCard } from "@agentmesh/a2a-types";

/** Gates the steerable agent waits on, by name; `open(name)` releases it. */
export class Gates {
  readonly #waiting = new Map<string, () => void>();
  readonly #open = new Set<string>();
  wait(name: string, signal?: AbortSignal): Promise<void> {
    if (this.#open.has(name)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.#waiting.set(name, resolve);
      signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
    });
  }
  open(name: string): void {
    this.#open.add(name);
    this.#waiting.get(name)?.();
    this.#waiting.delete(name);
  }
}

function textOf(ctx: RequestContext): string {
  return ctx.message.parts
    .map((p) => ("text" in p && typeof p.text === "string" ? p.text : ""))
    .join("");
}

/**
 * The agent, steered by the message text:
 * - `message …` → a direct reply `echo: …`;
 * - `input …` → INPUT_REQUIRED; `fail …` → FAILED; `reject …` → REJECTED;
 * - `gated <key> <n>` → WORKING, then chunks `c1`…`c<n>` of one artifact; after every third
 *   chunk it waits for gate `<key>-<k>` (k = 1, 2, …); then COMPLETED;
 * - `slow …` → WORKING until canceled;
 * - anything else → WORKING, artifact "echo: …" in two chunks, COMPLETED.
 */
export function steerableAgent(gates: Gates) {
  return async (ctx: RequestContext, events: ExecutionEvents): Promise<void> => {
    const text = textOf(ctx);
    if (text.startsWith("message")) return events.reply(`echo: ${text}`);
    await events.working();
    if (text.startsWith("input")) return events.requireInput("need more input");
    if (text.startsWith("fail")) return events.fail("it failed on purpose");
    if (text.startsWith("reject")) return events.reject("no thanks");
    if (text.startsWith("slow")) {
      await new Promise<void>((resolve) => {
        if (ctx.signal.aborted) resolve();
        ctx.signal.addEventListener("abort", () => resolve(), { once: true });
      });
      return;
    }
    if (text.startsWith("gated")) {
      const [, key, n] = text.split(" ");
      const total = Number(n);
      let artifactId: string | undefined;
      for (let i = 1; i <= total; i++) {
        artifactId = await events.artifact(`c${i};`, {
          ...(artifactId ? { artifactId, append: true } : {}),
          lastChunk: i === total,
        });
        if (i % 3 === 0 && i < total) await gates.wait(`${key}-${i / 3}`, ctx.signal);
      }
      return events.complete();
    }
    const id = await events.artifact("echo: ", { name: "echo" });
    await events.artifact(text, { artifactId: id, append: true, lastChunk: true });
    return events.complete();
  };
}

/** The bearer token the test server accepts. */
export const TEST_TOKEN = "secret";
/** Headers that authenticate with the test server. */
export const AUTH_HEADERS = { authorization: `Bearer ${TEST_TOKEN}` };

export interface TestServer {
  running: ServingServer;
  gates: Gates;
  server: A2AServer;
  close(): Promise<void>;
}

/** Starts an agentmesh server on 127.0.0.1 with JSON-RPC, REST and gRPC (native, or gRPC-Web). */
export async function startAgentmeshServer(
  opts: { grpc?: "native" | "web" } = {},
): Promise<TestServer> {
  const gates = new Gates();
  const server = new A2AServer(steerableAgent(gates), {
    agent: {
      name: "agentmesh-test",
      description: "steerable test agent",
      version: "1.0.0",
      skills: [{ id: "echo", name: "Echo", description: "echoes", tags: ["test"] }],
    },
    bindings: [
      jsonRpcBinding(),
      restBinding(),
      (opts.grpc ?? "native") === "native" ? nodeGrpcBinding() : webGrpcBinding(),
    ],
    pushConfigStore: new InMemoryPushConfigStore(),
    extendedCard: { name: "agentmesh-test (extended)" },
    // Bearer "secret" authenticates (the extended card needs an authenticated caller).
    authenticate: ({ headers }) =>
      headers.get("authorization") === `Bearer ${TEST_TOKEN}` ? { id: "tester" } : undefined,
  });
  const running = await serve(server, { port: 0 });
  return { running, gates, server, close: () => running.close() };
}

/** A TCP proxy on 127.0.0.1 whose connections the test can cut (real sockets destroyed). */
export interface TcpProxy {
  readonly port: number;
  /** Connections accepted so far. */
  readonly accepted: number;
  /** Destroys every open connection (both sides). */
  cutAll(): number;
  /** When true, new connections are destroyed as soon as they are accepted. */
  refuse: boolean;
  close(): Promise<void>;
}

export async function startTcpProxy(
  targetPort: number,
  targetHost = "127.0.0.1",
): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let accepted = 0;
  const state = { refuse: false };
  const server = createServer((client) => {
    accepted++;
    if (state.refuse) {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, targetHost);
    open.add(client);
    open.add(upstream);
    const kill = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on("error", kill).on("close", kill);
    upstream.on("error", kill).on("close", kill);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    get accepted() {
      return accepted;
    },
    cutAll() {
      const n = open.size;
      for (const s of open) s.destroy();
      open.clear();
      return n;
    },
    get refuse() {
      return state.refuse;
    },
    set refuse(v: boolean) {
      state.refuse = v;
    },
    close() {
      for (const s of open) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Fetches a card as a client would (A2A-Version: 1.0). */
export async function fetchCard(cardUrl: string): Promise<AgentCard> {
  const res = await fetch(cardUrl, { headers: { "A2A-Version": "1.0" } });
  if (!res.ok) throw new Error(`card fetch failed: HTTP ${res.status}`);
  return (await res.json()) as AgentCard;
}

/** The card with every `127.0.0.1:<from>` in interface URLs replaced by `127.0.0.1:<to>`. */
export function rewriteCard(card: AgentCard, ports: Record<number, number>): AgentCard {
  return {
    ...card,
    supportedInterfaces: card.supportedInterfaces.map((i) => {
      let url = i.url;
      for (const [from, to] of Object.entries(ports))
        url = url.replace(`127.0.0.1:${from}`, `127.0.0.1:${to}`);
      return { ...i, url };
    }),
  };
}

/** Port of a `http://127.0.0.1:port` URL or a `127.0.0.1:port` address. */
export function portOf(address: string): number {
  const m = /:(\d+)(?:\/|$)/.exec(address);
  if (!m) throw new Error(`no port in ${address}`);
  return Number(m[1]);
}
