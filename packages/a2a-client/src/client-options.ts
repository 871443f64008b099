import type {
  ClientTransport,
  ClientTransportOptions,
  Interceptor,
} from "@agentmesh/a2a-transport";
import type { AgentCard, AgentInterface } from "@agentmesh/a2a-types";
import type { AgentCardCache } from "./card-cache.js";
import type { BindingName } from "./select-interface.js";

/** What a transport factory receives: the transport options plus the chosen interface. */
export interface TransportFactoryOptions extends ClientTransportOptions {
  /** The card interface the client chose (url, protocolBinding, tenant, protocolVersion). */
  agentInterface: AgentInterface;
}

/** Builds the client transport for one binding (e.g. `createGrpcTransport` of a2a-grpc). */
export type TransportFactory = (
  options: TransportFactoryOptions,
) => ClientTransport | Promise<ClientTransport>;

/** Options of `createClient` and `createClientFromCard`. Every field is optional. */
export interface ClientOptions {
  /**
   * The binding to use. Default: none, i.e. the interface whose URL equals the card URL
   * when exactly one does, else the first listed that this client speaks. When set and the
   * card declares no such interface, creating the client fails.
   */
  prefer?: BindingName;
  /**
   * Use SendStreamingMessage / SubscribeToTask when the card says `capabilities.streaming`.
   * When `false` (or the card does not stream), `stream()` falls back to SendMessage with
   * `returnImmediately` plus GetTask polling. Default: `true`.
   */
  streaming?: boolean;
  /** Headers sent on every request and on the card fetch (auth, tracing). Default: none. */
  headers?: HeadersInit;
  /** Per-request timeout in milliseconds; `0` turns it off. Default: `60_000`. */
  timeout?: number;
  /** How many times in a row a broken stream is resumed before `ReconnectError`. Default: `3`. */
  maxReconnects?: number;
  /**
   * Base delay in milliseconds before a reconnect; doubles with each attempt, with ±50 %
   * jitter. Default: `500`.
   */
  reconnectBackoff?: number;
  /** Milliseconds between GetTask polls when not streaming. Default: `500`. */
  pollingInterval?: number;
  /**
   * How long (ms) a stream keeps following a task that is waiting for input or auth
   * (`TASK_STATE_INPUT_REQUIRED` / `TASK_STATE_AUTH_REQUIRED`) for it to resume, e.g. when
   * another party answers. Default: none, the stream ends at the interruption.
   */
  inputRequiredTimeout?: number;
  /** The fetch used for the card and the HTTP bindings. Default: `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Interceptors run around every call (see a2a-transport's `Interceptor`). Default: none. */
  interceptors?: Interceptor[];
  /**
   * Factory for the gRPC transport. Default: gRPC-Web over fetch from `@agentmesh/a2a-grpc`
   * (browsers, Deno, Bun, Workers); the `@agentmesh/a2a-client/node` entry defaults to
   * native gRPC over HTTP/2 instead.
   */
  grpcTransport?: TransportFactory;
  /** Factory for the JSON-RPC transport. Default: `createJsonRpcTransport` of `@agentmesh/a2a-jsonrpc`. */
  jsonRpcTransport?: TransportFactory;
  /** Factory for the HTTP+JSON transport. Default: `createRestTransport` of `@agentmesh/a2a-rest`. */
  restTransport?: TransportFactory;
  /**
   * Cards fetched before, revalidated with a conditional GET (304 reuses the card). Share one
   * between clients of the same agent; `client.refreshCard()` uses it. Default: a new
   * cache per client.
   */
  cardCache?: AgentCardCache;
  /** A card already known: `createClient` skips the discovery round trip. Default: none. */
  presetCard?: AgentCard;
  /** Tenant sent on every request. Default: the chosen interface's `tenant` (none if unset). */
  tenant?: string;
  /** `historyLength` sent with SendMessage and GetTask. Default: none (server default). */
  historyLength?: number;
  /** Extension URIs requested on every call (`A2A-Extensions`). Default: none. */
  extensions?: readonly string[];
  /**
   * Throw `TaskTerminalError` (failed / rejected / auth-required variants) when a task ends
   * that way, instead of returning or yielding it quietly. Default: `true`.
   */
  throwOnTaskError?: boolean;
  /**
   * Fetch the authenticated extended card when the card advertises
   * `capabilities.extendedAgentCard`, and use it as `client.card` (the public card stays in
   * `client.publicCard`). A refusal keeps the public card. Default: `true`.
   */
  extendedCard?: boolean;
  /** Aborts card discovery and client creation. */
  signal?: AbortSignal;
}

