import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SdkServer, startSdkServer } from "./sdk-server.js";

let sdk: SdkServer;
beforeAll(async () => {
  sdk = await startSdkServer();
});
afterAll(async () => {
  await sdk?.close();
});

const msg = (text: string) => ({
  messageId: crypto.randomUUID(),
  role: "ROLE_USER",
  parts: [{ text }],
});

describe("the @a2a-js/sdk fixture server", () => {
  it("serves its card and answers raw JSON-RPC and REST calls", async () => {
    const card = await (await fetch(sdk.cardUrl, { headers: { "A2A-Version": "1.0" } })).json();
    expect(card.name).toBe("sdk-echo");
    expect(card.supportedInterfaces.map((i: any) => i.protocolBinding)).toEqual([
      "JSONRPC",
      "HTTP+JSON",
      "GRPC",
    ]);
    const rpc = await fetch(sdk.jsonRpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "A2A-Version": "1.0" },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "SendMessage",
        params: { message: msg("hello") },
      }),
    });
    const body = await rpc.json();
    expect(body.result.task.status.state).toBe("TASK_STATE_COMPLETED");
    expect(body.result.task.artifacts[0].parts[0].text).toBe("echo: hello");
    const rest = await fetch(`${sdk.restUrl}/message:send`, {
      method: "POST",
      headers: { "content-type": "application/a2a+json", "A2A-Version": "1.0" },
      body: JSON.stringify({ message: msg("message hi") }),
    });
    expect((await rest.json()).message.parts[0].text).toBe("echo: message hi");
  });
});
