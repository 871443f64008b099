/**
 * Assertions on what a client received: the states a stream went through, the final text of
 * an artifact, the last state. They throw {@link A2AAssertionError}, which carries `actual` and
 * `expected` (vitest and node:test print a diff from those) and a readable message, so they
 * work with any test runner.
 */
import type { ClientEvent } from "@agentmesh/a2a-client";
import type { Artifact, StreamResponse, Task, TaskState } from "@agentmesh/a2a-types";

/** A failed A2A assertion, with `actual` / `expected` for the runner's diff. */
export class A2AAssertionError extends Error {
  override name = "AssertionError";
  /** What was seen. */
  readonly actual: unknown;
  /** What was expected. */
  readonly expected: unknown;
  /** Tells runners to print a diff. */
  readonly showDiff = true;
  /** Node's assert compatibility. */
  readonly code = "ERR_ASSERTION";
  constructor(message: string, actual: unknown, expected: unknown) {
    super(message);
    this.actual = actual;
    this.expected = expected;
  }
}

/** Anything that carries task states: client events, raw StreamResponses, or tasks. */
export type StateSource = ClientEvent | StreamResponse | Task;

/** Drains an async iterable into an array (a stream of events, pages…). */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

function stateOf(item: StateSource): TaskState | undefined {
  if ("kind" in item) {
    if (item.kind === "TaskSnapshot") return item.task.status.state;
    if (item.kind === "TaskStatusUpdate") return item.status.state;
    return undefined;
  }
  if ("task" in item && item.task) return item.task.status.state;
  if ("statusUpdate" in item && item.statusUpdate) return item.statusUpdate.status.state;
  if ("status" in item && "id" in item) return (item as Task).status.state;
  return undefined;
}

/**
 * The sequence of task states in `events` (snapshot and status updates), with consecutive
 * repeats folded: `[SUBMITTED, WORKING, COMPLETED]`.
 */
export function statesOf(events: readonly StateSource[]): TaskState[] {
  const out: TaskState[] = [];
  for (const ev of events) {
    const s = stateOf(ev);
    if (s !== undefined && out[out.length - 1] !== s) out.push(s);
  }
  return out;
}

const short = (s: string) => s.replace(/^TASK_STATE_/, "");

/**
 * Asserts the states the events went through. With `{ exact: false }` the expected states must
 * appear in order but others may come between. Default `{ exact: true }`.
 *
 * @example
 * ```ts
 * expectStates(await collect(client.stream("hi")), ["TASK_STATE_SUBMITTED", "TASK_STATE_WORKING", "TASK_STATE_COMPLETED"]);
 * ```
 */
export function expectStates(
  events: readonly StateSource[],
  expected: readonly TaskState[],
  options: { exact?: boolean } = {},
): void {
  const actual = statesOf(events);
  const ok =
    options.exact === false
      ? (() => {
          let i = 0;
          for (const s of actual) if (s === expected[i]) i++;
          return i === expected.length;
        })()
      : actual.length === expected.length && actual.every((s, i) => s === expected[i]);
  if (!ok) {
    throw new A2AAssertionError(
      `expected the task to go through ${expected.map(short).join(" → ")}${options.exact === false ? " (in order)" : ""}\n` +
        `but it went through          ${actual.map(short).join(" → ") || "(no states)"}`,
      actual,
      [...expected],
    );
  }
}

/** Asserts the last state seen in `events` (or of a task). */
export function expectFinalState(events: readonly StateSource[] | Task, expected: TaskState): void {
  const list = Array.isArray(events) ? events : [events as Task];
  const states = statesOf(list);
  const last = states[states.length - 1];
  if (last !== expected) {
    throw new A2AAssertionError(
      `expected the task to end ${short(expected)} but it ended ${last ? short(last) : "with no state"} (states: ${states.map(short).join(" → ")})`,
      last,
      expected,
    );
  }
}

function artifactsFrom(source: readonly StateSource[] | Task): Map<string, Artifact> {
  const byId = new Map<string, Artifact>();
  const put = (a: Artifact, append: boolean) => {
    const prev = byId.get(a.artifactId);
    byId.set(
      a.artifactId,
      append && prev
        ? { ...prev, parts: [...prev.parts, ...a.parts] }
        : { ...a, parts: [...a.parts] },
    );
  };
  const list = Array.isArray(source) ? source : [source as Task];
  for (const item of list) {
    if ("kind" in item) {
      if (item.kind === "TaskSnapshot") for (const a of item.task.artifacts ?? []) put(a, false);
      else if (item.kind === "TaskArtifactUpdate") put(item.artifact, item.append);
    } else if ("artifactUpdate" in item && item.artifactUpdate) {
      put(item.artifactUpdate.artifact, item.artifactUpdate.append === true);
    } else if ("task" in item && item.task) {
      for (const a of item.task.artifacts ?? []) put(a, false);
    } else if ("artifacts" in item && "id" in item) {
      for (const a of (item as Task).artifacts ?? []) put(a, false);
    }
  }
  return byId;
}

/**
 * The whole text of an artifact after joining its chunks: the one named `name`, or the only /
 * last artifact when no name is given. `undefined` when there is none.
 */
export function artifactText(
  source: readonly StateSource[] | Task,
  name?: string,
): string | undefined {
  const all = [...artifactsFrom(source).values()];
  const artifact = name === undefined ? all[all.length - 1] : all.find((a) => a.name === name);
  if (!artifact) return undefined;
  return artifact.parts.map((p) => ("text" in p ? p.text : "")).join("");
}

/** Asserts the final text of an artifact (see {@link artifactText}); a RegExp matches it. */
export function expectArtifactText(
  source: readonly StateSource[] | Task,
  expected: string | RegExp,
  name?: string,
): void {
  const actual = artifactText(source, name);
  const ok =
    typeof expected === "string"
      ? actual === expected
      : actual !== undefined && expected.test(actual);
  if (!ok) {
    const which = name === undefined ? "the artifact" : `artifact "${name}"`;
    throw new A2AAssertionError(
      actual === undefined
        ? `expected ${which} to read ${String(expected)} but there is no such artifact (have: ${[...artifactsFrom(source).values()].map((a) => a.name ?? a.artifactId).join(", ") || "none"})`
        : `expected ${which} to read ${String(expected)}\nbut it reads           ${JSON.stringify(actual)}`,
      actual,
      typeof expected === "string" ? expected : String(expected),
    );
  }
}

/**
 * vitest / jest matchers: `expect.extend(a2aMatchers)`, then
 * `expect(events).toHaveStates([...])`, `expect(events).toEndIn(state)`,
 * `expect(events).toHaveArtifactText(text, name?)`.
 */
export const a2aMatchers = {
  toHaveStates(received: readonly StateSource[], expected: readonly TaskState[]) {
    return asMatcher(() => expectStates(received, expected));
  },
  toEndIn(received: readonly StateSource[] | Task, expected: TaskState) {
    return asMatcher(() => expectFinalState(received, expected));
  },
  toHaveArtifactText(
    received: readonly StateSource[] | Task,
    expected: string | RegExp,
    name?: string,
  ) {
    return asMatcher(() => expectArtifactText(received, expected, name));
  },
};

function asMatcher(check: () => void) {
  try {
    check();
    return { pass: true, message: () => "expected the A2A assertion to fail, but it passed" };
  } catch (e) {
    if (!(e instanceof A2AAssertionError)) throw e;
    return { pass: false, message: () => e.message, actual: e.actual, expected: e.expected };
  }
}
