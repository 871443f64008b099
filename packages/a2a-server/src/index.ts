/**
 * `@agentmesh/a2a-server`: the A2A server — executor contract, request handler implementing the
 * eleven operations, task and push config stores, push delivery with an SSRF guard, the agent
 * card, and the `A2AServer` facade with a fetch handler. Node hosting is in
 * `@agentmesh/a2a-server/node`.
 *
 * @packageDocumentation
 */

export { A2AServer } from "./a2a-server.js";
export type { A2AServerOptions } from "./a2a-server.js";
export { buildAgentCard, serverCapabilities } from "./agent-card.js";
export type { AgentDescription, BuildAgentCardOptions, ServerAddresses } from "./agent-card.js";
export { AGENT_CARD_PATHS, createAgentCardHandler } from "./card-handler.js";
export type { AgentCardHandlerOptions } from "./card-handler.js";
export { createAgentExecutor, isAgentExecutor } from "./executor.js";
export type {
  AgentExecutor,
  AgentFunction,
  AgentOutput,
  ArtifactOptions,
  ExecutionEvents,
  MessageInput,
  RequestContext,
} from "./executor.js";
export type {
  HandlerCardView,
  RequestHandlerOptions,
  ServerErrorSource,
} from "./handler-options.js";
export { LIST_TASKS_PAGE_SIZE } from "./list-tasks.js";
export { createRequestHandler } from "./request-handler.js";
export type { ServerRequestHandler } from "./request-handler.js";
export { createPushSender } from "./push/push-sender.js";
export type {
  PushDelivery,
  PushFailure,
  PushSender,
  PushSenderOptions,
  WebhookPost,
} from "./push/push-sender.js";
export {
  blockedAddressReason,
  blockedHostnameReason,
  isIpLiteral,
  WebhookTargetRefusedError,
} from "./push/ssrf.js";
export { InMemoryTaskStore } from "./store/memory-task-store.js";
export type { InMemoryTaskStoreOptions } from "./store/memory-task-store.js";
export { InMemoryPushConfigStore } from "./store/push-config-store.js";
export type {
  InMemoryPushConfigStoreOptions,
  PushConfigListQuery,
  PushConfigPage,
  PushConfigStore,
  StoredPushConfig,
} from "./store/push-config-store.js";
export {
  decodeTaskCursor,
  encodeTaskCursor,
  TaskVersionConflictError,
} from "./store/task-store.js";
export type {
  StoredTask,
  TaskListPage,
  TaskListQuery,
  TaskScope,
  TaskStore,
} from "./store/task-store.js";
export type { FanOutOptions } from "./task-channel.js";
