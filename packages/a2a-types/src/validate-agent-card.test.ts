import { describe, expect, it } from "vitest";
import { validateAgentCard } from "./validate-agent-card.js";

const valid = {
  name: "Echo",
  description: "Repeats",
  version: "1.0.0",
  supportedInterfaces: [
    { url: "https://a.example/jsonrpc", protocolBinding: "JSONRPC", protocolVersion: "1.0" },
  ],
  capabilities: {},
  defaultInputModes: ["text/plain"],
  defaultOutputModes: ["text/plain"],
  skills: [{ id: "s", name: "S", description: "d", tags: ["t"] }],
};

function problems(card: unknown): string[] {
  return validateAgentCard(card).problems.map((p) => `${p.path}: ${p.message}`);
}

describe("validateAgentCard", () => {
  it("accepts a valid card and returns it in canonical form", () => {
    const r = validateAgentCard({ ...valid, unknownField: 1, supported_interfaces: undefined });
    expect(r.valid).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.card).toEqual(valid);
  });

  it("tolerates a patch part in protocolVersion (§3.6: MUST be ignored)", () => {
    const card = {
      ...valid,
      supportedInterfaces: [{ ...valid.supportedInterfaces[0]!, protocolVersion: "1.0.1" }],
    };
    expect(problems(card)).toEqual([]);
    const bad = {
      ...valid,
      supportedInterfaces: [{ ...valid.supportedInterfaces[0]!, protocolVersion: "1.0.x" }],
    };
    expect(problems(bad)).toEqual([
      'supportedInterfaces[0].protocolVersion: must be "major.minor" (e.g. "1.0"), got "1.0.x"',
    ]);
  });

  it("accepts snake_case input", () => {
    const r = validateAgentCard({
      ...valid,
      supportedInterfaces: undefined,
      supported_interfaces: [
        { url: "https://a/x", protocol_binding: "GRPC", protocol_version: "1.0" },
      ],
      default_input_modes: ["text/plain"],
      defaultInputModes: undefined,
    });
    expect(r.problems).toEqual([]);
  });

  it("reports every missing REQUIRED field at once", () => {
    expect(problems({})).toEqual([
      "capabilities: is required",
      "name: is required and must not be empty",
      "description: is required and must not be empty",
      "version: is required and must not be empty",
      "supportedInterfaces: is required: list at least one interface (url, protocolBinding, protocolVersion)",
      "defaultInputModes: is required and must have at least one entry",
      "defaultOutputModes: is required and must have at least one entry",
      "skills: is required: describe at least one skill",
    ]);
  });

  it("reports wire-shape problems and semantic problems together", () => {
    const got = problems({
      ...valid,
      name: 5,
      skills: [{ id: "", name: "n", description: "d", tags: [""] }],
    });
    expect(got).toEqual([
      "name: expected a string, got number 5",
      "name: is required and must not be empty",
      "skills[0].id: is required and must not be empty",
      "skills[0].tags[0]: must not be empty",
    ]);
  });

  it("checks interfaces", () => {
    const got = problems({
      ...valid,
      supportedInterfaces: [
        { url: "not a url", protocolBinding: "JSONRPC", protocolVersion: "1.0" },
        { url: "grpc.example:443", protocolBinding: "grpc", protocolVersion: "1.0" },
        { url: "https://x", protocolBinding: "SOAP", protocolVersion: "v1" },
        { url: "wss://x/custom", protocolBinding: "urn:example:binding", protocolVersion: "1.0" },
        { url: "", protocolBinding: "", protocolVersion: "" },
      ],
    });
    expect(got).toEqual([
      'supportedInterfaces[0].url: must be an absolute URL, got "not a url"',
      'supportedInterfaces[2].protocolBinding: must be "JSONRPC", "HTTP+JSON", "GRPC" or a URI, got "SOAP"',
      'supportedInterfaces[2].protocolVersion: must be "major.minor" (e.g. "1.0"), got "v1"',
      'supportedInterfaces[4].protocolBinding: is required: "JSONRPC", "HTTP+JSON", "GRPC" or a URI',
      "supportedInterfaces[4].url: is required",
      'supportedInterfaces[4].protocolVersion: must be "major.minor" (e.g. "1.0"), got ""',
    ]);
  });

  it("checks URLs of provider, icon, documentation", () => {
    const got = problems({
      ...valid,
      provider: { organization: "", url: "example.com" },
      iconUrl: "icon.png",
      documentationUrl: "ftp://docs",
    });
    expect(got).toEqual([
      'provider.url: must be an absolute http(s) URL, got "example.com"',
      "provider.organization: is required and must not be empty",
      'documentationUrl: must be an absolute http(s) URL, got "ftp://docs"',
      'iconUrl: must be an absolute http(s) URL, got "icon.png"',
    ]);
  });

  it("checks security schemes, one OAuth flow per scheme, and requirements", () => {
    const got = problems({
      ...valid,
      securitySchemes: {
        key: { apiKeySecurityScheme: { location: "body", name: "" } },
        http: { httpAuthSecurityScheme: { scheme: "" } },
        two: {
          oauth2SecurityScheme: {
            flows: {
              authorizationCode: {
                authorizationUrl: "https://a/auth",
                tokenUrl: "https://a/t",
                scopes: {},
              },
              clientCredentials: { tokenUrl: "https://a/t", scopes: {} },
            },
          },
        },
        dev: {
          oauth2SecurityScheme: { flows: { deviceCode: { tokenUrl: "relative", scopes: {} } } },
        },
        oidc: { openIdConnectSecurityScheme: {} },
        none: {},
      },
      securityRequirements: [{ schemes: { key: {}, ghost: { list: ["x"] } } }],
      skills: [{ ...valid.skills[0], securityRequirements: [{ schemes: { phantom: {} } }] }],
    });
    expect(got).toEqual([
      'securitySchemes["two"].oauth2SecurityScheme.flows.clientCredentials: only one of "authorizationCode", "clientCredentials", "implicit", "password", "deviceCode" may be set, got "authorizationCode" and "clientCredentials"',
      'securitySchemes["none"]: one of "apiKeySecurityScheme", "httpAuthSecurityScheme", "oauth2SecurityScheme", "openIdConnectSecurityScheme", "mtlsSecurityScheme" must be set',
      'securitySchemes["key"].apiKeySecurityScheme.location: must be "query", "header" or "cookie", got "body"',
      'securitySchemes["key"].apiKeySecurityScheme.name: is required and must not be empty',
      'securitySchemes["http"].httpAuthSecurityScheme.scheme: is required and must not be empty',
      'securitySchemes["dev"].oauth2SecurityScheme.flows.deviceCode.deviceAuthorizationUrl: is required: an absolute http(s) URL',
      'securitySchemes["dev"].oauth2SecurityScheme.flows.deviceCode.tokenUrl: must be an absolute http(s) URL, got "relative"',
      'securitySchemes["oidc"].openIdConnectSecurityScheme.openIdConnectUrl: is required: an absolute http(s) URL',
      'securityRequirements[0].schemes["ghost"]: names security scheme "ghost", which securitySchemes does not declare',
      'skills[0].securityRequirements[0].schemes["phantom"]: names security scheme "phantom", which securitySchemes does not declare',
    ]);
  });

  it("checks skills, extensions and signatures", () => {
    const got = problems({
      ...valid,
      capabilities: { extensions: [{ description: "no uri" }] },
      skills: [valid.skills[0], { ...valid.skills[0] }],
      signatures: [{ protected: "", signature: "sig" }],
    });
    expect(got).toEqual([
      "capabilities.extensions[0].uri: is required: the URI naming the extension",
      'skills[1].id: duplicate skill id "s"',
      "signatures[0].protected: is required and must not be empty",
    ]);
  });

  it("reports a non-object without crashing", () => {
    for (const v of [null, "card", 3, []]) {
      const r = validateAgentCard(v);
      expect(r.valid).toBe(false);
      expect(r.problems[0]?.path).toBe("");
    }
  });
});
