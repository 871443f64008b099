import { type Server, createServer } from "node:http";
import { type Http2Server, createServer as createHttp2Server } from "node:http2";
import type { AddressInfo } from "node:net";
import type { ServerBindingOptions } from "@agentmesh/a2a-transport";
import { toNodeHandler } from "@agentmesh/a2a-transport/node";
import { createGrpcFetchHandler } from "../src/fetch-handler.js";
import { createGrpcHttp2Handler } from "../src/node/node-binding.js";

/** A listening test server on 127.0.0.1 with a port from port 0. */
export interface Running {
  /** `host:port`. */
  address: string;
  /** `http://host:port`. */
  url: string;
  close(): Promise<void>;
}

function closeServer(server: Server | Http2Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // h2 sessions / keep-alive sockets would hold close() open.
    if ("closeAllConnections" in server) server.closeAllConnections();
  });
}

function listen(server: Server | Http2Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve(`127.0.0.1:${port}`);
    });
  });
}

/** An h2c (cleartext HTTP/2) server with the native gRPC handler. */
export async function startHttp2(options: ServerBindingOptions): Promise<Running> {
  const sessions = new Set<import("node:http2").ServerHttp2Session>();
  const server = createHttp2Server(createGrpcHttp2Handler(options));
  server.on("session", (s) => {
    sessions.add(s);
    s.on("close", () => sessions.delete(s));
  });
  const address = await listen(server);
  return {
    address,
    url: `http://${address}`,
    close: async () => {
      for (const s of sessions) s.destroy();
      await closeServer(server);
    },
  };
}

/** An HTTP/1.1 server running the gRPC-Web / Connect fetch handler at `/a2a/grpc`. */
export async function startHttp1(options: ServerBindingOptions): Promise<Running> {
  const server = createServer(toNodeHandler(createGrpcFetchHandler(options)));
  const address = await listen(server);
  return { address, url: `http://${address}`, close: () => closeServer(server) };
}

/** Polls `check` until it holds (no timing assertion: the test timeout bounds it). */
export async function eventually(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
}
