import { A2AError, A2AErrorCode } from "@agentmesh/a2a-transport";
import { type AgentCard, validateAgentCard } from "@agentmesh/a2a-types";
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
    return { card: checkCard(json, url), url };
  }
  throw new A2AError(
    A2AErrorCode.Internal,
    `no agent card at ${urls.join(" or ")} (HTTP ${lastStatus})`,
  );
}

/** Validates a card with a2a-types; throws {@link InvalidCardError} with every problem. */
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
  throw new InvalidCardError(result.problems, source);
}
