// The fixed fast server of bench/client: an agentmesh server whose agent answers every message
// at once with a direct Message, on JSON-RPC, REST and native gRPC. Prints its base URL.
import { grpcBinding } from "@agentmesh/a2a-grpc/node";
import { jsonRpcBinding } from "@agentmesh/a2a-jsonrpc";
import { restBinding } from "@agentmesh/a2a-rest";
import { A2AServer } from "@agentmesh/a2a-server";
import { serve } from "@agentmesh/a2a-server/node";

const server = new A2AServer(async (_ctx, events) => events.reply("pong"), {
  agent: {
    name: "bench",
    description: "answers at once",
    version: "1.0.0",
    skills: [{ id: "pong", name: "Pong", description: "answers pong", tags: ["bench"] }],
  },
  bindings: [jsonRpcBinding(), restBinding(), grpcBinding()],
});
const running = await serve(server, { port: 0, grpcPort: 0 });
process.stdout.write(`${running.url}\n`);
