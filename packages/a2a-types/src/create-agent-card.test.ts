import { describe, expect, it } from "vitest";
import { fromJson, toJson } from "./codec.js";
import { PROTOCOL_VERSION, ProtocolBinding } from "./constants.js";
import {
  type CreateAgentCardOptions,
  createAgentCard,
  toSecurityRequirements,
} from "./create-agent-card.js";
import { AgentCardSchema } from "./schemas/agent-card.js";
import { validateAgentCard } from "./validate-agent-card.js";

const minimal: CreateAgentCardOptions = {
  name: "Echo",
  description: "Repeats what you say",
  version: "1.0.0",
  interfaces: [
    { url: "http://127.0.0.1:8080/a2a/jsonrpc", protocolBinding: ProtocolBinding.JsonRpc },
  ],
  skills: [{ id: "echo", name: "Echo", description: "Echoes text", tags: ["echo"] }],
};

describe("createAgentCard", () => {
  it("builds a minimal valid card with defaults", () => {
    const card = createAgentCard(minimal);
    expect(card).toEqual({
      name: "Echo",
      description: "Repeats what you say",
      version: "1.0.0",
      supportedInterfaces: [
        {
          url: "http://127.0.0.1:8080/a2a/jsonrpc",
          protocolBinding: "JSONRPC",
          protocolVersion: "1.0",
        },
      ],
      capabilities: {},
      defaultInputModes: ["text/plain"],
      defaultOutputModes: ["text/plain"],
      skills: [{ id: "echo", name: "Echo", description: "Echoes text", tags: ["echo"] }],
    });
    expect(validateAgentCard(toJson(AgentCardSchema, card)).valid).toBe(true);
    expect(PROTOCOL_VERSION).toBe("1.0");
  });

  it("builds a full card that survives the codec", () => {
    const card = createAgentCard({
      ...minimal,
      interfaces: [
        { url: "https://agent.example/a2a/jsonrpc", protocolBinding: "JSONRPC" },
        {
          url: "https://agent.example/a2a/rest",
          protocolBinding: ProtocolBinding.HttpJson,
          tenant: "acme",
        },
        {
          url: "agent.example:50051",
          protocolBinding: ProtocolBinding.Grpc,
          protocolVersion: "1.0",
        },
      ],
      capabilities: { streaming: true, pushNotifications: false, extendedAgentCard: true },
      extensions: [{ uri: "https://ext.example/v1", required: false, params: { a: 1 } }],
      securitySchemes: {
        bearer: { httpAuthSecurityScheme: { scheme: "Bearer", bearerFormat: "JWT" } },
        key: { apiKeySecurityScheme: { location: "header", name: "X-API-Key" } },
        oauth: {
          oauth2SecurityScheme: {
            flows: {
              clientCredentials: {
                tokenUrl: "https://id.example/token",
                scopes: { "tasks.read": "read" },
              },
            },
          },
        },
        oidc: {
          openIdConnectSecurityScheme: {
            openIdConnectUrl: "https://id.example/.well-known/openid-configuration",
          },
        },
        mtls: { mtlsSecurityScheme: {} },
      },
      securityRequirements: [{ oauth: ["tasks.read"] }, { key: [], mtls: [] }],
      provider: { organization: "Example", url: "https://example.com" },
      iconUrl: "https://example.com/icon.png",
      documentationUrl: "https://example.com/docs",
      defaultInputModes: ["text/plain", "application/json"],
      defaultOutputModes: ["application/json"],
      skills: [
        {
          id: "s",
          name: "S",
          description: "d",
          tags: ["t"],
          examples: ["do it"],
          inputModes: ["text/plain"],
          outputModes: ["text/plain"],
          securityRequirements: [{ bearer: [] }],
        },
      ],
    });
    expect(card.supportedInterfaces[1]).toEqual({
      url: "https://agent.example/a2a/rest",
      protocolBinding: "HTTP+JSON",
      tenant: "acme",
      protocolVersion: "1.0",
    });
    expect(card.capabilities).toEqual({
      streaming: true,
      pushNotifications: false,
      extendedAgentCard: true,
      // required: false is an implicit-presence default, so the canonical card leaves it out
      extensions: [{ uri: "https://ext.example/v1", params: { a: 1 } }],
    });
    expect(card.securityRequirements).toEqual([
      { schemes: { oauth: { list: ["tasks.read"] } } },
      { schemes: { key: {}, mtls: {} } },
    ]);
    expect(card.skills[0]?.securityRequirements).toEqual([{ schemes: { bearer: {} } }]);
    expect(
      fromJson(AgentCardSchema, JSON.parse(JSON.stringify(toJson(AgentCardSchema, card)))),
    ).toEqual(card);
    expect(AgentCardSchema.safeParse(card).success).toBe(true);
  });

  it("throws a TypeError listing every problem", () => {
    let message = "";
    try {
      createAgentCard({
        ...minimal,
        name: "",
        interfaces: [],
        skills: [{ id: "a", name: "A", description: "d", tags: [] }],
        securityRequirements: [{ missing: [] }],
      });
    } catch (e) {
      expect(e).toBeInstanceOf(TypeError);
      message = (e as Error).message;
    }
    expect(message).toContain("name: is required");
    expect(message).toContain("supportedInterfaces: is required");
    expect(message).toContain("skills[0].tags");
    expect(message).toContain('securityRequirements[0].schemes["missing"]');
  });

  it("does not keep references to the options' arrays", () => {
    const tags = ["x"];
    const card = createAgentCard({
      ...minimal,
      skills: [{ id: "a", name: "A", description: "d", tags }],
    });
    tags.push("y");
    expect(card.skills[0]?.tags).toEqual(["x"]);
  });
});

describe("toSecurityRequirements", () => {
  it("turns the short form into SecurityRequirement messages", () => {
    expect(toSecurityRequirements([{ a: ["s1", "s2"], b: [] }, {}])).toEqual([
      { schemes: { a: { list: ["s1", "s2"] }, b: {} } },
      { schemes: {} },
    ]);
  });
});