/** {@link ClientOptions} with defaults applied and values checked. */
export interface ResolvedClientOptions {
  prefer: BindingName | undefined;
  streaming: boolean;
  headers: HeadersInit | undefined;
  timeout: number;
  maxReconnects: number;
  reconnectBackoff: number;
  pollingInterval: number;
  inputRequiredTimeout: number | undefined;
  fetch: typeof fetch | undefined;
  interceptors: Interceptor[];
  grpcTransport: TransportFactory | undefined;
  jsonRpcTransport: TransportFactory | undefined;
  restTransport: TransportFactory | undefined;
  presetCard: AgentCard | undefined;
  cardCache: AgentCardCache | undefined;
  tenant: string | undefined;
  historyLength: number | undefined;
  extensions: readonly string[];
  throwOnTaskError: boolean;
  extendedCard: boolean;
  signal: AbortSignal | undefined;
}

/** The documented defaults. */
export const CLIENT_DEFAULTS = {
  streaming: true,
  timeout: 60_000,
  maxReconnects: 3,
  reconnectBackoff: 500,
  pollingInterval: 500,
  throwOnTaskError: true,
  extendedCard: true,
} as const;

function num(name: string, v: unknown, fallback: number, opts: { integer?: boolean } = {}): number {
  if (v === undefined) return fallback;
  if (
    typeof v !== "number" ||
    !Number.isFinite(v) ||
    v < 0 ||
    (opts.integer && !Number.isInteger(v))
  ) {
    throw new TypeError(
      `option ${name} must be a ${opts.integer ? "non-negative integer" : "non-negative number (milliseconds)"}, got ${String(v)}`,
    );
  }
  return v;
}

function fn<T>(name: string, v: T | undefined): T | undefined {
  if (v !== undefined && typeof v !== "function") {
    throw new TypeError(`option ${name} must be a function, got ${typeof v}`);
  }
  return v;
}

/** Applies defaults and checks every option; throws a `TypeError` naming the bad one. */
export function validateClientOptions(options: ClientOptions = {}): ResolvedClientOptions {
  const o = options;
  if (o.prefer !== undefined && !["jsonrpc", "rest", "grpc"].includes(o.prefer)) {
    throw new TypeError(
      `option prefer must be "jsonrpc", "rest" or "grpc", got ${JSON.stringify(o.prefer)}`,
    );
  }
  if (o.streaming !== undefined && typeof o.streaming !== "boolean") {
    throw new TypeError("option streaming must be a boolean");
  }
  if (o.tenant !== undefined && typeof o.tenant !== "string") {
    throw new TypeError("option tenant must be a string");
  }
  if (
    o.extensions !== undefined &&
    (!Array.isArray(o.extensions) || o.extensions.some((e) => typeof e !== "string"))
  ) {
    throw new TypeError("option extensions must be an array of extension URIs");
  }
  if (o.interceptors !== undefined && !Array.isArray(o.interceptors)) {
    throw new TypeError("option interceptors must be an array");
  }
  const historyLength =
    o.historyLength === undefined
      ? undefined
      : num("historyLength", o.historyLength, 0, { integer: true });
  const inputRequiredTimeout =
    o.inputRequiredTimeout === undefined
      ? undefined
      : num("inputRequiredTimeout", o.inputRequiredTimeout, 0);
  return {
    prefer: o.prefer,
    streaming: o.streaming ?? CLIENT_DEFAULTS.streaming,
    headers: o.headers,
    timeout: num("timeout", o.timeout, CLIENT_DEFAULTS.timeout),
    maxReconnects: num("maxReconnects", o.maxReconnects, CLIENT_DEFAULTS.maxReconnects, {
      integer: true,
    }),
    reconnectBackoff: num("reconnectBackoff", o.reconnectBackoff, CLIENT_DEFAULTS.reconnectBackoff),
    pollingInterval: num("pollingInterval", o.pollingInterval, CLIENT_DEFAULTS.pollingInterval),
    inputRequiredTimeout,
    fetch: fn("fetch", o.fetch),
    interceptors: o.interceptors ?? [],
    grpcTransport: fn("grpcTransport", o.grpcTransport),
    jsonRpcTransport: fn("jsonRpcTransport", o.jsonRpcTransport),
    restTransport: fn("restTransport", o.restTransport),
    presetCard: o.presetCard,
    cardCache: o.cardCache,
    tenant: o.tenant,
    historyLength,
    extensions: o.extensions ?? [],
    throwOnTaskError: o.throwOnTaskError ?? CLIENT_DEFAULTS.throwOnTaskError,
    extendedCard: o.extendedCard ?? CLIENT_DEFAULTS.extendedCard,
    signal: o.signal,
  };
}
