import {
  AgentCardSchema,
  type AgentCard,
  type JsonValue,
  ListTasksRequestSchema,
  type ListTasksRequest,
  type Message,
  MessageSchema,
  SendMessageRequestSchema,
  type SendMessageRequest,
  StreamResponseSchema,
  type StreamResponse,
  type Task,
  TaskSchema,
  fromJson as modelFromJson,
  toJson as modelToJson,
} from "@agentmesh/a2a-types";
import { type DescMessage, create, fromBinary, toBinary, toJson } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as pb from "../gen/a2a_pb.js";
import { agentCardFromProto, agentCardToProto } from "./card.js";
import {
  messageFromProto,
  partFromProto,
  streamResponseFromProto,
  taskFromProto,
} from "./core-from-proto.js";
import { messageToProto, streamResponseToProto, taskToProto } from "./core-to-proto.js";
import {
  listTasksRequestFromProto,
  listTasksRequestToProto,
  sendMessageRequestFromProto,
  sendMessageRequestToProto,
} from "./requests.js";
import {
  ConversionError,
  timestampFromProto,
  timestampToProto,
  valueFromProto,
  valueToProto,
} from "./scalars.js";

/** Encodes and decodes through the binary wire format, as a real call does. */
function wire<D extends DescMessage>(desc: D, msg: Parameters<typeof toBinary<D>>[1]) {
  return fromBinary(desc, toBinary(desc, msg));
}

const task: Task = {
  id: "t-1",
  contextId: "c-1",
  status: {
    state: "TASK_STATE_INPUT_REQUIRED",
    timestamp: "2026-01-02T03:04:05.678Z",
    message: {
      messageId: "m-2",
      role: "ROLE_AGENT",
      parts: [{ text: "" }],
      taskId: "t-1",
      contextId: "c-1",
    },
  },
  artifacts: [
    {
      artifactId: "a-1",
      name: "n",
      description: "d",
      parts: [
        { raw: "AAECAwQ=", mediaType: "application/octet-stream", filename: "b.bin" },
        { url: "https://x.example/f.pdf" },
        { data: null },
        { data: { k: [1, "two", true, null, { deep: -2.5 }] }, metadata: { m: 1 } },
      ],
      metadata: { a: { b: [] } },
      extensions: ["urn:x"],
    },
  ],
  history: [
    {
      messageId: "m-1",
      role: "ROLE_USER",
      parts: [{ text: "hi" }],
      metadata: {},
      extensions: ["urn:a", "urn:b"],
      referenceTaskIds: ["t-0"],
    },
  ],
  metadata: { n: 0, s: "", f: false },
};

