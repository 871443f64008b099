import {
  type A2AMethod,
  type CallOptions,
  type ClientCall,
  type ClientTransport,
  type ClientTransportOptions,
  callFailure,
  callSignal,
  clientRequestHeaders,
  decodeSse,
  invalidResponse,
  runIntercepted,
} from "@agentmesh/a2a-transport";
import { type StreamResponse, StreamResponseSchema, fromJson, toJson } from "@agentmesh/a2a-types";
import { CONTENT_TYPE_A2A_JSON, isSseContentType } from "./content-type.js";
import { errorFromRest } from "./error-mapping.js";
import { writeQuery } from "./query.js";
import {
  CANCEL,
  CREATE_CONFIG,
  DELETE_CONFIG,
  EXTENDED_CARD,
  GET_CONFIG,
  GET_TASK,
  LIST_CONFIGS,
  LIST_TASKS,
  type RouteSpec,
  SEND,
  STREAM,
  SUBSCRIBE_POST,
} from "./routes.js";

/** Options of {@link createRestTransport}. */
export interface RestTransportOptions extends ClientTransportOptions {
  /** The base URL of the agent's HTTP+JSON interface (its `url`); routes are appended to it. */
  url: string;
}

interface Plan {
  route: RouteSpec;
  httpMethod: "GET" | "POST" | "DELETE";
  path: string;
  body: string | undefined;
}

const enc = encodeURIComponent;

/**
 * Where each operation goes (§11.3); the tenant becomes the first path segment (§8) and is
 * never repeated in the body or the query.
 */
function plan(route: RouteSpec, json: Record<string, unknown>): Plan {
  const tenant =
    typeof json.tenant === "string" && json.tenant !== "" ? `/${enc(json.tenant)}` : "";
  const id = enc(String(json.id ?? ""));
  const taskId = enc(String(json.taskId ?? ""));
  const body = (o: Record<string, unknown>) => JSON.stringify(o);
  const without = (...keys: string[]) => {
    const o = { ...json };
    for (const k of keys) delete o[k];
    return o;
  };
  switch (route.name) {
    case "SendMessage":
      return {
        route,
        httpMethod: "POST",
        path: `${tenant}/message:send`,
        body: body(without("tenant")),
      };
    case "SendStreamingMessage":
      return {
        route,
        httpMethod: "POST",
        path: `${tenant}/message:stream`,
        body: body(without("tenant")),
      };
    case "GetTask":
      return {
        route,
        httpMethod: "GET",
        path: `${tenant}/tasks/${id}${writeQuery(json, route.query)}`,
        body: undefined,
      };
    case "ListTasks":
      return {
        route,
        httpMethod: "GET",
        path: `${tenant}/tasks${writeQuery(json, route.query)}`,
        body: undefined,
      };
    case "CancelTask":
      return {
        route,
        httpMethod: "POST",
        path: `${tenant}/tasks/${id}:cancel`,
        body: body(without("id", "tenant")),
      };
    case "SubscribeToTask":
      return {
        route,
        httpMethod: "POST",
        path: `${tenant}/tasks/${id}:subscribe`,
        body: body(without("id", "tenant")),
      };
    case "CreateTaskPushNotificationConfig":
      // taskId travels in the path and the body (a2a-js reads only the body; an interop need).
      return {
        route,
        httpMethod: "POST",
        path: `${tenant}/tasks/${taskId}/pushNotificationConfigs`,
        body: body(without("tenant")),
      };
    case "GetTaskPushNotificationConfig":
      return {
        route,
        httpMethod: "GET",
        path: `${tenant}/tasks/${taskId}/pushNotificationConfigs/${id}`,
        body: undefined,
      };
    case "ListTaskPushNotificationConfigs":
      return {
        route,
        httpMethod: "GET",
        path: `${tenant}/tasks/${taskId}/pushNotificationConfigs${writeQuery(json, route.query)}`,
        body: undefined,
      };
    case "DeleteTaskPushNotificationConfig":
      return {
        route,
        httpMethod: "DELETE",
        path: `${tenant}/tasks/${taskId}/pushNotificationConfigs/${id}`,
        body: undefined,
      };
    default:
      return { route, httpMethod: "GET", path: `${tenant}/extendedAgentCard`, body: undefined };
  }
}

/**
 * Creates the HTTP+JSON (REST) client transport (§11): each operation is its route under
 * `url` (with `A2A-Version: 1.0`), the tenant as a `/{tenant}` prefix, streaming calls read
 * SSE. Any 2xx is success (an empty Delete body too); errors come out as A2AError with the
 * code, reason, metadata and details of the google.rpc.Status body.
 *
 * @example
 * ```ts
 * const transport = createRestTransport({ url: "http://localhost:8080/a2a/rest" });
 * const task = await transport.getTask({ id: "t-1", historyLength: 5 });
 * ```
 */
