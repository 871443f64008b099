/**
 * A server on real 127.0.0.1 ports for all three bindings, with a ready client per binding and
 * one `close()` that frees everything.
 */
import { createServer } from "node:net";
import {
  type A2AClient,
  type BindingName,
  type ClientOptions,
  createClient,
} from "@agentmesh/a2a-client/node";
import { grpcBinding } from "@agentmesh/a2a-grpc/node";
import { jsonRpcBinding } from "@agentmesh/a2a-jsonrpc";
import { restBinding } from "@agentmesh/a2a-rest";
import {
  type A2AServerOptions,
  type AgentDescription,
  type AgentExecutor,
  type AgentFunction,
  A2AServer,
  InMemoryPushConfigStore,
} from "@agentmesh/a2a-server";
import { type ServeOptions, type ServingServer, serve } from "@agentmesh/a2a-server/node";

/** Picks a free TCP port on `host` (default `127.0.0.1`) by binding port 0 and releasing it. */
export function pickFreePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once("error", reject);
    srv.listen(0, host, () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error("pickFreePort: no port assigned"))));
    });
  });
}

/** The description used when a test gives none. */
export const TEST_AGENT: AgentDescription = {
  name: "Test Agent",
  description: "An agent under test.",
  version: "0.0.0",
  skills: [
    { id: "test", name: "Test", description: "Whatever the test scripted.", tags: ["test"] },
  ],
};

/** Options of {@link startTestServer}. */
export interface StartTestServerOptions extends Partial<Omit<A2AServerOptions, "agent">> {
  /** Card fields; merged over {@link TEST_AGENT}. */
  agent?: Partial<AgentDescription>;
  /** Push notifications on (an in-memory push config store). Default `true`. */
  push?: boolean;
  /** Options for `serve()` (ports, timeouts). Default: free ports on 127.0.0.1. */
  serve?: ServeOptions;
  /** Options for the ready clients. Default: none. */
  client?: Omit<ClientOptions, "prefer">;
}

/** A running test server. */
export interface TestServer {
  /** The A2A server (handler, stores, card). */
  readonly server: A2AServer;
  /** The listening server (addresses). */
  readonly running: ServingServer;
  /** Base URL of the HTTP listener (also the card URL to pass to `createClient`). */
  readonly url: string;
  /** URL of the public agent card. */
  readonly cardUrl: string;
  /** `host:port` of the gRPC listener. */
  readonly grpcAddress: string;
  /** One ready client per binding. */
  readonly clients: Readonly<Record<BindingName, A2AClient>>;
  /** A new client on `binding` with extra options. */
  client(binding: BindingName, options?: Omit<ClientOptions, "prefer">): Promise<A2AClient>;
  /** Closes the clients, the listeners and the server. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Serves `agent` on 127.0.0.1 (JSON-RPC, REST and gRPC) and opens a client on each binding.
 *
 * @example
 * ```ts
 * const t = await startTestServer(echoAgent());
 * try {
 *   const task = await t.clients.grpc.sendMessage("hi");
 * } finally {
 *   await t.close();
 * }
 * ```
 */
export async function startTestServer(
  agent: AgentExecutor | AgentFunction,
  options: StartTestServerOptions = {},
): Promise<TestServer> {
  const { agent: card, push = true, serve: serveOptions, client: clientOptions, ...rest } = options;
  const server = new A2AServer(agent, {
    bindings: [jsonRpcBinding(), restBinding(), grpcBinding()],
    ...(push && !rest.pushConfigStore ? { pushConfigStore: new InMemoryPushConfigStore() } : {}),
    ...rest,
    agent: { ...TEST_AGENT, ...card },
  });
  const running = await serve(server, serveOptions ?? {});
  const opened: A2AClient[] = [];
  const open = async (binding: BindingName, extra?: Omit<ClientOptions, "prefer">) => {
    const c = await createClient(running.url, { ...clientOptions, ...extra, prefer: binding });
    opened.push(c);
    return c;
  };
  let clients: Record<BindingName, A2AClient>;
  try {
    const [jsonrpc, rest_, grpc] = await Promise.all([open("jsonrpc"), open("rest"), open("grpc")]);
    clients = { jsonrpc, rest: rest_, grpc };
  } catch (e) {
    await running.close();
    throw e;
  }
  let closing: Promise<void> | undefined;
  return {
    server,
    running,
    url: running.url,
    cardUrl: running.cardUrl,
    grpcAddress: running.grpcAddress ?? "",
    clients,
    client: open,
    close() {
      closing ??= (async () => {
        await Promise.allSettled(opened.map((c) => c.close()));
        await running.close();
      })();
      return closing;
    },
  };
}
