/**
 * `@agentmesh/a2a-rest`: the A2A HTTP+JSON (REST) binding (§11): a web-standard server
 * fetch handler and a fetch-based client transport.
 *
 * @packageDocumentation
 */
export { DEFAULT_REST_PATH, createRestFetchHandler, restBinding } from "./handler-factory.js";
export type { RestBindingOptions, RestHandlerOptions } from "./handler-factory.js";
export { createRestTransport } from "./transport.js";
export type { RestTransportOptions } from "./transport.js";
export { codeToHttpStatus, errorFromRest, errorToRest } from "./error-mapping.js";
export type { RestErrorBody } from "./error-mapping.js";
export { CONTENT_TYPE_A2A_JSON } from "./content-type.js";
export { DEFAULT_MAX_BODY_BYTES } from "@agentmesh/a2a-transport";
