import { A2AError, A2AErrorCode } from "@agentmesh/a2a-transport";
import type { Task, TaskState } from "@agentmesh/a2a-types";
import {
  decodeTaskCursor,
  encodeTaskCursor,
  type StoredTask,
  type TaskListPage,
  type TaskListQuery,
  type TaskScope,
  type TaskStore,
  TaskVersionConflictError,
} from "./task-store.js";

/** Options of {@link InMemoryTaskStore}. */
export interface InMemoryTaskStoreOptions {
  /**
   * Maximum number of tasks kept. When full, the oldest finished (terminal) task is evicted;
   * when no finished task can be evicted, creating a task fails with an `INTERNAL` error.
   * Default `100_000`.
   */
  maxTasks?: number;
  /**
   * How long a terminal task (completed, failed, canceled, rejected) is kept after it finished,
   * in ms. `0` or `Infinity` keeps it until `maxTasks` forces it out. Default `3_600_000` (1 h).
   */
  terminalTtlMs?: number;
  /** Clock, for tests. Default `Date.now`. */
  now?: () => number;
}

interface Entry {
  json: string;
  version: number;
  tenant: string;
  owner: string | undefined;
  contextId: string;
  state: TaskState;
  timestampMs: number;
  /** When the task became terminal (epoch ms); -1 while it is not. */
  finishedAt: number;
}

const TERMINAL = new Set<string>([
  "TASK_STATE_COMPLETED",
  "TASK_STATE_FAILED",
  "TASK_STATE_CANCELED",
  "TASK_STATE_REJECTED",
]);

/**
 * A bounded {@link TaskStore} in process memory, for development, tests and single-process
 * deployments. Tasks are kept as JSON text, so nothing a caller holds aliases the store and a
 * small task costs a few hundred bytes. Terminal tasks expire after `terminalTtlMs`, and at most
 * `maxTasks` tasks are kept. Listing scans the tasks of the store (fine up to ~10^5 tasks; use a
 * database-backed store beyond that).
 */
