import type { A2AClient, BindingName } from "@agentmesh/a2a-client";
import { A2AError, type A2AErrorCode, type ClientTransport } from "@agentmesh/a2a-transport";
import type { AgentCard, Message, SendMessageRequest, Task } from "@agentmesh/a2a-types";

/** What each conformance case gets. */
export interface ConformanceContext {
  /** The binding under test. */
  readonly binding: BindingName;
  /** The card URL (HTTP base) of the server under test. */
  readonly cardUrl: string;
  /** A client on the binding under test. */
  readonly client: A2AClient;
  /** The client's raw transport, for requests the high-level client would not send. */
  readonly transport: ClientTransport;
  /** The public card. */
  readonly card: AgentCard;
  /** `fetch` for HTTP-level checks (the card endpoint). */
  readonly fetch: typeof fetch;
  /** A message the agent answers by ending a task in a terminal state. */
  readonly completingText: string;
  /** The tenant of the chosen interface, if any. */
  readonly tenant: string | undefined;
}

/** A failed conformance check, naming the specification section. */
export class ConformanceError extends Error {
  override name = "ConformanceError";
}

/** Throws a {@link ConformanceError} when `cond` is false. */
export function check(cond: unknown, section: string, what: string): asserts cond {
  if (!cond) throw new ConformanceError(`${section}: ${what}`);
}

/** Runs `fn` and checks that it fails with an A2AError of `code`. */
export async function expectA2AError(
  fn: () => Promise<unknown>,
  code: A2AErrorCode,
  section: string,
): Promise<A2AError> {
  let result: unknown;
  try {
    result = await fn();
  } catch (e) {
    check(
      e instanceof A2AError,
      section,
      `expected A2AError ${code}, got ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`,
    );
    check(e.code === code, section, `expected error ${code}, got ${e.code} ("${e.message}")`);
    return e;
  }
  throw new ConformanceError(
    `${section}: expected error ${code}, but the call succeeded with ${JSON.stringify(result)?.slice(0, 200)}`,
  );
}

/** Drains an async iterable (a raw stream) into an array, failing after `max` items. */
export async function drain<T>(stream: AsyncIterable<T>, max = 10_000): Promise<T[]> {
  const out: T[] = [];
  for await (const item of stream) {
    out.push(item);
    if (out.length > max) throw new ConformanceError(`stream did not end after ${max} events`);
  }
  return out;
}

let counter = 0;
/** A user message with a fresh id. */
export function userMessage(text: string, extra: Partial<Message> = {}): Message {
  counter++;
  return {
    messageId: `conformance-${Date.now().toString(36)}-${counter}`,
    role: "ROLE_USER",
    parts: [{ text }],
    ...extra,
  };
}

/** A SendMessageRequest with the context's tenant. */
export function sendRequest(
  t: ConformanceContext,
  message: Message,
  configuration?: SendMessageRequest["configuration"],
): SendMessageRequest {
  return {
    message,
    ...(configuration ? { configuration } : {}),
    ...(t.tenant ? { tenant: t.tenant } : {}),
  };
}

/** Adds the context's tenant to a request. */
export function withTenant<T extends object>(
  t: ConformanceContext,
  req: T,
): T & { tenant?: string } {
  return t.tenant ? { ...req, tenant: t.tenant } : req;
}

const TERMINAL = new Set([
  "TASK_STATE_COMPLETED",
  "TASK_STATE_FAILED",
  "TASK_STATE_CANCELED",
  "TASK_STATE_REJECTED",
]);
/** True for the four terminal states. */
export const isTerminalState = (s: string) => TERMINAL.has(s);
/** True for terminal and interrupted states. */
export const isSettledState = (s: string) =>
  TERMINAL.has(s) || s === "TASK_STATE_INPUT_REQUIRED" || s === "TASK_STATE_AUTH_REQUIRED";

/** Sends the completing message (blocking) and returns the terminal task it produced. */
export async function terminalTask(t: ConformanceContext): Promise<Task> {
  const res = await t.transport.sendMessage(sendRequest(t, userMessage(t.completingText)));
  check(
    res.task,
    "§3.1.1",
    `the completing message must produce a task (got ${JSON.stringify(res)})`,
  );
  check(
    isTerminalState(res.task.status.state),
    "§3.2.2",
    `SendMessage blocks until the task is terminal or interrupted; the completing message must end it terminal (got ${res.task.status.state})`,
  );
  return res.task;
}
