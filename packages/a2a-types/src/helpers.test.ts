import { describe, expect, it } from "vitest";
import { fromJson, toJson } from "./codec.js";
import { Role, TaskState } from "./enums.js";
import {
  agentMessage,
  dataPart,
  getText,
  INTERRUPTED_STATES,
  isInterrupted,
  isTerminal,
  newId,
  nowTimestamp,
  rawPart,
  TERMINAL_STATES,
  textPart,
  urlPart,
  userMessage,
} from "./helpers.js";
import { MessageSchema, PartSchema, TaskStatusSchema } from "./schemas/core.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("part constructors", () => {
  it("build canonical parts with only the options given", () => {
    expect(textPart("hi")).toEqual({ text: "hi" });
    expect(Object.keys(textPart("hi"))).toEqual(["text"]);
    expect(textPart("hi", { mediaType: "text/markdown", metadata: { a: 1 } })).toEqual({
      text: "hi",
      mediaType: "text/markdown",
      metadata: { a: 1 },
    });
    expect(dataPart(null)).toEqual({ data: null });
    expect(dataPart({ k: [1] }, { mediaType: "application/json" })).toEqual({
      data: { k: [1] },
      mediaType: "application/json",
    });
    expect(urlPart("https://x/a.pdf", { filename: "a.pdf" })).toEqual({
      url: "https://x/a.pdf",
      filename: "a.pdf",
    });
  });

  it("rawPart encodes bytes and normalises base64 text", () => {
    expect(rawPart(new TextEncoder().encode("hello"))).toEqual({ raw: "aGVsbG8=" });
    expect(rawPart("-_8", { mediaType: "image/png" })).toEqual({
      raw: "+/8=",
      mediaType: "image/png",
    });
    expect(() => rawPart("not base64!")).toThrow(TypeError);
  });

  it("produce values that survive the codec unchanged", () => {
    for (const p of [textPart(""), dataPart(0), urlPart("u"), rawPart(new Uint8Array([1, 2, 3]))]) {
      expect(fromJson(PartSchema, toJson(PartSchema, p))).toEqual(p);
    }
  });
});

describe("message constructors", () => {
  it("userMessage wraps a string in one text part with a fresh id", () => {
    const m = userMessage("hello");
    expect(m.role).toBe(Role.User);
    expect(m.parts).toEqual([{ text: "hello" }]);
    expect(m.messageId).toMatch(UUID);
    expect(userMessage("x").messageId).not.toBe(m.messageId);
  });

  it("agentMessage takes parts and options", () => {
    const parts = [textPart("a"), dataPart({ b: 1 })];
    const m = agentMessage(parts, {
      messageId: "m1",
      contextId: "c",
      taskId: "t",
      metadata: { x: 1 },
      extensions: ["urn:e"],
      referenceTaskIds: ["t0"],
    });
    expect(m).toEqual({
      messageId: "m1",
      role: "ROLE_AGENT",
      parts,
      contextId: "c",
      taskId: "t",
      metadata: { x: 1 },
      extensions: ["urn:e"],
      referenceTaskIds: ["t0"],
    });
    expect(m.parts).not.toBe(parts);
    expect(agentMessage(textPart("one"), { messageId: "m" }).parts).toEqual([{ text: "one" }]);
    expect(MessageSchema.safeParse(m).success).toBe(true);
  });
});

describe("getText", () => {
  it("joins the text parts, skipping others", () => {
    const m = userMessage([textPart("a"), dataPart(1), textPart("b")]);
    expect(getText(m)).toBe("a\nb");
    expect(getText(m.parts, "")).toBe("ab");
    expect(getText({ parts: [urlPart("u")] })).toBe("");
    expect(getText(undefined)).toBe("");
    expect(getText([textPart("")])).toBe("");
  });
});

describe("task states", () => {
  it("classifies every state", () => {
    const terminal = [
      "TASK_STATE_COMPLETED",
      "TASK_STATE_FAILED",
      "TASK_STATE_CANCELED",
      "TASK_STATE_REJECTED",
    ];
    const interrupted = ["TASK_STATE_INPUT_REQUIRED", "TASK_STATE_AUTH_REQUIRED"];
    for (const s of Object.values(TaskState)) {
      expect([s, isTerminal(s)]).toEqual([s, terminal.includes(s)]);
      expect([s, isInterrupted(s)]).toEqual([s, interrupted.includes(s)]);
    }
    expect([...TERMINAL_STATES].sort()).toEqual([...terminal].sort());
    expect([...INTERRUPTED_STATES].sort()).toEqual([...interrupted].sort());
    expect(Object.isFrozen(TERMINAL_STATES)).toBe(true);
    expect(isTerminal(undefined)).toBe(false);
  });
});

describe("ids and time", () => {
  it("newId returns distinct v4 UUIDs", () => {
    const ids = new Set(Array.from({ length: 100 }, newId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(UUID);
  });

  it("newId falls back to getRandomValues without randomUUID", () => {
    const real = globalThis.crypto;
    const fake = { getRandomValues: (b: Uint8Array) => real.getRandomValues(b) };
    Object.defineProperty(globalThis, "crypto", { value: fake, configurable: true });
    try {
      expect(newId()).toMatch(UUID);
    } finally {
      Object.defineProperty(globalThis, "crypto", { value: real, configurable: true });
    }
  });

  it("nowTimestamp is canonical and current", () => {
    const before = Date.now();
    const ts = nowTimestamp();
    expect(ts).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Date.parse(ts)).toBeGreaterThanOrEqual(before);
    expect(TaskStatusSchema.safeParse({ state: "TASK_STATE_WORKING", timestamp: ts }).success).toBe(
      true,
    );
  });
});
