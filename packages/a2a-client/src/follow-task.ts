import { A2AClientError, A2AError, A2AErrorCode } from "@agentmesh/a2a-transport";
import type { CallOptions, ClientTransport } from "@agentmesh/a2a-transport";
import type { StreamResponse, Task } from "@agentmesh/a2a-types";
import {
  abortError,
  linkAbort,
  type RequestOptions,
  raceAbort,
  runUnary,
  sleep,
  toCallOptions,
} from "./call-options.js";
import { ReconnectError, taskErrorFor } from "./errors.js";
import type { ClientEvent } from "./events.js";
import { isInterruptedState, isTerminalState, type TaskTracker } from "./task-tracker.js";

/** What the stream and poll drivers need from the client. */
export interface FollowSettings {
  readonly transport: ClientTransport;
  readonly tenant: string | undefined;
  readonly timeout: number;
  readonly maxReconnects: number;
  readonly reconnectBackoff: number;
  readonly pollingInterval: number;
  readonly inputRequiredTimeout: number | undefined;
  readonly throwOnTaskError: boolean;
  readonly historyLength: number | undefined;
  readonly extensions: readonly string[];
}

/** A2A error codes that a reconnect cannot fix. */
const FATAL: ReadonlySet<string> = new Set([
  A2AErrorCode.TaskNotFound,
  A2AErrorCode.InvalidParams,
  A2AErrorCode.InvalidRequest,
  A2AErrorCode.MethodNotFound,
  A2AErrorCode.Unauthenticated,
  A2AErrorCode.PermissionDenied,
  A2AErrorCode.VersionNotSupported,
  A2AErrorCode.ExtensionSupportRequired,
  A2AErrorCode.ContentTypeNotSupported,
  A2AErrorCode.UnsupportedOperation,
  A2AErrorCode.PushNotificationNotSupported,
  A2AErrorCode.TaskNotCancelable,
]);

/** Whether a broken stream or failed poll is worth another attempt. */
export function isRetryable(err: unknown): boolean {
  if (err instanceof A2AError) return !FATAL.has(err.code);
  if (err instanceof A2AClientError) return err.code !== "ABORTED";
  return !(typeof err === "object" && err !== null && (err as Error).name === "AbortError");
}

/** Delay before reconnect `attempt` (1-based): base·2^(attempt−1), with ±50 % jitter. */
export function backoffDelay(base: number, attempt: number): number {
  const exp = base * 2 ** (attempt - 1);
  return Math.round(exp * (0.5 + Math.random()));
}

const INTERRUPT_WAIT_OVER = Symbol("interrupt-wait-over");

/** Throws the task's TaskTerminalError variant when the settings ask for it. */
function checkTaskError(s: FollowSettings, task: Task | undefined): void {
  if (!s.throwOnTaskError || !task) return;
  const err = taskErrorFor(task);
  if (err) throw err;
}

/**
 * Reads a task stream and keeps it alive: when it breaks (or ends before the task is
 * terminal or interrupted) after the task id is known, it resubscribes with
 * `SubscribeToTask` up to `maxReconnects` times in a row with exponential backoff, feeding
 * everything through the tracker so the consumer sees each chunk and message once.
 */
