// One A2AServer with every binding of the suite, served on 127.0.0.1 (ports from 0).
import { A2AError, A2AErrorCode } from "@agentmesh/a2a-transport";
import {
  A2AServer,
  type AgentExecutor,
  InMemoryPushConfigStore,
  type PushSender,
} from "@agentmesh/a2a-server";
import { serve } from "@agentmesh/a2a-server/node";
import type { ServerBinding } from "@agentmesh/a2a-transport";
import { getText } from "@agentmesh/a2a-types";
import type { BindingFixture, ServerAddresses } from "./fixtures/types.js";

/** An extension URI the agent activates when the client requests it. */
export const ECHO_EXTENSION = "https://agentmesh.dev/ext/echo/v1";
/** The bearer token the test authenticator accepts. */
export const TOKEN = "Bearer let-me-in";

function sleepUntilAborted(signal: AbortSignal, ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(t);
      resolve();
    });
  });
}

/**
 * The test agent answers by the text of the message:
 * "message …" a direct Message; "slow …" WORKING until canceled (20 s at most);
 * "input …" INPUT_REQUIRED; "fail …" FAILED; "burst N" N artifact chunks; else
 * WORKING → artifact "echo: …" → COMPLETED.
 */
export const testAgent: AgentExecutor = {
  async execute(ctx, ev) {
    const text = getText(ctx.message);
    if (ctx.requestedExtensions.includes(ECHO_EXTENSION)) ctx.activateExtension(ECHO_EXTENSION);
    if (text.startsWith("message")) return ev.reply(`echo: ${text}`);
    await ev.working();
    if (text.startsWith("slow")) {
      await sleepUntilAborted(ctx.signal, 20_000);
      if (ctx.signal.aborted) return;
    }
    if (text.startsWith("input")) return ev.requireInput("tell me more");
    if (text.startsWith("fail")) return ev.fail("it failed, as asked");
    if (text.startsWith("ext")) {
      await ev.artifact(`extensions: ${ctx.requestedExtensions.join(",")}`);
      return ev.complete();
    }
    if (text.startsWith("burst")) {
      const n = Number(text.split(" ")[1] ?? 10);
      let id: string | undefined;
      for (let i = 0; i < n; i++) {
        id = await ev.artifact(`chunk ${i}`, {
          ...(id ? { artifactId: id, append: true } : {}),
          lastChunk: i === n - 1,
        });
      }
      return ev.complete();
    }
    await ev.artifact(`echo: ${text}`);
    await ev.complete();
  },
};

export interface TestServer {
  server: A2AServer;
  addresses: ServerAddresses;
  /** Push deliveries the server queued (no webhook is ever contacted). */
  pushed: unknown[];
  close(): Promise<void>;
}

/** Starts one server exposing every fixture's binding over one task store. */
export async function startTestServer(
  fixtures: readonly BindingFixture[],
  opts: { maxBodyBytes?: number; wrapBinding?: (b: ServerBinding) => ServerBinding } = {},
): Promise<TestServer> {
  const pushed: unknown[] = [];
  const pushSender: PushSender = { send: (d) => void pushed.push(d) };
  const server = new A2AServer(testAgent, {
    agent: {
      name: "e2e agent",
      description: "scripted agent for the binding case suite",
      version: "1.0.0",
      skills: [{ id: "echo", name: "echo", description: "echoes", tags: ["echo"] }],
      extensions: [{ uri: ECHO_EXTENSION, description: "echo extension" }],
    },
    bindings: fixtures.map((f) => (opts.wrapBinding ?? ((b) => b))(f.createBinding())),
    pushConfigStore: new InMemoryPushConfigStore(),
    pushSender,
    extendedCard: { description: "the extended card" },
    authenticate: ({ headers }) => {
      const auth = headers.get("authorization");
      if (auth === null) return undefined;
      if (auth !== TOKEN) throw new A2AError(A2AErrorCode.Unauthenticated, "bad token");
      return { id: "tester" };
    },
    ...(opts.maxBodyBytes !== undefined ? { maxBodyBytes: opts.maxBodyBytes } : {}),
  });
  const running = await serve(server, { host: "127.0.0.1", port: 0, grpcPort: 0 });
  const addresses: ServerAddresses = { httpBaseUrl: running.url };
  if (running.grpcAddress !== undefined) addresses.grpcAddress = running.grpcAddress;
  return { server, addresses, pushed, close: () => running.close() };
}
