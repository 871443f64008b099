import type { ClientEvent } from "@agentmesh/a2a-client/node";
import { A2AError, type A2AErrorCode } from "@agentmesh/a2a-transport";
import { expect } from "vitest";

/** Every event of a client stream, in order. */
export async function collect(events: AsyncIterable<ClientEvent>): Promise<ClientEvent[]> {
  const out: ClientEvent[] = [];
  for await (const ev of events) out.push(ev);
  return out;
}

/** Awaits `p`, expects it to reject with an A2AError of `code`, and returns that error. */
export async function expectA2AError(p: Promise<unknown>, code: A2AErrorCode): Promise<A2AError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, `expected ${code}`).toBeInstanceOf(A2AError);
  const a2a = err as A2AError;
  expect(a2a.code).toBe(code);
  return a2a;
}

/** The last task state a stream reported (status update or snapshot). */
export function lastState(events: ClientEvent[]): string | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const ev = events[i];
    if (ev?.kind === "TaskStatusUpdate") return ev.status.state;
    if (ev?.kind === "TaskSnapshot") return ev.task.status.state;
  }
  return undefined;
}
