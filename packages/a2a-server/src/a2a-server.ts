import type {
  Authenticator,
  CallContext,
  FetchHandler,
  ServerBinding,
  ServerBindingOptions,
} from "@agentmesh/a2a-transport";
import type { AgentCard } from "@agentmesh/a2a-types";
import {
  type AgentDescription,
  buildAgentCard,
  type ServerAddresses,
  serverCapabilities,
} from "./agent-card.js";
import { createAgentCardHandler } from "./card-handler.js";
import type { AgentExecutor, AgentFunction } from "./executor.js";
import type { HandlerCardView, RequestHandlerOptions } from "./handler-options.js";
import { createPushSender, type PushSender } from "./push/push-sender.js";
import { createRequestHandler, type ServerRequestHandler } from "./request-handler.js";
import type { PushConfigStore } from "./store/push-config-store.js";
import type { TaskStore } from "./store/task-store.js";

/** Options of {@link A2AServer}. */
export interface A2AServerOptions
  extends Omit<RequestHandlerOptions, "executor" | "agentCard" | "extendedCard"> {
  /** The agent's description: name, description, version, skills, modes, security… */
  agent: AgentDescription;
  /** The bindings to expose, preferred first (e.g. `[jsonRpcBinding(), restBinding(), grpcBinding()]`). Default: none. */
  bindings?: readonly ServerBinding[];
  /** Task persistence shared by every binding. Default: `new InMemoryTaskStore()`. */
  taskStore?: TaskStore;
  /** Push config persistence; enables push notifications (`capabilities.pushNotifications`). Default: none. */
  pushConfigStore?: PushConfigStore;
  /** Push delivery. Default: `createPushSender()` (`createNodePushSender()` once `serve()` runs it on Node). */
  pushSender?: PushSender;
  /**
   * The extended card for authenticated callers: fields that differ from the public card (e.g.
   * more skills). Setting it announces `capabilities.extendedAgentCard`. It is given only to
   * callers with a principal, so it needs `authenticate`; without one, the constructor warns
   * (every GetExtendedAgentCard would be refused) — set `extendedCardRequiresAuth: false` to
   * give it to anonymous callers on purpose. Default: none.
   */
  extendedCard?: Partial<AgentCard>;
  /** Changes the public card before it is served (e.g. per deployment). Default: none. */
  cardModifier?: (card: AgentCard) => AgentCard | Promise<AgentCard>;
  /** Changes the extended card per caller; gets the call context. Default: none. */
  extendedCardModifier?: (card: AgentCard, call: CallContext) => AgentCard | Promise<AgentCard>;
  /** Authenticates requests in every binding (see `Authenticator`). Default: none (anonymous). */
  authenticate?: Authenticator;
  /** Protocol versions the bindings accept. Default: the bindings' default (`["1.0"]`). */
  supportedVersions?: readonly string[];
  /** Largest request body the bindings accept, in bytes. Default: the bindings' (4 MiB). */
  maxBodyBytes?: number;
  /** Public base URL for the card's interfaces (behind a proxy). Default: the serving address or the request's origin. */
  publicUrl?: string;
  /** `max-age` of the card response in seconds. Default `300`. */
  cardMaxAgeSeconds?: number;
}

/** @internal Lets the Node entry install Node defaults (push sender with connect-time SSRF checks). */
export const kNodeDefaults = Symbol.for("@agentmesh/a2a-server.nodeDefaults");

/**
 * An A2A server: one executor, one task store and one push config store shared by every
 * binding. `server.handler` is the A2A handler, `server.fetch` serves the agent card and every
 * binding under its mount path; `serve()` from `@agentmesh/a2a-server/node` listens on Node.
 *
 * @example
 * ```ts
 * const server = new A2AServer(async (ctx) => `echo: ${getText(ctx.message)}`, {
 *   agent: { name: "Echo", description: "Echoes", version: "1.0.0", skills: [echoSkill] },
 *   bindings: [jsonRpcBinding(), restBinding()],
 * });
 * export default { fetch: server.fetch }; // Workers, Bun, Deno
 * ```
 */
export class A2AServer {
  /** The A2A handler (every operation), shared by the bindings. */
  readonly handler: ServerRequestHandler;
  /** Serves the card and every binding's fetch handler by mount path; 404 elsewhere. */
  readonly fetch: FetchHandler;
  /** The bindings, in preference order. */
  readonly bindings: readonly ServerBinding[];
  /** What every binding's handler factory is given (handler, authenticator, limits): for custom hosting. */
  readonly bindingOptions: ServerBindingOptions;
  readonly #options: A2AServerOptions;
  readonly #routes: { path: string; fetch: FetchHandler }[];
  #addresses: ServerAddresses | undefined;
  /** Origin of the last request served by `fetch` (card URLs when not served by `serve()`). */
  #lastOrigin: string | undefined;
  #pushSender: PushSender | undefined;