describe("core conversions", () => {
  it("round-trips a Task with every field through the binary wire format", () => {
    const back = taskFromProto(wire(pb.TaskSchema, taskToProto(task, "task")), "task");
    expect(back).toEqual(task);
  });

  it("writes the same ProtoJSON as the a2a-types codec", () => {
    const viaProto = toJson(pb.TaskSchema, taskToProto(task, "task"));
    expect(viaProto).toEqual(modelToJson(TaskSchema, task));
  });

  it("hand-built messages are complete: create() keeps them and toBinary equals create()'s", () => {
    const built = taskToProto(task, "task");
    expect(create(pb.TaskSchema, built)).toBe(built);
    const viaCreate = create(pb.TaskSchema, built as never);
    expect(toBinary(pb.TaskSchema, viaCreate)).toEqual(toBinary(pb.TaskSchema, built));
  });

  it("keeps explicit presence (historyLength 0, includeArtifacts false) and drops defaults", () => {
    const req: ListTasksRequest = { historyLength: 0, includeArtifacts: false, pageSize: 10 };
    const back = listTasksRequestFromProto(
      wire(pb.ListTasksRequestSchema, listTasksRequestToProto(req)),
    );
    expect(back).toEqual(req);
    const empty = listTasksRequestFromProto(create(pb.ListTasksRequestSchema));
    expect(empty).toEqual({});
    expect(
      modelFromJson(
        ListTasksRequestSchema,
        toJson(pb.ListTasksRequestSchema, listTasksRequestToProto(req)),
      ),
    ).toEqual(req);
  });

  it("round-trips every StreamResponse member", () => {
    const events: StreamResponse[] = [
      { task },
      { message: task.history?.[0] as Message },
      {
        statusUpdate: {
          taskId: "t-1",
          contextId: "c-1",
          status: { state: "TASK_STATE_WORKING" },
          metadata: { x: 1 },
        },
      },
      {
        artifactUpdate: {
          taskId: "t-1",
          contextId: "c-1",
          artifact: { artifactId: "a", parts: [{ text: "x" }] },
          append: true,
          lastChunk: true,
        },
      },
    ];
    for (const e of events) {
      const pbe = wire(pb.StreamResponseSchema, streamResponseToProto(e, "e"));
      expect(streamResponseFromProto(pbe, "e")).toEqual(e);
      expect(toJson(pb.StreamResponseSchema, pbe)).toEqual(modelToJson(StreamResponseSchema, e));
    }
  });

  it("round-trips a SendMessageRequest with configuration and push config", () => {
    const req: SendMessageRequest = {
      tenant: "acme",
      message: { messageId: "m", role: "ROLE_USER", parts: [{ text: "x" }] },
      configuration: {
        acceptedOutputModes: ["text/plain"],
        historyLength: 0,
        returnImmediately: true,
        taskPushNotificationConfig: {
          url: "https://hook.example",
          token: "tok",
          authentication: { scheme: "Bearer", credentials: "c" },
        },
      },
      metadata: { k: "v" },
    };
    const pbReq = wire(pb.SendMessageRequestSchema, sendMessageRequestToProto(req));
    expect(sendMessageRequestFromProto(pbReq)).toEqual(req);
    expect(
      modelFromJson(SendMessageRequestSchema, toJson(pb.SendMessageRequestSchema, pbReq)),
    ).toEqual(req);
  });

  it("rejects what the JSON model cannot hold, naming the field", () => {
    const noContent = create(pb.SendMessageRequestSchema, {
      message: { messageId: "m", role: pb.Role.USER, parts: [{}] },
    });
    expect(() => sendMessageRequestFromProto(noContent)).toThrow(
      expect.objectContaining({ path: "message.parts[0]" }),
    );
    expect(() => sendMessageRequestFromProto(create(pb.SendMessageRequestSchema))).toThrow(
      ConversionError,
    );
    const badRole = create(pb.MessageSchema, { messageId: "m", role: 7 as pb.Role });
    expect(() => messageFromProto(badRole, "message")).toThrow(/message\.role: unknown Role 7/);
    const noKind = create(pb.PartSchema, { content: { case: "data", value: {} } });
    expect(() => partFromProto(noKind, "p")).toThrow(
      /p\.data: google\.protobuf\.Value without a kind/,
    );
    expect(() => taskFromProto(create(pb.TaskSchema, { id: "t" }), "task")).toThrow(
      /task\.status: required/,
    );
  });
});

describe("timestamps", () => {
  it("prints RFC 3339 UTC with exactly 3 fraction digits", () => {
    expect(
      timestampFromProto({ $typeName: "google.protobuf.Timestamp", seconds: 0n, nanos: 0 }, "t"),
    ).toBe("1970-01-01T00:00:00.000Z");
    expect(
      timestampFromProto(
        { $typeName: "google.protobuf.Timestamp", seconds: -1n, nanos: 999_999_999 },
        "t",
      ),
    ).toBe("1969-12-31T23:59:59.999Z");
  });

  it("parses offsets and up to 9 fraction digits exactly", () => {
    const ts = timestampToProto("2026-01-02T05:04:05.123456789+02:00", "t");
    expect(ts.seconds).toBe(BigInt(Date.UTC(2026, 0, 2, 3, 4, 5) / 1000));
    expect(ts.nanos).toBe(123_456_789);
    expect(timestampToProto("0001-01-01T00:00:00Z", "t").seconds).toBe(-62135596800n);
    expect(() => timestampToProto("2026-01-02", "t")).toThrow(ConversionError);
    expect(() =>
      timestampFromProto(
        { $typeName: "google.protobuf.Timestamp", seconds: 253402300800n, nanos: 0 },
        "t",
      ),
    ).toThrow(/out of range/);
  });

  it("round-trips any millisecond timestamp in range", () => {
    fc.assert(
      fc.property(fc.integer({ min: -62135596800000, max: 253402300799999 }), (ms) => {
        const text = new Date(ms).toISOString();
        expect(timestampFromProto(timestampToProto(text, "t"), "t")).toBe(text);
      }),
    );
  });
});

// protobuf-es drops "__proto__" keys when it decodes a Struct or map (a known protobuf-es
// limitation, recorded in test/golden), so the generated JSON leaves them out.
const json: fc.Arbitrary<unknown> = fc
  .jsonValue()
  .map((v) => JSON.parse(JSON.stringify(v), (k, x) => (k === "__proto__" ? undefined : x)));
