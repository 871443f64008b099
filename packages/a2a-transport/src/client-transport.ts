import type {
  AgentCard,
  CancelTaskRequest,
  DeleteTaskPushNotificationConfigRequest,
  GetExtendedAgentCardRequest,
  GetTaskPushNotificationConfigRequest,
  GetTaskRequest,
  ListTaskPushNotificationConfigsRequest,
  ListTaskPushNotificationConfigsResponse,
  ListTasksRequest,
  ListTasksResponse,
  SendMessageRequest,
  SendMessageResponse,
  StreamResponse,
  SubscribeToTaskRequest,
  Task,
  TaskPushNotificationConfig,
} from "@agentmesh/a2a-types";
import type { CallError } from "./a2a-client-error.js";
import type { ProtocolBindingName } from "./call-context.js";
import type { A2AMethod } from "./methods.js";
import {
  A2A_EXTENSIONS_HEADER,
  A2A_VERSION_HEADER,
  PROTOCOL_VERSION,
  formatExtensions,
} from "./service-parameters.js";

/** Options of one client call. */
export interface CallOptions {
  /** Aborts the call (and closes a stream); it then fails with `A2AClientError` `ABORTED`. */
  signal?: AbortSignal | undefined;
  /**
   * Milliseconds before the call fails with `A2AClientError` `TIMEOUT`; for streams, the time
   * until the response starts. Default: the transport's `timeoutMs` (none).
   */
  timeoutMs?: number | undefined;
  /** Extra request headers (gRPC: metadata) for this call. Default: none. */
  headers?: HeadersInit | undefined;
  /**
   * Service parameters, sent as headers (gRPC: lowercase metadata keys), e.g.
   * `{ "X-Trace": "…" }`. `A2A-Version` is always sent; set it here only to override. Default: none.
   */
  serviceParameters?: Readonly<Record<string, string>> | undefined;
  /** Extension URIs to request, sent in `A2A-Extensions`. Default: none. */
  extensions?: readonly string[] | undefined;
}

/**
 * The client side of the 11 A2A operations over one binding. The tenant travels in the request
 * message (`req.tenant`); each transport puts it where its binding wants it (JSON-RPC params,
 * REST `/{tenant}` prefix, gRPC field). Every request carries `A2A-Version: 1.0`.
 *
 * Failures: an `A2AError` with the code, reason, metadata and details the server sent,
 * whatever the binding; or an `A2AClientError` for local failures (aborted, timed out,
 * network, invalid response). A mid-stream error ends the iteration with the same errors.
 */
export interface ClientTransport {
  /** The binding this transport speaks. */
  readonly protocolBinding: ProtocolBindingName;
  /** SendMessage. */
  sendMessage(req: SendMessageRequest, opts?: CallOptions): Promise<SendMessageResponse>;
  /** SendStreamingMessage; breaking out of the loop closes the stream. */
  sendStreamingMessage(req: SendMessageRequest, opts?: CallOptions): AsyncIterable<StreamResponse>;
  /** GetTask. */
  getTask(req: GetTaskRequest, opts?: CallOptions): Promise<Task>;
  /** ListTasks. */
  listTasks(req: ListTasksRequest, opts?: CallOptions): Promise<ListTasksResponse>;
  /** CancelTask. */
  cancelTask(req: CancelTaskRequest, opts?: CallOptions): Promise<Task>;
  /** SubscribeToTask; breaking out of the loop closes the stream. */
  subscribeToTask(req: SubscribeToTaskRequest, opts?: CallOptions): AsyncIterable<StreamResponse>;
  /** CreateTaskPushNotificationConfig. */
  createTaskPushNotificationConfig(
    req: TaskPushNotificationConfig,
    opts?: CallOptions,
  ): Promise<TaskPushNotificationConfig>;
  /** GetTaskPushNotificationConfig. */
  getTaskPushNotificationConfig(
    req: GetTaskPushNotificationConfigRequest,
    opts?: CallOptions,
  ): Promise<TaskPushNotificationConfig>;
  /** ListTaskPushNotificationConfigs. */
  listTaskPushNotificationConfigs(
    req: ListTaskPushNotificationConfigsRequest,
    opts?: CallOptions,
  ): Promise<ListTaskPushNotificationConfigsResponse>;
  /** DeleteTaskPushNotificationConfig. */
  deleteTaskPushNotificationConfig(
    req: DeleteTaskPushNotificationConfigRequest,
    opts?: CallOptions,
  ): Promise<void>;
  /** GetExtendedAgentCard. */
  getExtendedAgentCard(req: GetExtendedAgentCardRequest, opts?: CallOptions): Promise<AgentCard>;
  /** Releases connections (gRPC HTTP/2 sessions). Optional. */
  close?(): Promise<void>;
}

