import { describe, expect, it } from "vitest";
import { toJson, toJsonString } from "../codec.js";
import {
  AgentCapabilitiesSchema,
  AgentCardSchema,
  ArtifactSchema,
  GetTaskRequestSchema,
  ListTaskPushNotificationConfigsRequestSchema,
  ListTaskPushNotificationConfigsResponseSchema,
  ListTasksRequestSchema,
  ListTasksResponseSchema,
  MessageSchema,
  PartSchema,
  SecurityRequirementSchema,
  SecuritySchemeSchema,
  SendMessageConfigurationSchema,
  StreamResponseSchema,
  TaskArtifactUpdateEventSchema,
  TaskSchema,
  TaskStatusUpdateEventSchema,
} from "../index.js";

describe("REQUIRED fields are written even at their default", () => {
  it("ListTasksResponse", () => {
    expect(
      toJson(ListTasksResponseSchema, { tasks: [], nextPageToken: "", pageSize: 0, totalSize: 0 }),
    ).toEqual({
      tasks: [],
      nextPageToken: "",
      pageSize: 0,
      totalSize: 0,
    });
  });

  it("Message, Artifact, events", () => {
    expect(toJson(MessageSchema, { messageId: "", role: "ROLE_UNSPECIFIED", parts: [] })).toEqual({
      messageId: "",
      role: "ROLE_UNSPECIFIED",
      parts: [],
    });
    expect(toJson(ArtifactSchema, { artifactId: "a", parts: [] })).toEqual({
      artifactId: "a",
      parts: [],
    });
    expect(
      toJson(TaskStatusUpdateEventSchema, {
        taskId: "t",
        contextId: "",
        status: { state: "TASK_STATE_WORKING" },
      }),
    ).toEqual({ taskId: "t", contextId: "", status: { state: "TASK_STATE_WORKING" } });
  });

  it("AgentCard with empty REQUIRED strings and lists, and OAuth scopes", () => {
    const card = toJson(AgentCardSchema, {
      name: "",
      description: "",
      supportedInterfaces: [],
      version: "",
      capabilities: {},
      defaultInputModes: [],
      defaultOutputModes: [],
      skills: [{ id: "", name: "", description: "", tags: [] }],
      securitySchemes: {
        o: { oauth2SecurityScheme: { flows: { clientCredentials: { tokenUrl: "", scopes: {} } } } },
      },
    });
    expect(card).toEqual({
      name: "",
      description: "",
      supportedInterfaces: [],
      version: "",
      capabilities: {},
      securitySchemes: {
        o: { oauth2SecurityScheme: { flows: { clientCredentials: { tokenUrl: "", scopes: {} } } } },
      },
      defaultInputModes: [],
      defaultOutputModes: [],
      skills: [{ id: "", name: "", description: "", tags: [] }],
    });
  });

  it("fills REQUIRED fields missing from an untyped value", () => {
    expect(toJson(ListTasksResponseSchema, {} as never)).toEqual({
      tasks: [],
      nextPageToken: "",
      pageSize: 0,
      totalSize: 0,
    });
  });
});

describe("implicit-presence fields are dropped at their default", () => {
  it("strings, booleans, lists, maps, enums, ints", () => {
    expect(
      toJson(TaskArtifactUpdateEventSchema, {
        taskId: "t",
        contextId: "c",
        artifact: {
          artifactId: "a",
          parts: [{ text: "x", filename: "", mediaType: "" }],
          name: "",
          extensions: [],
        },
        append: false,
        lastChunk: false,
      }),
    ).toEqual({
      taskId: "t",
      contextId: "c",
      artifact: { artifactId: "a", parts: [{ text: "x" }] },
    });
    expect(
      toJson(TaskSchema, {
        id: "t",
        contextId: "",
        status: { state: "TASK_STATE_WORKING" },
        history: [],
        artifacts: [],
      }),
    ).toEqual({
      id: "t",
      status: { state: "TASK_STATE_WORKING" },
    });
    expect(
      toJson(ListTasksRequestSchema, {
        status: "TASK_STATE_UNSPECIFIED",
        tenant: "",
        contextId: "",
      }),
    ).toEqual({});
    expect(
      toJson(ListTaskPushNotificationConfigsRequestSchema, {
        taskId: "t",
        pageSize: 0,
        pageToken: "",
      }),
    ).toEqual({
      taskId: "t",
    });
    expect(toJson(SecurityRequirementSchema, { schemes: {} })).toEqual({});
    expect(
      toJson(ListTaskPushNotificationConfigsResponseSchema, { configs: [], nextPageToken: "" }),
    ).toEqual({});
  });

  it("an empty StringList serialises as {}", () => {
    expect(
      toJson(SecurityRequirementSchema, {
        schemes: { a: { list: [] }, b: {}, c: { list: ["s"] } },
      }),
    ).toEqual({
      schemes: { a: {}, b: {}, c: { list: ["s"] } },
    });
  });
});

