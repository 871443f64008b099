import { A2AError, A2AErrorCode, type ClientTransport } from "@agentmesh/a2a-transport";
import type {
  AgentCard,
  AgentInterface,
  ListTaskPushNotificationConfigsResponse,
  ListTasksRequest,
  ListTasksResponse,
  Message,
  Task,
  TaskPushNotificationConfig,
} from "@agentmesh/a2a-types";
import { type RequestOptions, runUnary } from "./call-options.js";
import { AgentCardCache } from "./card-cache.js";
import type { ResolvedClientOptions } from "./client-options.js";
import { discoverCard } from "./discovery.js";
import { taskErrorFor } from "./errors.js";
import type { ClientEvent } from "./events.js";
import { type FollowSettings, followStream, pollTask, withTenant } from "./follow-task.js";
import {
  type MessageInput,
  type SendMessageOptions,
  toSendMessageRequest,
} from "./message-input.js";
import type { BindingName } from "./select-interface.js";
import { TaskTracker } from "./task-tracker.js";

/** A task id, or the request fields without `tenant` (the client adds it). */
export type TaskRef<T extends { id: string }> = string | Omit<T, "tenant">;

type Req<T> = Omit<T, "tenant">;

/**
 * An A2A client bound to one agent and one binding. Create it with `createClient` or
 * `createClientFromCard`. Every method takes {@link RequestOptions} (signal, timeout,
 * headers) last; the tenant of the chosen interface goes on every request.
 */
export class A2AClient {
  /** The card in use: the extended card when one was fetched, else the public card. */
  card: AgentCard;
  #publicCard: AgentCard;
  /** The chosen interface. */
  readonly agentInterface: AgentInterface;
  /** The chosen binding. */
  readonly binding: BindingName;
  /** The transport talking that binding. */
  readonly transport: ClientTransport;
  readonly #o: ResolvedClientOptions;
  readonly #s: FollowSettings;
  readonly #cardUrl: string | undefined;
  readonly #cardCache: AgentCardCache;

