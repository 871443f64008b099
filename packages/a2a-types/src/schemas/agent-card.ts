import { z } from "zod";
import { registerSchema } from "../codec/descriptor.js";
import {
  AgentCapabilitiesDesc,
  AgentCardDesc,
  AgentCardSignatureDesc,
  AgentExtensionDesc,
  AgentInterfaceDesc,
  AgentProviderDesc,
  AgentSkillDesc,
} from "../codec/tables-card.js";
import { JsonObjectSchema } from "../json.js";
import { SecurityRequirementSchema, SecuritySchemeSchema } from "./security.js";

/** `lf.a2a.v1.AgentInterface`: one URL + protocol binding + protocol version. */
export const AgentInterfaceSchema = z.object({
  url: z.string(),
  /** `"JSONRPC"`, `"HTTP+JSON"`, `"GRPC"` or a URI naming a custom binding. */
  protocolBinding: z.string(),
  tenant: z.string().optional(),
  /** e.g. `"1.0"`. */
  protocolVersion: z.string(),
});
registerSchema(AgentInterfaceSchema, AgentInterfaceDesc);
/** Where and how an agent can be reached. */
export type AgentInterface = z.infer<typeof AgentInterfaceSchema>;

/** `lf.a2a.v1.AgentProvider`. */
export const AgentProviderSchema = z.object({ url: z.string(), organization: z.string() });
registerSchema(AgentProviderSchema, AgentProviderDesc);
/** The organization behind an agent. */
export type AgentProvider = z.infer<typeof AgentProviderSchema>;

/** `lf.a2a.v1.AgentExtension`. */
export const AgentExtensionSchema = z.object({
  uri: z.string().optional(),
  description: z.string().optional(),
  required: z.boolean().optional(),
  params: JsonObjectSchema.optional(),
});
registerSchema(AgentExtensionSchema, AgentExtensionDesc);
/** A protocol extension the agent supports. */
export type AgentExtension = z.infer<typeof AgentExtensionSchema>;

/** `lf.a2a.v1.AgentCapabilities`. */
export const AgentCapabilitiesSchema = z.object({
  streaming: z.boolean().optional(),
  pushNotifications: z.boolean().optional(),
  extensions: z.array(AgentExtensionSchema).optional(),
  extendedAgentCard: z.boolean().optional(),
});
registerSchema(AgentCapabilitiesSchema, AgentCapabilitiesDesc);
/** Optional features of an agent. */
export type AgentCapabilities = z.infer<typeof AgentCapabilitiesSchema>;

/** `lf.a2a.v1.AgentSkill`. */
export const AgentSkillSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  examples: z.array(z.string()).optional(),
  inputModes: z.array(z.string()).optional(),
  outputModes: z.array(z.string()).optional(),
  securityRequirements: z.array(SecurityRequirementSchema).optional(),
});
registerSchema(AgentSkillSchema, AgentSkillDesc);
/** Something the agent can do. */
export type AgentSkill = z.infer<typeof AgentSkillSchema>;

/** `lf.a2a.v1.AgentCardSignature`: a JWS (detached payload) over the card. */
export const AgentCardSignatureSchema = z.object({
  protected: z.string(),
  signature: z.string(),
  header: JsonObjectSchema.optional(),
});
registerSchema(AgentCardSignatureSchema, AgentCardSignatureDesc);
/** A JWS signature of an agent card. */
export type AgentCardSignature = z.infer<typeof AgentCardSignatureSchema>;

/** `lf.a2a.v1.AgentCard`: the self-description an agent publishes. */
export const AgentCardSchema = z.object({
  name: z.string(),
  description: z.string(),
  supportedInterfaces: z.array(AgentInterfaceSchema),
  provider: AgentProviderSchema.optional(),
  version: z.string(),
  documentationUrl: z.string().optional(),
  capabilities: AgentCapabilitiesSchema,
  securitySchemes: z.record(z.string(), SecuritySchemeSchema).optional(),
  securityRequirements: z.array(SecurityRequirementSchema).optional(),
  defaultInputModes: z.array(z.string()),
  defaultOutputModes: z.array(z.string()),
  skills: z.array(AgentSkillSchema),
  signatures: z.array(AgentCardSignatureSchema).optional(),
  iconUrl: z.string().optional(),
});
registerSchema(AgentCardSchema, AgentCardDesc);
/** The self-description an agent publishes at `/.well-known/agent-card.json`. */
export type AgentCard = z.infer<typeof AgentCardSchema>;
