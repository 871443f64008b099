/**
 * `@agentmesh/a2a-rest/node`: the REST binding as a Node request listener, for
 * `node:http` and Express-style `(req, res)` middleware.
 *
 * @packageDocumentation
 */
import {
  type NodeHandlerOptions,
  type NodeRequestListener,
  toNodeHandler,
} from "@agentmesh/a2a-transport/node";
import { type RestHandlerOptions, createRestFetchHandler } from "./handler-factory.js";

/** Options of {@link createRestNodeHandler}: the fetch handler's plus the adapter's. */
export interface RestNodeHandlerOptions extends RestHandlerOptions {
  /** Passed to `toNodeHandler`. Default: the adapter's defaults. */
  node?: NodeHandlerOptions;
}

/**
 * The REST endpoint as a Node request listener. Routes are matched relative to `basePath`
 * (default `/a2a/rest`) or, when the path does not start with it, as they are (Express mounts).
 *
 * @example
 * ```ts
 * import express from "express";
 * app.use("/a2a/rest", createRestNodeHandler({ handler: server.handler }));
 * // or: http.createServer(createRestNodeHandler({ handler })).listen(8080);
 * ```
 */
export function createRestNodeHandler(options: RestNodeHandlerOptions): NodeRequestListener {
  const { node, ...rest } = options;
  return toNodeHandler(createRestFetchHandler(rest), node ?? {});
}

export { toNodeHandler };
export type { NodeHandlerOptions, NodeRequestListener };
