/**
 * `@agentmesh/a2a-testing`: make A2A agents unit-testable — in-process clients for every
 * binding, scripted agents, lifecycle assertions, and a conformance suite to run against your
 * own server. Real ports and `startTestServer` are in `@agentmesh/a2a-testing/node`.
 *
 * @packageDocumentation
 */
export {
  authRequiredAgent,
  echoAgent,
  failingAgent,
  inputRequiredAgent,
  messageAgent,
  rejectingAgent,
  slowAgent,
  streamingAgent,
  throwingAgent,
} from "./agents.js";
export type {
  EchoAgentOptions,
  InputRequiredAgentOptions,
  SlowAgentOptions,
  StreamingAgentOptions,
} from "./agents.js";
export {
  A2AAssertionError,
  a2aMatchers,
  artifactText,
  collect,
  expectArtifactText,
  expectFinalState,
  expectStates,
  statesOf,
} from "./assertions.js";
export type { StateSource } from "./assertions.js";
export { IN_PROCESS_ORIGIN, createTestClient, inProcessFetch } from "./test-client.js";
export type { TestClientOptions } from "./test-client.js";
export { conformanceCases } from "./conformance/cases.js";
export type { ConformanceCase } from "./conformance/cases.js";
export { ConformanceError } from "./conformance/context.js";
export type { ConformanceContext } from "./conformance/context.js";
export { describeA2AConformance } from "./conformance/describe-conformance.js";
export type {
  ConformanceRunner,
  ConformanceTarget,
} from "./conformance/describe-conformance.js";
