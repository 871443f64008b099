import {
  A2AError,
  A2AErrorCode,
  type A2AHandler,
  type CallContext,
  type FetchHandler,
  type ServerBinding,
  type ServerBindingOptions,
  BodyReadFailed,
  DEFAULT_MAX_BODY_BYTES,
  PayloadTooLarge,
  createServerCallContext,
  jsonResponse,
  jsonResponseHeaders,
  openSseStream,
  readBodyText,
  sseResponseHeaders,
} from "@agentmesh/a2a-transport";
import { type StreamResponse, StreamResponseSchema, fromJson, toJson } from "@agentmesh/a2a-types";
import { CONTENT_TYPE_JSON, isJsonRpcContentType } from "./content-type.js";
import { type JsonRpcId, errorEnvelope, parseRequestEnvelope, resultEnvelope } from "./envelope.js";
import { errorToJsonRpc } from "./error-mapping.js";
import { type MethodSpec, findMethod } from "./methods.js";

/** Default mount path of the JSON-RPC endpoint. */
export const DEFAULT_JSONRPC_PATH = "/a2a/jsonrpc";

/** Options of {@link jsonRpcBinding}. */
export interface JsonRpcBindingOptions {
  /** Mount path on the HTTP server. Default: `"/a2a/jsonrpc"`. */
  path?: string;
  /** Interval of SSE keep-alive comments on open streams, in ms; 0 disables. Default: 15000. */
  keepAliveMs?: number;
}

/** Options of {@link createJsonRpcFetchHandler}: the binding contract's plus the SSE keep-alive. */
export interface JsonRpcHandlerOptions extends ServerBindingOptions {
  /** Interval of SSE keep-alive comments on open streams, in ms; 0 disables. Default: 15000. */
  keepAliveMs?: number;
}

/**
 * The JSON-RPC 2.0 server binding (§9), for `A2AServer`'s `bindings` list.
 *
 * @example
 * ```ts
 * const server = new A2AServer(executor, { agent, bindings: [jsonRpcBinding()] });
 * ```
 */
export function jsonRpcBinding(options: JsonRpcBindingOptions = {}): ServerBinding {
  const path = options.path ?? DEFAULT_JSONRPC_PATH;
  return {
    protocolBinding: "JSONRPC",
    path,
    createFetchHandler(opts) {
      return createJsonRpcFetchHandler(
        options.keepAliveMs === undefined ? opts : { ...opts, keepAliveMs: options.keepAliveMs },
      );
    },
    interfaceUrl({ httpBaseUrl }) {
      return httpBaseUrl.replace(/\/+$/, "") + path;
    },
  };
}

function errorResponse(
  request: Request,
  id: JsonRpcId,
  err: unknown,
  ctx?: CallContext,
  status = 200,
  extra?: Record<string, string>,
): Response {
  const headers = jsonResponseHeaders(CONTENT_TYPE_JSON, ctx);
  if (extra) Object.assign(headers, extra);
  return jsonResponse(request, errorEnvelope(id, errorToJsonRpc(err)), status, headers);
}

/**
 * Creates the JSON-RPC fetch handler, `(Request) => Promise<Response>`, that serves any
 * path it is given (mount it where you like). Every JSON-RPC outcome, errors included, is
 * answered with HTTP 200 and an envelope; only transport-level problems use other statuses
 * (405 for a method other than POST, 415 for a non-JSON content type with
 * ContentTypeNotSupportedError, 413 for a body over `maxBodyBytes`), still with a JSON-RPC error envelope as body.
 */
export function createJsonRpcFetchHandler(options: JsonRpcHandlerOptions): FetchHandler {
  const handler = options.handler;
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const keepAliveMs = options.keepAliveMs ?? 15_000;

  return async (request) => {
    if (request.method !== "POST") {
      await request.body?.cancel().catch(() => {});
      const err = new A2AError(
        A2AErrorCode.InvalidRequest,
        `Request payload validation error: JSON-RPC calls use POST, not ${request.method}.`,
      );
      return errorResponse(request, null, err, undefined, 405, { allow: "POST" });
    }
    if (!isJsonRpcContentType(request.headers.get("content-type"))) {
      await request.body?.cancel().catch(() => {});
      const err = new A2AError(
        A2AErrorCode.ContentTypeNotSupported,
        `Unsupported Content-Type "${request.headers.get("content-type")}": JSON-RPC requests use application/json.`,
      );
      return errorResponse(request, null, err, undefined, 415);
    }
    let text: string;
    try {
      text = await readBodyText(request, limit);
    } catch (e) {
      if (e instanceof PayloadTooLarge) {
        const err = new A2AError(
          A2AErrorCode.InvalidRequest,
          `Request payload validation error: the body is larger than the limit of ${e.limit} bytes; send a smaller request (or raise maxBodyBytes on the server).`,
        );
        return errorResponse(request, null, err, undefined, 413, { connection: "close" });
      }
      const err = new A2AError(
        A2AErrorCode.ParseError,
        "Invalid JSON payload: the request body could not be read completely.",
        { cause: e instanceof BodyReadFailed ? e.cause : e },
      );
      return errorResponse(request, null, err, undefined, 400);
    }
    const env = parseRequestEnvelope(text);
    if (!env.ok) return errorResponse(request, env.id, env.error);
    const { id, method: name, params } = env.request;
    const method = findMethod(name);
    if (method === undefined) {
      const err = new A2AError(
        A2AErrorCode.MethodNotFound,
        `Method not found: "${name.slice(0, 100)}" is not an A2A v1.0 method (method names are PascalCase, e.g. "SendMessage").`,
      );
      return errorResponse(request, id, err);
    }
    let ctx: CallContext | undefined;
    try {
      const tenant = typeof params?.tenant === "string" ? params.tenant : undefined;
      ctx = await createServerCallContext(request, method.name, tenant, options, "JSONRPC");
      const req = fromJson(method.request, params ?? {});
      if (method.streaming) return await streamResponse(handler, method, id, req, ctx, keepAliveMs);
      const call = handler[method.key] as (r: unknown, c: CallContext) => Promise<unknown>;
      const result = await call.call(handler, req, ctx);
      // DeleteTaskPushNotificationConfig returns google.protobuf.Empty, whose ProtoJSON is {}.
      const json = method.response ? toJson(method.response, result as never) : {};
      return jsonResponse(
        request,
        resultEnvelope(id, json),
        200,
        jsonResponseHeaders(CONTENT_TYPE_JSON, ctx),
      );
    } catch (err) {
      return errorResponse(request, id, err, ctx);
    }
  };
}

async function streamResponse(
  handler: A2AHandler,
  method: MethodSpec,
  id: JsonRpcId,
  req: unknown,
  ctx: CallContext,
  keepAliveMs: number,
): Promise<Response> {
  const open = handler[method.key] as (r: unknown, c: CallContext) => AsyncIterable<StreamResponse>;
  const idJson = JSON.stringify(id);
  const body = await openSseStream(open.call(handler, req, ctx), {
    toEvent: (ev) => ({
      data: `{"jsonrpc":"2.0","id":${idJson},"result":${JSON.stringify(toJson(StreamResponseSchema, ev))}}`,
    }),
    toErrorEvent: (err) => ({ event: "error", data: errorEnvelope(id, errorToJsonRpc(err)) }),
    signal: ctx.signal,
    keepAliveMs,
  });
  return new Response(body, { status: 200, headers: sseResponseHeaders(ctx) });
}
