import { describe, expect, it } from "vitest";
import { fromJson, safeFromJson } from "../codec.js";
import {
  AgentCardSchema,
  ListTaskPushNotificationConfigsRequestSchema,
  ListTasksRequestSchema,
  ListTasksResponseSchema,
  MessageSchema,
  PartSchema,
  SecurityRequirementSchema,
  SecuritySchemeSchema,
  SendMessageConfigurationSchema,
  SendMessageRequestSchema,
  SendMessageResponseSchema,
  StreamResponseSchema,
  TaskArtifactUpdateEventSchema,
  TaskSchema,
} from "../index.js";
import { WireValidationError } from "../wire-validation-error.js";

function issuesOf(schema: Parameters<typeof safeFromJson>[0], json: unknown) {
  const r = safeFromJson(schema, json);
  if (r.success) throw new Error(`expected a failure, got ${JSON.stringify(r.data)}`);
  return r.error.issues;
}

const msg = { messageId: "m1", role: "ROLE_USER", parts: [{ text: "hi" }] };

describe("keys", () => {
  it("accepts snake_case keys everywhere and returns camelCase", () => {
    const got = fromJson(SendMessageRequestSchema, {
      tenant: "t",
      message: {
        message_id: "m1",
        context_id: "c1",
        task_id: "t1",
        role: "ROLE_USER",
        parts: [{ text: "a", media_type: "text/plain" }],
        reference_task_ids: ["x"],
      },
      configuration: {
        accepted_output_modes: ["text/plain"],
        history_length: 3,
        return_immediately: true,
        task_push_notification_config: { url: "https://h/x", task_id: "" },
      },
    });
    expect(got).toEqual({
      tenant: "t",
      message: {
        messageId: "m1",
        contextId: "c1",
        taskId: "t1",
        role: "ROLE_USER",
        parts: [{ text: "a", mediaType: "text/plain" }],
        referenceTaskIds: ["x"],
      },
      configuration: {
        acceptedOutputModes: ["text/plain"],
        historyLength: 3,
        returnImmediately: true,
        taskPushNotificationConfig: { url: "https://h/x" },
      },
    });
  });

  it("rejects a field given in both spellings, naming it", () => {
    const issues = issuesOf(TaskSchema, {
      id: "t",
      status: { state: "TASK_STATE_WORKING" },
      contextId: "a",
      context_id: "a",
    });
    expect(issues).toEqual([
      { path: "contextId", message: expect.stringContaining("given twice") },
    ]);
  });

  it("ignores unknown keys at any depth", () => {
    const got = fromJson(TaskSchema, {
      id: "t",
      kind: "task",
      status: { state: "TASK_STATE_WORKING", extra: { deep: 1 } },
      history: [{ ...msg, foo: "bar" }],
    });
    expect(got).toEqual({ id: "t", status: { state: "TASK_STATE_WORKING" }, history: [msg] });
  });

  it("treats an undefined property of a JS object as absent", () => {
    const got = fromJson(TaskSchema, {
      id: "t",
      contextId: undefined,
      context_id: "c",
      status: { state: 1 },
    });
    expect(got).toEqual({ id: "t", contextId: "c", status: { state: "TASK_STATE_SUBMITTED" } });
    expect(issuesOf(TaskSchema, { id: "t", status: undefined })).toEqual([
      { path: "status", message: "is required" },
    ]);
  });

  it("is not fooled by prototype keys", () => {
    const input = JSON.parse(
      '{"id":"t","status":{"state":1},"__proto__":{"x":1},"constructor":"c"}',
    );
    const got = fromJson(TaskSchema, input);
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
    expect(got).toEqual({ id: "t", status: { state: "TASK_STATE_SUBMITTED" } });
  });
});