export async function* followStream(
  s: FollowSettings,
  tracker: TaskTracker,
  open: (call: CallOptions) => AsyncIterable<StreamResponse>,
  what: string,
  request: RequestOptions | undefined,
  continuing = false,
  knownTaskId?: string,
): AsyncGenerator<ClientEvent, void, undefined> {
  const user = request?.signal;
  const stale = staleInterruption(tracker, continuing);
  let opener = open;
  let resumed = false;
  let attempts = 0;
  for (;;) {
    if (user?.aborted) throw abortError(user, what);
    const link = linkAbort(user);
    let it: AsyncIterator<StreamResponse> | undefined;
    let progressed = false;
    let sawEvent = false;
    let ended = false;
    let failure: unknown;
    let terminalOnResume = false;
    try {
      link.arm(request?.timeout ?? s.timeout, resumed ? "SubscribeToTask" : what);
      it = opener(toCallOptions(s, request, link.signal))[Symbol.asyncIterator]();
      let waitingInterrupted = false;
      for (;;) {
        const r = await raceAbort(it.next(), link.signal);
        if (r.done) {
          ended = true;
          break;
        }
        if (!sawEvent) {
          sawEvent = true;
          link.disarm();
        }
        for (const ev of tracker.apply(r.value)) {
          progressed = true;
          yield ev;
        }
        if (!tracker.taskId) {
          if (r.value.message) return; // a direct reply: the stream holds one message
          continue;
        }
        const state = tracker.state;
        if (isTerminalState(state)) {
          checkTaskError(s, tracker.task);
          return;
        }
        if (isInterruptedState(state) && !stale()) {
          if (state === "TASK_STATE_AUTH_REQUIRED") checkTaskError(s, tracker.task);
          if (!s.inputRequiredTimeout) return;
          if (!waitingInterrupted) {
            waitingInterrupted = true;
            link.arm(s.inputRequiredTimeout, what, INTERRUPT_WAIT_OVER);
          }
        } else if (waitingInterrupted) {
          waitingInterrupted = false;
          link.disarm();
        }
      }
    } catch (err) {
      if (user?.aborted) throw abortError(user, what);
      if (link.signal.aborted && link.signal.reason === INTERRUPT_WAIT_OVER) return;
      const cause = link.signal.aborted ? link.signal.reason : err;
      // The request itself failed: nothing to resume unless the task id was known up front.
      if (!resumed && !sawEvent && knownTaskId === undefined) throw cause;
      if (resumed && !sawEvent && isCode(cause, A2AErrorCode.UnsupportedOperation)) {
        terminalOnResume = true; // SubscribeToTask refuses terminal tasks
      } else if (!isRetryable(cause)) {
        throw cause;
      }
      failure = cause;
    } finally {
      link.disarm();
      if (!ended) link.abort(new DOMException("stream closed by the client", "AbortError"));
      link.dispose();
      if (it && !ended) it.return?.()?.catch(() => {});
    }
    const taskId = tracker.taskId ?? knownTaskId;
    if (!taskId) {
      if (failure !== undefined) throw failure;
      if (ended && !sawEvent) {
        throw new A2AError(
          A2AErrorCode.InvalidAgentResponse,
          `${what} stream ended without any event`,
        );
      }
      return;
    }
    if (terminalOnResume) {
      const task = await runUnary("GetTask", s.timeout, request, s, (call) =>
        s.transport.getTask(withTenant(s, { id: taskId, ...history(s) }), call),
      );
      yield* tracker.diff(task);
      yield* tracker.flush();
      checkTaskError(s, tracker.task);
      return;
    }
    if (progressed) attempts = 0;
    attempts++;
    if (attempts > s.maxReconnects) {
      throw new ReconnectError(
        taskId,
        attempts - 1,
        failure ?? new Error("the stream closed before the task finished"),
      );
    }
    await pause(backoffDelay(s.reconnectBackoff, attempts), user, what);
    resumed = true;
    opener = (call) => s.transport.subscribeToTask(withTenant(s, { id: taskId }), call);
  }
}

async function pause(ms: number, signal: AbortSignal | undefined, what: string): Promise<void> {
  try {
    await sleep(ms, signal);
  } catch {
    throw abortError(signal as AbortSignal, what);
  }
}

function isCode(err: unknown, code: A2AErrorCode): boolean {
  return err instanceof A2AError && err.code === code;
}

/**
 * When a message continues an interrupted task, the first snapshot may still show the old
 * interruption (the server has not picked the message up yet). The returned check is true
 * while the task's status is still that first interrupted status, so the drivers keep going
 * instead of stopping at it.
 */
function staleInterruption(tracker: TaskTracker, continuing: boolean): () => boolean {
  return () => {
    const first = tracker.firstStatus;
    const now = tracker.task?.status;
    if (!continuing || !first || !now || !isInterruptedState(first.state)) return false;
    return now.state === first.state && now.timestamp === first.timestamp;
  };
}

/** Adds the tenant to a request when the client has one. */
export function withTenant<T extends object>(
  s: { tenant: string | undefined },
  req: T,
): T & { tenant?: string } {
  return s.tenant ? { ...req, tenant: s.tenant } : req;
}

function history(s: FollowSettings): { historyLength?: number } {
  return s.historyLength === undefined ? {} : { historyLength: s.historyLength };
}

/**
 * The polling fallback: starting from the task `SendMessage` returned, calls `GetTask`
 * every `pollingInterval` until the task is terminal or interrupted, yielding the same
 * events a stream would. Consecutive failed polls beyond `maxReconnects` raise ReconnectError.
 */
export async function* pollTask(
  s: FollowSettings,
  tracker: TaskTracker,
  first: Task,
  request: RequestOptions | undefined,
  continuing = false,
): AsyncGenerator<ClientEvent, void, undefined> {
  const user = request?.signal;
  const stale = staleInterruption(tracker, continuing);
  yield* tracker.diff(first);
  let failures = 0;
  let interruptedSince: number | undefined;
  for (;;) {
    const state = tracker.state;
    if (isTerminalState(state)) break;
    if (isInterruptedState(state) && !stale()) {
      if (state === "TASK_STATE_AUTH_REQUIRED") checkTaskError(s, tracker.task);
      if (!s.inputRequiredTimeout) break;
      interruptedSince ??= Date.now();
      if (Date.now() - interruptedSince >= s.inputRequiredTimeout) break;
    } else {
      interruptedSince = undefined;
    }
    await pause(s.pollingInterval, user, "GetTask polling");
    let task: Task;
    try {
      task = await runUnary("GetTask", s.timeout, request, s, (call) =>
        s.transport.getTask(withTenant(s, { id: first.id, ...history(s) }), call),
      );
      failures = 0;
    } catch (err) {
      if (user?.aborted) throw abortError(user, "GetTask polling");
      if (!isRetryable(err)) throw err;
      failures++;
      if (failures > s.maxReconnects) throw new ReconnectError(first.id, failures - 1, err);
      continue;
    }
    yield* tracker.diff(task);
  }
  checkTaskError(s, tracker.task);
}
