import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { findDesc, type MsgDesc, Presence } from "../codec/descriptor.js";
import * as api from "../index.js";

type Shape = Record<string, z.ZodType>;

const schemas = Object.entries(api)
  .filter(
    ([name, v]) =>
      name.endsWith("Schema") && typeof v === "object" && v !== null && findDesc(v) !== undefined,
  )
  .map(([name, v]) => [name, v as z.ZodType, findDesc(v as object) as MsgDesc] as const);

function optional(s: z.ZodType): boolean {
  return s.safeParse(undefined).success;
}

describe("zod schemas agree with the field table", () => {
  it("every lf.a2a.v1 message has an exported schema named after it", () => {
    const names = schemas.map(([name, , d]) => [name, d.typeName]);
    for (const [name, typeName] of names)
      expect(`lf.a2a.v1.${name?.replace(/Schema$/, "")}`).toBe(typeName);
    expect(new Set(names.map(([, t]) => t)).size).toBe(44);
  });

  describe.each(schemas)("%s", (_, schema, desc) => {
    it("has the same fields, REQUIRED exactly where the proto says", () => {
      const s = schema as unknown as { shape?: Shape; options?: { shape: Shape }[] };
      if (desc.oneofs.length === 0) {
        const shape = s.shape as Shape;
        expect(Object.keys(shape).sort()).toEqual(desc.fields.map((f) => f.name).sort());
        for (const f of desc.fields) {
          expect([f.name, optional(shape[f.name] as z.ZodType)]).toEqual([
            f.name,
            f.presence !== Presence.Required,
          ]);
        }
      } else {
        const members = desc.oneofs[0]?.fields ?? [];
        const options = s.options ?? [];
        expect(options.length).toBe(members.length);
        options.forEach((o, i) => {
          expect(Object.keys(o.shape).sort()).toEqual(desc.fields.map((f) => f.name).sort());
          for (const f of desc.fields) {
            const isMember = f === members[i];
            const req = isMember || f.presence === Presence.Required;
            expect([f.name, optional(o.shape[f.name] as z.ZodType)]).toEqual([f.name, !req]);
          }
        });
      }
    });
  });
});

describe("zod schemas validate the canonical form", () => {
  it("accepts canonical values and rejects wire variants", () => {
    expect(
      api.TaskStatusSchema.safeParse({
        state: "TASK_STATE_WORKING",
        timestamp: "2026-01-02T03:04:05.678Z",
      }).success,
    ).toBe(true);
    expect(api.TaskStatusSchema.safeParse({ state: 2 }).success).toBe(false);
    expect(
      api.TaskStatusSchema.safeParse({
        state: "TASK_STATE_WORKING",
        timestamp: "2026-01-02T03:04:05Z",
      }).success,
    ).toBe(false);
    expect(api.PartSchema.safeParse({ raw: "QQ==" }).success).toBe(true);
    expect(api.PartSchema.safeParse({ raw: "QQ" }).success).toBe(false);
    expect(api.PartSchema.safeParse({ text: "a", url: "b" }).success).toBe(false);
    expect(api.PartSchema.safeParse({ data: null }).success).toBe(true);
    expect(api.GetTaskRequestSchema.safeParse({ id: "t", historyLength: 2 ** 31 }).success).toBe(
      false,
    );
  });

  it("narrows oneofs by key", () => {
    const part: api.Part = api.textPart("hi");
    if ("text" in part && part.text !== undefined) expect(part.text.toUpperCase()).toBe("HI");
    const resp: api.SendMessageResponse = { message: api.agentMessage("x", { messageId: "m" }) };
    expect(resp.task).toBeUndefined();
  });
});

describe("inferred types", () => {
  it("follow the wire model (checked by tsc)", () => {
    const task: api.Task = { id: "t", status: { state: api.TaskState.Working } };
    const parts: api.Part[] = [
      { text: "a" },
      { raw: "QQ==" },
      { url: "u" },
      { data: null, mediaType: "x" },
    ];
    // @ts-expect-error two members of a oneof
    const bad: api.Part = { text: "a", url: "b" };
    // @ts-expect-error REQUIRED field missing
    const noStatus: api.Task = { id: "t" };
    // @ts-expect-error enum numbers are not the canonical form
    const numeric: api.TaskStatus = { state: 2 };
    const list: api.ListTasksResponse = {
      tasks: [task],
      nextPageToken: "",
      pageSize: 1,
      totalSize: 1,
    };
    const stream: api.StreamResponse[] = [
      { task },
      { statusUpdate: { taskId: "t", contextId: "c", status: { state: "TASK_STATE_COMPLETED" } } },
    ];
    expect([task, parts, bad, noStatus, numeric, list, stream]).toHaveLength(7);
  });
});
