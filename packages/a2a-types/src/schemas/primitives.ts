import { z } from "zod";

/** Timestamp in canonical form: RFC 3339, UTC, exactly 3 fraction digits. */
export const TimestampSchema = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
    'expected a UTC timestamp with milliseconds, e.g. "2026-01-02T03:04:05.678Z"',
  );

/** Bytes in canonical form: standard base64 with padding. */
export const BytesSchema = z
  .string()
  .regex(
    /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/,
    "expected standard base64 with padding",
  );

/** A 32-bit signed integer. */
export const Int32Schema = z.int32();

/** `z.never().optional()`: marks the other members of a oneof as absent. */
export const absent = z.never().optional();
