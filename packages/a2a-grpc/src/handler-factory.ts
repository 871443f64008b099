import {
  A2AError,
  A2AErrorCode,
  type A2AHandler,
  type A2AMethod,
  type CallContext,
  type ServerBindingOptions,
} from "@agentmesh/a2a-transport";
import type { StreamResponse } from "@agentmesh/a2a-types";
import type { MessageInitShape } from "@bufbuild/protobuf";
import {
  Code,
  type ConnectRouter,
  ConnectError,
  type HandlerContext,
  type ServiceImpl,
} from "@connectrpc/connect";
import { agentCardToProto } from "./convert/card.js";
import {
  sendMessageResponseToProto,
  streamResponseToProto,
  taskToProto,
} from "./convert/core-to-proto.js";
import {
  cancelTaskRequestFromProto,
  getExtendedCardRequestFromProto,
  getPushConfigRequestFromProto,
  getTaskRequestFromProto,
  listPushConfigsRequestFromProto,
  listPushConfigsResponseToProto,
  listTasksRequestFromProto,
  listTasksResponseToProto,
  pushConfigFromProto,
  pushConfigToProto,
  sendMessageRequestFromProto,
  subscribeRequestFromProto,
} from "./convert/requests.js";
import { errorToConnect } from "./error-mapping.js";
import type * as pb from "./gen/a2a_pb.js";
import { A2AService } from "./gen/a2a_pb.js";
import { setResponseExtensions } from "./headers.js";
import { createServerCallContext } from "./request-header.js";

/** Default largest request message accepted: 4 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

/** The Connect service implementation of `lf.a2a.v1.A2AService`. */
export type A2AServiceImpl = ServiceImpl<typeof A2AService>;

function responseError(reason: unknown): A2AError {
  // The handler returned something that has no protobuf form: the server's fault.
  const detail = reason instanceof Error ? reason.message : String(reason);
  return new A2AError(A2AErrorCode.Internal, `Internal error: invalid handler result (${detail})`, {
    cause: reason,
  });
}

function toResponse<T>(convert: () => T): T {
  try {
    return convert();
  } catch (e) {
    throw responseError(e);
  }
}

/**
 * Implements every rpc of `lf.a2a.v1.A2AService` over an {@link A2AHandler}:
 * request message → JSON model → handler → JSON model → response message.
 *
 * Per call: `a2a-version` metadata is checked (absent = "0.3" → VersionNotSupported unless
 * listed in `supportedVersions`), `a2a-extensions` parsed, the authenticator run, the tenant
 * taken from the request message; activated extensions are echoed in the `a2a-extensions`
 * response header. Errors become gRPC statuses with ErrorInfo (and BadRequest) details.
 * Streaming rpcs pull the first event before sending anything, so early errors are a plain
 * error status; a client that goes away ends the handler's iterator (`return()`).
 *
 * @param options - the handler, supported versions (default `["1.0"]`) and authenticator.
 *   `maxBodyBytes` is applied where the service is mounted (see {@link createGrpcRoutes}).
 */
export function createA2AServiceImpl(options: ServerBindingOptions): A2AServiceImpl {
  const handler: A2AHandler = options.handler;

  function unary<Req extends { tenant: string }, In, Out, PbOut>(
    method: A2AMethod,
    fromProto: (r: Req) => In,
    call: (input: In, ctx: CallContext) => Promise<Out>,
    toProto: (out: Out) => PbOut,
  ): (req: Req, hctx: HandlerContext) => Promise<PbOut> {
    return async (req, hctx) => {
      const link = linkSignal(hctx.signal);
      try {
        const ctx = await createServerCallContext(
          hctx.requestHeader,
          method,
          req.tenant,
          link.signal,
          options,
        );
        const out = await call(fromProto(req), ctx);
        const msg = toResponse(() => toProto(out));
        setResponseExtensions(hctx.responseHeader, ctx.activatedExtensions);
        return msg;
      } catch (e) {
        throw errorToConnect(e);
      } finally {
        link.unlink();
      }
    };
  }

  function streaming<Req extends { tenant: string }, In>(
    method: A2AMethod,
    fromProto: (r: Req) => In,
    call: (input: In, ctx: CallContext) => AsyncIterable<StreamResponse>,
  ): (req: Req, hctx: HandlerContext) => AsyncIterable<pb.StreamResponse> {
    return (req, hctx) =>
      serveStream(hctx, async (signal) => {
        const ctx = await createServerCallContext(
          hctx.requestHeader,
          method,
          req.tenant,
          signal,
          options,
        );
        return { ctx, events: call(fromProto(req), ctx) };
      });
  }

  return {
    sendMessage: unary(
      "SendMessage",
      sendMessageRequestFromProto,
      (r, ctx) => handler.sendMessage(r, ctx),
      (o) => sendMessageResponseToProto(o, "result"),
    ),
    sendStreamingMessage: streaming("SendStreamingMessage", sendMessageRequestFromProto, (r, ctx) =>
      handler.sendStreamingMessage(r, ctx),
    ),
    getTask: unary(
      "GetTask",
      getTaskRequestFromProto,
      (r, ctx) => handler.getTask(r, ctx),
      (o) => taskToProto(o, "result"),
    ),
    listTasks: unary(
      "ListTasks",
      listTasksRequestFromProto,
      (r, ctx) => handler.listTasks(r, ctx),
      (o) => listTasksResponseToProto(o, "result"),
    ),
    cancelTask: unary(
      "CancelTask",
      cancelTaskRequestFromProto,
      (r, ctx) => handler.cancelTask(r, ctx),
      (o) => taskToProto(o, "result"),
    ),
    subscribeToTask: streaming("SubscribeToTask", subscribeRequestFromProto, (r, ctx) =>
      handler.subscribeToTask(r, ctx),
    ),
    createTaskPushNotificationConfig: unary(
      "CreateTaskPushNotificationConfig",
      pushConfigFromProto,
      (r, ctx) => handler.createTaskPushNotificationConfig(r, ctx),
      pushConfigToProto,
    ),
    getTaskPushNotificationConfig: unary(
      "GetTaskPushNotificationConfig",
      getPushConfigRequestFromProto,
      (r, ctx) => handler.getTaskPushNotificationConfig(r, ctx),
      pushConfigToProto,
    ),
    listTaskPushNotificationConfigs: unary(
      "ListTaskPushNotificationConfigs",
      listPushConfigsRequestFromProto,
      (r, ctx) => handler.listTaskPushNotificationConfigs(r, ctx),
      listPushConfigsResponseToProto,
    ),
    deleteTaskPushNotificationConfig: unary(
      "DeleteTaskPushNotificationConfig",
      getPushConfigRequestFromProto,
      (r, ctx) => handler.deleteTaskPushNotificationConfig(r, ctx),
      (): MessageInitShape<typeof import("@bufbuild/protobuf/wkt").EmptySchema> => ({}),
    ),
    getExtendedAgentCard: unary(
      "GetExtendedAgentCard",
      getExtendedCardRequestFromProto,
      (r, ctx) => handler.getExtendedAgentCard(r, ctx),
      agentCardToProto,
    ),
  };
}

