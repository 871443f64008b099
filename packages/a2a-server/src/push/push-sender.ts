import {
  type StreamResponse,
  StreamResponseSchema,
  type TaskPushNotificationConfig,
  toJsonString,
} from "@agentmesh/a2a-types";
import {
  blockedAddressReason,
  blockedHostnameReason,
  isIpLiteral,
  WebhookTargetRefusedError,
} from "./ssrf.js";

/** One update to deliver to every webhook of a task. */
export interface PushDelivery {
  readonly taskId: string;
  /** The update, sent as the request body (a StreamResponse). */
  readonly event: StreamResponse;
  /** The task's webhook configs at the time of the update. */
  readonly configs: readonly TaskPushNotificationConfig[];
}

/**
 * Delivers push notifications. `send` must return at once (deliveries happen in the background)
 * and must keep the order of updates per task and webhook.
 */
export interface PushSender {
  /** Queues one update for each config. */
  send(delivery: PushDelivery): void;
  /** Waits for queued deliveries (bounded by their timeouts and retries), then stops. */
  close?(): Promise<void>;
  /**
   * Checks a webhook URL when a push config is created, without network access: returns why
   * every delivery to it would be refused (an IP literal in a loopback, private, link-local or
   * metadata range, a name like `localhost`, or any host name when the sender has no resolver),
   * else `undefined`. The handler then rejects the config with INVALID_PARAMS. Names that need
   * DNS are checked at delivery. Optional: a sender without it accepts every URL at create time.
   */
  checkTarget?(url: string): string | undefined;
}

/** A delivery that finally failed (after every attempt), as given to `onDeliveryFailed`. */
export interface PushFailure {
  readonly taskId: string;
  readonly config: TaskPushNotificationConfig;
  readonly event: StreamResponse;
  /** The last error (an HTTP status error, a timeout, or an SSRF refusal). */
  readonly error: unknown;
  /** Attempts made (0 when the target was refused or the queue overflowed). */
  readonly attempts: number;
}

