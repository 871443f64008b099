import { createConnection } from "node:net";
import type { Task } from "@agentmesh/a2a-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  echoAgent,
  expectArtifactText,
  pickFreePort,
  startTestServer,
  type TestServer,
} from "../src/node.js";

describe("startTestServer", () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(echoAgent(), { agent: { name: "Echo under test" } });
  });
  afterAll(async () => {
    await t.close();
  });

  it("serves every binding on 127.0.0.1 with ready clients", async () => {
    expect(t.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(t.grpcAddress).toMatch(/^127\.0\.0\.1:\d+$/);
    for (const binding of ["jsonrpc", "rest", "grpc"] as const) {
      const client = t.clients[binding];
      expect(client.card.name).toBe("Echo under test");
      const task = (await client.sendMessage(`hi ${binding}`)) as Task;
      expectArtifactText(task, `hi ${binding}`);
    }
  });

  it("frees its ports on close", async () => {
    const other = await startTestServer(echoAgent());
    const port = Number(new URL(other.url).port);
    await other.close();
    await other.close(); // twice is fine
    const refused = await new Promise<boolean>((resolve) => {
      const s = createConnection({ host: "127.0.0.1", port });
      s.once("connect", () => {
        s.destroy();
        resolve(false);
      });
      s.once("error", () => resolve(true));
    });
    expect(refused).toBe(true);
  });
});

describe("pickFreePort", () => {
  it("returns a bindable port", async () => {
    const port = await pickFreePort();
    expect(port).toBeGreaterThan(0);
    const t = await startTestServer(echoAgent(), { serve: { port } });
    expect(t.url).toBe(`http://127.0.0.1:${port}`);
    await t.close();
  });
});
