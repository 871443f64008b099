import { checkInstance } from "./structural.js";
import { A2AErrorCode, errorCodeTable, isA2AErrorCode } from "./a2a-error-code.js";
import {
  type ErrorDetail,
  type FieldViolation,
  badRequestDetail,
  errorInfoDetail,
  isA2ADomain,
  readErrorInfo,
  readFieldViolations,
  sanitizeDetails,
} from "./error-details.js";

/** Options of the {@link A2AError} constructor. */
export interface A2AErrorInit {
  /**
   * `google.rpc.ErrorInfo.reason`. Default: the reason of an A2A-domain ErrorInfo among
   * `details`, else the code itself (`"TASK_NOT_FOUND"`, `"INVALID_PARAMS"`, …). Every
   * A2AError carries an ErrorInfo, generic codes included, so that peers on every binding
   * can tell e.g. InvalidParams from another INVALID_ARGUMENT.
   */
  reason?: string | undefined;
  /** `google.rpc.ErrorInfo.metadata`: context such as `{ taskId: "t-1" }`. Default: `{}`. */
  metadata?: Readonly<Record<string, string>> | undefined;
  /** `google.rpc.BadRequest.fieldViolations`, for validation errors. Default: none. */
  fieldViolations?: readonly FieldViolation[] | undefined;
  /**
   * Further details in ProtoJSON `Any` form (each with `@type`). An A2A-domain ErrorInfo and a
   * BadRequest among them are read into `reason` / `metadata` / `fieldViolations`; entries
   * without `@type` are dropped. Default: none.
   */
  details?: readonly unknown[] | undefined;
  /** The underlying error; kept locally, never sent to the peer. */
  cause?: unknown;
}

const BRAND = Symbol.for("@agentmesh/a2a-transport.A2AError");

/**
 * An error in the A2A error model: one {@link A2AErrorCode}, a message, and the details that
 * travel with it: always an A2A `google.rpc.ErrorInfo` (reason = the code unless set, domain
 * `a2a-protocol.org`, metadata), BadRequest field violations, anything else.
 * Servers throw it from handlers; bindings turn it into JSON-RPC errors, google.rpc.Status
 * bodies and gRPC statuses; client transports rebuild it from what the server sent.
 *
 * `instanceof A2AError` is structural, so errors from another copy of this package match too.
 *
 * @example
 * ```ts
 * throw new A2AError(A2AErrorCode.TaskNotFound, `no task ${id}`, { metadata: { taskId: id } });
 * ```
 */
export class A2AError extends Error {
  override name = "A2AError";
  /** The error code; decides the JSON-RPC code, HTTP status and gRPC status. */
  readonly code: A2AErrorCode;
  /**
   * `google.rpc.ErrorInfo.reason`: the code unless another reason was given (or received).
   * Always set: every A2AError carries an A2A-domain ErrorInfo on every binding.
   */
  readonly reason: string;
  /** `google.rpc.ErrorInfo.metadata`; values are strings. */
  readonly metadata: Readonly<Record<string, string>>;
  /** `google.rpc.BadRequest.fieldViolations`. */
  readonly fieldViolations: FieldViolation[];
  /** Every detail as sent on the wire, in ProtoJSON form: ErrorInfo, BadRequest, then others. */
  readonly details: ErrorDetail[];

  /**
   * @param code - the error code.
   * @param message - human-readable text; default: the code's default message
   *   (e.g. "Task not found").
   * @param init - reason, metadata, field violations, further details and cause.
   */
  constructor(code: A2AErrorCode, message?: string | undefined, init?: A2AErrorInit | undefined) {
    const row = errorCodeTable[code];
    if (row === undefined) {
      throw new TypeError(
        `unknown A2A error code ${JSON.stringify(code)}; use one of A2AErrorCode's values`,
      );
    }
    super(
      message === undefined || message === "" ? row.defaultMessage : message,
      init !== undefined && "cause" in init ? { cause: init.cause } : undefined,
    );
    this.code = code;

    let reason: string | undefined;
    let metadata: Record<string, string> = {};
    const violations: FieldViolation[] = [];
    const extra: ErrorDetail[] = [];
    for (const d of sanitizeDetails(init?.details)) {
      const info = readErrorInfo(d);
      if (info !== undefined && reason === undefined && isA2ADomain(info)) {
        reason = info.reason;
        metadata = { ...info.metadata };
        continue;
      }
      const fv = readFieldViolations(d);
      if (fv !== undefined) {
        violations.push(...fv);
        continue;
      }
      extra.push(d);
    }
    if (init?.reason !== undefined) reason = init.reason;
    if (init?.metadata !== undefined) metadata = { ...metadata, ...init.metadata };
    if (init?.fieldViolations !== undefined) violations.push(...init.fieldViolations);
    if (reason === undefined || reason === "") reason = code;

    this.reason = reason;
    this.metadata = Object.freeze(metadata);
    this.fieldViolations = violations;
    const details: ErrorDetail[] = [errorInfoDetail(reason, metadata)];
    if (violations.length > 0) details.push(badRequestDetail(violations));
    details.push(...extra);
    this.details = details;
  }