  /** @internal Use `createClient` / `createClientFromCard`. */
  constructor(init: {
    card: AgentCard;
    agentInterface: AgentInterface;
    binding: BindingName;
    transport: ClientTransport;
    options: ResolvedClientOptions;
    cardUrl?: string | undefined;
    cardCache?: AgentCardCache;
  }) {
    this.card = init.card;
    this.#publicCard = init.card;
    this.#cardUrl = init.cardUrl;
    this.#cardCache = init.cardCache ?? new AgentCardCache();
    this.agentInterface = init.agentInterface;
    this.binding = init.binding;
    this.transport = init.transport;
    this.#o = init.options;
    const tenant = init.options.tenant ?? (init.agentInterface.tenant || undefined);
    this.#s = {
      transport: init.transport,
      tenant,
      timeout: init.options.timeout,
      maxReconnects: init.options.maxReconnects,
      reconnectBackoff: init.options.reconnectBackoff,
      pollingInterval: init.options.pollingInterval,
      inputRequiredTimeout: init.options.inputRequiredTimeout,
      throwOnTaskError: init.options.throwOnTaskError,
      historyLength: init.options.historyLength,
      extensions: init.options.extensions,
    };
  }

  /** The card as discovered (or given); {@link A2AClient.refreshCard} updates it. */
  get publicCard(): AgentCard {
    return this.#publicCard;
  }

  /**
   * Refetches the public card from the card URL the client was created with, as a conditional
   * GET (`If-None-Match` / `If-Modified-Since`, A2A §8.6): a `304 Not Modified` reuses the
   * cached card without re-validating it. Updates `publicCard`, and `card` unless an extended
   * card is in use. The binding and transport stay as chosen at creation. Throws `TypeError`
   * for a client created from a card without `cardUrl`.
   */
  async refreshCard(opts: { signal?: AbortSignal; timeout?: number } = {}): Promise<AgentCard> {
    if (this.#cardUrl === undefined)
      throw new TypeError(
        "refreshCard needs the card URL: create the client with createClient(url) or pass cardUrl to createClientFromCard",
      );
    const card = await discoverCard(this.#cardUrl, {
      fetch: this.#o.fetch,
      headers: this.#o.headers,
      timeout: opts.timeout ?? this.#o.timeout,
      signal: opts.signal,
      cardCache: this.#cardCache,
    });
    if (this.card === this.#publicCard) this.card = card;
    this.#publicCard = card;
    return card;
  }

  /** The tenant sent on every request, if any. */
  get tenant(): string | undefined {
    return this.#s.tenant;
  }

  /** Whether `stream()` and `subscribeToTask()` stream (else they poll). */
  get streams(): boolean {
    return this.#o.streaming && this.card.capabilities.streaming === true;
  }

  #unary<T>(what: string, opts: RequestOptions | undefined, fn: Parameters<typeof runUnary<T>>[4]) {
    return runUnary(what, this.#o.timeout, opts, this.#s, fn);
  }

  #request(input: MessageInput, opts: SendMessageOptions | undefined, immediate: boolean) {
    return withTenant(this.#s, toSendMessageRequest(input, opts, immediate, this.#o.historyLength));
  }

  /**
   * SendMessage. Blocks until the task is terminal or interrupted (unless
   * `returnImmediately`) and returns the Task, or the Message of a direct reply. With
   * `throwOnTaskError` (default) a failed / rejected / auth-required task throws
   * `TaskTerminalError`.
   */
  async sendMessage(input: MessageInput, opts?: SendMessageOptions): Promise<Task | Message> {
    const req = this.#request(input, opts, opts?.returnImmediately === true);
    const res = await this.#unary("SendMessage", opts, (call) =>
      this.transport.sendMessage(req, call),
    );
    if (res.message) return res.message;
    if (!res.task) {
      throw new A2AError(
        A2AErrorCode.InvalidAgentResponse,
        "SendMessage returned neither a task nor a message",
      );
    }
    if (this.#o.throwOnTaskError) {
      const err = taskErrorFor(res.task);
      if (err) throw err;
    }
    return res.task;
  }

  /**
   * Sends a message and yields typed events until the task is terminal or interrupted.
   * Streams with SendStreamingMessage when the agent streams (resuming broken streams with
   * SubscribeToTask, each chunk and message yielded once), else polls GetTask.
   */
  async *stream(
    input: MessageInput,
    opts?: SendMessageOptions,
  ): AsyncGenerator<ClientEvent, void, undefined> {
    const tracker = new TaskTracker();
    if (this.streams) {
      const req = this.#request(input, opts, false);
      yield* followStream(
        this.#s,
        tracker,
        (call) => this.transport.sendStreamingMessage(req, call),
        "SendStreamingMessage",
        opts,
        req.message.taskId !== undefined,
      );
      return;
    }
    const req = this.#request(input, opts, true);
    const res = await this.#unary("SendMessage", opts, (call) =>
      this.transport.sendMessage(req, call),
    );
    if (res.message) {
      yield { kind: "Message", message: res.message, recovered: false };
      return;
    }
    if (!res.task)
      throw new A2AError(
        A2AErrorCode.InvalidAgentResponse,
        "SendMessage returned neither a task nor a message",
      );
    yield* pollTask(this.#s, tracker, res.task, opts, req.message.taskId !== undefined);
  }

  /** Alias of {@link A2AClient.stream}, named after the RPC. */
  sendStreamingMessage(
    input: MessageInput,
    opts?: SendMessageOptions,
  ): AsyncGenerator<ClientEvent, void, undefined> {
    return this.stream(input, opts);
  }

  /**
   * SubscribeToTask: re-attaches to a running task and yields its events (first a
   * TaskSnapshot), surviving drops like `stream`. Polls GetTask when not streaming.
   */
  async *subscribeToTask(
    task: TaskRef<{ id: string }>,
    opts?: RequestOptions,
  ): AsyncGenerator<ClientEvent, void, undefined> {
    const id = typeof task === "string" ? task : task.id;
    const tracker = new TaskTracker();
    if (this.streams) {
      yield* followStream(
        this.#s,
        tracker,
        (call) => this.transport.subscribeToTask(withTenant(this.#s, { id }), call),
        "SubscribeToTask",
        opts,
        false,
        id,
      );
      return;
    }
    const first = await this.getTask(id, opts);
    yield* pollTask(this.#s, tracker, first, opts);
  }

  /** GetTask. `historyLength` defaults to the client's. */
  getTask(
    task: TaskRef<{ id: string; historyLength?: number }>,
    opts?: RequestOptions,
  ): Promise<Task> {
    const req = typeof task === "string" ? { id: task } : { ...task };
    if (req.historyLength === undefined && this.#o.historyLength !== undefined)
      req.historyLength = this.#o.historyLength;
    return this.#unary("GetTask", opts, (call) =>
      this.transport.getTask(withTenant(this.#s, req), call),
    );
  }

  /** ListTasks: one page. See {@link A2AClient.listAllTasks} for every task. */
  listTasks(params: Req<ListTasksRequest> = {}, opts?: RequestOptions): Promise<ListTasksResponse> {
    return this.#unary("ListTasks", opts, (call) =>
      this.transport.listTasks(withTenant(this.#s, { ...params }), call),
    );
  }

  /** Every page of ListTasks, following `nextPageToken` until it is empty. */
  async *listTaskPages(
    params: Req<ListTasksRequest> = {},
    opts?: RequestOptions,
  ): AsyncGenerator<ListTasksResponse, void, undefined> {
    const seen = new Set<string>();
    let pageToken = params.pageToken;
    for (;;) {
      const page = await this.listTasks(pageToken ? { ...params, pageToken } : params, opts);
      yield page;
      if (!page.nextPageToken) return;
      if (seen.has(page.nextPageToken)) {
        throw new A2AError(
          A2AErrorCode.InvalidAgentResponse,
          `ListTasks returned page token ${JSON.stringify(page.nextPageToken)} twice; stopping to avoid a loop`,
        );
      }
      seen.add(page.nextPageToken);
      pageToken = page.nextPageToken;
    }
  }

  /** Every task ListTasks returns, across all pages. */
  async *listAllTasks(
    params: Req<ListTasksRequest> = {},
    opts?: RequestOptions,
  ): AsyncGenerator<Task, void, undefined> {
    for await (const page of this.listTaskPages(params, opts)) yield* page.tasks;
  }

  /** CancelTask; returns the updated task. */
  cancelTask(
    task: TaskRef<{ id: string; metadata?: Task["metadata"] }>,
    opts?: RequestOptions,
  ): Promise<Task> {
    const req = typeof task === "string" ? { id: task } : task;
    return this.#unary("CancelTask", opts, (call) =>
      this.transport.cancelTask(withTenant(this.#s, req), call),
    );
  }

  /** CreateTaskPushNotificationConfig; returns the stored config (with its `id`). */
  createTaskPushNotificationConfig(
    config: Req<TaskPushNotificationConfig>,
    opts?: RequestOptions,
  ): Promise<TaskPushNotificationConfig> {
    return this.#unary("CreateTaskPushNotificationConfig", opts, (call) =>
      this.transport.createTaskPushNotificationConfig(withTenant(this.#s, config), call),
    );
  }

  /** GetTaskPushNotificationConfig. */
  getTaskPushNotificationConfig(
    req: { taskId: string; id: string },
    opts?: RequestOptions,
  ): Promise<TaskPushNotificationConfig> {
    return this.#unary("GetTaskPushNotificationConfig", opts, (call) =>
      this.transport.getTaskPushNotificationConfig(withTenant(this.#s, req), call),
    );
  }

  /** ListTaskPushNotificationConfigs (one page). */
  listTaskPushNotificationConfigs(
    req: { taskId: string; pageSize?: number; pageToken?: string },
    opts?: RequestOptions,
  ): Promise<ListTaskPushNotificationConfigsResponse> {
    return this.#unary("ListTaskPushNotificationConfigs", opts, (call) =>
      this.transport.listTaskPushNotificationConfigs(withTenant(this.#s, req), call),
    );
  }

  /** DeleteTaskPushNotificationConfig (idempotent). */
  deleteTaskPushNotificationConfig(
    req: { taskId: string; id: string },
    opts?: RequestOptions,
  ): Promise<void> {
    return this.#unary("DeleteTaskPushNotificationConfig", opts, (call) =>
      this.transport.deleteTaskPushNotificationConfig(withTenant(this.#s, req), call),
    );
  }

  /** GetExtendedAgentCard; on success it becomes `client.card`. */
  async getExtendedAgentCard(opts?: RequestOptions): Promise<AgentCard> {
    const card = await this.#unary("GetExtendedAgentCard", opts, (call) =>
      this.transport.getExtendedAgentCard(withTenant(this.#s, {}), call),
    );
    this.card = card;
    return card;
  }

  /** Releases the transport (HTTP/2 sessions). */
  async close(): Promise<void> {
    await this.transport.close?.();
  }
}
