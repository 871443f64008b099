import { z } from "zod";

/** Any JSON value (`google.protobuf.Value` on the wire); `null` is a value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;

/** A JSON object (`google.protobuf.Struct` on the wire). */
export type JsonObject = { [key: string]: JsonValue };

/** Zod schema of any JSON value (finite numbers only). */
export const JsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.null(),
    z.boolean(),
    z.number().check(z.refine(Number.isFinite, "expected a finite number")),
    z.string(),
    z.array(JsonValueSchema),
    z.record(z.string(), JsonValueSchema),
  ]),
);

/** Zod schema of a JSON object (`google.protobuf.Struct`). */
export const JsonObjectSchema: z.ZodType<JsonObject> = z.record(z.string(), JsonValueSchema);
