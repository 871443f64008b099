import { parseWithIssues } from "./codec/parse.js";
import { AgentCardDesc } from "./codec/tables-card.js";
import type { AgentCard, AgentSkill } from "./schemas/agent-card.js";
import type { SecurityRequirement, SecurityScheme } from "./schemas/security.js";

/** One problem of an agent card: field path (camelCase) and what to fix. */
export interface AgentCardProblem {
  readonly path: string;
  readonly message: string;
}

/** Result of {@link validateAgentCard}. */
export interface AgentCardValidation {
  /** True when `problems` is empty. */
  readonly valid: boolean;
  /** Every problem found, in field order. */
  readonly problems: readonly AgentCardProblem[];
  /** The card in canonical form, when valid. */
  readonly card?: AgentCard;
}

const STANDARD_BINDINGS = ["JSONRPC", "HTTP+JSON", "GRPC"];
const API_KEY_LOCATIONS = ["query", "header", "cookie"];

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === "https:" || u.protocol === "http:";
  } catch {
    return false;
  }
}

function isAbsoluteUri(s: string): boolean {
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
}

const HOST_PORT = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/;

/**
 * Checks an agent card against A2A v1.0 and reports every problem at once: wire shape
 * (types, oneofs, one OAuth flow per scheme), REQUIRED fields present and non-empty,
 * required arrays non-empty (interfaces, input/output modes, skills, skill tags), URL
 * formats, protocol versions (`major.minor`), API key locations, unique skill ids, and
 * security requirements naming declared schemes.
 */
export function validateAgentCard(input: unknown): AgentCardValidation {
  const { value, issues } = parseWithIssues(AgentCardDesc, input);
  const problems: AgentCardProblem[] = [...issues];
  if (value !== undefined) checkCard(value as Partial<AgentCard>, problems);
  if (problems.length > 0) return { valid: false, problems };
  return { valid: true, problems, card: value as AgentCard };
}

function checkCard(c: Partial<AgentCard>, out: AgentCardProblem[]): void {
  const add = (path: string, message: string) => out.push({ path, message });
  const text = (path: string, v: string | undefined) => {
    if (v === undefined || v.trim() === "") add(path, "is required and must not be empty");
  };
  const url = (path: string, v: string | undefined, required: boolean) => {
    if (v === undefined || v === "") {
      if (required) add(path, "is required: an absolute http(s) URL");
    } else if (!isHttpUrl(v)) add(path, `must be an absolute http(s) URL, got "${v}"`);
  };
  const nonEmptyList = (path: string, v: readonly string[] | undefined) => {
    if (v === undefined || v.length === 0)
      add(path, "is required and must have at least one entry");
    else
      v.forEach((s, i) => {
        if (s.trim() === "") add(`${path}[${i}]`, "must not be empty");
      });
  };

  text("name", c.name);
  text("description", c.description);
  text("version", c.version);

  const ifaces = c.supportedInterfaces;
  if (ifaces === undefined || ifaces.length === 0) {
    add(
      "supportedInterfaces",
      "is required: list at least one interface (url, protocolBinding, protocolVersion)",
    );
  } else {
    ifaces.forEach((f, i) => {
      const p = `supportedInterfaces[${i}]`;
      const binding = f.protocolBinding ?? "";
      const standard = STANDARD_BINDINGS.includes(binding.toUpperCase());
      if (binding === "")
        add(`${p}.protocolBinding`, 'is required: "JSONRPC", "HTTP+JSON", "GRPC" or a URI');
      else if (!standard && !isAbsoluteUri(binding))
        add(
          `${p}.protocolBinding`,
          `must be "JSONRPC", "HTTP+JSON", "GRPC" or a URI, got "${binding}"`,
        );
      const u = f.url ?? "";
      if (u === "") add(`${p}.url`, "is required");
      else if (
        binding.toUpperCase() === "GRPC"
          ? !(isHttpUrl(u) || HOST_PORT.test(u))
          : standard
            ? !isHttpUrl(u)
            : !isAbsoluteUri(u)
      )
        add(
          `${p}.url`,
          `must be an absolute URL${binding.toUpperCase() === "GRPC" ? " or host:port" : ""}, got "${u}"`,
        );
      // §3.6: versions are Major.Minor; a patch part SHOULD NOT be sent but MUST be ignored.
      if (!/^\d+\.\d+(?:\.\d+)?$/.test(f.protocolVersion ?? ""))
        add(
          `${p}.protocolVersion`,
          `must be "major.minor" (e.g. "1.0"), got "${f.protocolVersion ?? ""}"`,
        );
    });
  }

  if (c.provider !== undefined) {
    url("provider.url", c.provider.url, true);
    text("provider.organization", c.provider.organization);
  }
  url("documentationUrl", c.documentationUrl, false);
  url("iconUrl", c.iconUrl, false);

  c.capabilities?.extensions?.forEach((e, i) => {
    if (e.uri === undefined || e.uri === "")
      add(`capabilities.extensions[${i}].uri`, "is required: the URI naming the extension");
  });

  const schemes = c.securitySchemes ?? {};
  for (const [name, s] of Object.entries(schemes))
    checkScheme(`securitySchemes[${JSON.stringify(name)}]`, s, add, url, text);
  checkRequirements("securityRequirements", c.securityRequirements, schemes, add);

  nonEmptyList("defaultInputModes", c.defaultInputModes);
  nonEmptyList("defaultOutputModes", c.defaultOutputModes);

  const skills = c.skills;
  if (skills === undefined || skills.length === 0)
    add("skills", "is required: describe at least one skill");
  else {
    const seen = new Set<string>();
    skills.forEach((s: AgentSkill, i) => {
      const p = `skills[${i}]`;
      text(`${p}.id`, s.id);
      if (s.id !== "" && seen.has(s.id)) add(`${p}.id`, `duplicate skill id "${s.id}"`);
      seen.add(s.id);
      text(`${p}.name`, s.name);
      text(`${p}.description`, s.description);
      nonEmptyList(`${p}.tags`, s.tags);
      checkRequirements(`${p}.securityRequirements`, s.securityRequirements, schemes, add);
    });
  }

  c.signatures?.forEach((s, i) => {
    text(`signatures[${i}].protected`, s.protected);
    text(`signatures[${i}].signature`, s.signature);
  });
}