export class InMemoryTaskStore implements TaskStore {
  readonly #entries = new Map<string, Entry>();
  /** Ids of terminal tasks in the order they finished (stale ids are skipped). */
  #finished: string[] = [];
  #finishedHead = 0;
  readonly #maxTasks: number;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: InMemoryTaskStoreOptions = {}) {
    this.#maxTasks = options.maxTasks ?? 100_000;
    const ttl = options.terminalTtlMs ?? 3_600_000;
    this.#ttlMs = ttl > 0 ? ttl : Number.POSITIVE_INFINITY;
    this.#now = options.now ?? Date.now;
    if (!(this.#maxTasks >= 1)) throw new RangeError("InMemoryTaskStore: maxTasks must be >= 1");
  }

  /** Number of tasks currently kept (after expiring old terminal tasks). */
  get size(): number {
    this.#expire();
    return this.#entries.size;
  }

  async get(scope: TaskScope, taskId: string): Promise<StoredTask | undefined> {
    const entry = this.#visible(scope, taskId);
    if (!entry) return undefined;
    return { task: JSON.parse(entry.json) as Task, version: entry.version };
  }

  async create(scope: TaskScope, task: Task): Promise<number> {
    this.#expire();
    if (this.#entries.has(task.id)) throw new TaskVersionConflictError(task.id);
    if (this.#entries.size >= this.#maxTasks) this.#evictOne();
    const entry = this.#entry(scope, task, 1, -1);
    this.#entries.set(task.id, entry);
    this.#trackFinished(task.id, entry);
    return 1;
  }

  async update(scope: TaskScope, task: Task, expectedVersion: number): Promise<number> {
    const entry = this.#visible(scope, task.id);
    if (!entry || entry.version !== expectedVersion) throw new TaskVersionConflictError(task.id);
    const next = this.#entry(scope, task, expectedVersion + 1, entry.finishedAt);
    this.#entries.set(task.id, next);
    this.#trackFinished(task.id, next);
    return next.version;
  }

  async list(scope: TaskScope, query: TaskListQuery): Promise<TaskListPage> {
    this.#expire();
    let cursor: { timestampMs: number; taskId: string } | undefined;
    if (query.pageToken) {
      cursor = decodeTaskCursor(query.pageToken);
      if (!cursor) {
        throw new A2AError(
          A2AErrorCode.InvalidParams,
          "pageToken is not a token returned by ListTasks",
          {
            fieldViolations: [
              { field: "pageToken", description: "unknown or malformed page token" },
            ],
          },
        );
      }
    }
    const matches: { id: string; entry: Entry }[] = [];
    for (const [id, entry] of this.#entries) {
      if (entry.tenant !== scope.tenant || entry.owner !== scope.owner) continue;
      if (query.contextId !== undefined && entry.contextId !== query.contextId) continue;
      if (query.state !== undefined && entry.state !== query.state) continue;
      if (
        query.statusTimestampAfterMs !== undefined &&
        entry.timestampMs < query.statusTimestampAfterMs
      )
        continue;
      matches.push({ id, entry });
    }
    matches.sort((a, b) => compareDesc(a.entry.timestampMs, a.id, b.entry.timestampMs, b.id));
    let start = 0;
    if (cursor) {
      const c = cursor;
      start = matches.findIndex(
        (m) => compareDesc(c.timestampMs, c.taskId, m.entry.timestampMs, m.id) < 0,
      );
      if (start < 0) start = matches.length;
    }
    const page = matches.slice(start, start + query.pageSize);
    const last = page[page.length - 1];
    const more = start + page.length < matches.length;
    return {
      tasks: page.map((m) => JSON.parse(m.entry.json) as Task),
      nextPageToken: more && last ? encodeTaskCursor(last.entry.timestampMs, last.id) : "",
      totalSize: matches.length,
    };
  }

  async delete(scope: TaskScope, taskId: string): Promise<void> {
    if (!this.#visible(scope, taskId)) return;
    this.#entries.delete(taskId);
  }

  async close(): Promise<void> {
    this.#entries.clear();
    this.#finished = [];
    this.#finishedHead = 0;
  }

  #visible(scope: TaskScope, taskId: string): Entry | undefined {
    const entry = this.#entries.get(taskId);
    if (!entry || entry.tenant !== scope.tenant || entry.owner !== scope.owner) return undefined;
    if (entry.finishedAt >= 0 && entry.finishedAt + this.#ttlMs <= this.#now()) {
      this.#entries.delete(taskId);
      return undefined;
    }
    return entry;
  }

  #entry(scope: TaskScope, task: Task, version: number, finishedAt: number): Entry {
    const ts = task.status.timestamp ? Date.parse(task.status.timestamp) : Number.NaN;
    return {
      json: JSON.stringify(task),
      version,
      tenant: scope.tenant,
      owner: scope.owner,
      contextId: task.contextId ?? "",
      state: task.status.state,
      timestampMs: Number.isNaN(ts) ? this.#now() : ts,
      finishedAt,
    };
  }

  #trackFinished(id: string, entry: Entry): void {
    if (TERMINAL.has(entry.state)) {
      if (entry.finishedAt < 0) {
        entry.finishedAt = this.#now();
        this.#finished.push(id);
      }
    } else {
      entry.finishedAt = -1;
    }
  }

  /** The oldest still-valid finished entry id, dropping stale ids from the queue head. */
  #oldestFinished(): string | undefined {
    while (this.#finishedHead < this.#finished.length) {
      const id = this.#finished[this.#finishedHead]!;
      if ((this.#entries.get(id)?.finishedAt ?? -1) >= 0) return id;
      this.#finishedHead++;
    }
    this.#compact();
    return undefined;
  }

  #compact(): void {
    if (this.#finishedHead > 1024 && this.#finishedHead * 2 > this.#finished.length) {
      this.#finished = this.#finished.slice(this.#finishedHead);
      this.#finishedHead = 0;
    }
  }

  #expire(): void {
    if (this.#ttlMs === Number.POSITIVE_INFINITY) return;
    const limit = this.#now() - this.#ttlMs;
    for (let id = this.#oldestFinished(); id !== undefined; id = this.#oldestFinished()) {
      if (this.#entries.get(id)!.finishedAt > limit) break;
      this.#entries.delete(id);
      this.#finishedHead++;
    }
    this.#compact();
  }

  #evictOne(): void {
    const id = this.#oldestFinished();
    if (id !== undefined) {
      this.#entries.delete(id);
      this.#finishedHead++;
      return;
    }
    throw new A2AError(
      A2AErrorCode.Internal,
      `The task store is full (${this.#maxTasks} unfinished tasks); retry later`,
    );
  }
}

function compareDesc(aTs: number, aId: string, bTs: number, bId: string): number {
  if (aTs !== bTs) return bTs - aTs;
  return aId < bId ? 1 : aId > bId ? -1 : 0;
}