  constructor(agentOrExecutor: AgentExecutor | AgentFunction, options: A2AServerOptions) {
    this.#options = options;
    this.bindings = options.bindings ?? [];
    const extended = options.extendedCard;
    const caps = serverCapabilities(options.agent, {
      pushNotifications: options.pushConfigStore !== undefined,
      extendedAgentCard: extended !== undefined,
    });
    const handlerCard: HandlerCardView = {
      capabilities: caps,
      // input modes are enforced only when declared (a2a-js and a2a-python enforce none);
      // a skill's modes alone still admit the card's published default, text/plain
      defaultInputModes:
        options.agent.defaultInputModes ??
        (options.agent.skills?.some((s) => s.inputModes?.length) ? ["text/plain"] : undefined),
      skills: options.agent.skills,
    };
    if (extended && !options.authenticate && options.extendedCardRequiresAuth !== false) {
      console.warn(
        "[a2a-server] extendedCard is set but no authenticate is given: the card announces capabilities.extendedAgentCard, yet every GetExtendedAgentCard will be refused as unauthenticated (declaring securitySchemes does not authenticate anyone). Pass authenticate, or extendedCardRequiresAuth: false to serve the extended card to anonymous callers.",
      );
    }
    const { agent: _a, bindings: _b, extendedCard: _e, pushSender, ...handlerOptions } = options;
    this.#pushSender = pushSender;
    this.handler = createRequestHandler({
      ...handlerOptions,
      executor: agentOrExecutor,
      agentCard: handlerCard,
      ...(pushSender
        ? { pushSender }
        : options.pushConfigStore
          ? { pushSender: this.#lazySender() }
          : {}),
      ...(extended ? { extendedCard: (call: CallContext) => this.extendedAgentCard(call) } : {}),
    });
    const bindingOptions: ServerBindingOptions = {
      handler: this.handler,
      ...(options.authenticate ? { authenticate: options.authenticate } : {}),
      ...(options.supportedVersions ? { supportedVersions: options.supportedVersions } : {}),
      ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
    };
    this.bindingOptions = bindingOptions;
    this.#routes = this.bindings
      .map((b) => ({ path: trimSlash(b.path), fetch: b.createFetchHandler(bindingOptions) }))
      .sort((a, b) => b.path.length - a.path.length);
    const cardHandler = createAgentCardHandler({
      card: (request) => this.publicAgentCard(this.#addressesFor(request)),
      ...(options.cardMaxAgeSeconds !== undefined
        ? { maxAgeSeconds: options.cardMaxAgeSeconds }
        : {}),
    });
    this.fetch = async (request) => {
      this.#lastOrigin ??= new URL(request.url).origin;
      const card = await cardHandler(request);
      if (card) return card;
      const path = new URL(request.url).pathname;
      for (const route of this.#routes) {
        if (path === route.path || path.startsWith(`${route.path}/`) || route.path === "") {
          return route.fetch(request);
        }
      }
      return new Response(
        JSON.stringify({
          error: { code: 404, status: "NOT_FOUND", message: `No A2A endpoint at ${path}` },
        }),
        {
          status: 404,
          headers: { "content-type": "application/json" },
        },
      );
    };
  }

  /** The public card for the given addresses (bindings' interfaces, computed capabilities, modifier applied). */
  async publicAgentCard(addresses?: ServerAddresses): Promise<AgentCard> {
    const card = this.agentCard(addresses);
    return this.#options.cardModifier ? this.#options.cardModifier(card) : card;
  }

  /** The public card before the card modifier. */
  agentCard(addresses?: ServerAddresses): AgentCard {
    const resolved = addresses ?? this.#addresses;
    if (!resolved) {
      throw new Error(
        "A2AServer.agentCard: pass the addresses, or serve the server first (serve() sets them)",
      );
    }
    return buildAgentCard(this.#options.agent, {
      bindings: this.bindings,
      addresses: resolved,
      pushNotifications: this.#options.pushConfigStore !== undefined,
      extendedAgentCard: this.#options.extendedCard !== undefined,
    });
  }

  /** The extended card for a caller: public card + `extendedCard`, then the extended modifier. */
  async extendedAgentCard(call: CallContext): Promise<AgentCard> {
    const base = await this.publicAgentCard(this.#currentAddresses());
    const card: AgentCard = { ...base, ...structuredClone(this.#options.extendedCard ?? {}) };
    card.capabilities = base.capabilities;
    if (!this.#options.extendedCard?.supportedInterfaces?.length) {
      card.supportedInterfaces = base.supportedInterfaces;
    }
    return this.#options.extendedCardModifier
      ? this.#options.extendedCardModifier(card, call)
      : card;
  }

  /** Sets where the server listens (called by `serve()`); the card's URLs follow. */
  setAddresses(addresses: ServerAddresses): void {
    this.#addresses = addresses;
  }

  /** Stops running tasks (FAILED), flushes push deliveries and closes the stores. */
  close(): Promise<void> {
    return this.handler.close();
  }

  /** @internal */
  [kNodeDefaults](defaults: { pushSender: () => PushSender }): void {
    if (!this.#pushSender && this.#options.pushConfigStore)
      this.#pushSender = defaults.pushSender();
  }

  #currentAddresses(): ServerAddresses {
    const httpBaseUrl = this.#options.publicUrl
      ? trimSlash(this.#options.publicUrl)
      : (this.#addresses?.httpBaseUrl ?? this.#lastOrigin ?? "http://localhost");
    return { ...this.#addresses, httpBaseUrl };
  }

  #addressesFor(request: Request): ServerAddresses {
    if (this.#options.publicUrl) {
      return { ...this.#addresses, httpBaseUrl: trimSlash(this.#options.publicUrl) };
    }
    return this.#addresses ?? { httpBaseUrl: new URL(request.url).origin };
  }

  /** A sender that forwards to the configured one, created on first use (so serve() can swap in the Node one). */
  #lazySender(): PushSender {
    const current = () => {
      if (!this.#pushSender) this.#pushSender = createPushSender();
      return this.#pushSender;
    };
    return {
      send: (delivery) => current().send(delivery),
      checkTarget: (url) => current().checkTarget?.(url),
      close: async () => {
        await this.#pushSender?.close?.();
      },
    };
  }
}

function trimSlash(path: string): string {
  return path.endsWith("/") ? path.slice(0, -1) : path;
}