describe("oneofs", () => {
  it("keeps an empty-string member as set", () => {
    expect(fromJson(PartSchema, { text: "" })).toEqual({ text: "" });
    expect(fromJson(PartSchema, { url: "" })).toEqual({ url: "" });
  });

  it("keeps data: null as a JSON null value", () => {
    const got = fromJson(PartSchema, { data: null });
    expect(got).toEqual({ data: null });
    expect("data" in got).toBe(true);
  });

  it("accepts any JSON value as data", () => {
    for (const data of [1, "s", true, [1, null], { a: { b: [null] } }]) {
      expect(fromJson(PartSchema, { data })).toEqual({ data });
    }
  });

  it("rejects two members, naming the second", () => {
    expect(issuesOf(PartSchema, { text: "a", url: "b" })).toEqual([
      { path: "url", message: expect.stringContaining('got "text" and "url"') },
    ]);
    expect(
      issuesOf(SendMessageResponseSchema, {
        task: { id: "t", status: { state: 1 } },
        message: msg,
      }),
    ).toEqual([{ path: "message", message: expect.stringContaining("only one of") }]);
  });

  it("does not count a null member (ProtoJSON: null is absent)", () => {
    expect(fromJson(StreamResponseSchema, { task: null, message: msg })).toEqual({ message: msg });
    expect(fromJson(StreamResponseSchema, { message: msg, status_update: null })).toEqual({
      message: msg,
    });
  });

  it("treats a null scalar member as unset", () => {
    expect(fromJson(PartSchema, { text: null, url: "u" })).toEqual({ url: "u" });
  });

  it("rejects a oneof with no member", () => {
    expect(issuesOf(PartSchema, { mediaType: "text/plain" })).toEqual([
      { path: "", message: 'one of "text", "raw", "url", "data" must be set' },
    ]);
    expect(issuesOf(StreamResponseSchema, {})[0]?.message).toContain('"statusUpdate"');
    expect(issuesOf(StreamResponseSchema, { task: null })[0]?.message).toContain("must be set");
    expect(issuesOf(SecuritySchemeSchema, { unknown: {} })[0]?.message).toContain("must be set");
  });

  it("rejects two OAuth flows in one scheme", () => {
    const issues = issuesOf(SecuritySchemeSchema, {
      oauth2SecurityScheme: {
        flows: {
          clientCredentials: { tokenUrl: "https://a/t", scopes: {} },
          deviceCode: {
            deviceAuthorizationUrl: "https://a/d",
            tokenUrl: "https://a/t",
            scopes: {},
          },
        },
      },
    });
    expect(issues).toEqual([
      {
        path: "oauth2SecurityScheme.flows.deviceCode",
        message: expect.stringContaining("only one of"),
      },
    ]);
  });

  it("accepts an empty mTLS scheme", () => {
    expect(fromJson(SecuritySchemeSchema, { mtls_security_scheme: {} })).toEqual({
      mtlsSecurityScheme: {},
    });
  });
});

describe("presence", () => {
  it("drops implicit-presence fields at their default", () => {
    const got = fromJson(TaskArtifactUpdateEventSchema, {
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
    });
    expect(got).toEqual({
      taskId: "t",
      contextId: "c",
      artifact: { artifactId: "a", parts: [{ text: "x" }] },
    });
    expect(
      fromJson(ListTaskPushNotificationConfigsRequestSchema, {
        taskId: "t",
        pageSize: 0,
        pageToken: "",
      }),
    ).toEqual({
      taskId: "t",
    });
  });

  it("keeps explicit-presence fields set to their default", () => {
    expect(fromJson(SendMessageConfigurationSchema, { historyLength: 0 })).toEqual({
      historyLength: 0,
    });
    expect(fromJson(ListTasksRequestSchema, { includeArtifacts: false, pageSize: "0" })).toEqual({
      includeArtifacts: false,
      pageSize: 0,
    });
    expect(fromJson(TaskSchema, { id: "t", status: { state: 1 }, metadata: {} }).metadata).toEqual(
      {},
    );
    const card = fromJson(AgentCardSchema, {
      capabilities: { streaming: false },
      documentationUrl: "",
    });
    expect(card.capabilities).toEqual({ streaming: false });
    expect(card.documentationUrl).toBe("");
  });

  it("fills REQUIRED scalars, lists and maps with their default when missing", () => {
    expect(fromJson(ListTasksResponseSchema, {})).toEqual({
      tasks: [],
      nextPageToken: "",
      pageSize: 0,
      totalSize: 0,
    });
    expect(fromJson(MessageSchema, {})).toEqual({
      messageId: "",
      role: "ROLE_UNSPECIFIED",
      parts: [],
    });
    expect(
      fromJson(SecuritySchemeSchema, {
        oauth2SecurityScheme: { flows: { clientCredentials: {} } },
      }),
    ).toEqual({
      oauth2SecurityScheme: { flows: { clientCredentials: { tokenUrl: "", scopes: {} } } },
    });
  });

  it("rejects a missing REQUIRED message field", () => {
    expect(issuesOf(TaskSchema, { id: "t" })).toEqual([{ path: "status", message: "is required" }]);
    expect(issuesOf(TaskSchema, { id: "t", status: null })).toEqual([
      { path: "status", message: "is required" },
    ]);
    expect(issuesOf(SendMessageRequestSchema, {})).toEqual([
      { path: "message", message: "is required" },
    ]);
  });

  it("treats null as unset", () => {
    expect(
      fromJson(TaskSchema, {
        id: "t",
        status: { state: 1, message: null, timestamp: null },
        contextId: null,
        artifacts: null,
        metadata: null,
      }),
    ).toEqual({ id: "t", status: { state: "TASK_STATE_SUBMITTED" } });
  });
});

