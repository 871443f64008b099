import { A2AClientError, A2AError, A2AErrorCode, type ClientCall } from "@agentmesh/a2a-transport";
import type { StreamResponse } from "@agentmesh/a2a-types";
import { describe, expect, it } from "vitest";
import { EXT, createFakeHandler } from "../testdata/fake-handler.js";
import { createRestFetchHandler, createRestTransport } from "./index.js";

const msg = (text: string) => ({ messageId: "m-1", role: "ROLE_USER" as const, parts: [{ text }] });

function setup(extra: Partial<Parameters<typeof createRestTransport>[0]> = {}) {
  const handler = createFakeHandler();
  const fetchHandler = createRestFetchHandler({ handler, keepAliveMs: 0 });
  const seen: Request[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    seen.push(req.clone());
    return fetchHandler(req);
  }) as typeof fetch;
  const transport = createRestTransport({
    url: "http://in.process/a2a/rest",
    fetch: fetchFn,
    ...extra,
  });
  return { handler, transport, seen };
}

async function collect(it: AsyncIterable<StreamResponse>): Promise<StreamResponse[]> {
  const out: StreamResponse[] = [];
  for await (const e of it) out.push(e);
  return out;
}

async function failure(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e,
  );
}

describe("createRestTransport", () => {
  it("runs every operation and decodes ProtoJSON results", async () => {
    const { transport: t, handler } = setup();
    expect(t.protocolBinding).toBe("HTTP+JSON");
    expect((await t.sendMessage({ message: msg("hi") })).task?.id).toBe("t-1");
    expect((await t.getTask({ id: "t-2" })).id).toBe("t-2");
    expect((await t.listTasks({})).totalSize).toBe(1);
    expect((await t.cancelTask({ id: "t-3" })).status.state).toBe("TASK_STATE_CANCELED");
    const cfg = await t.createTaskPushNotificationConfig({
      taskId: "t-1",
      url: "https://h.example/x",
    });
    expect(cfg.id).toBe("cfg-1");
    expect((await t.getTaskPushNotificationConfig({ taskId: "t-1", id: "c" })).id).toBe("c");
    expect((await t.listTaskPushNotificationConfigs({ taskId: "t-1" })).configs).toHaveLength(1);
    await expect(
      t.deleteTaskPushNotificationConfig({ taskId: "t-1", id: "c" }),
    ).resolves.toBeUndefined();
    expect((await t.getExtendedAgentCard({})).name).toBe("fake");
    const events = await collect(t.sendStreamingMessage({ message: msg("s") }));
    expect(events.map((e) => Object.keys(e)[0])).toEqual([
      "task",
      "statusUpdate",
      "artifactUpdate",
      "statusUpdate",
    ]);
    expect(handler.calls).toHaveLength(10);
  });

  it("sends A2A-Version: 1.0, extensions, headers; tenant as a path prefix", async () => {
    const { transport, handler, seen } = setup({ headers: { "x-app": "a" } });
    await transport.sendMessage(
      { tenant: "ac me/x", message: msg("hi") },
      { extensions: [EXT], headers: { "x-call": "c" }, serviceParameters: { "x-sp": "s" } },
    );
    const h = seen[0]!.headers;
    expect(h.get("a2a-version")).toBe("1.0");
    expect(h.get("a2a-extensions")).toBe(EXT);
    expect(h.get("x-app")).toBe("a");
    expect(h.get("x-call")).toBe("c");
    expect(h.get("x-sp")).toBe("s");
    expect(h.get("content-type")).toBe("application/a2a+json");
    expect(seen[0]!.url).toBe("http://in.process/a2a/rest/ac%20me%2Fx/message:send");
    expect(handler.calls[0]!.ctx.tenant).toBe("ac me/x");
    // The tenant travels only in the path.
    expect(await seen[0]!.json()).not.toHaveProperty("tenant");
    expect(handler.calls[0]!.req).toMatchObject({ tenant: "ac me/x" });
  });

  it("keeps taskId (not tenant) in the create-push-config body; query spaces are %20", async () => {
    const { transport: t, seen, handler } = setup();
    await t.createTaskPushNotificationConfig({
      tenant: "acme",
      taskId: "t-9",
      url: "https://h.example/x",
    });
    expect(new URL(seen[0]!.url).pathname).toBe("/a2a/rest/acme/tasks/t-9/pushNotificationConfigs");
    const body = await seen[0]!.json();
    expect(body).toMatchObject({ taskId: "t-9", url: "https://h.example/x" });
    expect(body).not.toHaveProperty("tenant");
    expect(handler.calls[0]!.ctx.tenant).toBe("acme");
    await t.listTasks({ tenant: "a b", contextId: "c d+e" });
    expect(seen[1]!.url).toBe("http://in.process/a2a/rest/a%20b/tasks?contextId=c%20d%2Be");
    expect(handler.calls[1]!.req).toMatchObject({ contextId: "c d+e", tenant: "a b" });
  });

  it("puts every operation on its route, with query parameters for GETs", async () => {
    const { transport: t, seen, handler } = setup();
    await t.getTask({ id: "a/b", historyLength: 2, tenant: "t1" });
    await t.listTasks({
      status: "TASK_STATE_WORKING",
      pageSize: 5,
      includeArtifacts: false,
      statusTimestampAfter: "2026-01-01T00:00:00.000Z",
    });
    await t.cancelTask({ id: "c", metadata: { why: "x" } });
    await t.createTaskPushNotificationConfig({ taskId: "t-9", url: "https://h.example/x" });
    await t.getTaskPushNotificationConfig({ taskId: "t-9", id: "p" });
    await t.listTaskPushNotificationConfigs({ taskId: "t-9", pageSize: 3 });
    await t.deleteTaskPushNotificationConfig({ taskId: "t-9", id: "p" });
    await t.getExtendedAgentCard({});
    for await (const _ of t.subscribeToTask({ id: "s" })) break;
    expect(
      seen.map((r) => `${r.method} ${new URL(r.url).pathname}${new URL(r.url).search}`),
    ).toEqual([
      "GET /a2a/rest/t1/tasks/a%2Fb?historyLength=2",
      "GET /a2a/rest/tasks?status=TASK_STATE_WORKING&pageSize=5&statusTimestampAfter=2026-01-01T00%3A00%3A00.000Z&includeArtifacts=false",
      "POST /a2a/rest/tasks/c:cancel",
      "POST /a2a/rest/tasks/t-9/pushNotificationConfigs",
      "GET /a2a/rest/tasks/t-9/pushNotificationConfigs/p",
      "GET /a2a/rest/tasks/t-9/pushNotificationConfigs?pageSize=3",
      "DELETE /a2a/rest/tasks/t-9/pushNotificationConfigs/p",
      "GET /a2a/rest/extendedAgentCard",
      "POST /a2a/rest/tasks/s:subscribe",
    ]);
    expect(handler.calls[0]!.req).toMatchObject({ id: "a/b", historyLength: 2, tenant: "t1" });
    expect(handler.calls[2]!.req).toMatchObject({ id: "c", metadata: { why: "x" } });
  });

  it("decodes every error with the same code, reason, metadata and details", async () => {
    const { transport } = setup();
    const nf = (await failure(transport.getTask({ id: "missing" }))) as A2AError;
    expect(nf).toBeInstanceOf(A2AError);
    expect(nf.code).toBe(A2AErrorCode.TaskNotFound);
    expect(nf.reason).toBe("TASK_NOT_FOUND");
    expect(nf.metadata).toEqual({ taskId: "missing" });
    const a2aCodes = [
      A2AErrorCode.TaskNotCancelable,
      A2AErrorCode.PushNotificationNotSupported,
      A2AErrorCode.UnsupportedOperation,
      A2AErrorCode.ContentTypeNotSupported,
      A2AErrorCode.InvalidAgentResponse,
      A2AErrorCode.ExtendedAgentCardNotConfigured,
      A2AErrorCode.ExtensionSupportRequired,
      A2AErrorCode.VersionNotSupported,
      A2AErrorCode.PermissionDenied,
      A2AErrorCode.Unauthenticated,
    ];
    for (const code of a2aCodes) {
      const e = (await failure(
        transport.sendMessage({ message: msg(`fail:${code}`) }),
      )) as A2AError;
      expect(e.code, code).toBe(code);
      expect(e.metadata).toEqual({ taskId: "t-x" });
    }
    const pre = (await failure(
      collect(transport.sendStreamingMessage({ message: msg("fail:UNSUPPORTED_OPERATION") })),
    )) as A2AError;
    expect(pre.code).toBe(A2AErrorCode.UnsupportedOperation);
    const seen: StreamResponse[] = [];
    const mid = await failure(
      (async () => {
        for await (const e of transport.sendStreamingMessage({ message: msg("midfail") }))
          seen.push(e);
      })(),
    );
    expect(seen).toHaveLength(2);
    expect((mid as A2AError).code).toBe(A2AErrorCode.UnsupportedOperation);
    expect((mid as A2AError).message).toBe("broke mid-stream");
  });

  it("reports local failures as A2AClientError: timeout, abort, network, invalid answers", async () => {
    const slow = createRestTransport({
      url: "http://x",
      fetch: ((_: unknown, init?: RequestInit) =>
        new Promise((_r, reject) =>
          init?.signal?.addEventListener("abort", () => reject(init.signal!.reason)),
        )) as typeof fetch,
    });
    const timeout = (await failure(slow.getTask({ id: "t" }, { timeoutMs: 20 }))) as A2AClientError;
    expect(timeout).toBeInstanceOf(A2AClientError);
    expect(timeout.code).toBe("TIMEOUT");
    const ac = new AbortController();
    const p = slow.getTask({ id: "t" }, { signal: ac.signal });
    ac.abort();
    expect(((await failure(p)) as A2AClientError).code).toBe("ABORTED");
    const down = createRestTransport({ url: "http://127.0.0.1:1/nothing" });
    expect(((await failure(down.getTask({ id: "t" }))) as A2AClientError).code).toBe("NETWORK");
    const html = createRestTransport({
      url: "http://x",
      fetch: (async () => new Response("<html>", { status: 200 })) as unknown as typeof fetch,
    });
    expect(((await failure(html.getTask({ id: "t" }))) as A2AClientError).code).toBe(
      "INVALID_RESPONSE",
    );
    const proxy = createRestTransport({
      url: "http://x",
      fetch: (async () => new Response("Bad Gateway", { status: 502 })) as unknown as typeof fetch,
    });
    expect(((await failure(proxy.getTask({ id: "t" }))) as A2AError).code).toBe(
      A2AErrorCode.Internal,
    );
    const wrong = createRestTransport({
      url: "http://x",
      fetch: (async () => Response.json({ id: 5 })) as unknown as typeof fetch,
    });
    expect(((await failure(wrong.getTask({ id: "t" }))) as A2AClientError).code).toBe(
      "INVALID_RESPONSE",
    );
  });

  it("accepts any 2xx and an empty body for DeleteTaskPushNotificationConfig", async () => {
    for (const res of [
      () => new Response(null, { status: 204 }),
      () => new Response("{}", { status: 200 }),
      () => new Response("", { status: 202 }),
    ]) {
      const t = createRestTransport({
        url: "http://x",
        fetch: (async () => res()) as unknown as typeof fetch,
      });
      await expect(
        t.deleteTaskPushNotificationConfig({ taskId: "t", id: "c" }),
      ).resolves.toBeUndefined();
    }
  });

  it("runs interceptors before and after, with headers they set", async () => {
    const log: string[] = [];
    const { transport, seen } = setup({
      interceptors: [
        {
          before(call: ClientCall) {
            log.push(`before ${call.method}`);
            call.headers.set("authorization", "Bearer x");
          },
          after(call, outcome) {
            log.push(
              `after ${call.method} ${outcome.error ? (outcome.error as A2AError).code : "ok"}`,
            );
          },
        },
      ],
    });
    await transport.getTask({ id: "t" });
    await failure(transport.getTask({ id: "missing" }));
    expect(log).toEqual([
      "before GetTask",
      "after GetTask ok",
      "before GetTask",
      "after GetTask TASK_NOT_FOUND",
    ]);
    expect(seen[0]!.headers.get("authorization")).toBe("Bearer x");
  });

  it("releases the server stream when the consumer stops early", async () => {
    const { transport, handler } = setup();
    for await (const ev of transport.subscribeToTask({ id: "t-7" })) {
      expect(ev.task?.id).toBe("t-7");
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
    expect(handler.open).toBe(0);
    expect(handler.released).toBe(1);
  });
});
