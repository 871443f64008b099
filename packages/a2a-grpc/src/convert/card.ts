import type {
  AgentCapabilities,
  AgentCard,
  AgentExtension,
  AgentSkill,
  SecurityScheme,
} from "@agentmesh/a2a-types";
import type * as pb from "../gen/a2a_pb.js";
import {
  opt,
  requirementsFromProto,
  requirementsToProto,
  schemeFromProto,
  schemeToProto,
} from "./security.js";

// AgentCard and its security types, both directions. The card only travels server → client
// (GetExtendedAgentCard), so `*FromProto` runs on the client and `*ToProto` on the server.

function capabilitiesFromProto(c: pb.AgentCapabilities | undefined): AgentCapabilities {
  const out: AgentCapabilities = {};
  if (c === undefined) return out;
  if (c.streaming !== undefined) out.streaming = c.streaming;
  if (c.pushNotifications !== undefined) out.pushNotifications = c.pushNotifications;
  if (c.extensions.length > 0) {
    out.extensions = c.extensions.map((e) => {
      const x: AgentExtension = {};
      opt(x, "uri", e.uri);
      opt(x, "description", e.description);
      if (e.required) x.required = true;
      if (e.params !== undefined) x.params = e.params;
      return x;
    });
  }
  if (c.extendedAgentCard !== undefined) out.extendedAgentCard = c.extendedAgentCard;
  return out;
}

function capabilitiesToProto(c: AgentCapabilities): pb.AgentCapabilities {
  return {
    $typeName: "lf.a2a.v1.AgentCapabilities",
    streaming: c.streaming,
    pushNotifications: c.pushNotifications,
    extensions: (c.extensions ?? []).map((e) => ({
      $typeName: "lf.a2a.v1.AgentExtension",
      uri: e.uri ?? "",
      description: e.description ?? "",
      required: e.required ?? false,
      params: e.params,
    })),
    extendedAgentCard: c.extendedAgentCard,
  };
}

function skillFromProto(s: pb.AgentSkill): AgentSkill {
  const out: AgentSkill = { id: s.id, name: s.name, description: s.description, tags: s.tags };
  if (s.examples.length > 0) out.examples = s.examples;
  if (s.inputModes.length > 0) out.inputModes = s.inputModes;
  if (s.outputModes.length > 0) out.outputModes = s.outputModes;
  if (s.securityRequirements.length > 0) {
    out.securityRequirements = requirementsFromProto(s.securityRequirements);
  }
  return out;
}

/** `lf.a2a.v1.AgentCard` → {@link AgentCard}. */
export function agentCardFromProto(c: pb.AgentCard, path: string): AgentCard {
  const out: AgentCard = {
    name: c.name,
    description: c.description,
    supportedInterfaces: c.supportedInterfaces.map((i) => {
      const x: AgentCard["supportedInterfaces"][number] = {
        url: i.url,
        protocolBinding: i.protocolBinding,
        protocolVersion: i.protocolVersion,
      };
      if (i.tenant !== "") x.tenant = i.tenant;
      return x;
    }),
    version: c.version,
    capabilities: capabilitiesFromProto(c.capabilities),
    defaultInputModes: c.defaultInputModes,
    defaultOutputModes: c.defaultOutputModes,
    skills: c.skills.map(skillFromProto),
  };
  if (c.provider !== undefined) {
    out.provider = { url: c.provider.url, organization: c.provider.organization };
  }
  if (c.documentationUrl !== undefined) out.documentationUrl = c.documentationUrl;
  const names = Object.keys(c.securitySchemes);
  if (names.length > 0) {
    const schemes: Record<string, SecurityScheme> = {};
    for (const n of names) {
      schemes[n] = schemeFromProto(
        c.securitySchemes[n] as pb.SecurityScheme,
        `${path}.securitySchemes.${n}`,
      );
    }
    out.securitySchemes = schemes;
  }
  if (c.securityRequirements.length > 0) {
    out.securityRequirements = requirementsFromProto(c.securityRequirements);
  }
  if (c.signatures.length > 0) {
    out.signatures = c.signatures.map((s) =>
      s.header === undefined
        ? { protected: s.protected, signature: s.signature }
        : { protected: s.protected, signature: s.signature, header: s.header },
    );
  }
  if (c.iconUrl !== undefined) out.iconUrl = c.iconUrl;
  return out;
}

/** {@link AgentCard} → `lf.a2a.v1.AgentCard`. */
export function agentCardToProto(c: AgentCard): pb.AgentCard {
  const schemes: { [k: string]: pb.SecurityScheme } = {};
  for (const [n, s] of Object.entries(c.securitySchemes ?? {})) schemes[n] = schemeToProto(s);
  return {
    $typeName: "lf.a2a.v1.AgentCard",
    name: c.name,
    description: c.description,
    supportedInterfaces: c.supportedInterfaces.map((i) => ({
      $typeName: "lf.a2a.v1.AgentInterface",
      url: i.url,
      protocolBinding: i.protocolBinding,
      tenant: i.tenant ?? "",
      protocolVersion: i.protocolVersion,
    })),
    provider:
      c.provider === undefined
        ? undefined
        : {
            $typeName: "lf.a2a.v1.AgentProvider",
            url: c.provider.url,
            organization: c.provider.organization,
          },
    version: c.version,
    documentationUrl: c.documentationUrl,
    capabilities: capabilitiesToProto(c.capabilities),
    securitySchemes: schemes,
    securityRequirements: requirementsToProto(c.securityRequirements),
    defaultInputModes: c.defaultInputModes,
    defaultOutputModes: c.defaultOutputModes,
    skills: c.skills.map((s) => ({
      $typeName: "lf.a2a.v1.AgentSkill",
      id: s.id,
      name: s.name,
      description: s.description,
      tags: s.tags,
      examples: s.examples ?? [],
      inputModes: s.inputModes ?? [],
      outputModes: s.outputModes ?? [],
      securityRequirements: requirementsToProto(s.securityRequirements),
    })),
    signatures: (c.signatures ?? []).map((s) => ({
      $typeName: "lf.a2a.v1.AgentCardSignature",
      protected: s.protected,
      signature: s.signature,
      header: s.header,
    })),
    iconUrl: c.iconUrl,
  };
}