function checkScheme(
  p: string,
  s: SecurityScheme,
  add: (path: string, message: string) => void,
  url: (path: string, v: string | undefined, required: boolean) => void,
  text: (path: string, v: string | undefined) => void,
): void {
  if (s.apiKeySecurityScheme !== undefined) {
    const k = s.apiKeySecurityScheme;
    if (!API_KEY_LOCATIONS.includes(k.location))
      add(
        `${p}.apiKeySecurityScheme.location`,
        `must be "query", "header" or "cookie", got "${k.location}"`,
      );
    text(`${p}.apiKeySecurityScheme.name`, k.name);
  } else if (s.httpAuthSecurityScheme !== undefined) {
    text(`${p}.httpAuthSecurityScheme.scheme`, s.httpAuthSecurityScheme.scheme);
  } else if (s.oauth2SecurityScheme !== undefined) {
    const o = s.oauth2SecurityScheme;
    const q = `${p}.oauth2SecurityScheme`;
    url(`${q}.oauth2MetadataUrl`, o.oauth2MetadataUrl, false);
    const f = o.flows;
    if (f === undefined) return;
    if (f.authorizationCode !== undefined) {
      url(
        `${q}.flows.authorizationCode.authorizationUrl`,
        f.authorizationCode.authorizationUrl,
        true,
      );
      url(`${q}.flows.authorizationCode.tokenUrl`, f.authorizationCode.tokenUrl, true);
      url(`${q}.flows.authorizationCode.refreshUrl`, f.authorizationCode.refreshUrl, false);
    } else if (f.clientCredentials !== undefined) {
      url(`${q}.flows.clientCredentials.tokenUrl`, f.clientCredentials.tokenUrl, true);
      url(`${q}.flows.clientCredentials.refreshUrl`, f.clientCredentials.refreshUrl, false);
    } else if (f.deviceCode !== undefined) {
      url(
        `${q}.flows.deviceCode.deviceAuthorizationUrl`,
        f.deviceCode.deviceAuthorizationUrl,
        true,
      );
      url(`${q}.flows.deviceCode.tokenUrl`, f.deviceCode.tokenUrl, true);
      url(`${q}.flows.deviceCode.refreshUrl`, f.deviceCode.refreshUrl, false);
    } else if (f.implicit !== undefined) {
      url(`${q}.flows.implicit.authorizationUrl`, f.implicit.authorizationUrl, false);
      url(`${q}.flows.implicit.refreshUrl`, f.implicit.refreshUrl, false);
    } else if (f.password !== undefined) {
      url(`${q}.flows.password.tokenUrl`, f.password.tokenUrl, false);
      url(`${q}.flows.password.refreshUrl`, f.password.refreshUrl, false);
    }
  } else if (s.openIdConnectSecurityScheme !== undefined) {
    url(
      `${p}.openIdConnectSecurityScheme.openIdConnectUrl`,
      s.openIdConnectSecurityScheme.openIdConnectUrl,
      true,
    );
  }
}

function checkRequirements(
  p: string,
  reqs: readonly SecurityRequirement[] | undefined,
  schemes: Readonly<Record<string, SecurityScheme>>,
  add: (path: string, message: string) => void,
): void {
  reqs?.forEach((r, i) => {
    for (const name of Object.keys(r.schemes ?? {})) {
      if (!Object.hasOwn(schemes, name))
        add(
          `${p}[${i}].schemes[${JSON.stringify(name)}]`,
          `names security scheme "${name}", which securitySchemes does not declare`,
        );
    }
  });
}
