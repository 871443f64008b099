/**
 * The A2A v1.0 data model: zod schemas and inferred types of every `lf.a2a.v1` message in
 * its ProtoJSON wire shape, the codec (`fromJson`, `toJson`, …), AgentCard builder and
 * validator, and helpers.
 *
 * @packageDocumentation
 */
export * from "./codec.js";
export { Role, RoleSchema, TaskState, TaskStateSchema } from "./enums.js";
export type { JsonObject, JsonValue } from "./json.js";
export { JsonObjectSchema, JsonValueSchema } from "./json.js";
export * from "./schemas/agent-card.js";
export * from "./schemas/core.js";
export { BytesSchema, Int32Schema, TimestampSchema } from "./schemas/primitives.js";
export * from "./schemas/requests.js";
export * from "./schemas/security.js";
export type { WireIssue } from "./wire-validation-error.js";
export { WireValidationError } from "./wire-validation-error.js";
export { PROTOCOL_VERSION, ProtocolBinding } from "./constants.js";
export type {
  AgentInterfaceInit,
  AgentSkillInit,
  CreateAgentCardOptions,
  SecurityRequirementsInit,
} from "./create-agent-card.js";
export { createAgentCard, toSecurityRequirements } from "./create-agent-card.js";
export type { MessageOptions, PartOptions } from "./helpers.js";
export {
  agentMessage,
  dataPart,
  getText,
  INTERRUPTED_STATES,
  isInterrupted,
  isTerminal,
  newId,
  nowTimestamp,
  rawPart,
  TERMINAL_STATES,
  textPart,
  urlPart,
  userMessage,
} from "./helpers.js";
export type { AgentCardProblem, AgentCardValidation } from "./validate-agent-card.js";
export { validateAgentCard } from "./validate-agent-card.js";
