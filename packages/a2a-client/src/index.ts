/**
 * `@agentmesh/a2a-client`: an A2A 1.0 client configured from an agent card. It picks the
 * binding (JSON-RPC, HTTP+JSON or gRPC) from the card, exposes every operation, yields typed
 * stream events and resumes broken streams. No `node:` imports: it runs in browsers, Deno,
 * Bun and Workers; on Node, `@agentmesh/a2a-client/node` adds native gRPC over HTTP/2.
 *
 * @packageDocumentation
 */
export { createClient, createClientFromCard } from "./create-client.js";
export { A2AClient } from "./a2a-client.js";
export type { TaskRef } from "./a2a-client.js";
export type { MessageInput, SendMessageOptions } from "./message-input.js";
export type { RequestOptions } from "./call-options.js";
export {
  CLIENT_DEFAULTS,
  validateClientOptions,
} from "./client-options.js";
export type {
  ClientOptions,
  ResolvedClientOptions,
  TransportFactory,
  TransportFactoryOptions,
} from "./client-options.js";
export {
  AGENT_CARD_PATH,
  LEGACY_AGENT_CARD_PATH,
  cardUrlsFor,
  fetchAgentCard,
} from "./discovery.js";
export type { FetchAgentCardOptions } from "./discovery.js";
export { AgentCardCache } from "./card-cache.js";
export type { CachedCard } from "./card-cache.js";
export {
  BINDING_OF,
  SUPPORTED_VERSIONS,
  bindingName,
  selectInterface,
  speaksVersion,
} from "./select-interface.js";
export type { BindingName } from "./select-interface.js";
export type {
  ClientEvent,
  MessageReceived,
  TaskArtifactUpdate,
  TaskSnapshot,
  TaskStatusUpdate,
  TextArtifact,
  ToolCall,
  ToolCallArtifact,
} from "./events.js";
export { textOf, toolCallOf } from "./events.js";
export { ArtifactAccumulator } from "./artifact-accumulator.js";
export type { AccumulateResult } from "./artifact-accumulator.js";
export { TaskTracker } from "./task-tracker.js";
export {
  CLIENT_TOOLS_EXTENSION,
  ClientToolsNotSupportedError,
  IncompatibleProtocolVersionError,
  InvalidCardError,
  ReconnectError,
  TaskAuthRequiredError,
  TaskFailedError,
  TaskRejectedError,
  TaskTerminalError,
} from "./errors.js";
export type { CardProblem, TaskErrorState } from "./errors.js";
export {
  A2AClientError,
  A2AClientErrorCode,
  A2AError,
  A2AErrorCode,
} from "@agentmesh/a2a-transport";
