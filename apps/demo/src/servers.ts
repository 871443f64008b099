/**
 * Starts the demo agents on 127.0.0.1: the travel planner and the concierge that delegates
 * to it, each on JSON-RPC, REST and gRPC at once.
 */
import { grpcBinding } from "@agentmesh/a2a-grpc/node";
import { jsonRpcBinding } from "@agentmesh/a2a-jsonrpc";
import { restBinding } from "@agentmesh/a2a-rest";
import { A2AServer, InMemoryPushConfigStore } from "@agentmesh/a2a-server";
import { serve, type ServingServer } from "@agentmesh/a2a-server/node";
import { conciergeAgent, createConciergeExecutor } from "./concierge-agent.js";
import { createTravelExecutor, type TravelExecutorOptions, travelAgent } from "./travel-agent.js";

/** Options of {@link startTravelServer}. */
export interface StartOptions extends TravelExecutorOptions {
  /** HTTP port. Default `0` (a free one). */
  port?: number;
  /** gRPC port. Default `0` (a free one). */
  grpcPort?: number;
}

/** Serves the travel planner on all three bindings. */
export async function startTravelServer(options: StartOptions = {}): Promise<ServingServer> {
  const server = new A2AServer(createTravelExecutor(options), {
    agent: travelAgent,
    bindings: [jsonRpcBinding(), restBinding(), grpcBinding()],
    pushConfigStore: new InMemoryPushConfigStore(),
  });
  return serve(server, { port: options.port ?? 0, grpcPort: options.grpcPort ?? 0 });
}

/** Serves the concierge, which delegates trip planning to the agent at `travelCardUrl`. */
export async function startConciergeServer(
  travelCardUrl: string,
  options: { port?: number; grpcPort?: number } = {},
): Promise<ServingServer> {
  const server = new A2AServer(createConciergeExecutor({ travelCardUrl }), {
    agent: conciergeAgent,
    bindings: [jsonRpcBinding(), restBinding(), grpcBinding()],
  });
  return serve(server, { port: options.port ?? 0, grpcPort: options.grpcPort ?? 0 });
}