/**
 * Runs one server stream: starts the handler's iterator and pulls the first event before the
 * first response message (errors up to there become a plain error status), then forwards
 * events until the iterator ends. When the client goes away (`hctx.signal`), a pending
 * `next()` is abandoned and the handler's iterator is ended with `return()`.
 */
async function* serveStream(
  hctx: HandlerContext,
  start: (
    signal: AbortSignal,
  ) => Promise<{ ctx: CallContext; events: AsyncIterable<StreamResponse> }>,
): AsyncGenerator<pb.StreamResponse> {
  const link = linkSignal(hctx.signal);
  try {
    yield* forwardStream(hctx, () => start(link.signal));
  } finally {
    link.unlink();
  }
}

async function* forwardStream(
  hctx: HandlerContext,
  start: () => Promise<{ ctx: CallContext; events: AsyncIterable<StreamResponse> }>,
): AsyncGenerator<pb.StreamResponse> {
  let iterator: AsyncIterator<StreamResponse> | undefined;
  let current: IteratorResult<StreamResponse>;
  try {
    const { ctx, events } = await start();
    iterator = events[Symbol.asyncIterator]();
    current = await nextOrAbort(iterator, hctx.signal);
    if (current === ABORTED) {
      endIterator(iterator);
      throw abortReason(hctx.signal);
    }
    setResponseExtensions(hctx.responseHeader, ctx.activatedExtensions);
  } catch (e) {
    endIterator(iterator);
    throw errorToConnect(e);
  }
  const signal = hctx.signal;
  let ended = current.done === true;
  try {
    while (current.done !== true) {
      const event = current.value;
      yield toResponse(() => streamResponseToProto(event, "result"));
      current = await nextOrAbort(iterator, signal);
    }
    // ABORTED (the client went away) is not the iterator's own end: release it in finally
    ended = current !== ABORTED;
    if (!ended) throw abortReason(signal);
  } catch (e) {
    if (signal.aborted) throw abortReason(signal);
    throw errorToConnect(e);
  } finally {
    if (!ended) endIterator(iterator);
  }
}

const ABORTED: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * The `CallContext.signal` of one call: follows Connect's `hctx.signal` (client gone, deadline,
 * server shutdown) until `unlink()`, which the binding calls once the response is complete;
 * Connect also aborts `hctx.signal` after a successful call, and that must not reach work the
 * handler keeps running (a task started with `returnImmediately`).
 */
function linkSignal(source: AbortSignal): { signal: AbortSignal; unlink(): void } {
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

function nextOrAbort<T>(
  iterator: AsyncIterator<T>,
  signal: AbortSignal,
): Promise<IteratorResult<T>> {
  if (signal.aborted) return Promise.resolve(ABORTED);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(ABORTED);
    signal.addEventListener("abort", onAbort, { once: true });
    iterator.next().then(
      (r) => {
        signal.removeEventListener("abort", onAbort);
        resolve(r);
      },
      (e: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}

function endIterator(iterator: AsyncIterator<unknown> | undefined): void {
  if (iterator?.return === undefined) return;
  try {
    void Promise.resolve(iterator.return()).catch(() => {});
  } catch {
    // a throwing return() has nothing left to release
  }
}

/**
 * Routes for `connectNodeAdapter` / `createConnectRouter`: registers {@link createA2AServiceImpl}
 * with the request size limit (`maxBodyBytes`, default 4 MiB; larger messages get
 * RESOURCE_EXHAUSTED).
 */
export function createGrpcRoutes(options: ServerBindingOptions): (router: ConnectRouter) => void {
  const impl = createA2AServiceImpl(options);
  const readMaxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return (router) => {
    router.service(A2AService, impl, { readMaxBytes });
  };
}
