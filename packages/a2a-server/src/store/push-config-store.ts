import { A2AError, A2AErrorCode } from "@agentmesh/a2a-transport";
import type { TaskPushNotificationConfig } from "@agentmesh/a2a-types";
import type { TaskScope } from "./task-store.js";

/** A push config as stored: `id` and `taskId` are always set. */
export type StoredPushConfig = TaskPushNotificationConfig & { id: string; taskId: string };

/** Paging of {@link PushConfigStore.list}. */
export interface PushConfigListQuery {
  /** Page size; `0` or absent = every config of the task. */
  readonly pageSize?: number;
  /** Cursor from an earlier `nextPageToken`. */
  readonly pageToken?: string;
}

/** One page of push configs. */
export interface PushConfigPage {
  readonly configs: StoredPushConfig[];
  /** `""` on the last page. */
  readonly nextPageToken: string;
}

/**
 * Persistence of webhook (push notification) configs, keyed by task and config id and scoped by
 * tenant and owner like {@link TaskStore}. Implementations copy what they are given and what they
 * hand out.
 */
export interface PushConfigStore {
  /** Creates or replaces the config `(config.taskId, config.id)`; returns the stored copy. */
  set(scope: TaskScope, config: StoredPushConfig): Promise<StoredPushConfig>;
  /** Reads one config; `undefined` when absent or outside `scope`. */
  get(scope: TaskScope, taskId: string, id: string): Promise<StoredPushConfig | undefined>;
  /** Lists the configs of a task in creation order. */
  list(scope: TaskScope, taskId: string, query?: PushConfigListQuery): Promise<PushConfigPage>;
  /** Deletes one config; a no-op when it does not exist (delete is idempotent). */
  delete(scope: TaskScope, taskId: string, id: string): Promise<void>;
  /** Deletes every config of a task. */
  deleteAll(scope: TaskScope, taskId: string): Promise<void>;
  /** Releases resources; called by the server on close. */
  close?(): Promise<void>;
}

/** Options of {@link InMemoryPushConfigStore}. */
export interface InMemoryPushConfigStoreOptions {
  /** Maximum configs per task; creating one more fails with `INVALID_PARAMS`. Default `16`. */
  maxConfigsPerTask?: number;
  /**
   * Maximum tasks with configs; when full, the configs of the task that got its first config
   * longest ago are dropped. Default `100_000`.
   */
  maxTasks?: number;
}

interface TaskConfigs {
  tenant: string;
  owner: string | undefined;
  configs: Map<string, string>;
}

/** A bounded {@link PushConfigStore} in process memory (configs kept as JSON text). */
export class InMemoryPushConfigStore implements PushConfigStore {
  readonly #tasks = new Map<string, TaskConfigs>();
  readonly #maxPerTask: number;
  readonly #maxTasks: number;

  constructor(options: InMemoryPushConfigStoreOptions = {}) {
    this.#maxPerTask = options.maxConfigsPerTask ?? 16;
    this.#maxTasks = options.maxTasks ?? 100_000;
  }

  async set(scope: TaskScope, config: StoredPushConfig): Promise<StoredPushConfig> {
    let entry = this.#tasks.get(config.taskId);
    if (entry && (entry.tenant !== scope.tenant || entry.owner !== scope.owner)) {
      throw new A2AError(A2AErrorCode.TaskNotFound, undefined, {
        metadata: { taskId: config.taskId },
      });
    }
    if (!entry) {
      if (this.#tasks.size >= this.#maxTasks) {
        const oldest = this.#tasks.keys().next();
        if (!oldest.done) this.#tasks.delete(oldest.value);
      }
      entry = { tenant: scope.tenant, owner: scope.owner, configs: new Map() };
      this.#tasks.set(config.taskId, entry);
    }
    if (!entry.configs.has(config.id) && entry.configs.size >= this.#maxPerTask) {
      throw new A2AError(
        A2AErrorCode.InvalidParams,
        `A task can have at most ${this.#maxPerTask} push notification configs; delete one first`,
      );
    }
    const json = JSON.stringify(config);
    entry.configs.set(config.id, json);
    return JSON.parse(json) as StoredPushConfig;
  }

  async get(scope: TaskScope, taskId: string, id: string): Promise<StoredPushConfig | undefined> {
    const json = this.#entry(scope, taskId)?.configs.get(id);
    return json === undefined ? undefined : (JSON.parse(json) as StoredPushConfig);
  }

  async list(
    scope: TaskScope,
    taskId: string,
    query: PushConfigListQuery = {},
  ): Promise<PushConfigPage> {
    const all = [...(this.#entry(scope, taskId)?.configs ?? new Map<string, string>())];
    let start = 0;
    if (query.pageToken) {
      const index = all.findIndex(([id]) => id === query.pageToken);
      if (index < 0) {
        throw new A2AError(
          A2AErrorCode.InvalidParams,
          "pageToken is not a token returned by this list",
          {
            fieldViolations: [{ field: "pageToken", description: "unknown page token" }],
          },
        );
      }
      start = index;
    }
    const size = query.pageSize && query.pageSize > 0 ? query.pageSize : all.length;
    const page = all.slice(start, start + size);
    const next = all[start + size];
    return {
      configs: page.map(([, json]) => JSON.parse(json) as StoredPushConfig),
      nextPageToken: next ? next[0] : "",
    };
  }

  async delete(scope: TaskScope, taskId: string, id: string): Promise<void> {
    const entry = this.#entry(scope, taskId);
    if (!entry) return;
    entry.configs.delete(id);
    if (entry.configs.size === 0) this.#tasks.delete(taskId);
  }

  async deleteAll(scope: TaskScope, taskId: string): Promise<void> {
    if (this.#entry(scope, taskId)) this.#tasks.delete(taskId);
  }

  async close(): Promise<void> {
    this.#tasks.clear();
  }

  #entry(scope: TaskScope, taskId: string): TaskConfigs | undefined {
    const entry = this.#tasks.get(taskId);
    if (!entry || entry.tenant !== scope.tenant || entry.owner !== scope.owner) return undefined;
    return entry;
  }
}
