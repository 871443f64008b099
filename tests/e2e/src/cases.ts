// The shared case suite: every operation, every error path, streaming, tenants — written once
// against ClientTransport, run over every binding (cases.test.ts).
import {
  A2AClientError,
  A2AError,
  A2AErrorCode,
  type CallError,
  type ClientTransport,
} from "@agentmesh/a2a-transport";
import { type StreamResponse, TaskState, userMessage } from "@agentmesh/a2a-types";
import { expect } from "vitest";
import type { BindingFixture, ServerAddresses } from "./fixtures/types.js";
import { ECHO_EXTENSION, TOKEN } from "./test-server.js";

export interface CaseContext {
  fixture: BindingFixture;
  addresses: ServerAddresses;
  /** A transport for this binding, optionally with extra headers. */
  transport(headers?: Record<string, string>): ClientTransport;
}

export interface Case {
  name: string;
  run(c: CaseContext): Promise<void>;
}

export async function collect(it: AsyncIterable<StreamResponse>): Promise<StreamResponse[]> {
  const out: StreamResponse[] = [];
  for await (const ev of it) out.push(ev);
  return out;
}

/** Awaits a failure and checks it is an A2AError with `code` (and the ErrorInfo reason for A2A codes). */
export async function expectError(p: Promise<unknown>, code: A2AErrorCode): Promise<A2AError> {
  const err = (await p.then(
    (v) => {
      throw new Error(`expected ${code}, got ${JSON.stringify(v)?.slice(0, 200)}`);
    },
    (e: unknown) => e,
  )) as CallError;
  if (err instanceof A2AClientError)
    throw new Error(`expected ${code}, got local ${err.code}: ${err.message}`);
  expect(err).toBeInstanceOf(A2AError);
  expect((err as A2AError).code).toBe(code);
  return err as A2AError;
}

const stateOf = (e: StreamResponse) => e.task?.status.state ?? e.statusUpdate?.status.state;

