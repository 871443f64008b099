/**
 * `@agentmesh/a2a-testing/node`: everything of the main entry, plus a server on real 127.0.0.1
 * ports for all three bindings (`startTestServer`) and `pickFreePort`.
 *
 * @packageDocumentation
 */
export * from "./index.js";
export { TEST_AGENT, pickFreePort, startTestServer } from "./node/test-server.js";
export type { StartTestServerOptions, TestServer } from "./node/test-server.js";
