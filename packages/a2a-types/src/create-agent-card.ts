import { PROTOCOL_VERSION, type ProtocolBinding } from "./constants.js";
import type {
  AgentCapabilities,
  AgentCard,
  AgentCardSignature,
  AgentExtension,
  AgentInterface,
  AgentProvider,
  AgentSkill,
} from "./schemas/agent-card.js";
import type { SecurityRequirement, SecurityScheme } from "./schemas/security.js";
import { validateAgentCard } from "./validate-agent-card.js";

/**
 * Security requirements in short form: each entry is one alternative (OR), mapping the
 * scheme names it needs (AND) to their scopes, e.g. `[{ oauth: ["tasks.read"] }, { apiKey: [] }]`.
 */
export type SecurityRequirementsInit = readonly Readonly<Record<string, readonly string[]>>[];

/** One interface of the card. */
export interface AgentInterfaceInit {
  /** Endpoint URL (gRPC: `host:port` or a URL). */
  url: string;
  /** `"JSONRPC"`, `"HTTP+JSON"`, `"GRPC"` (see {@link ProtocolBinding}) or a custom binding URI. */
  protocolBinding: ProtocolBinding | (string & {});
  /** Tenant clients must send. Default: none. */
  tenant?: string;
  /** Default: `"1.0"` ({@link PROTOCOL_VERSION}). */
  protocolVersion?: string;
}

/** One skill of the card. */
export interface AgentSkillInit {
  /** Unique within the card. */
  id: string;
  /** Human-readable name. */
  name: string;
  /** What the skill does. */
  description: string;
  /** Keywords; at least one. */
  tags: readonly string[];
  /** Example prompts. Default: none. */
  examples?: readonly string[];
  /** Input media types, overriding the card's defaults. Default: the card's. */
  inputModes?: readonly string[];
  /** Output media types, overriding the card's defaults. Default: the card's. */
  outputModes?: readonly string[];
  /** Security needed for this skill. Default: the card's. */
  securityRequirements?: SecurityRequirementsInit;
}

/** Options of {@link createAgentCard}. */
export interface CreateAgentCardOptions {
  /** Human-readable name. */
  name: string;
  /** What the agent does. */
  description: string;
  /** Version of the agent (not of the protocol), e.g. `"1.2.0"`. */
  version: string;
  /** Where the agent is served, preferred first; at least one. */
  interfaces: readonly AgentInterfaceInit[];
  /** What the agent can do; at least one. */
  skills: readonly AgentSkillInit[];
  /** Streaming, push notifications, extended card. Default: all unset (= not supported). */
  capabilities?: Omit<AgentCapabilities, "extensions">;
  /** Protocol extensions the agent supports (`capabilities.extensions`). Default: none. */
  extensions?: readonly AgentExtension[];
  /** Security schemes by name. Default: none. */
  securitySchemes?: Readonly<Record<string, SecurityScheme>>;
  /** Security the agent requires, short form. Default: none. */
  securityRequirements?: SecurityRequirementsInit;
  /** The organization behind the agent. Default: unset. */
  provider?: AgentProvider;
  /** Icon URL. Default: unset. */
  iconUrl?: string;
  /** Documentation URL. Default: unset. */
  documentationUrl?: string;
  /** Media types accepted in messages. Default: `["text/plain"]`. */
  defaultInputModes?: readonly string[];
  /** Media types produced. Default: `["text/plain"]`. */
  defaultOutputModes?: readonly string[];
  /** JWS signatures, if already computed. Default: none. */
  signatures?: readonly AgentCardSignature[];
}

/** Converts short-form requirements into `SecurityRequirement` messages. */
export function toSecurityRequirements(init: SecurityRequirementsInit): SecurityRequirement[] {
  return init.map((alt) => {
    const schemes: Record<string, { list?: string[] }> = {};
    for (const [name, scopes] of Object.entries(alt)) {
      schemes[name] = scopes.length > 0 ? { list: [...scopes] } : {};
    }
    return { schemes };
  });
}

function toSkill(s: AgentSkillInit): AgentSkill {
  const skill: AgentSkill = {
    id: s.id,
    name: s.name,
    description: s.description,
    tags: [...s.tags],
  };
  if (s.examples !== undefined && s.examples.length > 0) skill.examples = [...s.examples];
  if (s.inputModes !== undefined && s.inputModes.length > 0) skill.inputModes = [...s.inputModes];
  if (s.outputModes !== undefined && s.outputModes.length > 0)
    skill.outputModes = [...s.outputModes];
  if (s.securityRequirements !== undefined && s.securityRequirements.length > 0)
    skill.securityRequirements = toSecurityRequirements(s.securityRequirements);
  return skill;
}

function toInterface(i: AgentInterfaceInit): AgentInterface {
  const out: AgentInterface = {
    url: i.url,
    protocolBinding: i.protocolBinding,
    protocolVersion: i.protocolVersion ?? PROTOCOL_VERSION,
  };
  if (i.tenant !== undefined && i.tenant !== "") out.tenant = i.tenant;
  return out;
}

/**
 * Builds an AgentCard in canonical form and checks it with {@link validateAgentCard}.
 *
 * @throws {TypeError} listing every problem, when the options do not make a valid card.
 */
export function createAgentCard(options: CreateAgentCardOptions): AgentCard {
  const capabilities: AgentCapabilities = {};
  const caps = options.capabilities;
  if (caps?.streaming !== undefined) capabilities.streaming = caps.streaming;
  if (caps?.pushNotifications !== undefined)
    capabilities.pushNotifications = caps.pushNotifications;
  if (caps?.extendedAgentCard !== undefined)
    capabilities.extendedAgentCard = caps.extendedAgentCard;
  if (options.extensions !== undefined && options.extensions.length > 0)
    capabilities.extensions = options.extensions.map((e) => ({ ...e }));

  const card: AgentCard = {
    name: options.name,
    description: options.description,
    supportedInterfaces: options.interfaces.map(toInterface),
    version: options.version,
    capabilities,
    defaultInputModes: [...(options.defaultInputModes ?? ["text/plain"])],
    defaultOutputModes: [...(options.defaultOutputModes ?? ["text/plain"])],
    skills: options.skills.map(toSkill),
  };
  if (options.provider !== undefined) card.provider = { ...options.provider };
  if (options.documentationUrl !== undefined) card.documentationUrl = options.documentationUrl;
  if (options.securitySchemes !== undefined && Object.keys(options.securitySchemes).length > 0)
    card.securitySchemes = { ...options.securitySchemes };
  if (options.securityRequirements !== undefined && options.securityRequirements.length > 0)
    card.securityRequirements = toSecurityRequirements(options.securityRequirements);
  if (options.signatures !== undefined && options.signatures.length > 0)
    card.signatures = options.signatures.map((s) => ({ ...s }));
  if (options.iconUrl !== undefined) card.iconUrl = options.iconUrl;

  const result = validateAgentCard(card);
  if (!result.valid || result.card === undefined) {
    const list = result.problems.map(
      (p) => `  - ${p.path === "" ? "(card)" : p.path}: ${p.message}`,
    );
    throw new TypeError(
      `createAgentCard: the options do not make a valid agent card:\n${list.join("\n")}`,
    );
  }
  return result.card;
}
