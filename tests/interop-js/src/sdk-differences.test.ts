// Where @a2a-js/sdk's server and ours answer differently on the wire, with the spec section
// that decides. Each test pins what the SDK does today (so a fix there shows up) and asserts
// the specification's behaviour on our side.
import { A2AServer, InMemoryPushConfigStore } from "@agentmesh/a2a-server";
import { serve, type ServingServer } from "@agentmesh/a2a-server/node";
import { jsonRpcBinding } from "@agentmesh/a2a-jsonrpc";
import { restBinding } from "@agentmesh/a2a-rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SdkServer, startSdkServer } from "./sdk-server.js";

let sdk: SdkServer;
let ours: ServingServer;
beforeAll(async () => {
  sdk = await startSdkServer({ grpc: false });
  const server = new A2AServer(
    async (ctx, events) => {
      await events.working();
      await new Promise<void>((resolve) => {
        if (ctx.signal.aborted) resolve();
        ctx.signal.addEventListener("abort", () => resolve(), { once: true });
      });
    },
    {
      agent: {
        name: "ours",
        description: "differences",
        version: "1.0.0",
        skills: [{ id: "s", name: "s", description: "s", tags: ["t"] }],
      },
      bindings: [jsonRpcBinding(), restBinding()],
      pushConfigStore: new InMemoryPushConfigStore(),
      pushSender: { send() {} },
    },
  );
  ours = await serve(server, { port: 0, grpcPort: 0 });
});
afterAll(async () => {
  await sdk?.close();
  await ours?.close();
});

const H = { "content-type": "application/json", "A2A-Version": "1.0" };
const msg = { messageId: "m-1", role: "ROLE_USER", parts: [{ text: "slow" }] };

async function rpc(url: string, method: string, params: unknown): Promise<any> {
  const res = await fetch(url, {
    method: "POST",
    headers: H,
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  return res.json();
}

async function startTask(url: string): Promise<string> {
  const r = await rpc(url, "SendMessage", {
    message: msg,
    configuration: { returnImmediately: true },
  });
  return r.result.task.id as string;
}

describe("@a2a-js/sdk vs the specification", () => {
  it("JSON-RPC DeleteTaskPushNotificationConfig: SDK answers result null; §9 + a2a.proto say the result is google.protobuf.Empty, i.e. {}", async () => {
    for (const [url, expected] of [
      [sdk.jsonRpcUrl, null],
      [`${ours.url}/a2a/jsonrpc`, {}],
    ] as const) {
      const taskId = await startTask(url);
      await rpc(url, "CreateTaskPushNotificationConfig", {
        taskId,
        id: "c",
        url: "https://hooks.example.com/x",
      });
      const del = await rpc(url, "DeleteTaskPushNotificationConfig", { taskId, id: "c" });
      expect(del.error).toBeUndefined();
      expect(del.result, url).toEqual(expected);
      await rpc(url, "CancelTask", { id: taskId });
    }
  });

  it("REST Create/Delete push config: SDK answers 201 / 204, the google.api.http transcoding of a2a.proto 200 with the message (Empty = {}); clients accept any 2xx", async () => {
    const statuses: Record<string, number[]> = {};
    for (const [name, rest, jsonrpc] of [
      ["sdk", sdk.restUrl, sdk.jsonRpcUrl],
      ["ours", `${ours.url}/a2a/rest`, `${ours.url}/a2a/jsonrpc`],
    ] as const) {
      const taskId = await startTask(jsonrpc);
      const c = await fetch(`${rest}/tasks/${taskId}/pushNotificationConfigs`, {
        method: "POST",
        headers: { ...H, "content-type": "application/a2a+json" },
        body: JSON.stringify({ taskId, id: "c", url: "https://hooks.example.com/x" }),
      });
      const d = await fetch(`${rest}/tasks/${taskId}/pushNotificationConfigs/c`, {
        method: "DELETE",
        headers: H,
      });
      statuses[name] = [c.status, d.status];
      if (name === "ours") expect(await d.json()).toEqual({});
      await rpc(jsonrpc, "CancelTask", { id: taskId });
    }
    expect(statuses.sdk).toEqual([201, 204]);
    expect(statuses.ours).toEqual([200, 200]);
  });
});
