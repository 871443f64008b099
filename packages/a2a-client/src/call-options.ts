import { A2AClientError, A2AClientErrorCode, type CallOptions } from "@agentmesh/a2a-transport";

/** Per-call options every client method takes. */
export interface RequestOptions {
  /** Aborts the call (and, for streams, the stream). */
  signal?: AbortSignal;
  /**
   * Milliseconds before the call is abandoned with an `A2AClientError` of code `TIMEOUT`.
   * For streams it bounds the wait for the first event of each (re)connection, not the
   * whole stream. Default: the client's `timeout`; `0` turns it off.
   */
  timeout?: number;
  /** Extra headers for this call only (gRPC: metadata). */
  headers?: HeadersInit;
  /** Service parameters for this call (sent as headers / gRPC metadata). */
  serviceParameters?: Record<string, string>;
  /** Extension URIs to request for this call (`A2A-Extensions`); default: the client's `extensions`. */
  extensions?: readonly string[];
}

/** A controller linked to an outer signal, with an optional timer; `dispose()` unlinks. */
export interface LinkedAbort {
  readonly signal: AbortSignal;
  abort(reason: unknown): void;
  /**
   * Starts (or restarts) the timer: on expiry the signal aborts with `reason`, by default a
   * `TimeoutError` naming `what`.
   */
  arm(ms: number | undefined, what: string, reason?: unknown): void;
  /** Stops the timer. */
  disarm(): void;
  dispose(): void;
}

/** The error thrown when a call's `timeout` passes (an `A2AClientError` with code `TIMEOUT`). */
export function timeoutError(ms: number, what: string): A2AClientError {
  return new A2AClientError(
    A2AClientErrorCode.Timeout,
    `${what} timed out after ${ms} ms; raise the "timeout" option if the agent is slow`,
  );
}

/**
 * The error for a call that ended because `signal` aborted: the timeout error as is, else
 * an `A2AClientError` with code `ABORTED` whose `cause` is the caller's reason.
 */
export function abortError(signal: AbortSignal, what: string): unknown {
  const reason: unknown = signal.reason;
  if (reason instanceof A2AClientError) return reason;
  return new A2AClientError(A2AClientErrorCode.Aborted, `${what} was aborted`, { cause: reason });
}

/** Links a new controller to `outer` (abort propagates), with a re-armable timer. */
export function linkAbort(outer: AbortSignal | undefined): LinkedAbort {
  const ctl = new AbortController();
  const onAbort = () => ctl.abort(outer?.reason);
  if (outer?.aborted) ctl.abort(outer.reason);
  else outer?.addEventListener("abort", onAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const disarm = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return {
    signal: ctl.signal,
    abort: (reason) => ctl.abort(reason),
    arm(ms, what, reason) {
      disarm();
      if (ms === undefined || ms <= 0 || !Number.isFinite(ms)) return;
      timer = setTimeout(() => ctl.abort(reason ?? timeoutError(ms, what)), ms);
    },
    disarm,
    dispose() {
      disarm();
      outer?.removeEventListener("abort", onAbort);
    },
  };
}

/** Waits `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Merges the client defaults and per-call options into transport `CallOptions`. */
export function toCallOptions(
  defaults: { extensions: readonly string[] },
  opts: RequestOptions | undefined,
  signal: AbortSignal,
): CallOptions {
  const call: CallOptions = { signal };
  if (opts?.headers !== undefined) call.headers = opts.headers;
  if (opts?.serviceParameters !== undefined) call.serviceParameters = opts.serviceParameters;
  const ext = opts?.extensions ?? defaults.extensions;
  if (ext.length) call.extensions = ext;
  return call;
}

/**
 * Runs one unary call under the per-call timeout and the caller's signal. Abort and
 * timeout surface as `A2AClientError` (`ABORTED` / `TIMEOUT`).
 */
export async function runUnary<T>(
  what: string,
  timeout: number,
  opts: RequestOptions | undefined,
  defaults: { extensions: readonly string[] },
  fn: (call: CallOptions) => Promise<T>,
): Promise<T> {
  const link = linkAbort(opts?.signal);
  if (link.signal.aborted) throw abortError(link.signal, what);
  link.arm(opts?.timeout ?? timeout, what);
  try {
    return await raceAbort(fn(toCallOptions(defaults, opts, link.signal)), link.signal);
  } catch (err) {
    if (link.signal.aborted) throw abortError(link.signal, what);
    throw err;
  } finally {
    link.dispose();
  }
}

/**
 * Settles with `work`, or rejects with the signal's reason as soon as it aborts, so a
 * transport that ignores the signal still cannot hang the caller.
 */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      work.catch(() => {});
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}