export const CASES: Case[] = [
  {
    name: "SendMessage returns the completed task with its artifact",
    async run(c) {
      const res = await c.transport().sendMessage({ message: userMessage("hello") });
      expect(res.task?.status.state).toBe(TaskState.Completed);
      expect(res.task?.artifacts?.[0]?.parts).toEqual([{ text: "echo: hello" }]);
      expect(res.task?.contextId).toBeTruthy();
    },
  },
  {
    name: "SendMessage returns a direct message",
    async run(c) {
      const res = await c.transport().sendMessage({ message: userMessage("message hi") });
      expect(res.task).toBeUndefined();
      expect(res.message?.role).toBe("ROLE_AGENT");
      expect(res.message?.parts).toEqual([{ text: "echo: message hi" }]);
    },
  },
  {
    name: "SendMessage with returnImmediately returns a task that is not terminal",
    async run(c) {
      const t = c.transport();
      const res = await t.sendMessage({
        message: userMessage("slow"),
        configuration: { returnImmediately: true },
      });
      expect([TaskState.Submitted, TaskState.Working]).toContain(res.task?.status.state);
      await t.cancelTask({ id: res.task!.id });
    },
  },
  {
    name: "SendMessage stops at INPUT_REQUIRED and FAILED",
    async run(c) {
      const t = c.transport();
      expect((await t.sendMessage({ message: userMessage("input") })).task?.status.state).toBe(
        TaskState.InputRequired,
      );
      expect((await t.sendMessage({ message: userMessage("fail") })).task?.status.state).toBe(
        TaskState.Failed,
      );
    },
  },
  {
    name: "SendStreamingMessage streams the task first, then updates, and closes at the end",
    async run(c) {
      const events = await collect(
        c.transport().sendStreamingMessage({ message: userMessage("burst 5") }),
      );
      expect(events[0]?.task).toBeDefined();
      expect(stateOf(events.at(-1)!)).toBe(TaskState.Completed);
      const chunks = events
        .filter((e) => e.artifactUpdate)
        .map((e) => e.artifactUpdate!.artifact.parts[0]);
      expect(chunks).toEqual([0, 1, 2, 3, 4].map((i) => ({ text: `chunk ${i}` })));
    },
  },
  {
    name: "SendStreamingMessage with a message reply streams exactly that message",
    async run(c) {
      const events = await collect(
        c.transport().sendStreamingMessage({ message: userMessage("message s") }),
      );
      expect(events).toHaveLength(1);
      expect(events[0]!.message?.parts).toEqual([{ text: "echo: message s" }]);
    },
  },
  {
    name: "GetTask returns the task, historyLength trims the history",
    async run(c) {
      const t = c.transport();
      const { task } = await t.sendMessage({ message: userMessage("get me") });
      const full = await t.getTask({ id: task!.id });
      expect(full.id).toBe(task!.id);
      expect(full.status.state).toBe(TaskState.Completed);
      expect(full.history?.length ?? 0).toBeGreaterThan(0);
      const none = await t.getTask({ id: task!.id, historyLength: 0 });
      expect(none.history ?? []).toEqual([]);
      const one = await t.getTask({ id: task!.id, historyLength: 1 });
      expect(one.history?.length).toBe(1);
    },
  },
  {
    name: "GetTask of an unknown task is TaskNotFoundError",
    async run(c) {
      const err = await expectError(
        c.transport().getTask({ id: "no-such-task" }),
        A2AErrorCode.TaskNotFound,
      );
      expect(err.reason).toBe("TASK_NOT_FOUND");
    },
  },
  {
    name: "ListTasks lists, filters by context and state, and validates pageSize",
    async run(c) {
      const t = c.transport();
      const { task } = await t.sendMessage({ message: userMessage("list me") });
      const all = await t.listTasks({ pageSize: 100 });
      expect(all.tasks.map((x) => x.id)).toContain(task!.id);
      expect(typeof all.nextPageToken).toBe("string");
      expect(all.totalSize).toBeGreaterThanOrEqual(1);
      const byCtx = await t.listTasks({ contextId: task!.contextId! });
      expect(byCtx.tasks.map((x) => x.id)).toEqual([task!.id]);
      expect(byCtx.tasks[0]!.artifacts).toBeUndefined();
      const withArtifacts = await t.listTasks({
        contextId: task!.contextId!,
        includeArtifacts: true,
      });
      expect(withArtifacts.tasks[0]!.artifacts?.length).toBe(1);
      const working = await t.listTasks({ contextId: task!.contextId!, status: TaskState.Working });
      expect(working.tasks).toEqual([]);
      await expectError(t.listTasks({ pageSize: 1000 }), A2AErrorCode.InvalidParams);
      await expectError(t.listTasks({ historyLength: -1 }), A2AErrorCode.InvalidParams);
    },
  },
  {
    name: "CancelTask cancels a running task; terminal and unknown tasks are errors",
    async run(c) {
      const t = c.transport();
      const { task } = await t.sendMessage({
        message: userMessage("slow"),
        configuration: { returnImmediately: true },
      });
      const canceled = await t.cancelTask({ id: task!.id });
      expect(canceled.status.state).toBe(TaskState.Canceled);
      const { task: done } = await t.sendMessage({ message: userMessage("done") });
      await expectError(t.cancelTask({ id: done!.id }), A2AErrorCode.TaskNotCancelable);
      await expectError(t.cancelTask({ id: "no-such-task" }), A2AErrorCode.TaskNotFound);
    },
  },
  {
    name: "SubscribeToTask starts with the task and follows it to the end",
    async run(c) {
      const t = c.transport();
      const { task } = await t.sendMessage({
        message: userMessage("slow sub"),
        configuration: { returnImmediately: true },
      });
      const it = t.subscribeToTask({ id: task!.id })[Symbol.asyncIterator]();
      const first = await it.next();
      expect(first.value?.task?.id).toBe(task!.id);
      await t.cancelTask({ id: task!.id });
      const rest: StreamResponse[] = [];
      for (let r = await it.next(); !r.done; r = await it.next()) rest.push(r.value);
      expect(rest.map(stateOf)).toContain(TaskState.Canceled);
    },
  },
  {
    name: "SubscribeToTask of a terminal task is UnsupportedOperationError, of an unknown one TaskNotFoundError",
    async run(c) {
      const t = c.transport();
      const { task } = await t.sendMessage({ message: userMessage("over") });
      await expectError(
        collect(t.subscribeToTask({ id: task!.id })),
        A2AErrorCode.UnsupportedOperation,
      );
      await expectError(
        collect(t.subscribeToTask({ id: "no-such-task" })),
        A2AErrorCode.TaskNotFound,
      );
    },
  },
  {
    name: "push notification configs: create, get, list, delete",
    async run(c) {
      const t = c.transport();
      const { task } = await t.sendMessage({
        message: userMessage("slow push"),
        configuration: { returnImmediately: true },
      });
      const id = task!.id;
      const made = await t.createTaskPushNotificationConfig({
        taskId: id,
        url: "https://hooks.example.com/a",
        token: "tk",
      });
      expect(made.taskId).toBe(id);
      expect(made.id).toBeTruthy();
      const named = await t.createTaskPushNotificationConfig({
        taskId: id,
        id: "mine",
        url: "https://hooks.example.com/b",
      });
      expect(named.id).toBe("mine");
      expect((await t.getTaskPushNotificationConfig({ taskId: id, id: "mine" })).url).toBe(
        "https://hooks.example.com/b",
      );
      const list = await t.listTaskPushNotificationConfigs({ taskId: id });
      expect(list.configs?.map((x) => x.id).sort()).toEqual([made.id, "mine"].sort());
      await t.deleteTaskPushNotificationConfig({ taskId: id, id: "mine" });
      await t.deleteTaskPushNotificationConfig({ taskId: id, id: "mine" });
      expect(
        (await t.listTaskPushNotificationConfigs({ taskId: id })).configs?.map((x) => x.id),
      ).toEqual([made.id]);
      await expectError(
        t.getTaskPushNotificationConfig({ taskId: id, id: "mine" }),
        A2AErrorCode.TaskNotFound,
      );
      await expectError(
        t.createTaskPushNotificationConfig({
          taskId: "no-such-task",
          url: "https://hooks.example.com/c",
        }),
        A2AErrorCode.TaskNotFound,
      );
      await t.cancelTask({ id });
    },
  },
  {
    name: "GetExtendedAgentCard needs authentication",
    async run(c) {
      const card = await c.transport({ authorization: TOKEN }).getExtendedAgentCard({});
      expect(card.description).toBe("the extended card");
      await expectError(c.transport().getExtendedAgentCard({}), A2AErrorCode.Unauthenticated);
      await expectError(
        c.transport({ authorization: "Bearer wrong" }).getTask({ id: "x" }),
        A2AErrorCode.Unauthenticated,
      );
    },
  },
  {
    name: "A2A-Version other than 1.0 is VersionNotSupportedError",
    async run(c) {
      const t = c.transport();
      for (const v of ["0.3", "2.0"]) {
        const err = await expectError(
          t.getTask({ id: "x" }, { serviceParameters: { "A2A-Version": v } }),
          A2AErrorCode.VersionNotSupported,
        );
        expect(err.reason).toBe("VERSION_NOT_SUPPORTED");
      }
      expect(
        (
          await t.sendMessage(
            { message: userMessage("v") },
            { serviceParameters: { "A2A-Version": "1.0.7" } },
          )
        ).task,
      ).toBeDefined();
    },
  },
  {
    name: "A2A-Extensions reach the agent as requested extensions",
    async run(c) {
      const res = await c
        .transport()
        .sendMessage(
          { message: userMessage("ext") },
          { extensions: [ECHO_EXTENSION, "https://unknown.example/ext"] },
        );
      expect(res.task?.artifacts?.[0]?.parts).toEqual([
        { text: `extensions: ${ECHO_EXTENSION},https://unknown.example/ext` },
      ]);
    },
  },
  {
    name: "tenants: a task created under a tenant is found under it only",
    async run(c) {
      const t = c.transport();
      const { task } = await t.sendMessage({ tenant: "acme", message: userMessage("tenant") });
      expect((await t.getTask({ tenant: "acme", id: task!.id })).id).toBe(task!.id);
      await expectError(t.getTask({ tenant: "globex", id: task!.id }), A2AErrorCode.TaskNotFound);
      await expectError(t.getTask({ id: task!.id }), A2AErrorCode.TaskNotFound);
      // one server serves every binding: a tenant of this run's own, with a slash and a space
      const odd = `${c.fixture.id}/with slash`;
      expect((await t.listTasks({ tenant: odd })).tasks).toEqual([]);
      const weird = await t.sendMessage({ tenant: odd, message: userMessage("x") });
      expect((await t.getTask({ tenant: odd, id: weird.task!.id })).id).toBe(weird.task!.id);
      expect((await t.listTasks({ tenant: odd })).tasks.map((x) => x.id)).toEqual([weird.task!.id]);
    },
  },
  {
    name: "invalid requests are InvalidParams with field violations",
    async run(c) {
      const t = c.transport();
      const err = await expectError(
        t.sendMessage({ message: { messageId: "m", role: "ROLE_USER", parts: [] } }),
        A2AErrorCode.InvalidParams,
      );
      expect(err.message.length).toBeGreaterThan(0);
    },
  },
];
