import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fromJson, fromJsonString, safeFromJson, toJson } from "./codec.js";
import { TaskSchema } from "./schemas/core.js";
import { WireValidationError } from "./wire-validation-error.js";

describe("fromJsonString", () => {
  it("parses text", () => {
    expect(fromJsonString(TaskSchema, '{"id":"t","status":{"state":3}}')).toEqual({
      id: "t",
      status: { state: "TASK_STATE_COMPLETED" },
    });
  });

  it("reports text that is not JSON as kind syntax", () => {
    try {
      fromJsonString(TaskSchema, "{nope");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(WireValidationError);
      const err = e as WireValidationError;
      expect(err.kind).toBe("syntax");
      expect(err.issues[0]?.message).toMatch(/^not valid JSON/);
    }
  });

  it("reports valid JSON of the wrong shape as kind invalid", () => {
    expect(() => fromJsonString(TaskSchema, "[]")).toThrow(
      expect.objectContaining({ kind: "invalid" }),
    );
  });
});

describe("safeFromJson", () => {
  it("returns data on success and the error on failure", () => {
    const ok = safeFromJson(TaskSchema, { id: "t", status: { state: 1 } });
    expect(ok).toEqual({
      success: true,
      data: { id: "t", status: { state: "TASK_STATE_SUBMITTED" } },
    });
    const bad = safeFromJson(TaskSchema, { id: "t" });
    expect(bad.success).toBe(false);
    expect(bad.error).toBeInstanceOf(WireValidationError);
    expect(bad.error?.issues).toEqual([{ path: "status", message: "is required" }]);
  });
});

describe("schemas that are not A2A messages", () => {
  it("throw a TypeError that says what to pass", () => {
    const other = z.object({ id: z.string() });
    expect(() => fromJson(other, {})).toThrow(/TaskSchema/);
    expect(() => toJson(other, { id: "x" })).toThrow(TypeError);
  });
});

describe("WireValidationError", () => {
  it("is recognised structurally across copies", () => {
    const lookalike = { name: "WireValidationError", issues: [], kind: "invalid", message: "" };
    expect(lookalike instanceof WireValidationError).toBe(true);
    expect(new Error("x") instanceof WireValidationError).toBe(false);
  });

  it("summarises the first issue and counts the rest", () => {
    const e = new WireValidationError(
      "invalid",
      [
        { path: "a", message: "bad" },
        { path: "b", message: "worse" },
      ],
      "lf.a2a.v1.Task",
    );
    expect(e.message).toBe("cannot parse lf.a2a.v1.Task: a: bad (and 1 more)");
    expect(e.name).toBe("WireValidationError");
  });
});
