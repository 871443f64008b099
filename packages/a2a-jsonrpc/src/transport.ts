import {
  A2AError,
  type A2AMethod,
  type CallOptions,
  type ClientCall,
  type ClientTransport,
  type ClientTransportOptions,
  callFailure,
  callSignal,
  clientRequestHeaders,
  codeFromHttpStatus,
  decodeSse,
  invalidResponse,
  runIntercepted,
} from "@agentmesh/a2a-transport";
import { type StreamResponse, StreamResponseSchema, fromJson, toJson } from "@agentmesh/a2a-types";
import { CONTENT_TYPE_JSON, isSseContentType } from "./content-type.js";
import { errorFromJsonRpc } from "./error-mapping.js";
import { type AnySchema, METHODS, type MethodSpec } from "./methods.js";

/** Options of {@link createJsonRpcTransport}. */
export interface JsonRpcTransportOptions extends ClientTransportOptions {
  /** The JSON-RPC endpoint: the `url` of the agent's JSONRPC interface. */
  url: string;
}

/**
 * Creates the JSON-RPC client transport: each call is one `POST` of a JSON-RPC 2.0 envelope
 * to `url` (with `A2A-Version: 1.0`), streaming calls read SSE. Errors of every kind come out
 * as A2AError with the code, reason, metadata and details the server sent.
 *
 * @example
 * ```ts
 * const transport = createJsonRpcTransport({ url: "http://localhost:8080/a2a/jsonrpc" });
 * const { task } = await transport.sendMessage({ message: userMessage("hi") });
 * ```
 */
export function createJsonRpcTransport(options: JsonRpcTransportOptions): ClientTransport {
  const url = options.url;
  const doFetch = options.fetch ?? globalThis.fetch;
  const interceptors = options.interceptors ?? [];
  let nextId = 1;

  function post(
    method: MethodSpec,
    call: ClientCall,
    params: unknown,
    signal: AbortSignal | undefined,
  ): Promise<Response> {
    const id = nextId++;
    const body = JSON.stringify({ jsonrpc: "2.0", id, method: method.name, params });
    const init: RequestInit = { method: "POST", headers: call.headers, body };
    if (signal) init.signal = signal;
    return doFetch(url, init);
  }

  function prepare(name: A2AMethod, req: unknown, opts: CallOptions = {}) {
    const method = METHODS.get(name)!;
    const headers = clientRequestHeaders(
      options.headers,
      opts,
      method.streaming,
      true,
      CONTENT_TYPE_JSON,
    );
    const call: ClientCall = { method: name, request: req, headers, options: opts };
    const params = toJson(method.request, req as never);
    return { method, call, params, signal: callSignal(opts, options.timeoutMs) };
  }

  async function unary<T>(name: A2AMethod, req: unknown, opts?: CallOptions): Promise<T> {
    const p = prepare(name, req, opts);
    return runIntercepted(interceptors, p.call, p.signal, async (meta) => {
      const res = await post(p.method, p.call, p.params, p.signal);
      meta.headers = res.headers;
      const envelope = await readEnvelope(res, name);
      return decodeResult(p.method.response, envelope, name) as T;
    });
  }

  async function* stream(
    name: A2AMethod,
    req: unknown,
    opts?: CallOptions,
  ): AsyncGenerator<StreamResponse> {
    const p = prepare(name, req, opts);
    const abort = new AbortController();
    const signal = p.signal ? AbortSignal.any([p.signal, abort.signal]) : abort.signal;
    const res = await runIntercepted(interceptors, p.call, signal, async (meta) => {
      const r = await post(p.method, p.call, p.params, signal);
      meta.headers = r.headers;
      if (isSseContentType(r.headers.get("content-type")) && r.ok && r.body) return r;
      // Errors before the first event come as a plain JSON-RPC error response.
      const envelope = await readEnvelope(r, name);
      if ("error" in envelope) throw errorFromJsonRpc(envelope.error);
      throw invalidResponse(
        `${name}: expected an SSE stream (text/event-stream), got ${r.headers.get("content-type") ?? "no content type"}.`,
      );
    });
    try {
      for await (const ev of decodeSse(res.body!, { signal })) {
        if (ev.data === "") continue;
        let parsed: unknown;
        try {
          parsed = JSON.parse(ev.data);
        } catch {
          throw invalidResponse(`${name}: the server sent an SSE event that is not JSON.`);
        }
        const env = parsed as { error?: unknown; result?: unknown };
        if (
          ev.event === "error" ||
          (typeof parsed === "object" && parsed !== null && "error" in env)
        ) {
          throw errorFromJsonRpc(env.error);
        }
        yield decodeResult(
          StreamResponseSchema,
          env as Record<string, unknown>,
          name,
        ) as StreamResponse;
      }
    } catch (err) {
      throw callFailure(err, signal);
    } finally {
      abort.abort();
    }
  }

  return {
    protocolBinding: "JSONRPC",
    sendMessage: (req, opts) => unary("SendMessage", req, opts),
    sendStreamingMessage: (req, opts) => stream("SendStreamingMessage", req, opts),
    getTask: (req, opts) => unary("GetTask", req, opts),
    listTasks: (req, opts) => unary("ListTasks", req, opts),
    cancelTask: (req, opts) => unary("CancelTask", req, opts),
    subscribeToTask: (req, opts) => stream("SubscribeToTask", req, opts),
    createTaskPushNotificationConfig: (req, opts) =>
      unary("CreateTaskPushNotificationConfig", req, opts),
    getTaskPushNotificationConfig: (req, opts) => unary("GetTaskPushNotificationConfig", req, opts),
    listTaskPushNotificationConfigs: (req, opts) =>
      unary("ListTaskPushNotificationConfigs", req, opts),
    deleteTaskPushNotificationConfig: async (req, opts) => {
      await unary("DeleteTaskPushNotificationConfig", req, opts);
    },
    getExtendedAgentCard: (req, opts) => unary("GetExtendedAgentCard", req, opts),
  };
}

type Envelope = { result?: unknown; error?: unknown } & Record<string, unknown>;

/** Reads a JSON-RPC response envelope, whatever the HTTP status; refuses anything else. */
async function readEnvelope(res: Response, name: A2AMethod): Promise<Envelope> {
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    if (res.ok) {
      throw invalidResponse(
        `${name}: the server answered with a body that is not JSON: ${text.slice(0, 200)}`,
      );
    }
    throw new A2AError(
      codeFromHttpStatus(res.status),
      `${name}: the server answered HTTP ${res.status} with a body that is not JSON-RPC: ${text.slice(0, 200)}`,
    );
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw invalidResponse(`${name}: the server answered with a JSON body that is not an object.`);
  }
  const env = parsed as Envelope;
  if ("error" in env && env.error !== undefined && env.error !== null) {
    throw errorFromJsonRpc(env.error);
  }
  if (!("result" in env)) {
    if (res.ok)
      throw invalidResponse(`${name}: the server's answer has neither "result" nor "error".`);
    throw new A2AError(
      codeFromHttpStatus(res.status),
      `${name}: the server answered HTTP ${res.status} without "result" or "error".`,
    );
  }
  return env;
}

function decodeResult(schema: AnySchema | undefined, env: Envelope, name: A2AMethod): unknown {
  // No payload (DeleteTaskPushNotificationConfig): servers answer null or {} (Empty); both are fine.
  if (schema === undefined) return undefined;
  try {
    return fromJson(schema, env.result);
  } catch (err) {
    throw invalidResponse(
      `${name}: the server's result does not match the A2A schema: ${err instanceof Error ? err.message : String(err)}`,
      err,
    );
  }
}