export function createRestTransport(options: RestTransportOptions): ClientTransport {
  const base = options.url.replace(/\/+$/, "");
  const doFetch = options.fetch ?? globalThis.fetch;
  const interceptors = options.interceptors ?? [];

  function send(p: Plan, call: ClientCall, signal: AbortSignal | undefined): Promise<Response> {
    const init: RequestInit = { method: p.httpMethod, headers: call.headers };
    if (p.body !== undefined) init.body = p.body;
    if (signal) init.signal = signal;
    return doFetch(base + p.path, init);
  }

  function prepare(route: RouteSpec, req: unknown, opts: CallOptions = {}) {
    const json = toJson(route.request, req as never) as Record<string, unknown>;
    const p = plan(route, json);
    const headers = clientRequestHeaders(
      options.headers,
      opts,
      route.streaming,
      p.body !== undefined,
      CONTENT_TYPE_A2A_JSON,
    );
    const call: ClientCall = { method: route.name, request: req, headers, options: opts };
    return { p, call, signal: callSignal(opts, options.timeoutMs) };
  }

  async function unary<T>(route: RouteSpec, req: unknown, opts?: CallOptions): Promise<T> {
    const { p, call, signal } = prepare(route, req, opts);
    return runIntercepted(interceptors, call, signal, async (meta) => {
      const res = await send(p, call, signal);
      meta.headers = res.headers;
      const text = await res.text();
      if (!res.ok) throw errorFromRest(res.status, text);
      if (route.response === undefined) return undefined as T;
      return decode(route.response, text, route.name) as T;
    });
  }

  async function* stream(
    route: RouteSpec,
    req: unknown,
    opts?: CallOptions,
  ): AsyncGenerator<StreamResponse> {
    const { p, call, signal: callSig } = prepare(route, req, opts);
    const abort = new AbortController();
    const signal = callSig ? AbortSignal.any([callSig, abort.signal]) : abort.signal;
    const res = await runIntercepted(interceptors, call, signal, async (meta) => {
      const r = await send(p, call, signal);
      meta.headers = r.headers;
      if (r.ok && r.body && isSseContentType(r.headers.get("content-type"))) return r;
      const text = await r.text();
      if (!r.ok) throw errorFromRest(r.status, text);
      throw invalidResponse(
        `${route.name}: expected an SSE stream (text/event-stream), got ${r.headers.get("content-type") ?? "no content type"}.`,
      );
    });
    try {
      for await (const ev of decodeSse(res.body!, { signal })) {
        if (ev.data === "") continue;
        let parsed: unknown;
        try {
          parsed = JSON.parse(ev.data);
        } catch {
          throw invalidResponse(`${route.name}: the server sent an SSE event that is not JSON.`);
        }
        if (
          ev.event === "error" ||
          (typeof parsed === "object" && parsed !== null && "error" in parsed)
        ) {
          const status = (parsed as { error?: { code?: unknown } }).error?.code;
          throw errorFromRest(typeof status === "number" ? status : 500, ev.data);
        }
        yield decodeValue(StreamResponseSchema, parsed, route.name) as StreamResponse;
      }
    } catch (err) {
      throw callFailure(err, signal);
    } finally {
      abort.abort();
    }
  }

  return {
    protocolBinding: "HTTP+JSON",
    sendMessage: (req, opts) => unary(SEND, req, opts),
    sendStreamingMessage: (req, opts) => stream(STREAM, req, opts),
    getTask: (req, opts) => unary(GET_TASK, req, opts),
    listTasks: (req, opts) => unary(LIST_TASKS, req, opts),
    cancelTask: (req, opts) => unary(CANCEL, req, opts),
    subscribeToTask: (req, opts) => stream(SUBSCRIBE_POST, req, opts),
    createTaskPushNotificationConfig: (req, opts) => unary(CREATE_CONFIG, req, opts),
    getTaskPushNotificationConfig: (req, opts) => unary(GET_CONFIG, req, opts),
    listTaskPushNotificationConfigs: (req, opts) => unary(LIST_CONFIGS, req, opts),
    deleteTaskPushNotificationConfig: async (req, opts) => {
      await unary(DELETE_CONFIG, req, opts);
    },
    getExtendedAgentCard: (req, opts) => unary(EXTENDED_CARD, req, opts),
  };
}

function decode(schema: RouteSpec["request"], text: string, name: A2AMethod): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidResponse(`${name}: the server answered 2xx with a body that is not JSON.`);
  }
  return decodeValue(schema, parsed, name);
}

function decodeValue(schema: RouteSpec["request"], value: unknown, name: A2AMethod): unknown {
  try {
    return fromJson(schema, value);
  } catch (err) {
    throw invalidResponse(
      `${name}: the server's answer does not match the A2A schema: ${err instanceof Error ? err.message : String(err)}`,
      err,
    );
  }
}
