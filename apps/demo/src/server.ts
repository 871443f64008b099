/** `pnpm --filter @agentmesh/demo start`: serves the travel planner until Ctrl-C. */
import { startTravelServer } from "./servers.js";

const running = await startTravelServer({
  port: Number(process.env.PORT ?? 8080),
  grpcPort: Number(process.env.GRPC_PORT ?? 50051),
});
console.log(`Travel Planner card: ${running.cardUrl}`);
console.log(`JSON-RPC + REST on ${running.url}, gRPC on ${running.grpcAddress}`);
const stop = () => void running.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
