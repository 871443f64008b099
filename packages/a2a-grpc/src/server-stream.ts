import { A2AError, A2AErrorCode, type CallContext } from "@agentmesh/a2a-transport";
import type { StreamResponse } from "@agentmesh/a2a-types";
import { Code, ConnectError, type HandlerContext } from "@connectrpc/connect";
import { streamResponseToProto } from "./convert/core-to-proto.js";
import { errorToConnect } from "./error-mapping.js";
import type * as pb from "./gen/a2a_pb.js";
import { setResponseExtensions } from "./headers.js";

/** What a streaming rpc starts: its call context and the handler's events. */
export type StreamStart = (
  signal: AbortSignal,
) => Promise<{ ctx: CallContext; events: AsyncIterable<StreamResponse> }>;

const ABORTED: IteratorReturnResult<undefined> = { done: true, value: undefined };
const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * Runs one server stream as the response iterable of a Connect server-streaming rpc: starts the
 * handler's iterator and pulls the first event before the first response message (errors up
 * to there become a plain error status), then converts and forwards events one `next()` at a
 * time (never reading ahead). When the client goes away or the deadline passes
 * (`hctx.signal`), a pending `next()` of the handler is abandoned, its iterator is ended with
 * `return()`, and the stream ends with the signal's status.
 *
 * A hand-written iterator rather than an async generator: one promise hop per event instead of
 * several, and no listener churn (one abort listener for the whole stream).
 */
export function serveStream(
  hctx: HandlerContext,
  start: StreamStart,
): AsyncIterable<pb.StreamResponse> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<pb.StreamResponse> {
      const signal = hctx.signal;
      const link = linkSignal(signal);
      let iterator: AsyncIterator<StreamResponse> | undefined;
      let started = false;
      let finished = false;
      let onAbortWhileWaiting: (() => void) | undefined;
      const onAbort = () => onAbortWhileWaiting?.();
      signal.addEventListener("abort", onAbort, { once: true });

      const finish = (release: boolean) => {
        if (finished) return;
        finished = true;
        signal.removeEventListener("abort", onAbort);
        link.unlink();
        if (release) endIterator(iterator);
      };
      const pull = (it: AsyncIterator<StreamResponse>): Promise<IteratorResult<StreamResponse>> => {
        if (signal.aborted) return Promise.resolve(ABORTED);
        return new Promise((resolve, reject) => {
          onAbortWhileWaiting = () => resolve(ABORTED);
          it.next().then(resolve, reject);
        });
      };

      return {
        async next(): Promise<IteratorResult<pb.StreamResponse>> {
          if (finished) return DONE;
          let r: IteratorResult<StreamResponse>;
          try {
            if (!started) {
              started = true;
              const { ctx, events } = await start(link.signal);
              iterator = events[Symbol.asyncIterator]();
              r = await pull(iterator);
              if (r !== ABORTED)
                setResponseExtensions(hctx.responseHeader, ctx.activatedExtensions);
            } else {
              r = await pull(iterator as AsyncIterator<StreamResponse>);
            }
          } catch (e) {
            // The handler never started, or its iterator failed (and is over).
            finish(false);
            throw signal.aborted ? abortReason(signal) : errorToConnect(e);
          }
          if (r === ABORTED) {
            finish(true);
            throw abortReason(signal);
          }
          if (r.done === true) {
            finish(false);
            return DONE;
          }
          try {
            return { done: false, value: streamResponseToProto(r.value, "result") };
          } catch (e) {
            finish(true);
            throw errorToConnect(invalidResult(e));
          }
        },
        async return(): Promise<IteratorResult<pb.StreamResponse>> {
          finish(true);
          return DONE;
        },
        async throw(e?: unknown): Promise<IteratorResult<pb.StreamResponse>> {
          finish(true);
          throw e;
        },
      };
    },
  };
}

/** The handler produced an event with no protobuf form: the server's fault. */
export function invalidResult(reason: unknown): A2AError {
  const detail = reason instanceof Error ? reason.message : String(reason);
  return new A2AError(A2AErrorCode.Internal, `Internal error: invalid handler result (${detail})`, {
    cause: reason,
  });
}

const UNLINKED = new WeakSet<AbortSignal>();
const noop = () => {};

/**
 * Marks the signal of a call that is never aborted after a successful response (the
 * native-gRPC direct path aborts only when the client goes away), so {@link linkSignal} uses
 * it as is instead of following it with a second AbortController.
 */
export function markUnlinkedSignal(signal: AbortSignal): void {
  UNLINKED.add(signal);
}

/**
 * The `CallContext.signal` of one call: follows Connect's `hctx.signal` (client gone, deadline,
 * server shutdown) until `unlink()`, which the binding calls once the response is complete;
 * Connect also aborts `hctx.signal` after a successful call, and that must not reach work the
 * handler keeps running (a task started with `returnImmediately`).
 */
export function linkSignal(source: AbortSignal): { signal: AbortSignal; unlink(): void } {
  if (UNLINKED.has(source)) return { signal: source, unlink: noop };
  const ac = new AbortController();
  if (source.aborted) {
    ac.abort(source.reason);
    return { signal: ac.signal, unlink() {} };
  }
  const onAbort = () => ac.abort(source.reason);
  source.addEventListener("abort", onAbort, { once: true });
  return { signal: ac.signal, unlink: () => source.removeEventListener("abort", onAbort) };
}

/**
 * The status for a stream cut short by `hctx.signal`: its reason when Connect gave one
 * (DEADLINE_EXCEEDED for an expired `grpc-timeout`), else CANCELLED (the client is gone, so
 * nobody reads it).
 */
function abortReason(signal: AbortSignal): ConnectError {
  return signal.reason instanceof ConnectError
    ? signal.reason
    : new ConnectError("the call was cancelled", Code.Canceled);
}

function endIterator(iterator: AsyncIterator<unknown> | undefined): void {
  if (iterator?.return === undefined) return;
  try {
    void Promise.resolve(iterator.return()).catch(() => {});
  } catch {
    // a throwing return() has nothing left to release
  }
}
