import { A2AError } from "@agentmesh/a2a-transport";
import { describe, expect, it } from "vitest";
import { card, ctx, userMsg } from "../test/helpers.js";
import { createRequestHandler } from "./request-handler.js";
import { InMemoryPushConfigStore } from "./store/push-config-store.js";

function code(c: string) {
  return (e: unknown) => e instanceof A2AError && e.code === c;
}

async function setup() {
  const h = createRequestHandler({
    agentCard: card,
    executor: async (_c, e) => e.requireInput("?"),
    pushConfigStore: new InMemoryPushConfigStore(),
    pushSender: { send() {} },
  });
  const { task } = await h.sendMessage({ message: userMsg("a") }, ctx());
  return { h, taskId: task!.id };
}

describe("push notification config operations", () => {
  it("create (id assigned or honored), get, list (paged), delete (idempotent)", async () => {
    const { h, taskId } = await setup();
    const a = await h.createTaskPushNotificationConfig(
      { taskId, url: "https://hooks.example/a" },
      ctx(),
    );
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    const b = await h.createTaskPushNotificationConfig(
      {
        taskId,
        id: "mine",
        url: "https://hooks.example/b",
        authentication: { scheme: "Bearer", credentials: "s" },
      },
      ctx(),
    );
    expect(b.id).toBe("mine");
    expect(await h.getTaskPushNotificationConfig({ taskId, id: "mine" }, ctx())).toMatchObject({
      url: "https://hooks.example/b",
      authentication: { scheme: "Bearer", credentials: "s" },
    });
    const page1 = await h.listTaskPushNotificationConfigs({ taskId, pageSize: 1 }, ctx());
    expect(page1.configs).toHaveLength(1);
    const page2 = await h.listTaskPushNotificationConfigs(
      { taskId, pageSize: 1, pageToken: page1.nextPageToken! },
      ctx(),
    );
    expect(page2.configs?.[0]?.id).toBe("mine");
    expect(page2.nextPageToken).toBe("");
    await h.deleteTaskPushNotificationConfig({ taskId, id: "mine" }, ctx());
    await h.deleteTaskPushNotificationConfig({ taskId, id: "mine" }, ctx());
    await expect(h.getTaskPushNotificationConfig({ taskId, id: "mine" }, ctx())).rejects.toSatisfy(
      code("TASK_NOT_FOUND"),
    );
    expect((await h.listTaskPushNotificationConfigs({ taskId }, ctx())).configs).toHaveLength(1);
  });

  it("checks the capability first, then the task", async () => {
    const noPush = createRequestHandler({
      agentCard: card,
      executor: async (_c, e) => e.complete(),
    });
    for (const call of [
      () =>
        noPush.createTaskPushNotificationConfig(
          { taskId: "nope", url: "https://x.example" },
          ctx(),
        ),
      () => noPush.getTaskPushNotificationConfig({ taskId: "nope", id: "1" }, ctx()),
      () => noPush.listTaskPushNotificationConfigs({ taskId: "nope" }, ctx()),
      () => noPush.deleteTaskPushNotificationConfig({ taskId: "nope", id: "1" }, ctx()),
    ]) {
      await expect(call()).rejects.toSatisfy(code("PUSH_NOTIFICATION_NOT_SUPPORTED"));
    }
    const { h } = await setup();
    await expect(
      h.createTaskPushNotificationConfig({ taskId: "nope", url: "https://x.example" }, ctx()),
    ).rejects.toSatisfy(code("TASK_NOT_FOUND"));
    await expect(h.listTaskPushNotificationConfigs({ taskId: "nope" }, ctx())).rejects.toSatisfy(
      code("TASK_NOT_FOUND"),
    );
  });

  it("validates the webhook URL and hides other owners' configs", async () => {
    const { h, taskId } = await setup();
    await expect(
      h.createTaskPushNotificationConfig({ taskId, url: "not a url" }, ctx()),
    ).rejects.toSatisfy(code("INVALID_PARAMS"));
    await expect(
      h.createTaskPushNotificationConfig({ taskId, url: "ftp://x.example/" }, ctx()),
    ).rejects.toSatisfy(code("INVALID_PARAMS"));
    const bob = ctx("ListTaskPushNotificationConfigs", { principal: { id: "bob" } });
    await expect(h.listTaskPushNotificationConfigs({ taskId }, bob)).rejects.toSatisfy(
      code("TASK_NOT_FOUND"),
    );
  });
});
