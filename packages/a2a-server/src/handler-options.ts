import type { CallContext } from "@agentmesh/a2a-transport";
import type { AgentCapabilities, AgentCard } from "@agentmesh/a2a-types";
import type { AgentExecutor, AgentFunction } from "./executor.js";
import type { PushSender } from "./push/push-sender.js";
import type { PushConfigStore } from "./store/push-config-store.js";
import type { TaskStore } from "./store/task-store.js";
import type { FanOutOptions } from "./task-channel.js";

/** Where an error reported to {@link RequestHandlerOptions.onError} happened. */
export type ServerErrorSource = "execute" | "cancel" | "execution" | "persist" | "timeout" | "push";

/** The parts of the agent card the request handler reads. */
export interface HandlerCardView {
  /** `streaming` (on unless `false`) and `extensions` (required ones are enforced). */
  readonly capabilities?: AgentCapabilities | undefined;
  /**
   * Media types accepted in messages (with skills' `inputModes`); parts of other types get
   * CONTENT_TYPE_NOT_SUPPORTED. Default: none declared = every media type accepted.
   */
  readonly defaultInputModes?: readonly string[] | undefined;
  /** Skills; their `inputModes` are accepted too. */
  readonly skills?: readonly { readonly inputModes?: readonly string[] | undefined }[] | undefined;
}

/** Options of {@link createRequestHandler}. */
export interface RequestHandlerOptions {
  /** The agent: an {@link AgentExecutor} or a plain {@link AgentFunction}. */
  executor: AgentExecutor | AgentFunction;
  /**
   * The public agent card (or a getter), or just the parts the handler reads: `capabilities`
   * (streaming: on unless `false`; extensions), `defaultInputModes` and skills' `inputModes`.
   */
  agentCard: HandlerCardView | (() => HandlerCardView);
  /** Task persistence. Default: a new {@link InMemoryTaskStore} with its defaults. */
  taskStore?: TaskStore;
  /** Push config persistence; when absent, push notifications are not supported. Default: none. */
  pushConfigStore?: PushConfigStore;
  /** Delivers push notifications. Default: `createPushSender()` (SSRF guard on) when a push store is set. */
  pushSender?: PushSender;
  /**
   * The extended agent card for authenticated callers, already modified for the caller.
   * Default: none (GetExtendedAgentCard fails with EXTENDED_AGENT_CARD_NOT_CONFIGURED, or
   * UNSUPPORTED_OPERATION when the card does not announce `capabilities.extendedAgentCard`).
   */
  extendedCard?: (call: CallContext) => AgentCard | Promise<AgentCard>;
  /**
   * Require an authenticated principal for GetExtendedAgentCard (§3.1.11). `false` serves the
   * extended card to anonymous callers too (an explicit choice; `A2AServer` warns when an
   * extended card is set with neither an authenticator nor this). Default `true`.
   */
  extendedCardRequiresAuth?: boolean;
  /**
   * Upper bound of one `execute()` run in ms; past it the signal aborts and the task ends
   * FAILED (interrupted tasks are left as they are). `0` = no limit. Default `600_000` (10 min).
   */
  executionTimeoutMs?: number;
  /** How long CancelTask waits for the executor's `cancel()`, in ms. Default `5_000`. */
  cancelTimeoutMs?: number;
  /**
   * Artifact chunks are applied and streamed at once but written to the task store at most
   * once per this delay (status changes are written immediately). Default `100`.
   */
  artifactPersistDelayMs?: number;
  /** Buffering of the per-task event fan-out (see {@link FanOutOptions}). */
  fanOut?: FanOutOptions;
  /** Reports executor failures and background errors. Default: `console.error`. */
  onError?: (error: unknown, source: ServerErrorSource) => void;
}
