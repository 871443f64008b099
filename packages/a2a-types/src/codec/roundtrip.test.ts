import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import * as api from "../index.js";
import { message } from "../../test/wire-arbitrary.js";
import { findDesc, type MsgDesc } from "./descriptor.js";

const schemas = Object.entries(api)
  .filter(
    ([name, v]) =>
      name.endsWith("Schema") && typeof v === "object" && v !== null && findDesc(v) !== undefined,
  )
  .map(([name, v]) => [name, v as z.ZodType, findDesc(v as object) as MsgDesc] as const);

describe("round trips (fast-check)", () => {
  it("covers every message", () => {
    expect(schemas.length).toBe(44);
  });

  describe.each(schemas)("%s", (_, schema, desc) => {
    it("wire JSON parses to a canonical value that the zod schema accepts and toJson reproduces", () => {
      fc.assert(
        fc.property(message(desc, "wire"), (wire) => {
          const v = api.fromJson(schema, wire);
          expect(schema.safeParse(v).success).toBe(true);
          expect(api.toJson(schema, v)).toEqual(v);
          const again = api.toJson(schema, api.fromJson(schema, api.toJson(schema, v)));
          expect(again).toEqual(api.toJson(schema, v));
        }),
        { numRuns: 60 },
      );
    });

    it("fromJson(toJson(v)) equals v for canonical values", () => {
      fc.assert(
        fc.property(message(desc, "canonical"), (raw) => {
          const v = api.fromJson(schema, raw);
          expect(api.fromJson(schema, api.toJson(schema, v))).toEqual(v);
          expect(api.fromJsonString(schema, api.toJsonString(schema, v))).toEqual(v);
        }),
        { numRuns: 60 },
      );
    });
  });
});
