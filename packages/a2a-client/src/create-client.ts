import { A2AError } from "@agentmesh/a2a-transport";
import type { AgentCard } from "@agentmesh/a2a-types";
import { A2AClient } from "./a2a-client.js";
import { AgentCardCache } from "./card-cache.js";
import { type ClientOptions, validateClientOptions } from "./client-options.js";
import { createTransportFor } from "./default-transports.js";
import { checkCard, discoverCard } from "./discovery.js";
import { CLIENT_TOOLS_EXTENSION, ClientToolsNotSupportedError } from "./errors.js";
import { bindingName, selectInterface } from "./select-interface.js";

/**
 * Creates a client from an agent's base URL: fetches `{cardUrl}/.well-known/agent-card.json`
 * (legacy `/.well-known/agent.json` as fallback) with `A2A-Version: 1.0`, validates it, picks
 * the binding and builds its transport. With `presetCard` it skips the fetch.
 *
 * @example
 * ```ts
 * const client = await createClient("http://127.0.0.1:8000");
 * for await (const ev of client.stream("hello")) if (ev.kind === "TextArtifact") console.log(ev.text);
 * ```
 */
export async function createClient(
  cardUrl: string,
  options: ClientOptions = {},
): Promise<A2AClient> {
  const o = validateClientOptions(options);
  const cardCache = o.cardCache ?? new AgentCardCache();
  const card = o.presetCard
    ? checkCard(o.presetCard, "presetCard")
    : await discoverCard(cardUrl, { ...o, cardCache });
  return build(card, cardUrl, options, cardCache);
}

/**
 * Creates a client from a card already at hand (no discovery round trip). The card is
 * validated; `options.cardUrl`-style URL matching uses the first interface URL.
 */
export async function createClientFromCard(
  card: AgentCard,
  options: ClientOptions & { cardUrl?: string } = {},
): Promise<A2AClient> {
  const checked = checkCard(card, "card");
  return build(checked, options.cardUrl, options, options.cardCache ?? new AgentCardCache());
}

async function build(
  card: AgentCard,
  cardUrl: string | undefined,
  options: ClientOptions,
  cardCache: AgentCardCache,
): Promise<A2AClient> {
  const o = validateClientOptions(options);
  if (o.extensions.includes(CLIENT_TOOLS_EXTENSION)) {
    const declared = card.capabilities.extensions?.some((e) => e.uri === CLIENT_TOOLS_EXTENSION);
    if (!declared) throw new ClientToolsNotSupportedError(card.name);
  }
  const agentInterface = selectInterface(card, { prefer: o.prefer, cardUrl });
  const binding = bindingName(agentInterface);
  if (!binding) throw new TypeError("unreachable: selectInterface returned an unknown binding");
  const transport = await createTransportFor(binding, o, {
    agentInterface,
    url: agentInterface.url,
    ...(o.fetch ? { fetch: o.fetch } : {}),
    ...(o.headers ? { headers: o.headers } : {}),
    ...(o.interceptors.length ? { interceptors: o.interceptors } : {}),
  });
  const client = new A2AClient({
    card,
    agentInterface,
    binding,
    transport,
    options: o,
    cardUrl,
    cardCache,
  });
  if (o.extendedCard && card.capabilities.extendedAgentCard === true) {
    try {
      await client.getExtendedAgentCard(o.signal ? { signal: o.signal } : {});
    } catch (err) {
      // A refusal (not authenticated, not configured…) keeps the public card.
      if (!(err instanceof A2AError) || o.signal?.aborted) throw err;
    }
  }
  return client;
}
