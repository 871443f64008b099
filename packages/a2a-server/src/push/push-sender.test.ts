import { once } from "node:events";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { StreamResponse } from "@agentmesh/a2a-types";
import { afterEach, describe, expect, it } from "vitest";
import { card, ctx, userMsg } from "../../test/helpers.js";
import { createRequestHandler } from "../request-handler.js";
import { InMemoryPushConfigStore } from "../store/push-config-store.js";
import { createPushSender, type PushFailure } from "./push-sender.js";
import { WebhookTargetRefusedError } from "./ssrf.js";

interface Hit {
  headers: IncomingHttpHeaders;
  body: string;
}

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  if (server) await new Promise((r) => server!.close(r));
  server = undefined;
});

/** A webhook on 127.0.0.1 that answers with the given statuses in turn (then 200). */
async function webhook(
  statuses: number[],
): Promise<{ url: string; hits: Hit[]; wait: (n: number) => Promise<void> }> {
  const hits: Hit[] = [];
  const waiters: (() => void)[] = [];
  server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      hits.push({ headers: req.headers, body });
      res.statusCode = statuses.shift() ?? 200;
      res.end();
      for (const w of waiters.splice(0)) w();
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  const wait = async (n: number) => {
    while (hits.length < n) await new Promise<void>((r) => waiters.push(r));
  };
  return { url: `http://127.0.0.1:${port}/hook`, hits, wait };
}

const event: StreamResponse = {
  statusUpdate: { taskId: "t-1", contextId: "c-1", status: { state: "TASK_STATE_COMPLETED" } },
};

describe("push sender", () => {
  it("retries a webhook that fails twice, then succeeds (real HTTP server, SSRF opt-out)", async () => {
    const hook = await webhook([500, 503]);
    const failures: PushFailure[] = [];
    const sender = createPushSender({
      allowPrivateNetworks: true,
      initialBackoffMs: 5,
      onDeliveryFailed: (f) => failures.push(f),
    });
    sender.send({
      taskId: "t-1",
      event,
      configs: [
        {
          id: "c",
          taskId: "t-1",
          url: hook.url,
          token: "tok-1",
          authentication: { scheme: "Bearer", credentials: "s3cr3t" },
        },
      ],
    });
    await hook.wait(3);
    await sender.close?.();
    expect(hook.hits).toHaveLength(3);
    expect(failures).toEqual([]);
    const last = hook.hits[2]!;
    expect(last.headers["content-type"]).toBe("application/a2a+json");
    expect(last.headers.authorization).toBe("Bearer s3cr3t");
    expect(last.headers["x-a2a-notification-token"]).toBe("tok-1");
    expect(JSON.parse(last.body)).toEqual(JSON.parse(JSON.stringify(event)));
  });

  it("reports a final failure after maxAttempts", async () => {
    const hook = await webhook([500, 500, 500]);
    const failures: PushFailure[] = [];
    const sender = createPushSender({
      allowPrivateNetworks: true,
      maxAttempts: 2,
      initialBackoffMs: 1,
      onDeliveryFailed: (f) => failures.push(f),
    });
    sender.send({ taskId: "t-1", event, configs: [{ id: "c", url: hook.url }] });
    await sender.close?.();
    expect(hook.hits).toHaveLength(2);
    expect(failures).toHaveLength(1);
    expect(failures[0]!.attempts).toBe(2);
    expect(String(failures[0]!.error)).toContain("500");
  });

  it("keeps per-task order and delivers every task update from the handler", async () => {
    const hook = await webhook([500]);
    const h = createRequestHandler({
      agentCard: card,
      pushConfigStore: new InMemoryPushConfigStore(),
      pushSender: createPushSender({ allowPrivateNetworks: true, initialBackoffMs: 1 }),
      executor: async (_c, e) => {
        await e.working();
        await e.artifact("x", { lastChunk: true });
        await e.complete();
      },
    });
    await h.sendMessage(
      { message: userMsg("a"), configuration: { taskPushNotificationConfig: { url: hook.url } } },
      ctx(),
    );
    await hook.wait(5);
    await h.close();
    const kinds = hook.hits.map((hit) => Object.keys(JSON.parse(hit.body))[0]);
    // the first delivery (the task) failed once and was retried before the others
    expect(kinds).toEqual(["task", "task", "statusUpdate", "artifactUpdate", "statusUpdate"]);
    expect(JSON.parse(hook.hits[4]!.body).statusUpdate.status.state).toBe("TASK_STATE_COMPLETED");
  });

  it.each([
    ["loopback", "http://127.0.0.1:9/hook"],
    ["private", "http://10.1.2.3/hook"],
    ["metadata", "http://169.254.169.254/latest/meta-data"],
    ["mapped IPv6", "http://[::ffff:127.0.0.1]/hook"],
    ["localhost", "http://localhost:8080/hook"],
  ])("the SSRF guard refuses %s targets without sending", async (_name, url) => {
    const failures: PushFailure[] = [];
    let posted = false;
    const sender = createPushSender({
      post: async () => {
        posted = true;
        return { status: 200 };
      },
      onDeliveryFailed: (f) => failures.push(f),
    });
    sender.send({ taskId: "t", event, configs: [{ id: "c", url }] });
    await sender.close?.();
    expect(posted).toBe(false);
    expect(failures[0]?.error).toBeInstanceOf(WebhookTargetRefusedError);
    expect(failures[0]?.attempts).toBe(0);
  });

  it("checks the resolved address of a name (injected resolver), and refuses names without a resolver", async () => {
    const failures: PushFailure[] = [];
    const posted: string[] = [];
    const sender = createPushSender({
      resolveHost: async (host) =>
        host === "evil.example" ? ["93.184.216.34", "10.0.0.7"] : ["93.184.216.34"],
      post: async (url) => {
        posted.push(url);
        return { status: 204 };
      },
      onDeliveryFailed: (f) => failures.push(f),
    });
    sender.send({ taskId: "t", event, configs: [{ id: "a", url: "https://evil.example/hook" }] });
    sender.send({ taskId: "t", event, configs: [{ id: "b", url: "https://good.example/hook" }] });
    await sender.close?.();
    expect(posted).toEqual(["https://good.example/hook"]);
    expect(String(failures[0]?.error)).toContain("10.0.0.7");
    const noResolver = createPushSender({
      onDeliveryFailed: (f) => failures.push(f),
      post: async () => ({ status: 200 }),
    });
    noResolver.send({
      taskId: "t",
      event,
      configs: [{ id: "c", url: "https://good.example/hook" }],
    });
    await noResolver.close?.();
    expect(failures[1]?.error).toBeInstanceOf(WebhookTargetRefusedError);
  });
});
