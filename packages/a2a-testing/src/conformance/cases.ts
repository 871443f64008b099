/**
 * The conformance cases: server-side rules of the A2A v1.0 specification that hold for any
 * agent which ends a task for the configured "completing" message. Each case names its section.
 */
import { A2AErrorCode } from "@agentmesh/a2a-transport";
import { validateAgentCard } from "@agentmesh/a2a-types";
import {
  type ConformanceContext,
  check,
  drain,
  expectA2AError,
  isSettledState,
  sendRequest,
  terminalTask,
  userMessage,
  withTenant,
} from "./context.js";

/** One conformance case. */
export interface ConformanceCase {
  /** Stable id, e.g. `"get-task.not-found"`. */
  readonly id: string;
  /** Specification section, e.g. `"§3.1.3"`. */
  readonly section: string;
  /** What the case checks. */
  readonly title: string;
  /** Runs the check; throws on a violation. */
  run(t: ConformanceContext): Promise<void>;
}

const UNKNOWN_ID = "00000000-0000-4000-8000-00000000dead";
const BINDING = { jsonrpc: "JSONRPC", rest: "HTTP+JSON", grpc: "GRPC" } as const;

/** Every conformance case, in the order they run. */
export const conformanceCases: readonly ConformanceCase[] = [
  {
    id: "card.discovery",
    section: "§8.2",
    title:
      "the agent card is served at /.well-known/agent-card.json, valid, with Cache-Control and ETag",
    async run(t) {
      const url = `${t.cardUrl.replace(/\/+$/, "")}/.well-known/agent-card.json`;
      const res = await t.fetch(url, { headers: { "A2A-Version": "1.0" } });
      check(res.status === 200, "§8.2", `GET ${url} answers 200 (got ${res.status})`);
      const body: unknown = await res.json();
      const v = validateAgentCard(body);
      check(
        v.valid,
        "§8.2",
        `the card is valid: ${v.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`,
      );
      check(res.headers.get("cache-control"), "§8.6", "the card response has Cache-Control");
      check(res.headers.get("etag"), "§8.6", "the card response has an ETag");
    },
  },
  {
    id: "card.interface",
    section: "§8.3",
    title: "the card lists an interface for the binding under test with protocolVersion 1.0",
    async run(t) {
      const want = BINDING[t.binding];
      const found = t.card.supportedInterfaces.find(
        (i) => i.protocolBinding.toUpperCase() === want && i.protocolVersion === "1.0",
      );
      check(found, "§8.3", `an interface with protocolBinding ${want} and protocolVersion "1.0"`);
    },
  },
  {
    id: "send.blocking",
    section: "§3.2.2",
    title: "SendMessage blocks by default until the task is terminal, with server ids",
    async run(t) {
      const task = await terminalTask(t);
      check(task.id.length > 0, "§3.4.2", "the task id is server-generated and non-empty");
      check(
        task.contextId && task.contextId.length > 0,
        "§3.4.1",
        "a generated contextId is returned",
      );
    },
  },
  {
    id: "send.return-immediately",
    section: "§3.2.2",
    title: "returnImmediately returns the task once it exists",
    async run(t) {
      const res = await t.transport.sendMessage(
        sendRequest(t, userMessage(t.completingText), { returnImmediately: true }),
      );
      check(res.task || res.message, "§3.1.1", "a task or a message is returned");
      if (res.task) check(res.task.id, "§3.1.1", "the returned task has an id");
    },
  },
  {
    id: "send.history-length-zero",
    section: "§3.2.4",
    title: "historyLength 0 returns the task without history",
    async run(t) {
      const res = await t.transport.sendMessage(
        sendRequest(t, userMessage(t.completingText), { historyLength: 0 }),
      );
      check(res.task, "§3.1.1", "the completing message produces a task");
      check(
        !res.task.history || res.task.history.length === 0,
        "§3.2.4",
        "no history with historyLength 0",
      );
    },
  },
  {
    id: "send.unknown-task",
    section: "§3.1.1",
    title: "a message naming an unknown taskId fails with TaskNotFoundError",
    async run(t) {
      await expectA2AError(
        () => t.transport.sendMessage(sendRequest(t, userMessage("hi", { taskId: UNKNOWN_ID }))),
        A2AErrorCode.TaskNotFound,
        "§3.1.1",
      );
    },
  },
  {
    id: "send.terminal-task",
    section: "§3.1.1",
    title: "a message to a terminal task fails with UnsupportedOperationError",
    async run(t) {
      const task = await terminalTask(t);
      await expectA2AError(
        () =>
          t.transport.sendMessage(
            sendRequest(
              t,
              userMessage("again", { taskId: task.id, contextId: task.contextId ?? "" }),
            ),
          ),
        A2AErrorCode.UnsupportedOperation,
        "§3.1.1",
      );
    },
  },
  {
    id: "send.context-mismatch",
    section: "§3.4.3",
    title: "a contextId that differs from the task's is rejected",
    async run(t) {
      const task = await terminalTask(t);
      let failed = false;
      try {
        await t.transport.sendMessage(
          sendRequest(
            t,
            userMessage("again", { taskId: task.id, contextId: `${task.contextId}-other` }),
          ),
        );
      } catch {
        failed = true;
      }
      check(failed, "§3.4.3", "the mismatching contextId must be rejected");
    },
  },
  {
    id: "send.invalid-params",
    section: "§5.7",
    title: "a message without parts fails with InvalidParams",
    async run(t) {
      const bad = { ...userMessage("x"), parts: [] };
      await expectA2AError(
        () => t.transport.sendMessage(sendRequest(t, bad)),
        A2AErrorCode.InvalidParams,
        "§5.7",
      );
    },
  },
  {
    id: "stream.lifecycle",
    section: "§3.1.2",
    title:
      "SendStreamingMessage starts with the task (or one message) and ends at a terminal state",
    async run(t) {
      if (t.card.capabilities.streaming !== true) {
        await expectA2AError(
          () =>
            drain(t.transport.sendStreamingMessage(sendRequest(t, userMessage(t.completingText)))),
          A2AErrorCode.UnsupportedOperation,
          "§3.3.4",
        );
        return;
      }
      const events = await drain(
        t.transport.sendStreamingMessage(sendRequest(t, userMessage(t.completingText))),
      );
      const first = events[0];
      check(
        first && (first.task || first.message),
        "§3.1.2",
        "the first event is a task or a message",
      );
      if (first.message) {
        check(events.length === 1, "§3.1.2", "a message-only stream carries exactly one message");
        return;
      }
      const id = first.task!.id;
      let last = first.task!.status.state as string;
      for (const ev of events.slice(1)) {
        const taskId = ev.statusUpdate?.taskId ?? ev.artifactUpdate?.taskId ?? ev.task?.id;
        check(taskId === id, "§3.5.2", `every event belongs to task ${id} (got ${taskId})`);
        if (ev.statusUpdate) last = ev.statusUpdate.status.state;
        if (ev.task) last = ev.task.status.state;
      }
      check(
        isSettledState(last),
        "§3.1.2",
        `the stream ends at a terminal or interrupted state (last: ${last})`,
      );
    },
  },
  {
    id: "get-task.found",
    section: "§3.1.3",
    title: "GetTask returns the task; historyLength 0 leaves history out",
    async run(t) {
      const task = await terminalTask(t);
      const got = await t.transport.getTask(withTenant(t, { id: task.id }));
      check(got.id === task.id, "§3.1.3", "GetTask returns the task asked for");
      check(got.status.state === task.status.state, "§3.1.3", "GetTask shows the current state");
      const none = await t.transport.getTask(withTenant(t, { id: task.id, historyLength: 0 }));
      check(!none.history || none.history.length === 0, "§3.2.4", "historyLength 0 → no history");
    },
  },
  {
    id: "get-task.not-found",
    section: "§3.1.3",
    title: "GetTask of an unknown id fails with TaskNotFoundError",
    async run(t) {
      await expectA2AError(
        () => t.transport.getTask(withTenant(t, { id: UNKNOWN_ID })),
        A2AErrorCode.TaskNotFound,
        "§3.1.3",
      );
    },
  },
  {
    id: "list-tasks.basics",
    section: "§3.1.4",
    title:
      "ListTasks filters by context, always has nextPageToken, leaves artifacts out by default",
    async run(t) {
      const task = await terminalTask(t);
      const page = await t.transport.listTasks(withTenant(t, { contextId: task.contextId ?? "" }));
      check(typeof page.nextPageToken === "string", "§3.1.4", "nextPageToken is always present");
      check(
        page.tasks.some((x) => x.id === task.id),
        "§3.1.4",
        "the context's task is listed",
      );
      check(
        page.tasks.every((x) => x.contextId === task.contextId),
        "§3.1.4",
        "contextId filters exactly",
      );
      check(
        page.tasks.every((x) => x.artifacts === undefined),
        "§3.1.4",
        "no artifacts key unless includeArtifacts",
      );
      check(page.totalSize >= page.tasks.length, "§3.1.4", "totalSize counts every match");
    },
  },
  {
    id: "list-tasks.page-size",
    section: "§3.1.4",
    title: "ListTasks rejects pageSize outside 1–100 with InvalidParams",
    async run(t) {
      for (const pageSize of [0, 101]) {
        await expectA2AError(
          () => t.transport.listTasks(withTenant(t, { pageSize })),
          A2AErrorCode.InvalidParams,
          "§3.1.4",
        );
      }
    },
  },
  {
    id: "cancel.not-found",
    section: "§3.1.5",
    title: "CancelTask of an unknown id fails with TaskNotFoundError",
    async run(t) {
      await expectA2AError(
        () => t.transport.cancelTask(withTenant(t, { id: UNKNOWN_ID })),
        A2AErrorCode.TaskNotFound,
        "§3.1.5",
      );
    },
  },
  {
    id: "cancel.terminal",
    section: "§3.1.5",
    title: "CancelTask of a completed task fails with TaskNotCancelableError",
    async run(t) {
      const task = await terminalTask(t);
      if (task.status.state === "TASK_STATE_CANCELED") return;
      await expectA2AError(
        () => t.transport.cancelTask(withTenant(t, { id: task.id })),
        A2AErrorCode.TaskNotCancelable,
        "§3.1.5",
      );
    },
  },
  {
    id: "subscribe.terminal",
    section: "§3.1.6",
    title:
      "SubscribeToTask of a terminal task fails with UnsupportedOperationError; unknown → TaskNotFound",
    async run(t) {
      const task = await terminalTask(t);
      await expectA2AError(
        () => drain(t.transport.subscribeToTask(withTenant(t, { id: task.id }))),
        A2AErrorCode.UnsupportedOperation,
        "§3.1.6",
      );
      if (t.card.capabilities.streaming === true) {
        await expectA2AError(
          () => drain(t.transport.subscribeToTask(withTenant(t, { id: UNKNOWN_ID }))),
          A2AErrorCode.TaskNotFound,
          "§3.1.6",
        );
      }
    },
  },
  {
    id: "push.crud",
    section: "§3.1.7",
    title: "push configs: capability checked first; create, get, list, delete (idempotent)",
    async run(t) {
      const task = await terminalTask(t);
      const config = withTenant(t, {
        taskId: task.id,
        id: "conformance-1",
        url: "https://example.com/webhook",
      });
      if (t.card.capabilities.pushNotifications !== true) {
        await expectA2AError(
          () => t.transport.createTaskPushNotificationConfig(config),
          A2AErrorCode.PushNotificationNotSupported,
          "§3.1.7",
        );
        return;
      }
      const created = await t.transport.createTaskPushNotificationConfig(config);
      check(created.id === "conformance-1", "§3.1.7", "a client-given config id is kept");
      check(created.url === config.url, "§3.1.7", "the created config echoes the url");
      const got = await t.transport.getTaskPushNotificationConfig(
        withTenant(t, { taskId: task.id, id: "conformance-1" }),
      );
      check(got.url === config.url, "§3.1.8", "GetTaskPushNotificationConfig returns the config");
      const list = await t.transport.listTaskPushNotificationConfigs(
        withTenant(t, { taskId: task.id }),
      );
      check(
        (list.configs ?? []).some((c) => c.id === "conformance-1"),
        "§3.1.9",
        "the config is listed",
      );
      await t.transport.deleteTaskPushNotificationConfig(
        withTenant(t, { taskId: task.id, id: "conformance-1" }),
      );
      await t.transport.deleteTaskPushNotificationConfig(
        withTenant(t, { taskId: task.id, id: "conformance-1" }),
      );
      const after = await t.transport.listTaskPushNotificationConfigs(
        withTenant(t, { taskId: task.id }),
      );
      check(
        !(after.configs ?? []).some((c) => c.id === "conformance-1"),
        "§3.1.10",
        "a deleted config is gone",
      );
    },
  },
  {
    id: "push.unknown-task",
    section: "§3.1.7",
    title:
      "a push config for an unknown task fails with TaskNotFoundError (when push is supported)",
    async run(t) {
      if (t.card.capabilities.pushNotifications !== true) return;
      await expectA2AError(
        () =>
          t.transport.createTaskPushNotificationConfig(
            withTenant(t, { taskId: UNKNOWN_ID, url: "https://example.com/webhook" }),
          ),
        A2AErrorCode.TaskNotFound,
        "§3.1.7",
      );
    },
  },
  {
    id: "extended-card",
    section: "§3.1.11",
    title: "GetExtendedAgentCard follows capabilities.extendedAgentCard",
    async run(t) {
      if (t.card.capabilities.extendedAgentCard !== true) {
        let code: string | undefined;
        try {
          await t.transport.getExtendedAgentCard(withTenant(t, {}));
        } catch (e) {
          code = (e as { code?: string }).code;
        }
        check(
          code === A2AErrorCode.UnsupportedOperation ||
            code === A2AErrorCode.ExtendedAgentCardNotConfigured,
          "§3.1.11",
          `without the capability, GetExtendedAgentCard fails with UnsupportedOperation (got ${code ?? "success"})`,
        );
        return;
      }
      const card = await t.transport.getExtendedAgentCard(withTenant(t, {}));
      check(validateAgentCard(card).valid, "§3.1.11", "the extended card is a valid card");
    },
  },
  {
    id: "version.unsupported",
    section: "§3.6",
    title: "an unsupported A2A-Version fails with VersionNotSupportedError",
    async run(t) {
      await expectA2AError(
        () =>
          t.transport.getTask(withTenant(t, { id: UNKNOWN_ID }), {
            serviceParameters: { "A2A-Version": "9.9" },
          }),
        A2AErrorCode.VersionNotSupported,
        "§3.6",
      );
    },
  },
];
