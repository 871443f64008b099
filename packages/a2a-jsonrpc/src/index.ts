/**
 * `@agentmesh/a2a-jsonrpc`: the A2A JSON-RPC 2.0 binding (§9): a web-standard server fetch
 * handler and a fetch-based client transport.
 *
 * @packageDocumentation
 */
export {
  DEFAULT_JSONRPC_PATH,
  createJsonRpcFetchHandler,
  jsonRpcBinding,
} from "./handler-factory.js";
export type { JsonRpcBindingOptions, JsonRpcHandlerOptions } from "./handler-factory.js";
export { createJsonRpcTransport } from "./transport.js";
export type { JsonRpcTransportOptions } from "./transport.js";
export { codeToJsonRpc, errorFromJsonRpc, errorToJsonRpc } from "./error-mapping.js";
export type { JsonRpcErrorObject } from "./error-mapping.js";
export type { JsonRpcId } from "./envelope.js";
export { CONTENT_TYPE_JSON } from "./content-type.js";
export { DEFAULT_MAX_BODY_BYTES } from "@agentmesh/a2a-transport";
