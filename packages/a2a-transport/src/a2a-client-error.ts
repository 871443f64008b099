import { checkInstance } from "./structural.js";
import { A2AError, errorName } from "./a2a-error.js";

/**
 * Why a call failed on the client's side, without an A2A error from the server:
 * - `ABORTED`: the caller's `signal` was aborted;
 * - `TIMEOUT`: `timeoutMs` elapsed;
 * - `NETWORK`: the request could not be sent or the connection broke;
 * - `INVALID_RESPONSE`: the server answered with something that is not a valid A2A response
 *   (wrong content type, unreadable JSON, a result that fails validation, an oversized event).
 */
export const A2AClientErrorCode = {
  Aborted: "ABORTED",
  Timeout: "TIMEOUT",
  Network: "NETWORK",
  InvalidResponse: "INVALID_RESPONSE",
} as const;

/** One of the {@link A2AClientErrorCode} values. */
export type A2AClientErrorCode = (typeof A2AClientErrorCode)[keyof typeof A2AClientErrorCode];

const clientCodes = new Set<string>(Object.values(A2AClientErrorCode));
const BRAND = Symbol.for("@agentmesh/a2a-transport.A2AClientError");

/**
 * A local failure of a client call: aborted, timed out, network failure or an invalid
 * response. Kept apart from {@link A2AError}, which is always an error the server sent (the
 * way the MCP SDK keeps `SdkError` apart from `ProtocolError`). Client transports throw one of
 * the two; `instanceof` is structural, so copies of this package match too.
 */
export class A2AClientError extends Error {
  override name = "A2AClientError";
  /** What went wrong locally. */
  readonly code: A2AClientErrorCode;

  /**
   * @param code - what went wrong.
   * @param message - what happened and what to do about it.
   * @param options - `cause`: the underlying error (e.g. the fetch `TypeError`).
   */
  constructor(
    code: A2AClientErrorCode,
    message: string,
    options?: { cause?: unknown } | undefined,
  ) {
    super(
      message,
      options !== undefined && "cause" in options ? { cause: options.cause } : undefined,
    );
    this.code = code;
  }

  /**
   * Turns a local failure into an `A2AClientError`: an `A2AClientError` passes through, an
   * `AbortError` gives `ABORTED`, a `TimeoutError` gives `TIMEOUT`, anything else gives
   * `fallback` with the original as `cause`.
   *
   * @param reason - what was thrown.
   * @param fallback - the code for anything else; default `NETWORK`.
   */
  static from(
    reason: unknown,
    fallback: A2AClientErrorCode = A2AClientErrorCode.Network,
  ): A2AClientError {
    if (reason instanceof A2AClientError) return reason;
    const name = errorName(reason);
    if (name === "TimeoutError") {
      return new A2AClientError(A2AClientErrorCode.Timeout, "the call timed out", {
        cause: reason,
      });
    }
    if (name === "AbortError") {
      return new A2AClientError(A2AClientErrorCode.Aborted, "the call was aborted", {
        cause: reason,
      });
    }
    const detail = reason instanceof Error ? reason.message : String(reason);
    return new A2AClientError(fallback, detail, { cause: reason });
  }

  /** Structural check: true for instances and for A2AClientErrors of another copy. */
  static override [Symbol.hasInstance](v: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class instanceof asked about (maybe a subclass)
    return checkInstance(this, A2AClientError, v, isA2AClientErrorShape);
  }
}

Object.defineProperty(A2AClientError.prototype, BRAND, { value: true });

/** What a client call can fail with: the server's error or a local one. */
export type CallError = A2AError | A2AClientError;

/** Options of {@link toCallError}. */
export interface ToCallErrorOptions {
  /**
   * The signal the call ran with (the caller's, possibly combined with a timeout). When it is
   * aborted, the failure is `ABORTED`, or `TIMEOUT` when its reason is a `TimeoutError`,
   * whatever was thrown. Default: none.
   */
  signal?: AbortSignal | undefined;
  /** Code for failures that are neither A2A errors nor aborts; default `NETWORK`. */
  fallback?: A2AClientErrorCode | undefined;
}

/**
 * What client transports throw for a failed call: an {@link A2AError} (also a copy from
 * another bundle) passes through; an aborted `signal`, `AbortError` or `TimeoutError`
 * becomes an {@link A2AClientError} `ABORTED` / `TIMEOUT`; anything else an
 * `A2AClientError` with `fallback` (default `NETWORK`).
 */
export function toCallError(reason: unknown, options: ToCallErrorOptions = {}): CallError {
  if (reason instanceof A2AError || reason instanceof A2AClientError) return reason;
  const signal = options.signal;
  if (signal?.aborted) {
    return errorName(signal.reason) === "TimeoutError"
      ? new A2AClientError(A2AClientErrorCode.Timeout, "the call timed out", { cause: reason })
      : new A2AClientError(A2AClientErrorCode.Aborted, "the call was aborted", {
          cause: signal.reason ?? reason,
        });
  }
  return A2AClientError.from(reason, options.fallback ?? A2AClientErrorCode.Network);
}

function isA2AClientErrorShape(o: Record<PropertyKey, unknown>): boolean {
  return (
    (o[BRAND] === true || o["name"] === "A2AClientError") &&
    typeof o["code"] === "string" &&
    clientCodes.has(o["code"]) &&
    typeof o["message"] === "string"
  );
}
