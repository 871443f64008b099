// Profiling aid for bench/client (not a benchmark): a tight loop of client.sendMessage against
// the fast bench server in the same process, one binding at a time. Run with a CPU profile:
//   cd bench && node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx client/profile.ts jsonrpc
// BENCH_CALLS=n calls after 500 warm-up calls (default 20000). BENCH_URL=<base URL> drives an
// already running server instead (e.g. `node --import tsx client/server.ts`), so the profile
// holds the client alone. BENCH_CLIENT=sdk drives @a2a-js/sdk's client instead.
import { createClient } from "@agentmesh/a2a-client/node";
import { grpcBinding } from "@agentmesh/a2a-grpc/node";
import { jsonRpcBinding } from "@agentmesh/a2a-jsonrpc";
import { restBinding } from "@agentmesh/a2a-rest";
import { A2AServer } from "@agentmesh/a2a-server";
import { serve } from "@agentmesh/a2a-server/node";

const binding = (process.argv[2] ?? "jsonrpc") as "jsonrpc" | "rest" | "grpc";
const CALLS = Number(process.env.BENCH_CALLS ?? 20000);

const server = new A2AServer(async (_ctx, events) => events.reply("pong"), {
  agent: {
    name: "bench",
    description: "answers at once",
    version: "1.0.0",
    skills: [{ id: "pong", name: "Pong", description: "answers pong", tags: ["bench"] }],
  },
  bindings: [jsonRpcBinding(), restBinding(), grpcBinding()],
});
const running = process.env.BENCH_URL ? undefined : await serve(server, { port: 0, grpcPort: 0 });
const url = process.env.BENCH_URL ?? running?.url ?? "";
let call: () => Promise<unknown>;
let close: () => Promise<void> = async () => {};
if (process.env.BENCH_CLIENT === "sdk") {
  const sdk = await import("@a2a-js/sdk/client");
  const { GrpcTransportFactory } = await import("@a2a-js/sdk/client/grpc");
  const factory = new sdk.ClientFactory(
    sdk.ClientFactoryOptions.createFrom(sdk.ClientFactoryOptions.default, {
      transports: [
        new sdk.JsonRpcTransportFactory(),
        new sdk.RestTransportFactory(),
        new GrpcTransportFactory(),
      ],
      preferredTransports: [{ jsonrpc: "JSONRPC", rest: "HTTP+JSON", grpc: "GRPC" }[binding]],
    }),
  );
  const c = await factory.createFromUrl(url);
  const msg = () => ({
    messageId: crypto.randomUUID(),
    contextId: "",
    taskId: "",
    role: 1,
    parts: [
      {
        content: { $case: "text", value: "ping" },
        metadata: undefined,
        filename: "",
        mediaType: "",
      },
    ],
    metadata: undefined,
    extensions: [],
    referenceTaskIds: [],
  });
  call = () => c.sendMessage({ message: msg() } as never);
} else {
  const client = await createClient(url, { prefer: binding });
  call = () => client.sendMessage("ping");
  close = () => client.close();
}
for (let i = 0; i < 500; i++) await call();
const t = performance.now();
for (let i = 0; i < CALLS; i++) await call();
const s = (performance.now() - t) / 1000;
console.log(
  `${binding} ${process.env.BENCH_CLIENT ?? "agentmesh"}: ${Math.round(CALLS / s)} calls/s`,
);
await close();
await running?.close();
