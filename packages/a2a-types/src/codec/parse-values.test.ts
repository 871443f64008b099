import { describe, expect, it } from "vitest";
import { fromJson, safeFromJson } from "../codec.js";
import {
  GetTaskRequestSchema,
  ListTasksRequestSchema,
  MessageSchema,
  PartSchema,
  TaskStatusSchema,
} from "../index.js";

function issuesOf(schema: Parameters<typeof safeFromJson>[0], json: unknown) {
  const r = safeFromJson(schema, json);
  if (r.success) throw new Error(`expected a failure, got ${JSON.stringify(r.data)}`);
  return r.error.issues;
}

const msg = { messageId: "m1", role: "ROLE_USER", parts: [{ text: "hi" }] };

describe("enums", () => {
  it("accepts names and numbers, returns names", () => {
    expect(fromJson(TaskStatusSchema, { state: 6 })).toEqual({
      state: "TASK_STATE_INPUT_REQUIRED",
    });
    expect(fromJson(MessageSchema, { ...msg, role: 2 }).role).toBe("ROLE_AGENT");
    expect(fromJson(TaskStatusSchema, { state: "TASK_STATE_AUTH_REQUIRED" }).state).toBe(
      "TASK_STATE_AUTH_REQUIRED",
    );
  });

  it.each([
    ["unknown name", "TASK_STATE_DONE"],
    ["v0.3 name", "completed"],
    ["unknown number", 9],
    ["negative", -1],
    ["fraction", 1.5],
    ["numeric string", "3"],
    ["boolean", true],
  ])("rejects %s", (_, state) => {
    expect(issuesOf(TaskStatusSchema, { state })).toEqual([
      { path: "state", message: expect.stringContaining("TaskState") },
    ]);
  });

  it("drops an implicit enum at its zero value", () => {
    expect(fromJson(ListTasksRequestSchema, { status: 0 })).toEqual({});
    expect(fromJson(ListTasksRequestSchema, { status: "TASK_STATE_UNSPECIFIED" })).toEqual({});
  });
});

describe("int32", () => {
  it.each([
    [5, 5],
    ["5", 5],
    ["-3", -3],
    ["1e2", 100],
    ["2.0", 2],
    [2147483647, 2147483647],
    ["-2147483648", -2147483648],
    [-0, 0],
  ])("accepts %j as %j", (input, want) => {
    expect(fromJson(GetTaskRequestSchema, { id: "t", historyLength: input }).historyLength).toBe(
      want,
    );
  });

  it.each([
    1.5,
    "1.5",
    2147483648,
    "-2147483649",
    " 5",
    "5 ",
    "",
    "0x10",
    "Infinity",
    "abc",
    true,
    [],
    {},
  ])("rejects %j", (input) => {
    expect(issuesOf(GetTaskRequestSchema, { id: "t", historyLength: input })).toEqual([
      { path: "historyLength", message: expect.stringContaining("32-bit integer") },
    ]);
  });
});

describe("bytes", () => {
  it.each([
    ["aGVsbG8=", "aGVsbG8="],
    ["aGVsbG8", "aGVsbG8="],
    ["-_8", "+/8="],
    ["-_8=", "+/8="],
    ["", ""],
  ])("accepts %j as %j", (input, want) => {
    expect(fromJson(PartSchema, { raw: input })).toEqual({ raw: want });
  });

  it.each(["a", "a===", "ab$c", 12])("rejects %j", (input) => {
    expect(issuesOf(PartSchema, { raw: input })).toEqual([
      { path: "raw", message: expect.stringContaining("base64") },
    ]);
  });
});

describe("timestamps", () => {
  it.each([
    ["2026-01-02T03:04:05Z", "2026-01-02T03:04:05.000Z"],
    ["2026-01-02T03:04:05.678Z", "2026-01-02T03:04:05.678Z"],
    ["2026-01-02T03:04:05.678123Z", "2026-01-02T03:04:05.678Z"],
    ["2026-01-02T03:04:05.678123456Z", "2026-01-02T03:04:05.678Z"],
    ["2026-01-02T05:04:05.678+02:00", "2026-01-02T03:04:05.678Z"],
  ])("accepts %s as %s", (input, want) => {
    expect(fromJson(TaskStatusSchema, { state: 1, timestamp: input }).timestamp).toBe(want);
  });

  it.each(["2026-01-02", "yesterday", 1767323045678, "2026-02-30T00:00:00Z"])(
    "rejects %j",
    (input) => {
      expect(issuesOf(TaskStatusSchema, { state: 1, timestamp: input })).toEqual([
        { path: "timestamp", message: expect.stringContaining("RFC 3339") },
      ]);
    },
  );
});