  /**
   * Turns anything thrown into an `A2AError`, safe to send to the peer:
   * - an `A2AError` (also one from another copy of this package) is returned as is;
   * - a `WireValidationError` of @agentmesh/a2a-types (recognised by shape: `kind`, `issues`)
   *   becomes `ParseError` (kind `"syntax"`) or `InvalidParams` with one field violation per
   *   issue;
   * - an `AbortError` / `TimeoutError` becomes `fallback` with the message "The operation was
   *   aborted" / "The operation timed out" (on a server these are internal failures; clients
   *   report their own aborts and timeouts as {@link A2AClientError}, see `toCallError`);
   * - anything else becomes `fallback` with the code's default message: the original message
   *   is never sent, it stays in `cause`.
   *
   * @param reason - what was thrown.
   * @param fallback - the code for errors that are not A2A errors; default `Internal`.
   */
  static from(reason: unknown, fallback: A2AErrorCode = A2AErrorCode.Internal): A2AError {
    if (reason instanceof A2AError) return reason;
    const wire = asWireValidationError(reason);
    if (wire !== undefined) {
      if (wire.kind === "syntax") {
        const detail = wire.issues[0]?.message;
        const base = errorCodeTable[A2AErrorCode.ParseError].defaultMessage;
        return new A2AError(A2AErrorCode.ParseError, detail ? `${base}: ${detail}` : base, {
          cause: reason,
        });
      }
      const first = wire.issues[0];
      const base = errorCodeTable[A2AErrorCode.InvalidParams].defaultMessage;
      const summary =
        first === undefined
          ? base
          : `${base}: ${first.path ? `${first.path}: ` : ""}${first.message}`;
      const more = wire.issues.length > 1 ? ` (and ${wire.issues.length - 1} more)` : "";
      return new A2AError(A2AErrorCode.InvalidParams, summary + more, {
        fieldViolations: wire.issues.map((i) => ({ field: i.path, description: i.message })),
        cause: reason,
      });
    }
    const name = errorName(reason);
    if (name === "AbortError") {
      return new A2AError(fallback, "The operation was aborted", { cause: reason });
    }
    if (name === "TimeoutError") {
      return new A2AError(fallback, "The operation timed out", { cause: reason });
    }
    return new A2AError(fallback, undefined, { cause: reason });
  }

  /** Structural check: true for instances and for A2AErrors of another copy of this package. */
  static override [Symbol.hasInstance](v: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class instanceof asked about (maybe a subclass)
    return checkInstance(this, A2AError, v, isA2AErrorShape);
  }
}

Object.defineProperty(A2AError.prototype, BRAND, { value: true });

interface WireValidationErrorShape {
  readonly kind: "syntax" | "invalid";
  readonly issues: readonly { readonly path: string; readonly message: string }[];
}

function asWireValidationError(v: unknown): WireValidationErrorShape | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const o = v as { kind?: unknown; issues?: unknown };
  if (o.kind !== "syntax" && o.kind !== "invalid") return undefined;
  if (!Array.isArray(o.issues)) return undefined;
  const issues = o.issues.map((i: unknown) => {
    const x = (typeof i === "object" && i !== null ? i : {}) as {
      path?: unknown;
      message?: unknown;
    };
    return {
      path: typeof x.path === "string" ? x.path : "",
      message: typeof x.message === "string" ? x.message : "invalid value",
    };
  });
  return { kind: o.kind, issues };
}

/** The `name` of an Error-like value (DOMException included), or `undefined`. */
export function errorName(v: unknown): string | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const name = (v as { name?: unknown }).name;
  return typeof name === "string" ? name : undefined;
}

function isA2AErrorShape(o: Record<PropertyKey, unknown>): boolean {
  return (
    (o[BRAND] === true || o["name"] === "A2AError") &&
    isA2AErrorCode(o["code"]) &&
    typeof o["message"] === "string" &&
    Array.isArray(o["details"]) &&
    Array.isArray(o["fieldViolations"]) &&
    typeof o["metadata"] === "object" &&
    o["metadata"] !== null
  );
}