describe("explicit-presence fields are kept whenever set", () => {
  it("optional scalars at their default", () => {
    expect(toJson(GetTaskRequestSchema, { id: "t", historyLength: 0 })).toEqual({
      id: "t",
      historyLength: 0,
    });
    expect(
      toJson(SendMessageConfigurationSchema, { historyLength: 0, returnImmediately: false }),
    ).toEqual({
      historyLength: 0,
    });
    expect(toJson(ListTasksRequestSchema, { includeArtifacts: false, pageSize: 0 })).toEqual({
      pageSize: 0,
      includeArtifacts: false,
    });
    expect(
      toJson(AgentCapabilitiesSchema, {
        streaming: false,
        pushNotifications: false,
        extendedAgentCard: false,
      }),
    ).toEqual({
      streaming: false,
      pushNotifications: false,
      extendedAgentCard: false,
    });
  });

  it("oneof members at their default", () => {
    expect(toJson(PartSchema, { text: "" })).toEqual({ text: "" });
    expect(toJson(PartSchema, { raw: "" })).toEqual({ raw: "" });
    expect(toJson(PartSchema, { data: null })).toEqual({ data: null });
    expect(toJson(PartSchema, { data: 0 })).toEqual({ data: 0 });
    expect(toJson(SecuritySchemeSchema, { mtlsSecurityScheme: {} })).toEqual({
      mtlsSecurityScheme: {},
    });
  });

  it("empty messages and Structs", () => {
    expect(
      toJson(TaskSchema, { id: "t", status: { state: "TASK_STATE_WORKING" }, metadata: {} }),
    ).toEqual({
      id: "t",
      status: { state: "TASK_STATE_WORKING" },
      metadata: {},
    });
    expect(
      toJson(SendMessageConfigurationSchema, { taskPushNotificationConfig: { url: "" } }),
    ).toEqual({
      taskPushNotificationConfig: { url: "" },
    });
  });

  it("leaves unset fields out", () => {
    expect(toJson(GetTaskRequestSchema, { id: "t" })).toEqual({ id: "t" });
    expect(toJson(PartSchema, { text: "a", data: undefined } as never)).toEqual({ text: "a" });
  });
});

describe("output form", () => {
  it("writes keys in proto declaration order", () => {
    const json = toJson(ListTaskPushNotificationConfigsRequestSchema, {
      pageToken: "p",
      taskId: "t",
      tenant: "x",
    });
    expect(Object.keys(json)).toEqual(["tenant", "taskId", "pageToken"]);
    const task = toJson(TaskSchema, {
      metadata: { a: 1 },
      status: { state: "TASK_STATE_WORKING" },
      id: "t",
      contextId: "c",
    });
    expect(Object.keys(task)).toEqual(["id", "contextId", "status", "metadata"]);
  });

  it("toJsonString is JSON.stringify(toJson(...))", () => {
    const v = {
      statusUpdate: {
        taskId: "t",
        contextId: "c",
        status: { state: "TASK_STATE_COMPLETED" as const, timestamp: "2026-01-02T03:04:05.678Z" },
      },
    };
    expect(toJsonString(StreamResponseSchema, v)).toBe(
      '{"statusUpdate":{"taskId":"t","contextId":"c","status":{"state":"TASK_STATE_COMPLETED","timestamp":"2026-01-02T03:04:05.678Z"}}}',
    );
  });

  it("keeps a __proto__ map key as an own key", () => {
    const schemes = JSON.parse('{"__proto__":{"list":["a"]}}');
    const json = toJson(SecurityRequirementSchema, { schemes });
    expect(Object.getPrototypeOf(json.schemes)).toBe(Object.prototype);
    expect(JSON.stringify(json)).toBe('{"schemes":{"__proto__":{"list":["a"]}}}');
  });

  it("does not alias the input lists", () => {
    const input = { messageId: "m", role: "ROLE_USER" as const, parts: [], extensions: ["e"] };
    const json = toJson(MessageSchema, input);
    expect(json.extensions).toEqual(["e"]);
    expect(json.extensions).not.toBe(input.extensions);
  });
});
