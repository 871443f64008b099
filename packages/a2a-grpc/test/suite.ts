import {
  A2AClientError,
  A2AError,
  A2AErrorCode,
  type ClientTransport,
  type Interceptor,
  type ServerBindingOptions,
  errorCodeTable,
} from "@agentmesh/a2a-transport";
import type { StreamResponse } from "@agentmesh/a2a-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeState, card, createFakeHandler } from "./fake-handler.js";
import { type Running, eventually } from "./servers.js";

/** How one protocol variant is started and called. */
export interface SuiteTarget {
  name: string;
  start(options: ServerBindingOptions): Promise<Running>;
  transport(
    server: Running,
    extra?: { interceptors?: Interceptor[]; headers?: HeadersInit; timeoutMs?: number },
  ): ClientTransport;
}

const user = (text: string) => ({
  message: { messageId: `m-${text}`, role: "ROLE_USER" as const, parts: [{ text }] },
});

async function collect(it: AsyncIterable<StreamResponse>): Promise<StreamResponse[]> {
  const out: StreamResponse[] = [];
  for await (const e of it) out.push(e);
  return out;
}

async function failure(p: Promise<unknown> | (() => Promise<unknown>)): Promise<unknown> {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to fail");
}

/** The client ↔ server cases every gRPC protocol variant (gRPC, gRPC-Web, Connect) runs. */
export function describeBinding(target: SuiteTarget): void {
  describe(`${target.name}: every operation over real sockets`, () => {
    let server: Running;
    let state: FakeState;
    let client: ClientTransport;
    const seen: { method: string; error?: string; response: boolean }[] = [];
    const interceptor: Interceptor = {
      before(call) {
        call.headers.set("x-trace", `trace-${call.method}`);
      },
      after(call, outcome) {
        const entry: { method: string; error?: string; response: boolean } = {
          method: call.method,
          response: outcome.response !== undefined,
        };
        if (outcome.error) entry.error = outcome.error.code;
        seen.push(entry);
      },
    };

    beforeAll(async () => {
      const fake = createFakeHandler();
      state = fake.state;
      server = await target.start({
        handler: fake.handler,
        authenticate: ({ headers }) => {
          const auth = headers.get("authorization");
          if (auth === "Bearer no") throw new A2AError(A2AErrorCode.PermissionDenied);
          return auth ? { id: auth.slice(7) } : undefined;
        },
      });
      client = target.transport(server, {
        interceptors: [interceptor],
        headers: { authorization: "Bearer alice" },
      });
    });
    afterAll(async () => {
      await client.close?.();
      await server.close();
    });

    it("SendMessage returns the task; tenant, version, principal, headers reach the handler", async () => {
      const res = await client.sendMessage({ ...user("hello"), tenant: "acme" });
      expect(res.task?.status.state).toBe("TASK_STATE_COMPLETED");
      expect(res.task?.artifacts?.[0]?.parts[0]).toEqual({ text: "echo: hello" });
      const call = state.calls.at(-1);
      expect(call?.ctx.tenant).toBe("acme");
      expect(call?.ctx.version).toBe("1.0");
      expect(call?.ctx.binding).toBe("GRPC");
      expect(call?.ctx.principal).toEqual({ id: "alice" });
      expect(call?.ctx.headers.get("x-trace")).toBe("trace-SendMessage");
      expect(seen.at(-1)).toEqual({ method: "SendMessage", response: true });
    });

    it("the handler's ctx.signal stays unaborted after a call completes (work may outlive it)", async () => {
      await client.sendMessage(user("outlive"));
      const unary = state.calls.at(-1)?.ctx.signal;
      await collect(client.sendStreamingMessage(user("outlive-stream")));
      const stream = state.calls.at(-1)?.ctx.signal;
      await new Promise((r) => setTimeout(r, 50));
      expect(unary?.aborted).toBe(false);
      expect(stream?.aborted).toBe(false);
    });

    it("SendMessage can answer with a direct message", async () => {
      const res = await client.sendMessage(user("message"));
      expect(res).toEqual({
        message: {
          messageId: "m-r",
          role: "ROLE_AGENT",
          parts: [{ text: "direct" }],
          contextId: "c-1",
        },
      });
      expect(state.calls.at(-1)?.ctx.tenant).toBeUndefined();
    });

    it("GetTask, ListTasks, CancelTask", async () => {
      const created = await client.sendMessage(user("x"));
      const id = created.task?.id as string;
      expect(await client.getTask({ id, historyLength: 0 })).toEqual(created.task);
      expect(state.calls.at(-1)?.request).toEqual({ id, historyLength: 0 });
      const list = await client.listTasks({ pageSize: 5, includeArtifacts: false });
      expect(list.tasks.map((t) => t.id)).toContain(id);
      expect(list.totalSize).toBe(list.tasks.length);
      const err = await failure(client.cancelTask({ id }));
      expect(err).toBeInstanceOf(A2AError);
      expect(err).toMatchObject({
        code: "TASK_NOT_CANCELABLE",
        reason: "TASK_NOT_CANCELABLE",
        metadata: { taskId: id },
      });
    });

    it("push config create / get / list / delete", async () => {
      const created = await client.sendMessage(user("push"));
      const taskId = created.task?.id as string;
      const cfg = await client.createTaskPushNotificationConfig({
        taskId,
        url: "https://hook.example/a2a",
        token: "tok",
        authentication: { scheme: "Bearer", credentials: "s3cr3t" },
      });
      expect(cfg.id).toMatch(/^cfg-/);
      expect(await client.getTaskPushNotificationConfig({ taskId, id: cfg.id as string })).toEqual(
        cfg,
      );
      expect(await client.listTaskPushNotificationConfigs({ taskId })).toEqual({ configs: [cfg] });
      await expect(
        client.deleteTaskPushNotificationConfig({ taskId, id: cfg.id as string }),
      ).resolves.toBeUndefined();
      expect(await client.listTaskPushNotificationConfigs({ taskId })).toEqual({});
    });

    it("GetExtendedAgentCard returns the card", async () => {
      expect(await client.getExtendedAgentCard({})).toEqual(card);
    });

    it("SendStreamingMessage streams task, status, artifact, status and ends", async () => {
      const events = await collect(client.sendStreamingMessage(user("stream")));
      expect(events.map((e) => Object.keys(e)[0])).toEqual([
        "task",
        "statusUpdate",
        "artifactUpdate",
        "statusUpdate",
      ]);
      expect(events[2]?.artifactUpdate?.artifact.parts).toEqual([{ text: "echo: stream" }]);
      expect(seen.at(-1)).toEqual({ method: "SendStreamingMessage", response: false });
    });

    it("an error before the first event is a plain error status", async () => {
      const err = await failure(() =>
        collect(client.sendStreamingMessage(user("error:UNSUPPORTED_OPERATION"))),
      );
      expect(err).toMatchObject({ code: "UNSUPPORTED_OPERATION", reason: "UNSUPPORTED_OPERATION" });
      expect(seen.at(-1)).toEqual({
        method: "SendStreamingMessage",
        error: "UNSUPPORTED_OPERATION",
        response: false,
      });
    });

    it("an error mid-stream arrives after the events before it", async () => {
      const events: StreamResponse[] = [];
      const err = await failure(async () => {
        for await (const e of client.sendStreamingMessage(user("midfail"))) events.push(e);
      });
      expect(events).toHaveLength(1);
      expect(err).toMatchObject({ code: "INTERNAL", message: "agent crashed" });
    });

    it("SubscribeToTask: breaking out of the loop releases the server's subscription", async () => {
      const created = await client.sendMessage(user("sub"));
      const before = state.released.filter((r) => r === "hang").length;
      for await (const e of client.subscribeToTask({ id: created.task?.id as string })) {
        expect(e.task?.id).toBe(created.task?.id);
        break;
      }
      await eventually(() => state.released.filter((r) => r === "hang").length > before);
      expect((await client.getTask({ id: created.task?.id as string })).id).toBe(created.task?.id);
    });

    it("a client abort mid-stream releases the stream and reports ABORTED", async () => {
      const ac = new AbortController();
      const before = state.released.filter((r) => r === "hang").length;
      const err = await failure(async () => {
        for await (const _ of client.sendStreamingMessage(user("hang"), { signal: ac.signal }))
          ac.abort();
      });
      expect(err).toBeInstanceOf(A2AClientError);
      expect(err).toMatchObject({ code: "ABORTED" });
      await eventually(() => state.released.filter((r) => r === "hang").length > before);
    });

    it("a client that leaves while the server waits for the next event releases the iterator", async () => {
      const ac = new AbortController();
      const err = await failure(async () => {
        for await (const _ of client.sendStreamingMessage(user("hang-iter"), {
          signal: ac.signal,
        })) {
          ac.abort();
        }
      });
      expect(err).toMatchObject({ code: "ABORTED" });
      await eventually(() => state.released.includes("hang-iter"));
    });

    it("SubscribeToTask on an unknown task fails with TaskNotFound before any event", async () => {
      const err = await failure(() => collect(client.subscribeToTask({ id: "nope" })));
      expect(err).toMatchObject({ code: "TASK_NOT_FOUND", metadata: { taskId: "nope" } });
    });

    it("every A2A error code keeps code, reason, metadata and details", async () => {
      for (const code of Object.values(A2AErrorCode)) {
        const err = await failure(client.sendMessage(user(`error:${code}`)));
        expect(err, code).toBeInstanceOf(A2AError);
        const a = err as A2AError;
        expect(a.code, code).toBe(code);
        expect(a.reason, code).toBe(code);
        expect(a.metadata, code).toEqual({ taskId: "t-404" });
        expect(a.message, code).toBe(errorCodeTable[code].defaultMessage);
        expect(a.details[0], code).toEqual({
          "@type": "type.googleapis.com/google.rpc.ErrorInfo",
          reason: code,
          domain: "a2a-protocol.org",
          metadata: { taskId: "t-404" },
        });
        if (code === A2AErrorCode.InvalidParams) {
          expect(a.fieldViolations).toEqual([
            { field: "message.parts[0].text", description: "bad" },
          ]);
        }
      }
    });

    it("a non-A2A exception becomes INTERNAL without leaking its message", async () => {
      const err = await failure(client.sendMessage(user("error:NOPE")));
      expect(err).toMatchObject({ code: "INTERNAL", message: "Internal error" });
      expect(String((err as Error).message)).not.toContain("boom");
    });

    it("a handler result with no protobuf form is INTERNAL, and the server keeps serving", async () => {
      const err = await failure(client.sendMessage(user("bad-result")));
      expect(err).toMatchObject({ code: "INTERNAL" });
      expect((await client.sendMessage(user("after"))).task).toBeDefined();
    });

    it("a request the model cannot encode fails locally with INVALID_PARAMS", async () => {
      const parts = [{ mediaType: "text/plain" }] as unknown as [{ text: string }];
      const err = await failure(
        client.sendMessage({ message: { messageId: "m", role: "ROLE_USER", parts } }),
      );
      expect(err).toBeInstanceOf(A2AError);
      expect(err).toMatchObject({
        code: "INVALID_PARAMS",
        fieldViolations: [
          { field: "message.parts[0]", description: "a part needs one of text, raw, url or data" },
        ],
      });
    });

    it("authenticator refusals map to PERMISSION_DENIED", async () => {
      const err = await failure(
        client.getTask({ id: "x" }, { headers: { authorization: "Bearer no" } }),
      );
      expect(err).toMatchObject({ code: "PERMISSION_DENIED" });
    });

    it("requested extensions reach the handler", async () => {
      await client.sendMessage(user("ext"), { extensions: ["urn:x:echo", "urn:x:other"] });
      expect(state.calls.at(-1)?.ctx.requestedExtensions).toEqual(["urn:x:echo", "urn:x:other"]);
      expect([...(state.calls.at(-1)?.ctx.activatedExtensions ?? [])]).toEqual(["urn:x:echo"]);
    });

    it("a version the server does not support is VERSION_NOT_SUPPORTED", async () => {
      const err = await failure(
        client.getTask({ id: "x" }, { serviceParameters: { "a2a-version": "0.3" } }),
      );
      expect(err).toMatchObject({
        code: "VERSION_NOT_SUPPORTED",
        metadata: { requestedVersion: "0.3" },
      });
    });

    it("timeoutMs gives TIMEOUT and an AbortSignal gives ABORTED", async () => {
      const t = target.transport(server, { timeoutMs: 100 });
      const err = await failure(t.sendMessage(user("slow")));
      expect(err).toBeInstanceOf(A2AClientError);
      expect(err).toMatchObject({ code: "TIMEOUT" });
      // For streams the timeout bounds the time until the response starts.
      const err1 = await failure(() => collect(t.sendStreamingMessage(user("slow"))));
      expect(err1).toMatchObject({ code: "TIMEOUT" });
      await t.close?.();
      const err2 = await failure(client.getTask({ id: "x" }, { signal: AbortSignal.abort() }));
      expect(err2).toMatchObject({ code: "ABORTED" });
    });
  });
}
