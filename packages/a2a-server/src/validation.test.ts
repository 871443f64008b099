import { A2AError } from "@agentmesh/a2a-transport";
import type { Message } from "@agentmesh/a2a-types";
import { describe, expect, it } from "vitest";
import { card, ctx, userMsg } from "../test/helpers.js";
import { createRequestHandler } from "./request-handler.js";
import { InMemoryPushConfigStore } from "./store/push-config-store.js";

/** Rejects with INVALID_PARAMS and a field violation naming `field`. */
async function expectViolation(call: Promise<unknown> | (() => Promise<unknown>), field: string) {
  const error = await (typeof call === "function" ? call() : call).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(A2AError);
  const a2a = error as A2AError;
  expect(a2a.code).toBe("INVALID_PARAMS");
  expect(a2a.fieldViolations?.map((v) => v.field)).toEqual([field]);
}

function handler() {
  return createRequestHandler({
    executor: async () => "hi",
    agentCard: card,
    pushConfigStore: new InMemoryPushConfigStore(),
    pushSender: { send: () => {} },
  });
}

describe("REQUIRED fields (the parsers fill missing strings with empty ones)", () => {
  it("SendMessage: messageId, role (ROLE_UNSPECIFIED too), part url, push config url and scheme", async () => {
    const h = handler();
    const send = (message: Message, extra: object = {}) =>
      h.sendMessage({ message, ...extra }, ctx());
    await expectViolation(send(userMsg("a", { messageId: "" })), "message.messageId");
    await expectViolation(send(userMsg("a", { role: "ROLE_UNSPECIFIED" })), "message.role");
    await expectViolation(send(userMsg("a", { role: "" as "ROLE_USER" })), "message.role");
    await expectViolation(
      send(userMsg("a", { parts: [{ url: "", mediaType: "image/png" }] })),
      "message.parts[0].url",
    );
    await expectViolation(
      send(userMsg("a"), { configuration: { taskPushNotificationConfig: { url: "" } } }),
      "configuration.taskPushNotificationConfig.url",
    );
    await expectViolation(
      send(userMsg("a"), {
        configuration: {
          taskPushNotificationConfig: {
            url: "https://hooks.example.com/x",
            authentication: { scheme: "" },
          },
        },
      }),
      "configuration.taskPushNotificationConfig.authentication.scheme",
    );
    await expectViolation(
      () =>
        h
          .sendStreamingMessage({ message: userMsg("a", { messageId: "" }) }, ctx())
          [Symbol.asyncIterator]()
          .next(),
      "message.messageId",
    );
    // a valid message still goes through, agent role included
    const ok = await send(userMsg("a", { role: "ROLE_AGENT" }));
    expect(ok.task?.status.state).toBe("TASK_STATE_COMPLETED");
  });

  it("task operations: id of GetTask, CancelTask and SubscribeToTask", async () => {
    const h = handler();
    await expectViolation(h.getTask({ id: "" }, ctx("GetTask")), "id");
    await expectViolation(h.cancelTask({ id: "" }, ctx("CancelTask")), "id");
    await expectViolation(
      () => h.subscribeToTask({ id: "" }, ctx("SubscribeToTask"))[Symbol.asyncIterator]().next(),
      "id",
    );
  });

  it("push config operations: taskId, id, url and authentication.scheme", async () => {
    const h = handler();
    const c = ctx("CreateTaskPushNotificationConfig");
    const url = "https://hooks.example.com/x";
    await expectViolation(h.createTaskPushNotificationConfig({ taskId: "", url }, c), "taskId");
    await expectViolation(h.createTaskPushNotificationConfig({ taskId: "t", url: "" }, c), "url");
    await expectViolation(
      h.createTaskPushNotificationConfig({ taskId: "t", url, authentication: { scheme: "" } }, c),
      "authentication.scheme",
    );
    await expectViolation(h.getTaskPushNotificationConfig({ taskId: "", id: "x" }, c), "taskId");
    await expectViolation(h.getTaskPushNotificationConfig({ taskId: "t", id: "" }, c), "id");
    await expectViolation(h.deleteTaskPushNotificationConfig({ taskId: "t", id: "" }, c), "id");
    await expectViolation(h.listTaskPushNotificationConfigs({ taskId: "" }, c), "taskId");
  });
});
