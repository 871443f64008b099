/**
 * `@agentmesh/a2a-transport/node`: run the web-standard fetch handlers of the JSON-RPC and
 * REST bindings on `node:http` and Express.
 *
 * @packageDocumentation
 */
export { toNodeHandler } from "./node/node-handler.js";
export type { NodeHandlerOptions, NodeRequestListener } from "./node/node-handler.js";
export { BodyTooLargeError } from "./node/node-request.js";
// private, no semver
export { RAW_BODY } from "./node/node-response.js";
