import {
  A2AClientError,
  A2AClientErrorCode,
  type CallError,
  toCallError,
} from "../a2a-client-error.js";
import type { CallOptions, ClientCall, Interceptor } from "../client-transport.js";

/** What `send` reports back to the interceptors: the response headers once known. */
export interface CallMeta {
  headers: Headers | undefined;
}

/**
 * Runs one client call through the interceptors: `before` hooks in order (they may change
 * `call.headers`), then `send`, then `after` hooks with the response or the error and the
 * response headers (e.g. the echoed `A2A-Extensions`). Failures
 * come out as {@link CallError}: the server's A2AError, or an A2AClientError for local ones.
 */
export async function runIntercepted<T>(
  interceptors: readonly Interceptor[],
  call: ClientCall,
  signal: AbortSignal | undefined,
  send: (meta: CallMeta) => Promise<T>,
): Promise<T> {
  for (const i of interceptors) await i.before?.(call);
  const meta: CallMeta = { headers: undefined };
  try {
    const response = await send(meta);
    for (const i of interceptors) await i.after?.(call, { response, headers: meta.headers });
    return response;
  } catch (e) {
    const error = toCallError(e, { signal });
    for (const i of interceptors) await i.after?.(call, { error, headers: meta.headers });
    throw error;
  }
}

/** The signal of one call: the caller's signal and the timeout (call option, else transport). */
export function callSignal(
  opts: CallOptions,
  defaultTimeoutMs: number | undefined,
): AbortSignal | undefined {
  const timeoutMs = opts.timeoutMs ?? defaultTimeoutMs;
  const signals: AbortSignal[] = [];
  if (opts.signal) signals.push(opts.signal);
  if (timeoutMs !== undefined && timeoutMs > 0) signals.push(AbortSignal.timeout(timeoutMs));
  if (signals.length === 0) return undefined;
  return signals.length === 1 ? signals[0] : AbortSignal.any(signals);
}

/** A local "the server's answer is not valid A2A" failure. */
export function invalidResponse(message: string, cause?: unknown): A2AClientError {
  return new A2AClientError(
    A2AClientErrorCode.InvalidResponse,
    message,
    cause === undefined ? undefined : { cause },
  );
}

/** Any failure of a call, normalised (see {@link runIntercepted}). */
export function callFailure(err: unknown, signal: AbortSignal | undefined): CallError {
  return toCallError(err, { signal });
}
