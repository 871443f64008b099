import type { AgentCard } from "@agentmesh/a2a-types";

/** One cached card with the validators its server sent. */
export interface CachedCard {
  /** The validated card. */
  card: AgentCard;
  /** The `ETag` response header, if any. */
  etag?: string;
  /** The `Last-Modified` response header, if any. */
  lastModified?: string;
}

/**
 * Remembers fetched agent cards by URL with their `ETag` / `Last-Modified`, so a refetch is a
 * conditional GET (`If-None-Match`, `If-Modified-Since`) and a `304 Not Modified` reuses the
 * card (A2A §8.6). Share one between `fetchAgentCard` / `createClient` calls (option
 * `cardCache`); every client keeps one for {@link A2AClient.refreshCard}.
 *
 * @example
 * ```ts
 * const cardCache = new AgentCardCache();
 * const a = await fetchAgentCard(url, { cardCache }); // 200, remembered
 * const b = await fetchAgentCard(url, { cardCache }); // 304, same card object
 * ```
 */
export class AgentCardCache {
  readonly #entries = new Map<string, CachedCard>();

  /** The entry for a card URL (the `.json` URL actually fetched), if any. */
  get(url: string): CachedCard | undefined {
    return this.#entries.get(url);
  }

  /** Stores a card; entries without a validator are not kept (nothing to revalidate with). */
  set(url: string, entry: CachedCard): void {
    if (entry.etag === undefined && entry.lastModified === undefined) this.#entries.delete(url);
    else this.#entries.set(url, entry);
  }

  /** Forgets one URL, or everything when called without one. */
  clear(url?: string): void {
    if (url === undefined) this.#entries.clear();
    else this.#entries.delete(url);
  }
}
