import { grpcBinding } from "@agentmesh/a2a-grpc/node";
import { jsonRpcBinding } from "@agentmesh/a2a-jsonrpc";
import { restBinding } from "@agentmesh/a2a-rest";
import { A2AServer, InMemoryPushConfigStore, type RequestContext } from "@agentmesh/a2a-server";
import { createNodePushSender, serve } from "@agentmesh/a2a-server/node";
import type { Message } from "@agentmesh/a2a-types";
import { createScriptedExecutor } from "./scripted-agent.js";

/** Our server (A2AServer + serve) on 127.0.0.1, every binding, with the scripted agent. */
export interface OurServer {
  /** Base URL where the card is served. */
  cardUrl: string;
  /** Every message the agent received, in order. */
  messages: Message[];
  close(): Promise<void>;
}

const SKILL = {
  id: "echo",
  name: "Echo",
  description: "Echoes, streams, waits, asks for input: the interop script.",
  tags: ["echo", "interop"],
};

/** The bearer token the Python clients present (a2a-sdk AuthInterceptor, from the card's scheme). */
export const INTEROP_TOKEN = "interop-token";

/** Starts our server with JSON-RPC, HTTP+JSON and gRPC, push configs and an extended card. */
export async function startOurServer(): Promise<OurServer> {
  const messages: Message[] = [];
  const executor = createScriptedExecutor({
    onMessage: (m: Message, _ctx: RequestContext) => {
      messages.push(m);
    },
  });
  const server = new A2AServer(executor, {
    agent: {
      name: "agentmesh interop agent",
      description: "Scripted agent for the Python interop tests.",
      version: "1.0.0",
      skills: [SKILL],
      // AG2's client sends its conversation history as a data part of this type.
      defaultInputModes: ["text/plain", "application/json", "application/vnd.ag2.history+json"],
      defaultOutputModes: ["text/plain"],
      // §13.3: the extended card needs authentication, with a scheme the public card declares.
      securitySchemes: { bearer: { httpAuthSecurityScheme: { scheme: "Bearer" } } },
      securityRequirements: [{ bearer: [] }],
    },
    authenticate: ({ headers }) =>
      headers.get("authorization") === `Bearer ${INTEROP_TOKEN}`
        ? { id: "python-client" }
        : undefined,
    pushConfigStore: new InMemoryPushConfigStore(),
    // The tests' webhooks listen on 127.0.0.1, which the SSRF guard refuses by default.
    pushSender: createNodePushSender({ allowPrivateNetworks: true, maxAttempts: 1 }),
    extendedCard: {
      skills: [
        SKILL,
        { id: "secret", name: "Extended", description: "Extended card only.", tags: ["x"] },
      ],
    },
    bindings: [jsonRpcBinding(), restBinding(), grpcBinding()],
  });
  const running = await serve(server, { host: "127.0.0.1", port: 0, grpcPort: 0 });
  return { cardUrl: running.url, messages, close: () => running.close() };
}
