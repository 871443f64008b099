/**
 * `@agentmesh/a2a-jsonrpc/node`: the JSON-RPC binding as a Node request listener, for
 * `node:http` and Express-style `(req, res)` middleware.
 *
 * @packageDocumentation
 */
import {
  type NodeHandlerOptions,
  type NodeRequestListener,
  toNodeHandler,
} from "@agentmesh/a2a-transport/node";
import { type JsonRpcHandlerOptions, createJsonRpcFetchHandler } from "./handler-factory.js";

/** Options of {@link createJsonRpcNodeHandler}: the fetch handler's plus the adapter's. */
export interface JsonRpcNodeHandlerOptions extends JsonRpcHandlerOptions {
  /** Passed to `toNodeHandler`. Default: the adapter's defaults. */
  node?: NodeHandlerOptions;
}

/**
 * The JSON-RPC endpoint as a Node request listener. It answers every request it gets, so
 * mount it on the path you want.
 *
 * @example
 * ```ts
 * import express from "express";
 * app.post("/a2a/jsonrpc", createJsonRpcNodeHandler({ handler: server.handler }));
 * // or: http.createServer(createJsonRpcNodeHandler({ handler })).listen(8080);
 * ```
 */
export function createJsonRpcNodeHandler(options: JsonRpcNodeHandlerOptions): NodeRequestListener {
  const { node, ...rest } = options;
  return toNodeHandler(createJsonRpcFetchHandler(rest), node ?? {});
}

export { toNodeHandler };
export type { NodeHandlerOptions, NodeRequestListener };
