import { describe, expect, it } from "vitest";
import { EXT, createFakeHandler } from "../testdata/fake-handler.js";
import { A2AError, A2AErrorCode } from "@agentmesh/a2a-transport";
import { createRestFetchHandler, restBinding } from "./index.js";

const BASE = "http://test.local/a2a/rest";
const userMsg = (text: string) => ({ messageId: "m-1", role: "ROLE_USER", parts: [{ text }] });

function setup(opts: { maxBodyBytes?: number } = {}) {
  const handler = createFakeHandler();
  const fetchHandler = createRestFetchHandler({ handler, keepAliveMs: 0, ...opts });
  async function call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; json: any; res: Response }> {
    const init: RequestInit = {
      method,
      headers: {
        "a2a-version": "1.0",
        ...(body === undefined ? {} : { "content-type": "application/a2a+json" }),
        ...headers,
      },
    };
    if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
    const res = await fetchHandler(new Request(BASE + path, init));
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: res.status, json, res };
  }
  return { handler, fetchHandler, call };
}

describe("restBinding", () => {
  it("describes itself for A2AServer", () => {
    const b = restBinding();
    expect(b.protocolBinding).toBe("HTTP+JSON");
    expect(b.path).toBe("/a2a/rest");
    expect(b.interfaceUrl({ httpBaseUrl: "http://h:1" })).toBe("http://h:1/a2a/rest");
  });
});