/** What a webhook transport does: one POST, resolving to the response status. */
export type WebhookPost = (
  url: string,
  init: { headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{ status: number }>;

/** Options of {@link createPushSender}. */
export interface PushSenderOptions {
  /**
   * Sends one request. Default: global `fetch` (redirects are not followed). The Node entry's
   * `createNodePushSender` passes a transport that checks the resolved address at connect time.
   */
  post?: WebhookPost;
  /**
   * Resolves a host name to IP addresses for the SSRF guard. Default: none — then names are
   * refused (only IP literals can be checked), unless `allowPrivateNetworks` is set.
   */
  resolveHost?: (hostname: string) => Promise<string[]>;
  /**
   * Turns the SSRF guard off: allows loopback, private, link-local, CGNAT, multicast and
   * metadata targets. Only for tests and trusted networks. Default `false`.
   */
  allowPrivateNetworks?: boolean;
  /** Timeout of one attempt in ms. Default `10_000`. */
  timeoutMs?: number;
  /** Attempts per update and webhook (first try included). Default `4`. */
  maxAttempts?: number;
  /** Backoff before the first retry in ms; doubles per retry, with full jitter. Default `500`. */
  initialBackoffMs?: number;
  /** Upper bound of a backoff in ms. Default `30_000`. */
  maxBackoffMs?: number;
  /** Pending updates per task and webhook; beyond it new updates are dropped (and reported). Default `1_000`. */
  maxQueued?: number;
  /** Called for each delivery that finally failed. Default: `console.warn`. */
  onDeliveryFailed?: (failure: PushFailure) => void;
  /** Serializes an update to the body. Default: ProtoJSON via `toJsonString(StreamResponseSchema, …)`. */
  serialize?: (event: StreamResponse) => string;
  /** How long `close()` waits for pending deliveries before aborting them, in ms. Default `5_000`. */
  closeTimeoutMs?: number;
  /** Random source in [0, 1) for the jitter, for tests. Default `Math.random`. */
  random?: () => number;
}

interface Queue {
  items: { event: StreamResponse; config: TaskPushNotificationConfig; taskId: string }[];
  running: boolean;
}

/**
 * Creates the default push sender: for each update, POSTs the StreamResponse JSON
 * (`Content-Type: application/a2a+json`) to each webhook, with `Authorization:
 * <scheme> <credentials>` from the config's `authentication` and `X-A2A-Notification-Token`
 * when it has a `token`. Per webhook, updates go out one at a time in order; a failed attempt
 * (network error, timeout, non-2xx) is retried with exponential backoff and full jitter.
 * The SSRF guard is on unless `allowPrivateNetworks` is set.
 */
export function createPushSender(options: PushSenderOptions = {}): PushSender {
  const post = options.post ?? fetchPost;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 4);
  const initialBackoff = options.initialBackoffMs ?? 500;
  const maxBackoff = options.maxBackoffMs ?? 30_000;
  const maxQueued = options.maxQueued ?? 1_000;
  const serialize =
    options.serialize ?? ((e: StreamResponse) => toJsonString(StreamResponseSchema, e));
  const random = options.random ?? Math.random;
  const onFailed =
    options.onDeliveryFailed ??
    ((f: PushFailure) => console.warn(`[a2a-server] push to ${f.config.url} failed:`, f.error));
  const queues = new Map<string, Queue>();
  const idle = new Set<() => void>();
  const closing = new AbortController();

  const guard = async (url: string): Promise<void> => {
    if (options.allowPrivateNetworks) return;
    const bare = bareHost(url);
    const nameReason = blockedHostnameReason(bare);
    if (nameReason) throw new WebhookTargetRefusedError(url, nameReason);
    let addresses: string[];
    if (isIpLiteral(bare)) addresses = [bare];
    else if (options.resolveHost) addresses = await options.resolveHost(bare);
    else {
      throw new WebhookTargetRefusedError(url, NO_RESOLVER);
    }
    if (addresses.length === 0)
      throw new WebhookTargetRefusedError(url, `${bare} does not resolve`);
    for (const address of addresses) {
      const reason = blockedAddressReason(address);
      if (reason)
        throw new WebhookTargetRefusedError(url, `${bare} resolves to ${address}, ${reason}`);
    }
  };

  const attempt = async (item: Queue["items"][number], body: string): Promise<void> => {
    const { config } = item;
    const headers: Record<string, string> = { "content-type": "application/a2a+json" };
    if (config.authentication?.scheme) {
      const credentials = config.authentication.credentials;
      headers.authorization = credentials
        ? `${config.authentication.scheme} ${credentials}`
        : config.authentication.scheme;
    }
    if (config.token) headers["x-a2a-notification-token"] = config.token;
    const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), closing.signal]);
    const res = await post(config.url, { headers, body, signal });
    if (res.status < 200 || res.status >= 300) {
      throw new Error(`webhook answered HTTP ${res.status}`);
    }
  };

  const deliver = async (item: Queue["items"][number]): Promise<void> => {
    let attempts = 0;
    try {
      await guard(item.config.url);
    } catch (error) {
      onFailed({ ...item, error, attempts });
      return;
    }
    const body = serialize(item.event);
    for (;;) {
      attempts++;
      try {
        await attempt(item, body);
        return;
      } catch (error) {
        if (attempts >= maxAttempts || closing.signal.aborted) {
          onFailed({ ...item, error, attempts });
          return;
        }
        const ceiling = Math.min(maxBackoff, initialBackoff * 2 ** (attempts - 1));
        await sleep(Math.floor(random() * ceiling), closing.signal);
      }
    }
  };

  const pump = async (key: string, queue: Queue): Promise<void> => {
    queue.running = true;
    try {
      for (let item = queue.items.shift(); item; item = queue.items.shift()) await deliver(item);
    } finally {
      queue.running = false;
      queues.delete(key);
      if (queues.size === 0) for (const r of idle) r();
    }
  };

  return {
    checkTarget(url) {
      if (options.allowPrivateNetworks) return undefined;
      const reason = staticTargetReason(url);
      if (reason !== undefined || options.resolveHost) return reason;
      // without a resolver, every delivery to a host name is refused: say so now
      return isIpLiteral(bareHost(url)) ? undefined : NO_RESOLVER;
    },
    send(delivery) {
      for (const config of delivery.configs) {
        const key = `${delivery.taskId}\u0000${config.id ?? config.url}`;
        let queue = queues.get(key);
        if (!queue) {
          queue = { items: [], running: false };
          queues.set(key, queue);
        }
        const item = { event: delivery.event, config, taskId: delivery.taskId };
        if (queue.items.length >= maxQueued) {
          onFailed({
            ...item,
            error: new Error("too many pending push notifications for this webhook"),
            attempts: 0,
          });
          continue;
        }
        queue.items.push(item);
        if (!queue.running) void pump(key, queue);
      }
    },
    async close() {
      if (queues.size > 0) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        await new Promise<void>((resolve) => {
          const done = () => {
            idle.delete(done);
            resolve();
          };
          idle.add(done);
          timer = setTimeout(done, options.closeTimeoutMs ?? 5_000);
        });
        clearTimeout(timer);
      }
      closing.abort();
    },
  };
}

const fetchPost: WebhookPost = async (url, init) => {
  const res = await fetch(url, {
    method: "POST",
    headers: init.headers,
    body: init.body,
    signal: init.signal,
    redirect: "manual",
  });
  await res.body?.cancel().catch(() => {});
  return { status: res.status };
};

const NO_RESOLVER =
  "host names cannot be checked without a resolver (pass resolveHost, or use createNodePushSender from @agentmesh/a2a-server/node)";

function bareHost(url: string): string {
  const host = new URL(url).hostname;
  return host.startsWith("[") ? host.slice(1, -1) : host;
}

/**
 * Why the SSRF guard would refuse `url` whatever DNS says (an IP literal in a blocked range, or
 * a name like `localhost`), or `undefined` (public IP literal, or a name checked at delivery).
 */
export function staticTargetReason(url: string): string | undefined {
  let bare: string;
  try {
    bare = bareHost(url);
  } catch {
    return "not an absolute URL";
  }
  const nameReason = blockedHostnameReason(bare);
  if (nameReason) return nameReason;
  return isIpLiteral(bare) ? blockedAddressReason(bare) : undefined;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
