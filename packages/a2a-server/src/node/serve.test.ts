import { connect } from "node:http2";
import { Socket } from "node:net";
import type { AgentCard } from "@agentmesh/a2a-types";
import { describe, expect, it, vi } from "vitest";
import { fakeBinding } from "../../test/fake-binding.js";
import { gate, userMsg } from "../../test/helpers.js";
import { A2AServer } from "../a2a-server.js";
import { serve } from "./serve.js";

const agent = {
  name: "Echo",
  description: "Echoes",
  version: "1.0.0",
  skills: [{ id: "echo", name: "Echo", description: "echo", tags: ["echo"] }],
};

describe("serve()", () => {
  it("listens on HTTP and h2c, publishes the card with the real addresses, and closes", async () => {
    const server = new A2AServer(async () => "pong", {
      agent,
      bindings: [
        fakeBinding({ path: "/a2a/jsonrpc" }),
        fakeBinding({ path: "/grpc", protocolBinding: "GRPC", http2: true }),
      ],
    });
    const running = await serve(server, { host: "127.0.0.1", port: 0 });
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(running.grpcAddress).toMatch(/^127\.0\.0\.1:\d+$/);
      const card = (await (await fetch(running.cardUrl)).json()) as AgentCard;
      expect(card.supportedInterfaces.map((i) => i.url)).toEqual([
        `${running.url}/a2a/jsonrpc`,
        running.grpcAddress,
      ]);
      const res = await fetch(`${running.url}/a2a/jsonrpc`, {
        method: "POST",
        body: JSON.stringify({ message: userMsg("ping") }),
      });
      const body = (await res.json()) as { task: { status: { state: string } } };
      expect(body.task.status.state).toBe("TASK_STATE_COMPLETED");
      const h2 = connect(`http://${running.grpcAddress}`);
      const text = await new Promise<string>((resolve, reject) => {
        const req = h2.request({ ":path": "/x", ":method": "POST" });
        let out = "";
        req.setEncoding("utf8");
        req.on("data", (c) => (out += c));
        req.on("end", () => resolve(out));
        req.on("error", reject);
        req.end();
      });
      h2.close();
      expect(text).toBe("h2 ok function");
    } finally {
      await running.close();
    }
    await expect(fetch(running.cardUrl)).rejects.toThrow();
  });

  it("close() lets an open request finish before stopping", async () => {
    const release = gate();
    const server = new A2AServer(
      async () => {
        await release.promise;
        return "late";
      },
      { agent, bindings: [fakeBinding({ path: "/a2a/jsonrpc" })] },
    );
    const running = await serve(server, { closeTimeoutMs: 5_000 });
    const inflight = fetch(`${running.url}/a2a/jsonrpc`, {
      method: "POST",
      body: JSON.stringify({ message: userMsg("ping") }),
    });
    await new Promise((r) => setTimeout(r, 50));
    const closed = running.close();
    release.open();
    const body = (await (await inflight).json()) as { task: { status: { state: string } } };
    expect(body.task.status.state).toBe("TASK_STATE_COMPLETED");
    await closed;
  });

  it("enables TCP keepalive on accepted HTTP and h2c sockets (tcpKeepAliveMs; 0 = off)", async () => {
    const spy = vi.spyOn(Socket.prototype, "setKeepAlive");
    const server = new A2AServer(async () => "pong", {
      agent,
      bindings: [
        fakeBinding({ path: "/a2a/jsonrpc" }),
        fakeBinding({ path: "/grpc", protocolBinding: "GRPC", http2: true }),
      ],
    });
    const running = await serve(server, { tcpKeepAliveMs: 12_345 });
    try {
      await (await fetch(running.cardUrl)).text();
      const h2 = connect(`http://${running.grpcAddress}`);
      await new Promise<void>((resolve, reject) => {
        const req = h2.request({ ":path": "/x", ":method": "POST" });
        req.resume();
        req.on("end", () => resolve());
        req.on("error", reject);
        req.end();
      });
      h2.close();
      const ours = spy.mock.calls.filter(([on, delay]) => on === true && delay === 12_345);
      expect(ours.length).toBe(2); // one HTTP/1.1 socket, one h2c socket
    } finally {
      await running.close();
      spy.mockRestore();
    }
    const off = vi.spyOn(Socket.prototype, "setKeepAlive");
    const quiet = await serve(
      new A2AServer(async () => "pong", { agent, bindings: [fakeBinding()] }),
      {
        tcpKeepAliveMs: 0,
      },
    );
    try {
      await (await fetch(quiet.cardUrl)).text();
      // the client's socket may enable keepalive itself, with its own delay; the server's never
      expect(off.mock.calls.filter(([, delay]) => delay === 0 || delay === 30_000)).toEqual([]);
    } finally {
      await quiet.close();
      off.mockRestore();
    }
  });

  it("PINGs h2c sessions that hold an open stream (liveness of half-open connections)", async () => {
    // an h2 handler that answers the headers and keeps the stream open (like a gRPC stream)
    const streaming = fakeBinding({ path: "/grpc", protocolBinding: "GRPC", http2: true });
    streaming.createHttp2Handler = () => (_req, res) => {
      (res as { writeHead(s: number): void }).writeHead(200);
    };
    const server = new A2AServer(async () => "pong", { agent, bindings: [streaming] });
    const running = await serve(server, { http2PingIntervalMs: 20, closeTimeoutMs: 100 });
    const h2 = connect(`http://${running.grpcAddress}`);
    try {
      const pinged = new Promise<void>((resolve) => h2.once("ping", () => resolve()));
      const req = h2.request({ ":path": "/x", ":method": "POST" });
      req.on("error", () => {});
      await pinged;
      req.close();
    } finally {
      h2.destroy();
      await running.close();
    }
  });
});
