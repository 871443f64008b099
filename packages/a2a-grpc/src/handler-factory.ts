import type {
  A2AHandler,
  A2AMethod,
  CallContext,
  ServerBindingOptions,
} from "@agentmesh/a2a-transport";
import type { StreamResponse } from "@agentmesh/a2a-types";
import type { DescMethod, MessageInitShape } from "@bufbuild/protobuf";
import type { ConnectRouter, HandlerContext, MethodImpl, ServiceImpl } from "@connectrpc/connect";
import { agentCardToProto } from "./convert/card.js";
import { sendMessageResponseToProto, taskToProto } from "./convert/core-to-proto.js";
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
import { validatingJsonOptions } from "./parse-error.js";
import { createServerCallContext } from "./request-header.js";
import { invalidResult, linkSignal, serveStream } from "./server-stream.js";

/** Default largest request message accepted: 4 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

/** The Connect service implementation of `lf.a2a.v1.A2AService`. */
export type A2AServiceImpl = ServiceImpl<typeof A2AService>;

function toResponse<T>(convert: () => T): T {
  try {
    return convert();
  } catch (e) {
    throw invalidResult(e);
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
 * Routes for `connectNodeAdapter` / `createConnectRouter`: registers every rpc of
 * {@link createA2AServiceImpl} with the request size limit (`maxBodyBytes`, default 4 MiB;
 * larger messages get RESOURCE_EXHAUSTED), and Connect-protocol JSON bodies that do not fit
 * the request message answered INVALID_ARGUMENT with a `BadRequest` field violation.
 */
export function createGrpcRoutes(options: ServerBindingOptions): (router: ConnectRouter) => void {
  const impl = createA2AServiceImpl(options) as unknown as Record<string, MethodImpl<DescMethod>>;
  const readMaxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return (router) => {
    for (const method of A2AService.methods) {
      router.rpc(method, impl[method.localName] as MethodImpl<DescMethod>, {
        readMaxBytes,
        jsonOptions: validatingJsonOptions(method.input),
      });
    }
  };
}
