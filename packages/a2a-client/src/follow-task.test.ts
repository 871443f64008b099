import { A2AClientError } from "@agentmesh/a2a-transport";
import { describe, expect, it } from "vitest";
import { FakeAgent, script, testCard } from "../test/fake-transport.js";
import { createClientFromCard } from "./create-client.js";
import { ReconnectError, TaskFailedError } from "./errors.js";
import type { ClientEvent } from "./events.js";

async function collect(it: AsyncIterable<ClientEvent>): Promise<ClientEvent[]> {
  const out: ClientEvent[] = [];
  for await (const ev of it) out.push(ev);
  return out;
}

/** The text of every artifact chunk the consumer saw, joined in order. */
function chunkText(events: ClientEvent[]): string {
  return events
    .filter((e) => e.kind === "TaskArtifactUpdate")
    .flatMap((e) => e.artifact.parts.map((p) => ("text" in p ? p.text : "")))
    .join("");
}

async function clientFor(
  agent: FakeAgent,
  options: Parameters<typeof createClientFromCard>[1] = {},
) {
  return createClientFromCard(testCard({ streaming: options.streaming ?? true }), {
    jsonRpcTransport: () => agent.transport(),
    reconnectBackoff: 1,
    ...options,
  });
}

describe("stream", () => {
  it("yields typed events and a whole TextArtifact", async () => {
    const agent = new FakeAgent();
    const client = await clientFor(agent);
    const events = await collect(client.stream("hi"));
    expect(events.map((e) => e.kind)).toEqual([
      "TaskSnapshot",
      "TaskStatusUpdate",
      "TaskArtifactUpdate",
      "TaskArtifactUpdate",
      "TaskArtifactUpdate",
      "TaskArtifactUpdate",
      "TextArtifact",
      "TaskStatusUpdate",
    ]);
    const text = events.find((e) => e.kind === "TextArtifact");
    expect(text?.kind === "TextArtifact" && text.text).toBe("Hello, world!");
    const last = events.at(-1);
    expect(last?.kind === "TaskStatusUpdate" && last.status.state).toBe("TASK_STATE_COMPLETED");
    const lastChunk = events.filter((e) => e.kind === "TaskArtifactUpdate").at(-1);
    expect(lastChunk?.kind === "TaskArtifactUpdate" && lastChunk.accumulated.parts.length).toBe(4);
  });

  it("resumes a cut stream with SubscribeToTask and yields each chunk once", async () => {
    const agent = new FakeAgent();
    agent.cuts = [3]; // first connection breaks after the first chunk
    agent.progressWhileDown = 2; // two more chunks happen while disconnected
    const client = await clientFor(agent);
    const events = await collect(client.stream("hi"));
    expect(agent.subscribeCalls).toEqual([{ id: "t-1" }]);
    expect(chunkText(events)).toBe("Hello, world!");
    expect(events.filter((e) => e.kind === "TextArtifact")).toHaveLength(1);
    expect(events.filter((e) => e.kind === "TaskSnapshot")).toHaveLength(1);
    const recovered = events.filter((e) => e.kind === "TaskArtifactUpdate" && e.recovered);
    expect(recovered).toHaveLength(1);
    expect(events.at(-1)?.kind).toBe("TaskStatusUpdate");
  });

  it("survives several cuts in a row within maxReconnects", async () => {
    const agent = new FakeAgent();
    agent.cuts = [2, 0, 0, 2];
    const client = await clientFor(agent, { maxReconnects: 3 });
    const events = await collect(client.stream("hi"));
    expect(chunkText(events)).toBe("Hello, world!");
    expect(agent.connections).toBe(5);
  });

  it("raises ReconnectError with the attempt count after repeated cuts", async () => {
    const agent = new FakeAgent();
    agent.cuts = [2, 0, 0, 0, 0, 0];
    const client = await clientFor(agent, { maxReconnects: 2 });
    const seen: ClientEvent[] = [];
    const err = await (async () => {
      for await (const ev of client.stream("hi")) seen.push(ev);
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReconnectError);
    expect((err as ReconnectError).attempts).toBe(2);
    expect((err as ReconnectError).taskId).toBe("t-1");
    expect(agent.subscribeCalls).toHaveLength(2);
    expect(seen.map((e) => e.kind)).toEqual(["TaskSnapshot", "TaskStatusUpdate"]);
  });

  it("falls back to GetTask when the task finished while disconnected", async () => {
    const agent = new FakeAgent();
    agent.cuts = [2];
    agent.progressWhileDown = 10;
    const client = await clientFor(agent);
    const events = await collect(client.stream("hi"));
    expect(chunkText(events)).toBe("Hello, world!");
    expect(agent.requests.map((r) => r.method)).toEqual([
      "SendStreamingMessage",
      "SubscribeToTask",
      "GetTask",
    ]);
    expect(events.filter((e) => e.kind === "TextArtifact")).toHaveLength(1);
    const last = events.filter((e) => e.kind === "TaskStatusUpdate").at(-1);
    expect(last?.kind === "TaskStatusUpdate" && last.status.state).toBe("TASK_STATE_COMPLETED");
  });

  it("throws TaskFailedError carrying the task after yielding the final status", async () => {
    const agent = new FakeAgent(script("TASK_STATE_FAILED"));
    const client = await clientFor(agent);
    const seen: ClientEvent[] = [];
    const err = await (async () => {
      for await (const ev of client.stream("hi")) seen.push(ev);
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TaskFailedError);
    expect((err as TaskFailedError).task.id).toBe("t-1");
    expect((err as TaskFailedError).state).toBe("TASK_STATE_FAILED");
    expect(seen.at(-1)?.kind).toBe("TaskStatusUpdate");
  });

  it("with throwOnTaskError false ends quietly on a failed task", async () => {
    const agent = new FakeAgent(script("TASK_STATE_FAILED"));
    const client = await clientFor(agent, { throwOnTaskError: false });
    const events = await collect(client.stream("hi"));
    expect(events.at(-1)?.kind).toBe("TaskStatusUpdate");
  });

  it("yields a lone Message for a direct reply", async () => {
    const agent = new FakeAgent([
      { message: { messageId: "m-9", role: "ROLE_AGENT", parts: [{ text: "pong" }] } },
    ]);
    const client = await clientFor(agent);
    const events = await collect(client.stream("ping"));
    expect(events).toEqual([
      {
        kind: "Message",
        message: { messageId: "m-9", role: "ROLE_AGENT", parts: [{ text: "pong" }] },
        recovered: false,
      },
    ]);
  });

  it("aborts with A2AClientError ABORTED when the signal fires mid-stream", async () => {
    const agent = new FakeAgent();
    const client = await clientFor(agent);
    const ctl = new AbortController();
    const err = await (async () => {
      for await (const ev of client.stream("hi", { signal: ctl.signal })) {
        if (ev.kind === "TaskStatusUpdate") ctl.abort();
      }
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(A2AClientError);
    expect((err as A2AClientError).code).toBe("ABORTED");
  });

  it("times out a stream whose first event never comes with A2AClientError TIMEOUT", async () => {
    const agent = new FakeAgent();
    agent.hangStream = true;
    const client = await clientFor(agent, { timeout: 20 });
    const err = await collect(client.stream("hi")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(A2AClientError);
    expect((err as A2AClientError).code).toBe("TIMEOUT");
    expect(agent.requests[0]?.opts?.signal?.aborted).toBe(true);
  });

  it("the timeout bounds the wait for the first event, not the whole stream", async () => {
    const agent = new FakeAgent();
    const inner = agent.transport();
    // 7 events 250 ms apart: the stream lasts far longer than the 1 s timeout.
    const client = await createClientFromCard(testCard(), {
      jsonRpcTransport: () => ({
        ...inner,
        sendStreamingMessage: (req, opts) =>
          (async function* () {
            for await (const ev of inner.sendStreamingMessage(req, opts)) {
              await new Promise((r) => setTimeout(r, 250));
              yield ev;
            }
          })(),
      }),
      timeout: 1_000,
    });
    const events = await collect(client.stream("hi"));
    const last = events.filter((e) => e.kind === "TaskStatusUpdate").at(-1);
    expect(last?.kind === "TaskStatusUpdate" && last.status.state).toBe("TASK_STATE_COMPLETED");
  });

  it("closes the transport stream when the consumer breaks out", async () => {
    const agent = new FakeAgent();
    const client = await clientFor(agent);
    for await (const ev of client.stream("hi")) if (ev.kind === "TaskSnapshot") break;
    expect(agent.cursor).toBeLessThan(agent.events.length);
  });
});

describe("polling fallback", () => {
  it("sends with returnImmediately and polls GetTask when the card does not stream", async () => {
    const agent = new FakeAgent();
    const client = await clientFor(agent, { streaming: false, pollingInterval: 1 });
    expect(client.streams).toBe(false);
    const events = await collect(client.stream("hi"));
    const send = agent.requests[0];
    expect(send?.method).toBe("SendMessage");
    expect(
      (send?.req as { configuration?: { returnImmediately?: boolean } } | undefined)?.configuration
        ?.returnImmediately,
    ).toBe(true);
    expect(agent.requests.slice(1).every((r) => r.method === "GetTask")).toBe(true);
    expect(chunkText(events)).toBe("Hello, world!");
    expect(events[0]?.kind).toBe("TaskSnapshot");
    expect(events.filter((e) => e.kind === "TextArtifact")).toHaveLength(1);
    const last = events.filter((e) => e.kind === "TaskStatusUpdate").at(-1);
    expect(last?.kind === "TaskStatusUpdate" && last.status.state).toBe("TASK_STATE_COMPLETED");
  });

  it("polls when streaming is turned off in the options", async () => {
    const agent = new FakeAgent();
    const client = await createClientFromCard(testCard({ streaming: true }), {
      jsonRpcTransport: () => agent.transport(),
      streaming: false,
      pollingInterval: 1,
    });
    const events = await collect(client.stream("hi"));
    expect(agent.requests.some((r) => r.method === "SendStreamingMessage")).toBe(false);
    expect(chunkText(events)).toBe("Hello, world!");
  });
});