describe("wrong types are rejected, never coerced", () => {
  it.each([
    [{ id: 1, status: { state: 1 } }, "id", "expected a string"],
    [{ id: "t", status: "working" }, "status", "expected a JSON object"],
    [{ id: "t", status: { state: 1 }, history: {} }, "history", "expected an array"],
    [{ id: "t", status: { state: 1 }, history: [null] }, "history[0]", "must not be null"],
    [{ id: "t", status: { state: 1 }, history: ["m"] }, "history[0]", "expected a JSON object"],
    [{ id: "t", status: { state: 1 }, metadata: [] }, "metadata", "expected a JSON object"],
    [{ id: "t", status: { state: 1 }, metadata: "x" }, "metadata", "expected a JSON object"],
  ])("%j → %s", (input, path, message) => {
    expect(issuesOf(TaskSchema, input)).toEqual([
      { path, message: expect.stringContaining(message) },
    ]);
  });

  it("rejects strings for booleans and booleans for strings", () => {
    expect(issuesOf(SendMessageConfigurationSchema, { returnImmediately: "true" })[0]?.path).toBe(
      "returnImmediately",
    );
    expect(issuesOf(PartSchema, { text: true })[0]?.path).toBe("text");
  });

  it("rejects non-JSON values inside Struct and Value, with the inner path", () => {
    expect(issuesOf(PartSchema, { text: "a", metadata: { a: { b: [1, undefined] } } })).toEqual([
      { path: "metadata.a.b[1]", message: expect.stringContaining("JSON value") },
    ]);
    expect(issuesOf(PartSchema, { data: { "odd key": Number.NaN } })).toEqual([
      { path: 'data["odd key"]', message: expect.stringContaining("finite number") },
    ]);
    expect(issuesOf(PartSchema, { data: () => 1 })[0]?.path).toBe("data");
  });

  it("rejects map values that are null or of the wrong type", () => {
    expect(issuesOf(SecurityRequirementSchema, { schemes: { a: null } })).toEqual([
      { path: 'schemes["a"]', message: "map values must not be null" },
    ]);
    expect(issuesOf(SecurityRequirementSchema, { schemes: { a: { list: [1] } } })).toEqual([
      { path: 'schemes["a"].list[0]', message: expect.stringContaining("expected a string") },
    ]);
    expect(issuesOf(SecurityRequirementSchema, { schemes: [] })[0]?.path).toBe("schemes");
  });

  it("rejects a top level that is not an object", () => {
    for (const v of [null, 1, "x", [], undefined]) {
      expect(issuesOf(TaskSchema, v)).toEqual([
        { path: "", message: expect.stringContaining("expected a JSON object") },
      ]);
    }
  });
});

describe("errors", () => {
  it("names the full field path", () => {
    const issues = issuesOf(SendMessageRequestSchema, {
      message: { messageId: "m", role: 1, parts: [{ text: "ok" }, { text: 5 }] },
    });
    expect(issues).toEqual([
      { path: "message.parts[1].text", message: "expected a string, got number 5" },
    ]);
  });

  it("reports every problem at once", () => {
    const issues = issuesOf(TaskSchema, {
      id: 1,
      status: { state: "nope", timestamp: "x" },
      history: [{ messageId: "m", role: 1, parts: [{}] }],
    });
    expect(issues.map((i) => i.path)).toEqual([
      "id",
      "status.state",
      "status.timestamp",
      "history[0].parts[0]",
    ]);
  });

  it("throws a WireValidationError from fromJson", () => {
    expect(() => fromJson(TaskSchema, {})).toThrow(WireValidationError);
    try {
      fromJson(TaskSchema, { id: "t" });
    } catch (e) {
      expect(e).toBeInstanceOf(WireValidationError);
      expect((e as WireValidationError).kind).toBe("invalid");
      expect((e as WireValidationError).message).toBe(
        "cannot parse lf.a2a.v1.Task: status: is required",
      );
    }
  });

  it("survives deep nesting without a stack overflow", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    const issues = issuesOf(PartSchema, { data: deep });
    expect(issues[0]?.message).toContain("nesting exceeds");
  });
});