const str = fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k !== "__proto__");
const part = fc.oneof(
  fc.record({ text: fc.string() }),
  fc.record({ url: fc.string() }),
  fc.uint8Array({ maxLength: 20 }).map((b) => ({ raw: Buffer.from(b).toString("base64") })),
  fc.record({ data: json }),
);
const messageArb = fc.record(
  {
    messageId: str,
    role: fc.constantFrom("ROLE_USER", "ROLE_AGENT"),
    parts: fc.array(part, { minLength: 1, maxLength: 3 }),
    contextId: str,
    metadata: fc.dictionary(str, json, { maxKeys: 3 }),
    extensions: fc.array(str, { minLength: 1, maxLength: 2 }),
  },
  { requiredKeys: ["messageId", "role", "parts"] },
) as fc.Arbitrary<Message>;

describe("property: model → proto → wire → model", () => {
  it("is the identity on canonical messages and matches the a2a-types codec", () => {
    fc.assert(
      fc.property(messageArb, (m) => {
        const canonical = modelFromJson(MessageSchema, modelToJson(MessageSchema, m));
        const pbm = wire(pb.MessageSchema, messageToProto(canonical, "m"));
        expect(messageFromProto(pbm, "m")).toEqual(canonical);
        expect(toJson(pb.MessageSchema, pbm)).toEqual(modelToJson(MessageSchema, canonical));
      }),
      { numRuns: 300 },
    );
  });
});

describe("__proto__ keys", () => {
  it("stay data, never a prototype, in Value conversions", () => {
    const data = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as JsonValue;
    const value = valueToProto(data, "d");
    const back = valueFromProto(value, "d") as Record<string, unknown>;
    expect(Object.keys(back)).toEqual(["__proto__", "a"]);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect((back as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe("AgentCard", () => {
  const card: AgentCard = {
    name: "Agent",
    description: "does things",
    supportedInterfaces: [
      { url: "127.0.0.1:50051", protocolBinding: "GRPC", protocolVersion: "1.0", tenant: "t" },
    ],
    provider: { url: "https://p.example", organization: "P" },
    version: "1.2.3",
    documentationUrl: "",
    capabilities: {
      streaming: false,
      pushNotifications: true,
      extendedAgentCard: true,
      extensions: [{ uri: "urn:e", required: true, params: { a: 1 } }],
    },
    securitySchemes: {
      key: { apiKeySecurityScheme: { location: "header", name: "X-API-Key" } },
      jwt: { httpAuthSecurityScheme: { scheme: "Bearer", bearerFormat: "JWT" } },
      oa: {
        oauth2SecurityScheme: {
          flows: { clientCredentials: { tokenUrl: "https://id/token", scopes: { r: "read" } } },
        },
      },
      ac: {
        oauth2SecurityScheme: {
          flows: {
            authorizationCode: {
              authorizationUrl: "https://id/a",
              tokenUrl: "https://id/t",
              scopes: { w: "write" },
              pkceRequired: true,
            },
          },
          oauth2MetadataUrl: "https://id/.well-known",
        },
      },
      dc: {
        oauth2SecurityScheme: {
          flows: {
            deviceCode: {
              deviceAuthorizationUrl: "https://id/d",
              tokenUrl: "https://id/t",
              scopes: { d: "" },
            },
          },
        },
      },
      oidc: { openIdConnectSecurityScheme: { openIdConnectUrl: "https://id/.well-known/openid" } },
      mtls: { mtlsSecurityScheme: {} },
    },
    securityRequirements: [
      { schemes: { oa: { list: ["r"] } } },
      { schemes: { key: {}, mtls: {} } },
    ],
    defaultInputModes: ["text/plain"],
    defaultOutputModes: ["text/plain", "application/json"],
    skills: [
      {
        id: "s",
        name: "S",
        description: "skill",
        tags: ["t"],
        examples: ["e"],
        inputModes: ["text/plain"],
        securityRequirements: [{ schemes: { jwt: {} } }],
      },
    ],
    signatures: [{ protected: "eyJ", signature: "sig", header: { kid: "k" } }],
    iconUrl: "https://i.example/icon.png",
  };

  it("round-trips every field and writes the codec's ProtoJSON", () => {
    const pbc = wire(pb.AgentCardSchema, agentCardToProto(card));
    expect(agentCardFromProto(pbc, "card")).toEqual(card);
    expect(toJson(pb.AgentCardSchema, pbc)).toEqual(modelToJson(AgentCardSchema, card));
  });
});
