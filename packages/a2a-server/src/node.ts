/**
 * `@agentmesh/a2a-server/node`: serve an `A2AServer` on Node (`node:http` + h2c `node:http2`
 * for gRPC), and the Node push sender whose SSRF guard checks the address it connects to.
 *
 * @packageDocumentation
 */
export { createNodePushSender, guardedLookup } from "./node/node-push-sender.js";
export type { NodePushSenderOptions } from "./node/node-push-sender.js";
export { serve } from "./node/serve.js";
export type { ServeOptions, ServingServer } from "./node/serve.js";
