import type { Task, TaskState } from "@agentmesh/a2a-types";

/**
 * Who may see a task: the tenant of the request and the owner (the authenticated principal's
 * id, or `undefined` for anonymous callers). A store reports a task outside the caller's scope
 * exactly as it reports a task that does not exist.
 */
export interface TaskScope {
  /** The tenant of the request; `""` when the request has none. */
  readonly tenant: string;
  /** The principal id of the caller; `undefined` for anonymous calls. */
  readonly owner: string | undefined;
}

/** A task as read from a store, with the version to pass back to {@link TaskStore.update}. */
export interface StoredTask {
  /** A copy the caller owns (mutating it never changes the store). */
  readonly task: Task;
  /** Monotonic version of the stored task, starting at 1 on create. */
  readonly version: number;
}

/** Filters and paging for {@link TaskStore.list}; already validated by the request handler. */
export interface TaskListQuery {
  /** Exact match on `contextId`. */
  readonly contextId?: string;
  /** Exact match on `status.state`; absent = any state. */
  readonly state?: TaskState;
  /** Only tasks whose `status.timestamp` is at or after this instant (epoch ms). */
  readonly statusTimestampAfterMs?: number;
  /** Page size, 1–100. */
  readonly pageSize: number;
  /** An opaque cursor returned as `nextPageToken` by an earlier call; absent = first page. */
  readonly pageToken?: string;
}

/** One page of tasks, newest `status.timestamp` first. */
export interface TaskListPage {
  /** The tasks of this page (copies the caller owns). */
  readonly tasks: Task[];
  /** The cursor of the next page; `""` on the last page. */
  readonly nextPageToken: string;
  /** How many tasks match the filters in total, before paging. */
  readonly totalSize: number;
}

/**
 * Persistence of tasks, shared by every binding of a server.
 *
 * The contract is designed for SQL and Redis backends as well as memory:
 * - every write is a compare-and-set on a version (`update` fails with
 *   {@link TaskVersionConflictError} when someone else wrote first);
 * - listing is cursor based (opaque `pageToken`), ordered by `status.timestamp` descending and
 *   then by task id descending, so a cursor stays valid while tasks are added;
 * - every call is scoped by tenant and owner; a task outside the scope is "not found".
 *
 * Tasks passed in and handed out are plain JSON-compatible values in the canonical wire form of
 * `@agentmesh/a2a-types`. Implementations must not keep references to the objects passed in,
 * nor hand out objects they keep.
 */
export interface TaskStore {
  /** Reads a task; `undefined` when it does not exist or is outside `scope`. */
  get(scope: TaskScope, taskId: string): Promise<StoredTask | undefined>;
  /**
   * Stores a new task at version 1. Throws {@link TaskVersionConflictError} when a task with the
   * same id exists (task ids are server-generated UUIDs, so this means a bug).
   */
  create(scope: TaskScope, task: Task): Promise<number>;
  /**
   * Replaces a task if its stored version is `expectedVersion`; returns the new version.
   * Throws {@link TaskVersionConflictError} on a version mismatch, and when the task is gone.
   */
  update(scope: TaskScope, task: Task, expectedVersion: number): Promise<number>;
  /** Lists the tasks in `scope` matching `query`, newest first. */
  list(scope: TaskScope, query: TaskListQuery): Promise<TaskListPage>;
  /** Removes a task (no-op when absent). */
  delete(scope: TaskScope, taskId: string): Promise<void>;
  /** Releases resources; called by the server on close. */
  close?(): Promise<void>;
}

/** Thrown by {@link TaskStore.create} / {@link TaskStore.update} when a compare-and-set fails. */
export class TaskVersionConflictError extends Error {
  override readonly name = "TaskVersionConflictError";
  /** The id of the task whose write lost the race. */
  readonly taskId: string;
  constructor(taskId: string, message?: string) {
    super(
      message ?? `Task ${taskId} was changed concurrently (version conflict); re-read and retry`,
    );
    this.taskId = taskId;
  }
}

/**
 * Encodes a `(timestamp ms, task id)` listing cursor as an opaque token. Exposed for store
 * implementations that want the same token format as the in-memory store.
 */
export function encodeTaskCursor(timestampMs: number, taskId: string): string {
  return base64UrlEncode(`${timestampMs}|${taskId}`);
}

/** Decodes a token made by {@link encodeTaskCursor}; `undefined` when it is malformed. */
export function decodeTaskCursor(
  token: string,
): { timestampMs: number; taskId: string } | undefined {
  let text: string;
  try {
    text = base64UrlDecode(token);
  } catch {
    return undefined;
  }
  const bar = text.indexOf("|");
  if (bar <= 0) return undefined;
  const timestampMs = Number(text.slice(0, bar));
  const taskId = text.slice(bar + 1);
  if (!Number.isSafeInteger(timestampMs) || taskId === "") return undefined;
  return { timestampMs, taskId };
}

function base64UrlEncode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function base64UrlDecode(token: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw new Error("bad token");
  const b64 = token.replace(/-/g, "+").replace(/_/g, "/");
  const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}
