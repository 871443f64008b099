import { A2AError } from "@agentmesh/a2a-transport";
import { describe, expect, it } from "vitest";
import { card, ctx, userMsg } from "../test/helpers.js";
import { A2AServer } from "./a2a-server.js";
import { createPushSender, type PushSender } from "./push/push-sender.js";
import { createRequestHandler } from "./request-handler.js";
import { InMemoryPushConfigStore } from "./store/push-config-store.js";

const quiet = { onDeliveryFailed: () => {} };

async function setup(pushSender: PushSender) {
  const h = createRequestHandler({
    agentCard: card,
    executor: async (_c, e) => e.requireInput("?"),
    pushConfigStore: new InMemoryPushConfigStore(),
    pushSender,
  });
  const { task } = await h.sendMessage({ message: userMsg("a") }, ctx());
  return { h, taskId: task!.id };
}

async function refusal(call: Promise<unknown>): Promise<A2AError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(A2AError);
  expect((error as A2AError).code).toBe("INVALID_PARAMS");
  return error as A2AError;
}

describe("push config targets are checked by the SSRF guard at create time", () => {
  it("refuses loopback, private, metadata and localhost targets with a clear message", async () => {
    const resolveHost = async () => ["93.184.215.14"];
    const { h, taskId } = await setup(createPushSender({ ...quiet, resolveHost }));
    const c = ctx("CreateTaskPushNotificationConfig");
    for (const url of [
      "http://127.0.0.1:9/hook",
      "http://10.1.2.3/hook",
      "http://169.254.169.254/latest",
      "http://[::1]:9/hook",
      "http://[::ffff:192.168.0.1]/hook",
      "http://localhost:9/hook",
      "http://metadata.google.internal/x",
    ]) {
      const error = await refusal(h.createTaskPushNotificationConfig({ taskId, url }, c));
      expect(error.fieldViolations?.[0]?.field).toBe("url");
      expect(error.message).toMatch(/not an allowed webhook target .*public addresses/);
    }
    // public IP literals and names (resolved at delivery) are accepted
    for (const url of ["https://93.184.215.14/hook", "https://hooks.example.com/hook"]) {
      const created = await h.createTaskPushNotificationConfig({ taskId, url }, c);
      expect(created.url).toBe(url);
    }
    const list = await h.listTaskPushNotificationConfigs({ taskId }, c);
    expect(list.configs).toHaveLength(2);
  });

  it("without a resolver, host names are refused at once (every delivery would be)", async () => {
    const { h, taskId } = await setup(createPushSender(quiet));
    const error = await refusal(
      h.createTaskPushNotificationConfig(
        { taskId, url: "https://hooks.example.com/hook" },
        ctx("CreateTaskPushNotificationConfig"),
      ),
    );
    expect(error.message).toMatch(/without a resolver/);
    const created = await h.createTaskPushNotificationConfig(
      { taskId, url: "https://93.184.215.14/hook" },
      ctx("CreateTaskPushNotificationConfig"),
    );
    expect(created.url).toBe("https://93.184.215.14/hook");
  });

  it("checks the config given in SendMessage too", async () => {
    const { h } = await setup(createPushSender(quiet));
    const error = await refusal(
      h.sendMessage(
        {
          message: userMsg("b"),
          configuration: { taskPushNotificationConfig: { url: "http://192.168.1.1/x" } },
        },
        ctx(),
      ),
    );
    expect(error.fieldViolations?.[0]?.field).toBe("configuration.taskPushNotificationConfig.url");
  });

  it("accepts private targets when the guard is opted out, or the sender has no check", async () => {
    for (const sender of [
      createPushSender({ ...quiet, allowPrivateNetworks: true }),
      { send() {} },
    ]) {
      const { h, taskId } = await setup(sender);
      const created = await h.createTaskPushNotificationConfig(
        { taskId, url: "http://127.0.0.1:9/hook" },
        ctx("CreateTaskPushNotificationConfig"),
      );
      expect(created.url).toBe("http://127.0.0.1:9/hook");
    }
  });

  it("A2AServer's default sender checks at create time", async () => {
    const server = new A2AServer(async (_c, e) => e.requireInput("?"), {
      agent: { name: "A", description: "a", version: "1", skills: [] },
      pushConfigStore: new InMemoryPushConfigStore(),
    });
    const { task } = await server.handler.sendMessage({ message: userMsg("a") }, ctx());
    await refusal(
      server.handler.createTaskPushNotificationConfig(
        { taskId: task!.id, url: "http://localhost:9/x" },
        ctx("CreateTaskPushNotificationConfig"),
      ),
    );
    await server.close();
  });
});
