// An agentmesh server with only the gRPC binding (native h2c + gRPC-Web fetch mount), for the
// gRPC interop tests. The agent, by message text: "message …" → direct reply "echo: …";
// "slow …" → WORKING until canceled; anything else → artifact "echo: …", COMPLETED.
import { grpcBinding } from "@agentmesh/a2a-grpc/node";
import { A2AServer, InMemoryPushConfigStore } from "@agentmesh/a2a-server";
import { type ServingServer, serve } from "@agentmesh/a2a-server/node";

export interface OurGrpcServer {
  running: ServingServer;
  close(): Promise<void>;
}

export async function startOurGrpcServer(): Promise<OurGrpcServer> {
  const server = new A2AServer(
    async (ctx, events) => {
      const text = ctx.message.parts
        .map((p) => ("text" in p && typeof p.text === "string" ? p.text : ""))
        .join("");
      if (text.startsWith("message")) return events.reply(`echo: ${text}`);
      await events.working();
      if (text.startsWith("slow")) {
        await new Promise<void>((resolve) => {
          if (ctx.signal.aborted) resolve();
          ctx.signal.addEventListener("abort", () => resolve(), { once: true });
        });
        return;
      }
      await events.artifact(`echo: ${text}`, { name: "echo", lastChunk: true });
      return events.complete();
    },
    {
      agent: {
        name: "agentmesh-grpc",
        description: "gRPC interop agent",
        version: "1.0.0",
        skills: [{ id: "echo", name: "Echo", description: "echoes", tags: ["test"] }],
      },
      bindings: [grpcBinding()],
      pushConfigStore: new InMemoryPushConfigStore(),
      extendedCard: { name: "agentmesh-grpc (extended)" },
    },
  );
  const running = await serve(server, { port: 0, grpcPort: 0 });
  return { running, close: () => running.close() };
}