describe("REST routes", () => {
  it("serves every route, with and without a tenant", async () => {
    for (const prefix of ["", "/acme", "/ten%2Fant"]) {
      const { call, handler } = setup();
      const send = await call("POST", `${prefix}/message:send`, { message: userMsg("hi") });
      expect(send.status).toBe(200);
      expect(send.res.headers.get("content-type")).toMatch(/^application\/a2a\+json/);
      expect(send.json.task.id).toBe("t-1");
      expect((await call("GET", `${prefix}/tasks/t-9?historyLength=3`)).json.id).toBe("t-9");
      const list = await call(
        "GET",
        `${prefix}/tasks?status=TASK_STATE_WORKING&pageSize=10&includeArtifacts=true&statusTimestampAfter=2026-01-01T00:00:00Z&contextId=c`,
      );
      expect(list.json).toMatchObject({ nextPageToken: "", pageSize: 1, totalSize: 1 });
      expect((await call("POST", `${prefix}/tasks/t-2:cancel`)).json.status.state).toBe(
        "TASK_STATE_CANCELED",
      );
      const created = await call("POST", `${prefix}/tasks/t-3/pushNotificationConfigs`, {
        url: "https://hook.example/x",
      });
      expect(created.json).toMatchObject({ taskId: "t-3", id: "cfg-1" });
      expect((await call("GET", `${prefix}/tasks/t-3/pushNotificationConfigs/c-1`)).json.id).toBe(
        "c-1",
      );
      expect(
        (await call("GET", `${prefix}/tasks/t-3/pushNotificationConfigs?pageSize=5`)).json.configs,
      ).toHaveLength(1);
      const del = await call("DELETE", `${prefix}/tasks/t-3/pushNotificationConfigs/c-1`);
      expect(del.status).toBe(200);
      expect(del.json).toEqual({});
      expect((await call("GET", `${prefix}/extendedAgentCard`)).json.name).toBe("fake");
      const expectedTenant = prefix === "" ? undefined : decodeURIComponent(prefix.slice(1));
      for (const c of handler.calls)
        expect(c.ctx.tenant, `${c.method} ${prefix}`).toBe(expectedTenant);
      const list2 = handler.calls.find((c) => c.method === "ListTasks")!.req as any;
      expect(list2).toMatchObject({
        status: "TASK_STATE_WORKING",
        pageSize: 10,
        includeArtifacts: true,
        contextId: "c",
        statusTimestampAfter: "2026-01-01T00:00:00.000Z",
      });
      const get = handler.calls.find((c) => c.method === "GetTask")!.req as any;
      expect(get).toMatchObject({ id: "t-9", historyLength: 3 });
    }
  });

  it("routes under the mount path and without it", async () => {
    const { fetchHandler } = setup();
    const a = await fetchHandler(
      new Request("http://x/a2a/rest/tasks/t-1", { headers: { "a2a-version": "1.0" } }),
    );
    const b = await fetchHandler(
      new Request("http://x/tasks/t-1", { headers: { "a2a-version": "1.0" } }),
    );
    expect((await a.json()).id).toBe("t-1");
    expect((await b.json()).id).toBe("t-1");
  });

  it("keeps encoded colons and slashes in ids", async () => {
    const { call, handler } = setup();
    expect((await call("GET", "/tasks/a%3Ab%2Fc")).json.id).toBe("a:b/c");
    expect((await call("POST", "/tasks/a%3Acancel:cancel")).json.id).toBe("a:cancel");
    expect(handler.calls.at(-1)!.method).toBe("CancelTask");
  });

  it("answers unknown routes with 404 and wrong methods with 405 (Status JSON)", async () => {
    const { call } = setup();
    for (const path of [
      "/nope",
      "/v1/tasks/t/x",
      "/tasks/t:frobnicate",
      "/a/b/c/d/e/f",
      "/message:sendd",
    ]) {
      const r = await call("GET", path);
      expect(r.status, path).toBe(404);
      expect(r.json.error).toMatchObject({ code: 404, status: "UNIMPLEMENTED" });
    }
    const wrong = await call("DELETE", "/message:send");
    expect(wrong.status).toBe(405);
    expect(wrong.res.headers.get("allow")).toBe("POST");
    expect(wrong.json.error.code).toBe(405);
    const put = await call("PUT", "/tasks/t-1");
    expect(put.status).toBe(405);
  });

  it("serves SubscribeToTask on GET and POST", async () => {
    const { fetchHandler, handler } = setup();
    for (const method of ["GET", "POST"]) {
      const res = await fetchHandler(
        new Request(`${BASE}/tasks/t-5:subscribe`, { method, headers: { "a2a-version": "1.0" } }),
      );
      expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
      const reader = res.body!.getReader();
      const first = new TextDecoder().decode((await reader.read()).value);
      expect(first).toMatch(/^data: \{"task":\{"id":"t-5"/);
      await reader.cancel();
    }
    await new Promise((r) => setTimeout(r, 10));
    expect(handler.open).toBe(0);
    expect(handler.released).toBe(2);
  });
});

describe("REST errors", () => {
  it("maps A2A errors to the HTTP status with google.rpc.Status and ErrorInfo", async () => {
    const { call } = setup();
    const nf = await call("GET", "/tasks/missing");
    expect(nf.status).toBe(404);
    expect(nf.json).toEqual({
      error: {
        code: 404,
        status: "NOT_FOUND",
        message: expect.any(String),
        details: [
          {
            "@type": "type.googleapis.com/google.rpc.ErrorInfo",
            reason: "TASK_NOT_FOUND",
            domain: "a2a-protocol.org",
            metadata: { taskId: "missing" },
          },
        ],
      },
    });
    const nc = await call("POST", "/tasks/done:cancel");
    expect(nc.status).toBe(400);
    expect(nc.json.error.status).toBe("FAILED_PRECONDITION");
    expect(nc.json.error.details[0].reason).toBe("TASK_NOT_CANCELABLE");
    const crash = await call("POST", "/message:send", { message: userMsg("crash") });
    expect(crash.status).toBe(500);
    expect(JSON.stringify(crash.json)).not.toContain("secret internal detail");
  });

  it("answers bad bodies: invalid JSON, wrong types, non-objects, wrong content type, oversize", async () => {
    const { call } = setup({ maxBodyBytes: 1000 });
    const bad = await call("POST", "/message:send", '{"message":');
    expect(bad.status).toBe(400);
    expect(bad.json.error.status).toBe("INVALID_ARGUMENT");
    expect(bad.json.error.details[0].reason).toBe("PARSE_ERROR");
    const types = await call("POST", "/message:send", {
      message: { messageId: 1, role: "ROLE_USER", parts: [] },
    });
    expect(types.status).toBe(400);
    const br = types.json.error.details.find((d: any) => d["@type"].endsWith("BadRequest"));
    expect(br.fieldViolations[0].field).toMatch(/^message\./);
    expect((await call("POST", "/message:send", "[1,2]")).status).toBe(400);
    const ct = await call(
      "POST",
      "/message:send",
      { message: userMsg("x") },
      { "content-type": "text/plain" },
    );
    expect(ct.status).toBe(415);
    expect(ct.json.error.details[0].reason).toBe("CONTENT_TYPE_NOT_SUPPORTED");
    const json = await call(
      "POST",
      "/message:send",
      { message: userMsg("x") },
      { "content-type": "application/json; charset=utf-8" },
    );
    expect(json.status).toBe(200);
    expect(json.res.headers.get("content-type")).toMatch(/^application\/json/);
    const big = await call("POST", "/message:send", { message: userMsg("x".repeat(2000)) });
    expect(big.status).toBe(413);
    expect(big.json.error.message).toMatch(/1000 bytes/);
  });

  it("rejects bad query values with 400 and field violations", async () => {
    const { call } = setup();
    const cases: [string, string][] = [
      ["/tasks?pageSize=abc", "pageSize"],
      ["/tasks?includeArtifacts=yes", "includeArtifacts"],
      ["/tasks?status=RUNNING", "status"],
      ["/tasks?statusTimestampAfter=yesterday", "statusTimestampAfter"],
      ["/tasks?pageSize=1&pageSize=2", "pageSize"],
      ["/tasks/t-1?historyLength=1.5", "historyLength"],
    ];
    for (const [path, field] of cases) {
      const r = await call("GET", path);
      expect(r.status, path).toBe(400);
      expect(r.json.error.status).toBe("INVALID_ARGUMENT");
      const br = r.json.error.details.find((d: any) => d["@type"].endsWith("BadRequest"));
      expect(br.fieldViolations.map((v: any) => v.field).join(","), path).toContain(field);
    }
    const bad = await call("GET", "/tasks/%E0%A4%A");
    expect(bad.status).toBe(400);
  });

  it("checks A2A-Version and echoes activated extensions", async () => {
    const { call, handler } = setup();
    const v = await call("GET", "/tasks/t-1", undefined, { "a2a-version": "" });
    expect(v.status).toBe(400);
    expect(v.json.error.details[0].reason).toBe("VERSION_NOT_SUPPORTED");
    const v2 = await call("GET", "/tasks/t-1", undefined, { "a2a-version": "2.0" });
    expect(v2.json.error.details[0].reason).toBe("VERSION_NOT_SUPPORTED");
    const ext = await call(
      "POST",
      "/message:send",
      { message: userMsg("x") },
      { "a2a-extensions": EXT },
    );
    expect(ext.res.headers.get("a2a-extensions")).toBe(EXT);
    expect(handler.calls.at(-1)!.ctx.binding).toBe("HTTP+JSON");
  });
});

describe("REST streaming", () => {
  it("sends bare StreamResponses, plain errors before the first event, event: error mid-stream", async () => {
    const { call } = setup();
    const ok = await call("POST", "/message:stream", { message: userMsg("go") });
    expect(ok.res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = (ok.json as string).split("\n\n").filter((b) => b.startsWith("data: "));
    expect(events).toHaveLength(4);
    expect(JSON.parse(events[0]!.slice(6))).toHaveProperty("task");
    const pre = await call("POST", "/message:stream", {
      message: userMsg("fail:UNSUPPORTED_OPERATION"),
    });
    expect(pre.status).toBe(400);
    expect(pre.json.error.details[0].reason).toBe("UNSUPPORTED_OPERATION");
    const mid = await call("POST", "/message:stream", { message: userMsg("midfail") });
    const blocks = (mid.json as string).split("\n\n").filter((b) => b.trim() !== "");
    expect(blocks).toHaveLength(3);
    expect(blocks[2]).toMatch(
      /^event: error\ndata: \{"error":\{"code":400,"status":"FAILED_PRECONDITION"/,
    );
  });
});

describe("REST 401 answers", () => {
  const req = (auth?: string) =>
    new Request(`${BASE}/tasks/t-1`, {
      headers:
        auth === undefined
          ? { "a2a-version": "1.0" }
          : { "a2a-version": "1.0", authorization: auth },
    });

  it("challenge with WWW-Authenticate: the error's scheme, else the option, else Bearer", async () => {
    const handler = createFakeHandler();
    const deny = ({ headers }: { headers: Headers }) => {
      if (headers.get("authorization") === null) {
        throw new A2AError(A2AErrorCode.Unauthenticated, "send a bearer token");
      }
      return { id: "alice" };
    };
    const plain = createRestFetchHandler({ handler, authenticate: deny });
    const res = await plain(req());
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe("Bearer");
    const body = await res.json();
    expect(body.error.details[0]).toMatchObject({
      reason: "UNAUTHENTICATED",
      domain: "a2a-protocol.org",
    });

    const named = createRestFetchHandler({
      handler,
      authenticate: () => {
        throw new A2AError(A2AErrorCode.Unauthenticated, "token expired", {
          metadata: { wwwAuthenticate: 'Bearer realm="agent", error="invalid_token"' },
        });
      },
    });
    expect((await named(req("Bearer x"))).headers.get("www-authenticate")).toBe(
      'Bearer realm="agent", error="invalid_token"',
    );
    const basic = createRestFetchHandler({
      handler,
      wwwAuthenticate: "Basic",
      authenticate: deny,
    });
    expect((await basic(req())).headers.get("www-authenticate")).toBe("Basic");
    const none = createRestFetchHandler({
      handler,
      wwwAuthenticate: false,
      authenticate: deny,
    });
    const r = await none(req());
    expect(r.status).toBe(401);
    expect(r.headers.get("www-authenticate")).toBeNull();
    const ok = await plain(req("Bearer t"));
    expect(ok.headers.get("www-authenticate")).toBeNull();
  });
});