/** One client call as interceptors see it. */
export interface ClientCall {
  /** The operation. */
  method: A2AMethod;
  /** The request message (canonical form, before binding-specific encoding). */
  request: unknown;
  /** The request headers (gRPC: metadata); `before` may add or change entries. */
  headers: Headers;
  /** The call's options. */
  options: CallOptions;
}

/** What an interceptor's `after` hook sees. */
export interface CallOutcome {
  /** The response message; for streaming calls `undefined` (the stream started). */
  response?: unknown;
  /** The failure: the server's `A2AError` or a local `A2AClientError`. */
  error?: CallError | undefined;
  /** The response headers (gRPC: header metadata), when the transport got that far. */
  headers?: Headers | undefined;
}

/**
 * Hooks around every client call. `before` hooks run in order before the request is sent and
 * may change `call.headers` (authentication, tracing); `after` hooks run in order with the
 * response or the error. For streaming calls `after` runs once the response has started (or
 * failed to).
 */
export interface Interceptor {
  /** Runs before the request is sent. Throwing fails the call with that error. */
  before?(call: ClientCall): void | Promise<void>;
  /** Runs after the call completed or failed; it cannot change the outcome except by throwing. */
  after?(call: ClientCall, outcome: CallOutcome): void | Promise<void>;
}

/** Options every binding's client-transport factory takes (bindings may add their own). */
export interface ClientTransportOptions {
  /** The interface URL from the agent card (JSON-RPC endpoint, REST base, gRPC address). */
  url: string;
  /** The fetch to use, e.g. a server's `fetch` handler in tests. Default: `globalThis.fetch`. */
  fetch?: typeof fetch | undefined;
  /** Headers sent with every request. Default: none. */
  headers?: HeadersInit | undefined;
  /** Interceptors, run in order on every call. Default: none. */
  interceptors?: readonly Interceptor[] | undefined;
  /** Default timeout of every call in milliseconds. Default: none. */
  timeoutMs?: number | undefined;
}

/**
 * The request headers of one client call, the same for every binding: the transport's
 * `headers`, then the call's `headers` and `serviceParameters` (later wins), then
 * `A2A-Extensions` from `options.extensions`, and `A2A-Version: 1.0` unless already set.
 */
export function createRequestHeaders(
  transportHeaders: HeadersInit | undefined,
  options: CallOptions = {},
): Headers {
  const headers = new Headers(transportHeaders);
  if (options.headers !== undefined) {
    for (const [key, value] of new Headers(options.headers)) headers.set(key, value);
  }
  for (const [key, value] of Object.entries(options.serviceParameters ?? {})) {
    headers.set(key, value);
  }
  if (options.extensions !== undefined && options.extensions.length > 0) {
    headers.set(A2A_EXTENSIONS_HEADER, formatExtensions(options.extensions));
  }
  if (!headers.has(A2A_VERSION_HEADER)) headers.set(A2A_VERSION_HEADER, PROTOCOL_VERSION);
  return headers;
}
