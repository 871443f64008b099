/**
 * The demo client: discovers the travel planner from its card URL on a chosen binding and
 * runs a conversation with streaming, one input-required turn, a direct-message reply, a task
 * listing and a cancel. Every step checks what it received; a mismatch throws.
 */
import { type A2AClient, type ClientEvent, createClient } from "@agentmesh/a2a-client/node";
import { getText, type Task } from "@agentmesh/a2a-types";

/** Where transcript lines go (default: console.log). */
export type Log = (line: string) => void;

/** A failed expectation of the demo. */
export class DemoMismatchError extends Error {
  override name = "DemoMismatchError";
}

function expect(cond: unknown, what: string): asserts cond {
  if (!cond) throw new DemoMismatchError(`demo check failed: ${what}`);
}

/** Drains a stream, logging each event, and returns the events. */
async function drain(stream: AsyncIterable<ClientEvent>, log: Log): Promise<ClientEvent[]> {
  const seen: ClientEvent[] = [];
  for await (const ev of stream) {
    seen.push(ev);
    switch (ev.kind) {
      case "TaskSnapshot":
        log(`    ⋯ task ${ev.task.id.slice(0, 8)} ${ev.task.status.state}`);
        break;
      case "TaskStatusUpdate":
        log(
          `    ⋯ ${ev.status.state}${ev.status.message ? `: ${getText(ev.status.message)}` : ""}`,
        );
        break;
      case "TaskArtifactUpdate":
        log(`    ⋯ artifact chunk: ${getText(ev.artifact).trimEnd()}`);
        break;
      case "Message":
        log(`    ⋯ message: ${getText(ev.message)}`);
        break;
      default:
        break;
    }
  }
  return seen;
}

function lastStatus(events: ClientEvent[]): {
  state: string;
  text: string;
  taskId: string;
  contextId: string;
} {
  for (let i = events.length - 1; i >= 0; i--) {
    const ev = events[i]!;
    if (ev.kind === "TaskStatusUpdate") {
      return {
        state: ev.status.state,
        text: ev.status.message ? getText(ev.status.message) : "",
        taskId: ev.taskId,
        contextId: ev.contextId,
      };
    }
    if (ev.kind === "TaskSnapshot") {
      const t = ev.task;
      return {
        state: t.status.state,
        text: t.status.message ? getText(t.status.message) : "",
        taskId: t.id,
        contextId: t.contextId ?? "",
      };
    }
  }
  throw new DemoMismatchError("demo check failed: the stream carried no task");
}

/** Runs the travel conversation against `cardUrl` on `binding`. */
export async function runTravelTranscript(
  cardUrl: string,
  binding: "jsonrpc" | "rest" | "grpc",
  log: Log = console.log,
): Promise<void> {
  const client: A2AClient = await createClient(cardUrl, { prefer: binding });
  try {
    log(`\n── ${client.card.name} over ${binding} (${client.transport.protocolBinding})`);
    log(`user  › Plan a trip`);
    const first = await drain(client.stream("Plan a trip"), log);
    const asked = lastStatus(first);
    expect(
      asked.state === "TASK_STATE_INPUT_REQUIRED",
      `first turn ends INPUT_REQUIRED (got ${asked.state})`,
    );
    expect(/where/i.test(asked.text), `the agent asks where to go (got "${asked.text}")`);
    log(`agent › ${asked.text}`);

    log(`user  › Lisbon, for 3 days`);
    const second = await drain(
      client.stream("Lisbon, for 3 days", { taskId: asked.taskId, contextId: asked.contextId }),
      log,
    );
    const done = lastStatus(second);
    expect(done.state === "TASK_STATE_COMPLETED", `second turn completes (got ${done.state})`);
    const whole = second
      .filter((e) => e.kind === "TextArtifact")
      .map((e) => e.text)
      .join("");
    expect(
      /Day 1: .*Lisbon/.test(whole) && /Day 3: /.test(whole),
      `the itinerary has 3 days (got "${whole}")`,
    );
    expect(!/Day 4/.test(whole), "the itinerary has no 4th day");
    log(`agent › ${done.text}`);
    log(whole.trimEnd().replace(/^/gm, "        "));

    log(`user  › convert 250 USD to EUR`);
    const fx = await client.sendMessage("convert 250 USD to EUR");
    expect("parts" in fx && "role" in fx, "currency conversion answers with a direct message");
    expect(getText(fx) === "250 USD = 230.00 EUR", `conversion result (got "${getText(fx)}")`);
    log(`agent › ${getText(fx)}`);

    const listed = await client.listTasks({ contextId: asked.contextId });
    const mine = listed.tasks.find((t) => t.id === asked.taskId);
    expect(mine?.status.state === "TASK_STATE_COMPLETED", "ListTasks shows the completed trip");
    log(
      `tasks › ${listed.tasks.length} task(s) in this conversation: ${listed.tasks.map((t) => `${t.id.slice(0, 8)} ${t.status.state}`).join(", ")}`,
    );

    log(`user  › Plan a world tour (returnImmediately), then cancel it`);
    const tour = (await client.sendMessage("Plan a world tour", {
      returnImmediately: true,
    })) as Task;
    expect("status" in tour, "the world tour is a task");
    const canceled = await client.cancelTask(tour.id);
    expect(
      canceled.status.state === "TASK_STATE_CANCELED",
      `cancel ends CANCELED (got ${canceled.status.state})`,
    );
    const again = await client.getTask(tour.id);
    expect(again.status.state === "TASK_STATE_CANCELED", "GetTask after cancel shows CANCELED");
    log(`agent › world tour ${tour.id.slice(0, 8)} is ${again.status.state}`);
  } finally {
    await client.close();
  }
}

/** Asks the concierge, which delegates to the travel planner, and checks the relayed plan. */
export async function runDelegationTranscript(
  cardUrl: string,
  log: Log = console.log,
): Promise<void> {
  const client = await createClient(cardUrl, { prefer: "jsonrpc" });
  try {
    log(`\n── ${client.card.name} (delegates to the travel planner over gRPC)`);
    log(`user  › Plan a trip to Paris for 2 days`);
    const events = await drain(client.stream("Plan a trip to Paris for 2 days"), log);
    const end = lastStatus(events);
    expect(end.state === "TASK_STATE_COMPLETED", `delegation completes (got ${end.state})`);
    const whole = events
      .filter((e) => e.kind === "TextArtifact")
      .map((e) => e.text)
      .join("");
    expect(
      /\[travel planner\] Day 2: .*Paris/.test(whole),
      `the relayed plan has day 2 (got "${whole}")`,
    );
    log(`agent › ${end.text}`);
  } finally {
    await client.close();
  }
}
