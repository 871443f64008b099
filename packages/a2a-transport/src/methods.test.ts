import { fromJson, toJson } from "@agentmesh/a2a-types";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { A2AHandler } from "./handler.js";
import { A2A_METHODS, type A2AMethod, type A2AMethodKey, findMethod } from "./methods.js";

describe("A2A_METHODS", () => {
  it("lists the 11 operations of the specification, in order", () => {
    expect(A2A_METHODS.map((m) => m.name)).toEqual([
      "SendMessage",
      "SendStreamingMessage",
      "GetTask",
      "ListTasks",
      "CancelTask",
      "SubscribeToTask",
      "CreateTaskPushNotificationConfig",
      "GetTaskPushNotificationConfig",
      "ListTaskPushNotificationConfigs",
      "DeleteTaskPushNotificationConfig",
      "GetExtendedAgentCard",
    ]);
  });

  it("marks the streaming operations and the capability each one needs", () => {
    expect(A2A_METHODS.filter((m) => m.streaming).map((m) => m.name)).toEqual([
      "SendStreamingMessage",
      "SubscribeToTask",
    ]);
    const caps = Object.fromEntries(A2A_METHODS.map((m) => [m.name, m.capability]));
    expect(caps).toEqual({
      SendMessage: undefined,
      SendStreamingMessage: "streaming",
      GetTask: undefined,
      ListTasks: undefined,
      CancelTask: undefined,
      SubscribeToTask: "streaming",
      CreateTaskPushNotificationConfig: "pushNotifications",
      GetTaskPushNotificationConfig: "pushNotifications",
      ListTaskPushNotificationConfigs: "pushNotifications",
      DeleteTaskPushNotificationConfig: "pushNotifications",
      GetExtendedAgentCard: "extendedAgentCard",
    });
  });

  it("names the handler method of each operation", () => {
    const handlerKeys: Record<keyof A2AHandler, true> = {
      sendMessage: true,
      sendStreamingMessage: true,
      getTask: true,
      listTasks: true,
      cancelTask: true,
      subscribeToTask: true,
      createTaskPushNotificationConfig: true,
      getTaskPushNotificationConfig: true,
      listTaskPushNotificationConfigs: true,
      deleteTaskPushNotificationConfig: true,
      getExtendedAgentCard: true,
    };
    expect(A2A_METHODS.map((m) => m.key).sort()).toEqual(Object.keys(handlerKeys).sort());
    expectTypeOf<A2AMethodKey>().toEqualTypeOf<keyof A2AHandler>();
  });

  it("carries schemas the codec accepts", () => {
    const send = findMethod("SendMessage");
    const req = fromJson(send!.requestSchema, {
      message: { messageId: "m-1", role: "ROLE_USER", parts: [{ text: "hi" }] },
    });
    expect(toJson(send!.requestSchema, req)).toEqual({
      message: { messageId: "m-1", role: "ROLE_USER", parts: [{ text: "hi" }] },
    });
    const getTask = findMethod("GetTask");
    expect(() => fromJson(getTask!.requestSchema, { historyLength: "x" })).toThrow();
    expect(findMethod("DeleteTaskPushNotificationConfig")?.responseSchema).toBeUndefined();
  });

  it("finds methods by exact name only", () => {
    expect(findMethod("GetTask")?.key).toBe("getTask");
    expect(findMethod("getTask")).toBeUndefined();
    expect(findMethod("tasks/get")).toBeUndefined();
    expect(findMethod("toString")).toBeUndefined();
    expectTypeOf<A2AMethod>().toEqualTypeOf<Capitalize<keyof A2AHandler>>();
  });
});
