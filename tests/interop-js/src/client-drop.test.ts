// Streams that survive drops: a TCP proxy between client and server destroys the real sockets
// mid-stream. The client resubscribes and the consumer gets every chunk exactly once; when the
// proxy refuses every reconnection the client raises ReconnectError with the attempt count.
import {
  type A2AClient,
  type ClientEvent,
  ReconnectError,
  createClientFromCard,
} from "@agentmesh/a2a-client/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type TcpProxy,
  type TestServer,
  fetchCard,
  portOf,
  rewriteCard,
  startAgentmeshServer,
  startTcpProxy,
} from "./client-support.js";

let srv: TestServer;
let httpProxy: TcpProxy;
let grpcProxy: TcpProxy;
beforeAll(async () => {
  srv = await startAgentmeshServer();
  httpProxy = await startTcpProxy(portOf(srv.running.url));
  grpcProxy = await startTcpProxy(portOf(srv.running.grpcAddress ?? ""));
});
afterAll(async () => {
  await httpProxy?.close();
  await grpcProxy?.close();
  await srv?.close();
});
afterEach(() => {
  httpProxy.refuse = false;
  grpcProxy.refuse = false;
});

let seq = 0;

async function proxiedClient(
  prefer: "jsonrpc" | "rest" | "grpc",
  maxReconnects: number,
): Promise<A2AClient> {
  const card = rewriteCard(await fetchCard(srv.running.cardUrl), {
    [portOf(srv.running.url)]: httpProxy.port,
    [portOf(srv.running.grpcAddress ?? "")]: grpcProxy.port,
  });
  return createClientFromCard(card, {
    prefer,
    maxReconnects,
    reconnectBackoff: 20,
    timeout: 5_000,
    extendedCard: false,
  });
}

function chunks(events: ClientEvent[]): string[] {
  return events
    .filter((e) => e.kind === "TaskArtifactUpdate")
    .flatMap((e) => e.artifact.parts.map((p) => ("text" in p ? (p.text ?? "") : "")))
    .join("")
    .split(";")
    .filter((s) => s !== "");
}

describe.each(["jsonrpc", "rest", "grpc"] as const)("%s", (prefer) => {
  const proxy = () => (prefer === "grpc" ? grpcProxy : httpProxy);

  it("resumes after the socket is destroyed mid-stream; every chunk arrives once", async () => {
    const client = await proxiedClient(prefer, 3);
    const key = `k${++seq}`;
    const events: ClientEvent[] = [];
    let cut = 0;
    let acceptedAtCut = 0;
    try {
      for await (const ev of client.stream(`gated ${key} 9`)) {
        events.push(ev);
        const n = chunks(events).length;
        if (ev.kind === "TaskArtifactUpdate" && n === 3 && cut === 0) {
          cut = proxy().cutAll(); // real sockets destroyed, both sides
          acceptedAtCut = proxy().accepted;
          srv.gates.open(`${key}-1`); // the agent goes on while the client is disconnected
        }
        if (ev.kind === "TaskArtifactUpdate" && n === 6) srv.gates.open(`${key}-2`);
      }
    } finally {
      await client.close();
    }
    expect(cut).toBeGreaterThan(0);
    expect(proxy().accepted).toBeGreaterThan(acceptedAtCut); // it reconnected through the proxy
    expect(chunks(events)).toEqual(["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"]);
    const texts = events.filter((e) => e.kind === "TextArtifact");
    expect(texts).toHaveLength(1);
    expect(texts[0]?.kind === "TextArtifact" && texts[0].text).toBe("c1;c2;c3;c4;c5;c6;c7;c8;c9;");
    expect(events.filter((e) => e.kind === "TaskSnapshot")).toHaveLength(1);
    const last = events.filter((e) => e.kind === "TaskStatusUpdate").at(-1);
    expect(last?.kind === "TaskStatusUpdate" && last.status.state).toBe("TASK_STATE_COMPLETED");
  });

  it("raises ReconnectError with the attempt count when every reconnection is cut", async () => {
    const client = await proxiedClient(prefer, 2);
    const key = `k${++seq}`;
    const events: ClientEvent[] = [];
    let taskId = "";
    const err = await (async () => {
      for await (const ev of client.stream(`gated ${key} 6`)) {
        events.push(ev);
        if (ev.kind === "TaskSnapshot") taskId = ev.task.id;
        if (ev.kind === "TaskArtifactUpdate" && chunks(events).length === 3) {
          proxy().refuse = true;
          proxy().cutAll();
        }
      }
    })().catch((e: unknown) => e);
    await client.close();
    srv.gates.open(`${key}-1`);
    expect(err).toBeInstanceOf(ReconnectError);
    expect((err as ReconnectError).attempts).toBe(2);
    expect((err as ReconnectError).taskId).toBe(taskId);
    expect(chunks(events)).toEqual(["c1", "c2", "c3"]);
  });
});
