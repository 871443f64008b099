import { A2AError, A2AErrorCode } from "@agentmesh/a2a-transport";
import { type AgentCard, type AgentInterface, validateAgentCard } from "@agentmesh/a2a-types";
import { abortError, linkAbort } from "./call-options.js";
import type { AgentCardCache } from "./card-cache.js";
import { IncompatibleProtocolVersionError, InvalidCardError } from "./errors.js";
import { SUPPORTED_VERSIONS, speaksVersion } from "./select-interface.js";

/** The well-known card path (A2A 1.0). */
export const AGENT_CARD_PATH = "/.well-known/agent-card.json";
/** The legacy card path, tried when the first answers 404. */
export const LEGACY_AGENT_CARD_PATH = "/.well-known/agent.json";

/**
 * The card URLs to try for a card URL: a URL that already names a `.json` file is used as
 * is; otherwise `{cardUrl}/.well-known/agent-card.json`, then the legacy
 * `{cardUrl}/.well-known/agent.json`.
 */
export function cardUrlsFor(cardUrl: string): string[] {
  let url: URL;
  try {
    url = new URL(cardUrl);
  } catch {
    throw new TypeError(
      `cardUrl ${JSON.stringify(cardUrl)} is not an absolute URL; pass the agent's base URL, e.g. "http://127.0.0.1:8000"`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TypeError(`cardUrl must be http(s), got ${JSON.stringify(cardUrl)}`);
  }
  if (url.pathname.endsWith(".json")) return [url.href];
  const base = url.href.replace(/[?#].*$/, "").replace(/\/+$/, "");
  return [base + AGENT_CARD_PATH, base + LEGACY_AGENT_CARD_PATH];
}

/** Options of {@link fetchAgentCard}. */
export interface FetchAgentCardOptions {
  /** The fetch to use. Default: `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Extra headers (e.g. auth). `A2A-Version: 1.0` is always sent. */
  headers?: HeadersInit;
  /** Aborts the fetch. */
  signal?: AbortSignal;
  /**
   * Cards seen before: a cached URL is revalidated (`If-None-Match` / `If-Modified-Since`)
   * and a 304 reuses its card; a 200 with `ETag` / `Last-Modified` is stored. Default: none
   * (unconditional GET).
   */
  cardCache?: AgentCardCache;
}

/**
 * Fetches and validates an agent card: GET `{cardUrl}/.well-known/agent-card.json` with
 * `A2A-Version: 1.0`, falling back to `/.well-known/agent.json` on 404. Throws
 * {@link InvalidCardError} listing every problem when the card is not a valid 1.0 card
 * ({@link IncompatibleProtocolVersionError} when it is a pre-1.0 card, e.g. v0.3), and
 * an `A2AError` when the server cannot be reached or answers with an error status.
 */
export async function fetchAgentCard(
  cardUrl: string,
  options: FetchAgentCardOptions = {},
): Promise<{ card: AgentCard; url: string }> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const urls = cardUrlsFor(cardUrl);
  let lastStatus = 0;
  for (const url of urls) {
    const headers = new Headers(options.headers);
    headers.set("A2A-Version", "1.0");
    if (!headers.has("Accept")) headers.set("Accept", "application/json");
    const cached = options.cardCache?.get(url);
    if (cached?.etag !== undefined && !headers.has("If-None-Match"))
      headers.set("If-None-Match", cached.etag);
    if (cached?.lastModified !== undefined && !headers.has("If-Modified-Since"))
      headers.set("If-Modified-Since", cached.lastModified);
    let res: Response;
    try {
      res = await doFetch(url, {
        method: "GET",
        headers,
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (err) {
      if (options.signal?.aborted) throw options.signal.reason;
      throw new A2AError(
        A2AErrorCode.Internal,
        `could not fetch the agent card at ${url}: ${err instanceof Error ? err.message : String(err)}`,
        { cause: err },
      );
    }
    if (res.status === 304 && cached) {
      await res.body?.cancel();
      return { card: cached.card, url };
    }
    if (res.status === 404 && url !== urls[urls.length - 1]) {
      await res.body?.cancel();
      lastStatus = 404;
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel();
      const code =
        res.status === 401
          ? A2AErrorCode.Unauthenticated
          : res.status === 403
            ? A2AErrorCode.PermissionDenied
            : A2AErrorCode.Internal;
      throw new A2AError(
        code,
        `fetching the agent card at ${url} failed with HTTP ${res.status}; check cardUrl`,
      );
    }
    let json: unknown;
    try {
      json = await res.json();
    } catch (err) {
      throw new InvalidCardError([{ path: "", message: "not valid JSON" }], url, err);
    }
    const card = checkCard(json, url);
    const etag = res.headers.get("ETag");
    const lastModified = res.headers.get("Last-Modified");
    options.cardCache?.set(url, {
      card,
      ...(etag ? { etag } : {}),
      ...(lastModified ? { lastModified } : {}),
    });
    return { card, url };
  }
  throw new A2AError(
    A2AErrorCode.Internal,
    `no agent card at ${urls.join(" or ")} (HTTP ${lastStatus})`,
  );
}

/** `supportedInterfaces[3].url` → 3; `undefined` for a problem outside an interface. */
function interfaceIndex(path: string): number | undefined {
  const m = /^supportedInterfaces\[(\d+)\]/.exec(path);
  return m ? Number(m[1]) : undefined;
}

/** An interface entry whose fields are all strings (so it is safe to list and to skip). */
function readableInterface(v: unknown): AgentInterface | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const { url, protocolBinding, protocolVersion, tenant } = v as Record<string, unknown>;
  if (typeof url !== "string" || typeof protocolBinding !== "string") return undefined;
  if (typeof protocolVersion !== "string") return undefined;
  if (tenant !== undefined && tenant !== null && typeof tenant !== "string") return undefined;
  return {
    url,
    protocolBinding,
    protocolVersion,
    ...(typeof tenant === "string" ? { tenant } : {}),
  };
}

/**
 * Validates a card with a2a-types; throws {@link InvalidCardError} with every problem.
 *
 * `protocolBinding` is an open string (§8.3.2: the client picks the first interface it
 * supports), so problems confined to some entries of `supportedInterfaces` (an unknown
 * binding such as `"WEBSOCKET"`, a malformed URL or version) do not reject the card: those
 * entries are kept as read when their fields are strings (interface choice skips them) and
 * dropped otherwise. Interface choice fails, listing what the card offers, when nothing usable
 * is left.
 */
export function checkCard(input: unknown, source?: string): AgentCard {
  const result = validateAgentCard(input);
  if (result.valid && result.card) return result.card;
  // A pre-1.0 card (v0.3: top-level `url` + `protocolVersion`, no `supportedInterfaces`).
  const legacy = input as { protocolVersion?: unknown; supportedInterfaces?: unknown } | null;
  if (
    typeof legacy === "object" &&
    legacy !== null &&
    legacy.supportedInterfaces === undefined &&
    typeof legacy.protocolVersion === "string" &&
    !speaksVersion(legacy.protocolVersion)
  ) {
    throw new IncompatibleProtocolVersionError(
      [legacy.protocolVersion],
      SUPPORTED_VERSIONS,
      `(its card${source ? ` at ${source}` : ""} is a v${legacy.protocolVersion} card)`,
    );
  }
  const lenient = withoutBadInterfaces(input, result.problems);
  if (lenient) return lenient;
  throw new InvalidCardError(result.problems, source);
}

/**
 * The card validated without the interface entries that have problems (those re-added as
 * read when readable), or `undefined` when other parts of the card have problems too.
 */
function withoutBadInterfaces(
  input: unknown,
  problems: readonly { path: string }[],
): AgentCard | undefined {
  const bad = new Set<number>();
  for (const p of problems) {
    const i = interfaceIndex(p.path);
    if (i === undefined) return undefined;
    bad.add(i);
  }
  const raw = (input as { supportedInterfaces?: unknown }).supportedInterfaces;
  if (!Array.isArray(raw)) return undefined;
  const good = raw.filter((_, i) => !bad.has(i));
  const retry = validateAgentCard({ ...(input as object), supportedInterfaces: good });
  // With every entry bad, the only problem left is the empty list.
  const onlyEmpty =
    good.length === 0 && retry.problems.every((p) => p.path === "supportedInterfaces");
  if (!retry.valid && !onlyEmpty) return undefined;
  const base =
    retry.card ??
    validateAgentCard({ ...(input as object), supportedInterfaces: [PLACEHOLDER] }).card;
  if (!base) return undefined;
  const checked = retry.card ? [...retry.card.supportedInterfaces] : [];
  const merged: AgentInterface[] = [];
  raw.forEach((entry, i) => {
    if (!bad.has(i)) {
      const next = checked.shift();
      if (next) merged.push(next);
    } else {
      const readable = readableInterface(entry);
      if (readable) merged.push(readable);
    }
  });
  return { ...base, supportedInterfaces: merged };
}

const PLACEHOLDER: AgentInterface = {
  url: "http://placeholder.invalid",
  protocolBinding: "JSONRPC",
  protocolVersion: "1.0",
};

/**
 * {@link fetchAgentCard} under the client's timeout and signal (a timeout or abort becomes
 * an `A2AClientError` TIMEOUT / ABORTED). Internal.
 */
export async function discoverCard(
  cardUrl: string,
  o: {
    fetch?: typeof fetch | undefined;
    headers?: HeadersInit | undefined;
    timeout: number;
    signal?: AbortSignal | undefined;
    cardCache: AgentCardCache;
  },
): Promise<AgentCard> {
  const link = linkAbort(o.signal);
  link.arm(o.timeout, "fetching the agent card");
  try {
    const fetched = await fetchAgentCard(cardUrl, {
      ...(o.fetch ? { fetch: o.fetch } : {}),
      ...(o.headers ? { headers: o.headers } : {}),
      signal: link.signal,
      cardCache: o.cardCache,
    });
    return fetched.card;
  } catch (err) {
    if (link.signal.aborted) throw abortError(link.signal, "fetching the agent card");
    throw err;
  } finally {
    link.dispose();
  }
}
