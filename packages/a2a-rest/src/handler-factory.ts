import {
  A2AError,
  A2AErrorCode,
  type A2AHandler,
  type CallContext,
  type FetchHandler,
  type ServerBinding,
  type ServerBindingOptions,
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
import { isRestContentType, responseContentType } from "./content-type.js";
import { errorToRest, wwwAuthenticateFor } from "./error-mapping.js";
import { readQuery } from "./query.js";
import { BadPathSegment, type RouteSpec, matchRoute } from "./routes.js";

/** Default mount path of the REST endpoint. */
export const DEFAULT_REST_PATH = "/a2a/rest";

/** Options of {@link restBinding}. */
export interface RestBindingOptions {
  /** Mount path on the HTTP server (the interface URL's path). Default: `"/a2a/rest"`. */
  path?: string;
  /** Interval of SSE keep-alive comments on open streams, in ms; 0 disables. Default: 15000. */
  keepAliveMs?: number;
  /** See {@link RestHandlerOptions.wwwAuthenticate}. Default: `"Bearer"`. */
  wwwAuthenticate?: string | false;
}

/** Options of {@link createRestFetchHandler}. */
export interface RestHandlerOptions extends ServerBindingOptions {
  /**
   * Base path stripped from request paths before routing, when present. Default: `"/a2a/rest"`
   * (paths that do not start with it are routed as they are, e.g. under an Express mount).
   */
  basePath?: string;
  /** Interval of SSE keep-alive comments on open streams, in ms; 0 disables. Default: 15000. */
  keepAliveMs?: number;
  /**
   * The `WWW-Authenticate` challenge sent with a 401 answer (§3.3.2) when the
   * `Unauthenticated` error does not name one itself (metadata `wwwAuthenticate` = a full
   * challenge, or `scheme`). `false` sends none. Default: `"Bearer"`.
   */
  wwwAuthenticate?: string | false;
}

/**
 * The HTTP+JSON (REST) server binding (§11), for `A2AServer`'s `bindings` list.
 *
 * @example
 * ```ts
 * const server = new A2AServer(executor, { agent, bindings: [restBinding()] });
 * ```
 */
export function restBinding(options: RestBindingOptions = {}): ServerBinding {
  const path = (options.path ?? DEFAULT_REST_PATH).replace(/\/+$/, "");
  return {
    protocolBinding: "HTTP+JSON",
    path,
    createFetchHandler(opts) {
      const o: RestHandlerOptions = { ...opts, basePath: path };
      if (options.keepAliveMs !== undefined) o.keepAliveMs = options.keepAliveMs;
      if (options.wwwAuthenticate !== undefined) o.wwwAuthenticate = options.wwwAuthenticate;
      return createRestFetchHandler(o);
    },
    interfaceUrl({ httpBaseUrl }) {
      return httpBaseUrl.replace(/\/+$/, "") + path;
    },
  };
}

function errorResponse(
  request: Request,
  reason: unknown,
  ctx?: CallContext,
  httpStatus?: number,
  extra?: Record<string, string>,
): Response {
  const { status, body } = errorToRest(reason, httpStatus);
  const headers = jsonResponseHeaders(responseContentType(request), ctx);
  if (extra) Object.assign(headers, extra);
  return jsonResponse(request, JSON.stringify(body), status, headers);
}

function pathSegments(pathname: string, basePath: string): string[] {
  let p = pathname;
  if (basePath !== "" && (p === basePath || p.startsWith(`${basePath}/`)))
    p = p.slice(basePath.length);
  const segments = p.split("/");
  if (segments[0] === "") segments.shift();
  if (segments.length > 1 && segments[segments.length - 1] === "") segments.pop();
  return segments;
}

/**
 * Creates the REST fetch handler, `(Request) => Promise<Response>`: every route of §11.3
 * (and of a2a.proto's `google.api.http`), each also under `/{tenant}`. Errors are
 * google.rpc.Status JSON with the HTTP status of §5.4; an unknown route is 404, a known
 * route with another HTTP method 405 (with `Allow`), a body that is not JSON 415, a body over
 * `maxBodyBytes` 413.
 */
export function createRestFetchHandler(options: RestHandlerOptions): FetchHandler {
  const handler = options.handler;
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const keepAliveMs = options.keepAliveMs ?? 15_000;
  const basePath = (options.basePath ?? DEFAULT_REST_PATH).replace(/\/+$/, "");
  const defaultChallenge =
    options.wwwAuthenticate === false ? undefined : (options.wwwAuthenticate ?? "Bearer");

  return async (request) => {
    const url = splitUrl(request.url);
    let match: ReturnType<typeof matchRoute>;
    try {
      match = matchRoute(pathSegments(url.pathname, basePath));
    } catch (e) {
      await request.body?.cancel().catch(() => {});
      const seg = e instanceof BadPathSegment ? e.segment.slice(0, 100) : "";
      const err = new A2AError(
        A2AErrorCode.InvalidParams,
        `Invalid parameters: the path segment "${seg}" is not valid percent-encoding.`,
      );
      return errorResponse(request, err);
    }
    if (match === undefined) {
      await request.body?.cancel().catch(() => {});
      const err = new A2AError(
        A2AErrorCode.MethodNotFound,
        `No A2A route matches ${request.method} ${url.pathname.slice(0, 200)} (see A2A §11.3 for the routes).`,
      );
      return errorResponse(request, err, undefined, 404);
    }
    const route = match.methods[request.method];
    if (route === undefined) {
      await request.body?.cancel().catch(() => {});
      const allow = Object.keys(match.methods).join(", ");
      const err = new A2AError(
        A2AErrorCode.MethodNotFound,
        `Method ${request.method} is not allowed on ${url.pathname.slice(0, 200)}; use ${allow}.`,
      );
      return errorResponse(request, err, undefined, 405, { allow });
    }
    let ctx: CallContext | undefined;
    try {
      const json = await readRequest(request, url, route, match.pathFields, limit);
      const tenant =
        typeof json.tenant === "string" && json.tenant !== "" ? json.tenant : undefined;
      ctx = await createServerCallContext(request, route.name, tenant, options, "HTTP+JSON");
      const req = fromJson(route.request, json);
      if (route.streaming) return await streamResponse(handler, route, req, ctx, keepAliveMs);
      const call = handler[route.key] as (r: unknown, c: CallContext) => Promise<unknown>;
      const result = await call.call(handler, req, ctx);
      // DeleteTaskPushNotificationConfig returns google.protobuf.Empty: `{}`.
      const body = route.response ? JSON.stringify(toJson(route.response, result as never)) : "{}";
      return jsonResponse(
        request,
        body,
        200,
        jsonResponseHeaders(responseContentType(request), ctx),
      );
    } catch (err) {
      if (err instanceof PayloadTooLarge) {
        const e = new A2AError(
          A2AErrorCode.InvalidRequest,
          `The request body is larger than the limit of ${err.limit} bytes; send a smaller request (or raise maxBodyBytes on the server).`,
        );
        return errorResponse(request, e, ctx, 413, { connection: "close" });
      }
      if (err instanceof UnsupportedContentType) {
        const e = new A2AError(
          A2AErrorCode.ContentTypeNotSupported,
          `Unsupported Content-Type "${err.value.slice(0, 100)}": send application/a2a+json or application/json.`,
        );
        return errorResponse(request, e, ctx, 415);
      }
      const challenge = wwwAuthenticateFor(err, defaultChallenge);
      return errorResponse(
        request,
        err,
        ctx,
        undefined,
        challenge === undefined ? undefined : { "www-authenticate": challenge },
      );
    }
  };
}

interface SplitUrl {
  /** The path, still percent-encoded. */
  pathname: string;
  /** The query without `?` ("" when none). */
  search: string;
}

/** Path and query of an absolute request URL, without the cost of `new URL()`. */
function splitUrl(href: string): SplitUrl {
  const scheme = href.indexOf("://");
  const slash = href.indexOf("/", scheme === -1 ? 0 : scheme + 3);
  if (slash === -1) return { pathname: "/", search: "" };
  const q = href.indexOf("?", slash);
  const hash = href.indexOf("#", slash);
  const end = hash === -1 ? href.length : hash;
  return q === -1 || q > end
    ? { pathname: href.slice(slash, end), search: "" }
    : { pathname: href.slice(slash, q), search: href.slice(q + 1, end) };
}

class UnsupportedContentType {
  constructor(readonly value: string) {}
}

/** Builds the request's ProtoJSON from body, query and path (the path wins). */
async function readRequest(
  request: Request,
  url: SplitUrl,
  route: RouteSpec,
  pathFields: Record<string, string>,
  limit: number,
): Promise<Record<string, unknown>> {
  let json: Record<string, unknown> = {};
  if (route.body !== "none") {
    const ct = request.headers.get("content-type");
    if (!isRestContentType(ct)) {
      await request.body?.cancel().catch(() => {});
      throw new UnsupportedContentType(ct ?? "");
    }
    const text = await readBodyText(request, limit);
    if (text.trim() !== "") {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new A2AError(
          A2AErrorCode.ParseError,
          "Invalid JSON payload: the body is not valid JSON.",
        );
      }
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        throw new A2AError(
          A2AErrorCode.InvalidParams,
          `Invalid parameters: the body must be a JSON object (the ${route.name} request).`,
          { fieldViolations: [{ field: "", description: "must be a JSON object" }] },
        );
      }
      json = parsed as Record<string, unknown>;
    }
  } else {
    await request.body?.cancel().catch(() => {});
    const params = new URLSearchParams(url.search);
    if (route.query.length > 0) json = readQuery(params, route.query);
    const tenant = params.get("tenant");
    if (tenant !== null) json.tenant = tenant;
  }
  // Path fields win over body and query (§11.4: taskId of Create comes from the path).
  if (route.name === "CreateTaskPushNotificationConfig") {
    json = { ...json };
    delete json.task_id;
  }
  for (const [k, v] of Object.entries(pathFields)) json[k] = v;
  return json;
}

async function streamResponse(
  handler: A2AHandler,
  route: RouteSpec,
  req: unknown,
  ctx: CallContext,
  keepAliveMs: number,
): Promise<Response> {
  const open = handler[route.key] as (r: unknown, c: CallContext) => AsyncIterable<StreamResponse>;
  const body = await openSseStream(open.call(handler, req, ctx), {
    toEvent: (ev) => ({ data: JSON.stringify(toJson(StreamResponseSchema, ev)) }),
    toErrorEvent: (err) => ({ event: "error", data: JSON.stringify(errorToRest(err).body) }),
    signal: ctx.signal,
    keepAliveMs,
  });
  return new Response(body, { status: 200, headers: sseResponseHeaders(ctx) });
}
