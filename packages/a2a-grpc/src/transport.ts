import {
  type A2AMethod,
  type CallOptions,
  type CallOutcome,
  type ClientCall,
  type ClientTransport,
  type ClientTransportOptions,
  createRequestHeaders,
} from "@agentmesh/a2a-transport";
import type { StreamResponse } from "@agentmesh/a2a-types";
import { type Transport, createClient } from "@connectrpc/connect";
import { agentCardFromProto } from "./convert/card.js";
import {
  sendMessageResponseFromProto,
  streamResponseFromProto,
  taskFromProto,
} from "./convert/core-from-proto.js";
import {
  cancelTaskRequestToProto,
  deletePushConfigRequestToProto,
  getExtendedCardRequestToProto,
  getPushConfigRequestToProto,
  getTaskRequestToProto,
  listPushConfigsRequestToProto,
  listPushConfigsResponseFromProto,
  listTasksRequestToProto,
  listTasksResponseFromProto,
  pushConfigFromProto,
  pushConfigToProto,
  sendMessageRequestToProto,
  subscribeRequestToProto,
} from "./convert/requests.js";
import { encodeRequest, toGrpcCallError } from "./call-error.js";
import { A2AService } from "./gen/a2a_pb.js";

/** Options of the gRPC client transport. */
export interface GrpcTransportOptions extends ClientTransportOptions {
  /**
   * The Connect transport that carries the calls (any of `createGrpcTransport`,
   * `createGrpcWebTransport`, `createConnectTransport` of `@connectrpc/connect-node` /
   * `-web`, or `createRouterTransport` for in-memory tests). When given, `url` and `fetch`
   * are not used. Default: gRPC-Web over `fetch` at `url` (main entry) or native gRPC over
   * HTTP/2 (`@agentmesh/a2a-grpc/node`).
   */
  transport?: Transport;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/i;

/**
 * The base URL for a gRPC `AgentInterface.url`: `http://` / `https://` URLs are used as they
 * are; `grpc://` means cleartext and `grpcs://` TLS; a gRPC target `dns:///host:port` is read as
 * `host:port`; a bare `host:port` (the form the proto documents) gets `http://` for loopback
 * hosts and `https://` for every other host.
 */
export function grpcBaseUrl(url: string): string {
  let u = url.trim().replace(/\/+$/, "");
  if (/^dns:(\/\/[^/]*\/)?/i.test(u)) u = u.replace(/^dns:(\/\/[^/]*\/)?/i, "");
  if (/^grpc:\/\//i.test(u)) return `http://${u.slice(7)}`;
  if (/^grpcs:\/\//i.test(u)) return `https://${u.slice(8)}`;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(u)) return u;
  return `${LOOPBACK.test(u) ? "http" : "https"}://${u}`;
}

/**
 * Client transport of the gRPC binding over an explicit Connect `Transport` (what
 * `createGrpcTransport` of either entry builds on). See {@link GrpcTransportOptions}.
 *
 * @param options - headers, interceptors and timeout (`url`, `fetch` and `transport` are not
 *   used here).
 * @param transport - the Connect transport every call goes through.
 * @param onClose - run by `close()`, e.g. to end an HTTP/2 session. Default: nothing.
 *
 * @example
 * ```ts no-run
 * const t = createGrpcClientTransport({}, createRouterTransport(createGrpcRoutes({ handler })));
 * ```
 */
export function createGrpcClientTransport(
  options: Omit<GrpcTransportOptions, "transport" | "url"> & { url?: string },
  transport: Transport,
  onClose?: () => void,
): ClientTransport {
  const client = createClient(A2AService, transport);
  const interceptors = options.interceptors ?? [];

  async function prepare(method: A2AMethod, request: unknown, opts: CallOptions) {
    const call: ClientCall = {
      method,
      request,
      headers: createRequestHeaders(options.headers, opts),
      options: opts,
    };
    for (const i of interceptors) if (i.before) await i.before(call);
    const timeoutMs = opts.timeoutMs ?? options.timeoutMs;
    return { call, timeoutMs };
  }

  async function finish(call: ClientCall, outcome: CallOutcome) {
    for (const i of interceptors) if (i.after) await i.after(call, outcome);
  }

  async function unary<Req, PbReq, PbRes, Res>(
    method: A2AMethod,
    req: Req,
    opts: CallOptions,
    toProto: (r: Req) => PbReq,
    send: (r: PbReq, o: ConnectCallOptions) => Promise<PbRes>,
    fromProto: (r: PbRes) => Res,
  ): Promise<Res> {
    const { call, timeoutMs } = await prepare(method, req, opts);
    let result: Res;
    let headers: Headers | undefined;
    try {
      const pbReq = encodeRequest(toProto, req);
      const o: ConnectCallOptions = { headers: call.headers, onHeader: (h) => (headers = h) };
      if (opts.signal !== undefined) o.signal = opts.signal;
      if (timeoutMs !== undefined) o.timeoutMs = timeoutMs;
      result = fromProto(await send(pbReq, o));
    } catch (e) {
      const error = toGrpcCallError(e, opts.signal, timeoutMs);
      await finish(call, headers === undefined ? { error } : { error, headers });
      throw error;
    }
    await finish(
      call,
      headers === undefined ? { response: result } : { response: result, headers },
    );
    return result;
  }

  async function* stream<Req, PbReq, PbRes>(
    method: A2AMethod,
    req: Req,
    opts: CallOptions,
    toProto: (r: Req) => PbReq,
    open: (r: PbReq, o: ConnectCallOptions) => AsyncIterable<PbRes>,
    fromProto: (r: PbRes) => StreamResponse,
  ): AsyncGenerator<StreamResponse, void, undefined> {
    const { call, timeoutMs } = await prepare(method, req, opts);
    // timeoutMs bounds the time until the response starts, not the whole stream.
    const ctrl = new AbortController();
    const onAbort = () => ctrl.abort(opts.signal?.reason);
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    if (opts.signal?.aborted) onAbort();
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(
            () => ctrl.abort(new DOMException("the call timed out", "TimeoutError")),
            timeoutMs,
          );
    let headers: Headers | undefined;
    let started = false;
    const start = async () => {
      if (started) return;
      started = true;
      clearTimeout(timer);
      await finish(call, headers === undefined ? {} : { headers });
    };
    try {
      const pbReq = encodeRequest(toProto, req);
      const o: ConnectCallOptions = {
        headers: call.headers,
        signal: ctrl.signal,
        onHeader: (h) => {
          headers = h;
          clearTimeout(timer);
        },
      };
      for await (const r of open(pbReq, o)) {
        const event = fromProto(r);
        if (!started) await start();
        yield event;
      }
      await start();
    } catch (e) {
      const error = toGrpcCallError(e, ctrl.signal.aborted ? ctrl.signal : undefined, undefined);
      if (!started) {
        started = true;
        await finish(call, headers === undefined ? { error } : { error, headers });
      }
      throw error;
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
      ctrl.abort();
    }
  }

  return {
    protocolBinding: "GRPC",
    sendMessage: (req, opts = {}) =>
      unary(
        "SendMessage",
        req,
        opts,
        sendMessageRequestToProto,
        (r, o) => client.sendMessage(r, o),
        (r) => sendMessageResponseFromProto(r, "result"),
      ),
    sendStreamingMessage: (req, opts = {}) =>
      stream(
        "SendStreamingMessage",
        req,
        opts,
        sendMessageRequestToProto,
        (r, o) => client.sendStreamingMessage(r, o),
        (r) => streamResponseFromProto(r, "event"),
      ),
    getTask: (req, opts = {}) =>
      unary(
        "GetTask",
        req,
        opts,
        getTaskRequestToProto,
        (r, o) => client.getTask(r, o),
        (r) => taskFromProto(r, "result"),
      ),
    listTasks: (req, opts = {}) =>
      unary(
        "ListTasks",
        req,
        opts,
        listTasksRequestToProto,
        (r, o) => client.listTasks(r, o),
        (r) => listTasksResponseFromProto(r, "result"),
      ),
    cancelTask: (req, opts = {}) =>
      unary(
        "CancelTask",
        req,
        opts,
        cancelTaskRequestToProto,
        (r, o) => client.cancelTask(r, o),
        (r) => taskFromProto(r, "result"),
      ),
    subscribeToTask: (req, opts = {}) =>
      stream(
        "SubscribeToTask",
        req,
        opts,
        subscribeRequestToProto,
        (r, o) => client.subscribeToTask(r, o),
        (r) => streamResponseFromProto(r, "event"),
      ),
    createTaskPushNotificationConfig: (req, opts = {}) =>
      unary(
        "CreateTaskPushNotificationConfig",
        req,
        opts,
        pushConfigToProto,
        (r, o) => client.createTaskPushNotificationConfig(r, o),
        pushConfigFromProto,
      ),
    getTaskPushNotificationConfig: (req, opts = {}) =>
      unary(
        "GetTaskPushNotificationConfig",
        req,
        opts,
        getPushConfigRequestToProto,
        (r, o) => client.getTaskPushNotificationConfig(r, o),
        pushConfigFromProto,
      ),
    listTaskPushNotificationConfigs: (req, opts = {}) =>
      unary(
        "ListTaskPushNotificationConfigs",
        req,
        opts,
        listPushConfigsRequestToProto,
        (r, o) => client.listTaskPushNotificationConfigs(r, o),
        listPushConfigsResponseFromProto,
      ),
    deleteTaskPushNotificationConfig: (req, opts = {}) =>
      unary(
        "DeleteTaskPushNotificationConfig",
        req,
        opts,
        deletePushConfigRequestToProto,
        (r, o) => client.deleteTaskPushNotificationConfig(r, o),
        (): void => undefined,
      ),
    getExtendedAgentCard: (req, opts = {}) =>
      unary(
        "GetExtendedAgentCard",
        req,
        opts,
        getExtendedCardRequestToProto,
        (r, o) => client.getExtendedAgentCard(r, o),
        (r) => agentCardFromProto(r, "result"),
      ),
    async close() {
      onClose?.();
    },
  };
}

/** The Connect call options this transport uses. */
interface ConnectCallOptions {
  headers: Headers;
  signal?: AbortSignal;
  timeoutMs?: number;
  onHeader?: (headers: Headers) => void;
}
