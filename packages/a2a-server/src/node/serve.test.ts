import { connect } from "node:http2";
import type { AgentCard } from "@agentmesh/a2a-types";
import { describe, expect, it } from "vitest";
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
});
