/** Validation of free-form JSON (Struct / Value fields). Private, no semver. */

/** A problem inside a JSON value: path relative to the value, and a message. */
export interface JsonProblem {
  path: string;
  message: string;
}

/** Maximum nesting of messages and JSON values, as in protobuf-es. */
export const MAX_DEPTH = 100;

/**
 * Checks that `v` is plain JSON (null, boolean, finite number, string, array, object), at
 * most `budget` levels deep. Returns undefined when it is, else where and why it is not.
 */
export function checkJson(v: unknown, budget: number): JsonProblem | undefined {
  switch (typeof v) {
    case "string":
    case "boolean":
      return undefined;
    case "number":
      return Number.isFinite(v)
        ? undefined
        : { path: "", message: `expected a finite number, got ${v}` };
    case "object": {
      if (v === null) return undefined;
      if (budget <= 0) return { path: "", message: `nesting exceeds ${MAX_DEPTH} levels` };
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          const p = checkJson(v[i], budget - 1);
          if (p !== undefined) return { path: `[${i}]${p.path}`, message: p.message };
        }
        return undefined;
      }
      const o = v as Record<string, unknown>;
      for (const k in o) {
        const p = checkJson(o[k], budget - 1);
        if (p !== undefined) return { path: `${keySegment(k)}${p.path}`, message: p.message };
      }
      return undefined;
    }
    default:
      return { path: "", message: `expected a JSON value, got ${typeof v}` };
  }
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Path segment for an object key: `.name`, or `["odd key"]`. */
export function keySegment(k: string): string {
  return IDENT.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`;
}

/** Short description of a JSON value's type for error messages. */
export function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  switch (typeof v) {
    case "string":
      return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
    case "number":
    case "boolean":
      return `${typeof v} ${String(v)}`;
    case "object":
      return "an object";
    default:
      return typeof v;
  }
}
