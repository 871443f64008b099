import { A2AErrorCode, ERROR_INFO_TYPE } from "@agentmesh/a2a-transport";
import { describe, expect, it } from "vitest";
import { EXT, createFakeHandler } from "../testdata/fake-handler.js";
import { createJsonRpcFetchHandler, jsonRpcBinding } from "./index.js";

const URL_ = "http://test.local/a2a/jsonrpc";
const userMsg = (text: string) => ({ messageId: "m-1", role: "ROLE_USER", parts: [{ text }] });

function setup(opts: { maxBodyBytes?: number; supportedVersions?: string[] } = {}) {
  const handler = createFakeHandler();
  const fetchHandler = createJsonRpcFetchHandler({ handler, keepAliveMs: 0, ...opts });
  async function post(
    body: string | object,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; json: any; res: Response }> {
    const res = await fetchHandler(
      new Request(URL_, {
        method: "POST",
        headers: { "content-type": "application/json", "a2a-version": "1.0", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
    );
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined, res };
  }
  const rpc = (
    method: string,
    params?: unknown,
    id: unknown = 1,
    headers?: Record<string, string>,
  ) => post({ jsonrpc: "2.0", id, method, ...(params === undefined ? {} : { params }) }, headers);
  return { handler, fetchHandler, post, rpc };
}

describe("jsonRpcBinding", () => {
  it("describes itself for A2AServer", () => {
    const b = jsonRpcBinding();
    expect(b.protocolBinding).toBe("JSONRPC");
    expect(b.path).toBe("/a2a/jsonrpc");
    expect(b.interfaceUrl({ httpBaseUrl: "http://h:1/" })).toBe("http://h:1/a2a/jsonrpc");
    expect(jsonRpcBinding({ path: "/rpc" }).interfaceUrl({ httpBaseUrl: "http://h:1" })).toBe(
      "http://h:1/rpc",
    );
  });
});

describe("JSON-RPC envelope", () => {
  it("answers unparsable JSON with -32700, id null, HTTP 200", async () => {
    const { post } = setup();
    for (const body of ['{"jsonrpc":"2.0",', "not json", ""]) {
      const r = await post(body);
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32700 } });
    }
  });

  it("answers invalid envelopes and batches with -32600", async () => {
    const { post } = setup();
    const cases: [unknown, unknown][] = [
      [[{ jsonrpc: "2.0", id: 1, method: "GetTask" }], null],
      [[], null],
      ["str", null],
      [{ jsonrpc: "1.0", id: 5, method: "GetTask", params: { id: "x" } }, 5],
      [{ id: 6, method: "GetTask" }, 6],
      [{ jsonrpc: "2.0", id: 7 }, 7],
      [{ jsonrpc: "2.0", id: 8, method: 42 }, 8],
      [{ jsonrpc: "2.0", id: { a: 1 }, method: "GetTask" }, null],
      [{ jsonrpc: "2.0", id: true, method: "GetTask" }, null],
      [{ jsonrpc: "2.0", method: "GetTask", params: { id: "x" } }, null],
    ];
    for (const [body, id] of cases) {
      const r = await post(JSON.stringify(body));
      expect(r.status, JSON.stringify(body)).toBe(200);
      expect(r.json, JSON.stringify(body)).toMatchObject({
        jsonrpc: "2.0",
        id,
        error: { code: -32600 },
      });
    }
  });

  it("answers any present non-object params with -32602 and the request id", async () => {
    const { rpc } = setup();
    for (const params of [null, "x", 3, true, [1], []]) {
      const r = await rpc("GetTask", params, 9);
      expect(r.status).toBe(200);
      expect(r.json, JSON.stringify(params)).toMatchObject({
        jsonrpc: "2.0",
        id: 9,
        error: { code: -32602 },
      });
      expect(r.json.error.data[1].fieldViolations[0].field).toBe("params");
    }
    // Absent params is a valid envelope (read as {}).
    const absent = await rpc("ListTasks", undefined, "a");
    expect(absent.json).toMatchObject({ id: "a", result: {} });
  });

  it("echoes string, number and null ids", async () => {
    const { rpc } = setup();
    for (const id of ["abc", 42, 0, null, 1.5]) {
      const r = await rpc("GetTask", { id: "t-1" }, id);
      expect(r.json.id).toBe(id);
      expect(r.json.result.id).toBe("t-1");
    }
  });

  it("answers unknown and v0.3 method names with -32601", async () => {
    const { rpc } = setup();
    for (const m of ["message/send", "sendMessage", "Nope", "toString", "__proto__"]) {
      const r = await rpc(m, {});
      expect(r.json.error.code, m).toBe(-32601);
    }
  });

  it("answers invalid params with -32602 and BadRequest field violations", async () => {
    const { rpc } = setup();
    const r = await rpc(
      "SendMessage",
      { message: { messageId: 5, role: "ROLE_USER", parts: [] } },
      "x",
    );
    expect(r.status).toBe(200);
    expect(r.json.id).toBe("x");
    expect(r.json.error.code).toBe(-32602);
    const br = r.json.error.data.find(
      (d: any) => d["@type"] === "type.googleapis.com/google.rpc.BadRequest",
    );
    expect(br.fieldViolations.some((v: any) => v.field.startsWith("message.messageId"))).toBe(true);
    const arr = await rpc("GetTask", [1, 2]);
    expect(arr.json.error.code).toBe(-32602);
    const wrongType = await rpc("GetTask", { id: 5 });
    expect(wrongType.json.error.code).toBe(-32602);
    expect(wrongType.json.error.data[0]).toMatchObject({ reason: "INVALID_PARAMS" });
    expect(wrongType.json.error.data[1].fieldViolations[0].field).toBe("id");
  });

  it("refuses GET (405) and non-JSON content types (415) with an envelope", async () => {
    const { fetchHandler, post } = setup();
    const get = await fetchHandler(new Request(URL_));
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect((await get.json()).error.code).toBe(-32600);
    const form = await post("a=1", { "content-type": "application/x-www-form-urlencoded" });
    expect(form.status).toBe(415);
    expect(form.json.error.code).toBe(-32005);
  });

  it("answers an oversized body with 413 and a clear message", async () => {
    const { post } = setup({ maxBodyBytes: 100 });
    const r = await post({
      jsonrpc: "2.0",
      id: 1,
      method: "GetTask",
      params: { id: "x".repeat(200) },
    });
    expect(r.status).toBe(413);
    expect(r.json.error.code).toBe(-32600);
    expect(r.json.error.message).toMatch(/100 bytes/);
  });

  it("reads a body the Node adapter buffered (RAW_REQUEST_BODY), with the size limit", async () => {
    const handler = createFakeHandler();
    const fetchHandler = createJsonRpcFetchHandler({ handler, maxBodyBytes: 200 });
    const make = (text: string) => {
      const bytes = new TextEncoder().encode(text);
      const req = new Request(URL_, {
        method: "POST",
        headers: { "content-type": "application/json", "a2a-version": "1.0" },
        body: bytes,
      });
      (req as Request & { [k: symbol]: unknown })[
        Symbol.for("@agentmesh/a2a-transport/raw-request-body")
      ] = bytes;
      return req;
    };
    const ok = await fetchHandler(
      make(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "GetTask", params: { id: "t-b" } })),
    );
    expect((await ok.json()).result.id).toBe("t-b");
    const big = await fetchHandler(
      make(
        JSON.stringify({
          jsonrpc: "2.0",
          id: 1,
          method: "GetTask",
          params: { id: "x".repeat(300) },
        }),
      ),
    );
    expect(big.status).toBe(413);
  });

  it("survives deeply nested and hostile JSON", async () => {
    const { post, rpc } = setup();
    const deep = `{"jsonrpc":"2.0","id":1,"method":"SendMessage","params":${"[".repeat(50000)}${"]".repeat(50000)}}`;
    const r = await post(deep);
    expect(r.status).toBe(200);
    expect([-32602, -32700]).toContain(r.json.error.code);
    const nested = `{"jsonrpc":"2.0","id":1,"method":"SendMessage","params":{"message":{"messageId":"m","role":"ROLE_USER","parts":[{"data":${'{"a":'.repeat(5000)}1${"}".repeat(5000)}}]}}}`;
    const n = await post(nested);
    expect(n.json.error.code).toBe(-32602);
    const proto = await rpc("GetTask", JSON.parse('{"id":"t","__proto__":{"x":1}}'));
    expect(proto.json.result.id).toBe("t");
  });
});

describe("JSON-RPC methods", () => {
  it("serves every unary method with ProtoJSON results", async () => {
    const { rpc, handler } = setup();
    const send = await rpc("SendMessage", { message: userMsg("hello") });
    expect(send.res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(send.json.result.task).toMatchObject({
      id: "t-1",
      status: { state: "TASK_STATE_COMPLETED" },
    });
    const msg = await rpc("SendMessage", { message: userMsg("message") });
    expect(msg.json.result.message.role).toBe("ROLE_AGENT");
    expect((await rpc("GetTask", { id: "t-9", historyLength: 2 })).json.result.id).toBe("t-9");
    const list = await rpc("ListTasks", { status: "TASK_STATE_WORKING" });
    expect(list.json.result).toMatchObject({ nextPageToken: "", pageSize: 1, totalSize: 1 });
    expect((await rpc("CancelTask", { id: "t-2" })).json.result.status.state).toBe(
      "TASK_STATE_CANCELED",
    );
    const cfg = { taskId: "t-1", url: "https://hook.example/x" };
    expect((await rpc("CreateTaskPushNotificationConfig", cfg)).json.result).toMatchObject({
      id: "cfg-1",
      taskId: "t-1",
    });
    expect(
      (await rpc("GetTaskPushNotificationConfig", { taskId: "t-1", id: "c" })).json.result.id,
    ).toBe("c");
    expect(
      (await rpc("ListTaskPushNotificationConfigs", { taskId: "t-1" })).json.result.configs,
    ).toHaveLength(1);
    const del = await rpc("DeleteTaskPushNotificationConfig", { taskId: "t-1", id: "c" });
    expect(del.json).toEqual({ jsonrpc: "2.0", id: 1, result: {} });
    const card = await rpc("GetExtendedAgentCard");
    expect(card.json.result.name).toBe("fake");
    expect(handler.calls.map((c) => c.method)).toContain("GetExtendedAgentCard");
  });

  it("accepts snake_case params and passes tenant, version, extensions and principal", async () => {
    const handler = createFakeHandler();
    const fetchHandler = createJsonRpcFetchHandler({
      handler,
      authenticate: ({ headers }) => (headers.get("authorization") ? { id: "alice" } : undefined),
    });
    const res = await fetchHandler(
      new Request(URL_, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "A2A-Version": "1.0",
          "A2A-Extensions": `${EXT}, https://other/x`,
          authorization: "Bearer t",
        },
        body: JSON.stringify({
          jsonrpc: "2.0",
          id: 1,
          method: "SendMessage",
          params: {
            tenant: "acme",
            message: { message_id: "m", role: "ROLE_USER", parts: [{ text: "x" }] },
          },
        }),
      }),
    );
    expect(res.headers.get("a2a-extensions")).toBe(EXT);
    const body = await res.json();
    expect(body.result.task.id).toBe("t-1");
    const call = handler.calls[0]!;
    expect(call.ctx.tenant).toBe("acme");
    expect(call.ctx.version).toBe("1.0");
    expect(call.ctx.binding).toBe("JSONRPC");
    expect(call.ctx.requestedExtensions).toEqual([EXT, "https://other/x"]);
    expect(call.ctx.principal).toEqual({ id: "alice" });
    expect((call.req as any).message.messageId).toBe("m");
  });

  it("maps handler errors to A2A codes with ErrorInfo in data[]", async () => {
    const { rpc } = setup();
    const nf = await rpc("GetTask", { id: "missing" }, 3);
    expect(nf.status).toBe(200);
    expect(nf.json.error).toMatchObject({
      code: -32001,
      data: [
        {
          "@type": "type.googleapis.com/google.rpc.ErrorInfo",
          reason: "TASK_NOT_FOUND",
          domain: "a2a-protocol.org",
          metadata: { taskId: "missing" },
        },
      ],
    });
    const codes: [string, number][] = [
      [A2AErrorCode.TaskNotCancelable, -32002],
      [A2AErrorCode.PushNotificationNotSupported, -32003],
      [A2AErrorCode.UnsupportedOperation, -32004],
      [A2AErrorCode.ContentTypeNotSupported, -32005],
      [A2AErrorCode.InvalidAgentResponse, -32006],
      [A2AErrorCode.ExtendedAgentCardNotConfigured, -32007],
      [A2AErrorCode.ExtensionSupportRequired, -32008],
      [A2AErrorCode.VersionNotSupported, -32009],
    ];
    for (const [code, n] of codes) {
      const r = await rpc("SendMessage", { message: userMsg(`fail:${code}`) });
      expect(r.json.error.code, code).toBe(n);
      expect(r.json.error.data[0].reason).toBe(code);
    }
    const crash = await rpc("SendMessage", { message: userMsg("crash") });
    expect(crash.json.error.code).toBe(-32603);
    expect(JSON.stringify(crash.json)).not.toContain("secret internal detail");
    // Generic codes carry an A2A ErrorInfo too, so clients tell them apart exactly.
    expect(crash.json.error.data).toEqual([
      { "@type": ERROR_INFO_TYPE, reason: "INTERNAL", domain: "a2a-protocol.org" },
    ]);
    const unknown = await rpc("NoSuchMethod", {});
    expect(unknown.json.error.data[0]).toMatchObject({
      reason: "METHOD_NOT_FOUND",
      domain: "a2a-protocol.org",
    });
  });

  it("treats a missing A2A-Version as 0.3 and refuses it unless supported", async () => {
    const { rpc } = setup();
    const r = await rpc("GetTask", { id: "t" }, 1, { "a2a-version": "" });
    expect(r.json.error.code).toBe(-32009);
    const q = setup();
    const withQuery = await q.fetchHandler(
      new Request(`${URL_}?A2A-Version=1.0`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "GetTask", params: { id: "t" } }),
      }),
    );
    expect((await withQuery.json()).result.id).toBe("t");
    const old = setup({ supportedVersions: ["1.0", "0.3"] });
    const ok = await old.rpc("GetTask", { id: "t" }, 1, { "a2a-version": "" });
    expect(ok.json.result.id).toBe("t");
    expect(old.handler.calls[0]!.ctx.version).toBe("0.3");
  });
});

describe("JSON-RPC streaming", () => {
  async function readSse(res: Response): Promise<{ event?: string; data: string }[]> {
    const text = await res.text();
    return text
      .split("\n\n")
      .filter((b) => b.trim() !== "" && !b.startsWith(":"))
      .map((b) => {
        const lines = b.split("\n");
        const ev = lines.find((l) => l.startsWith("event: "))?.slice(7);
        const data = lines
          .filter((l) => l.startsWith("data: "))
          .map((l) => l.slice(6))
          .join("\n");
        return ev === undefined ? { data } : { event: ev, data };
      });
  }

  it("sends every event as data: {jsonrpc,id,result}", async () => {
    const { fetchHandler } = setup();
    const res = await fetchHandler(
      new Request(URL_, {
        method: "POST",
        headers: { "content-type": "application/json", "a2a-version": "1.0" },
        body: JSON.stringify({
          jsonrpc: "2.0",
          id: 7,
          method: "SendStreamingMessage",
          params: { message: userMsg("go") },
        }),
      }),
    );
    const events = await readSse(res);
    expect(events).toHaveLength(4);
    const parsed = events.map((e) => JSON.parse(e.data));
    for (const p of parsed) expect(p).toMatchObject({ jsonrpc: "2.0", id: 7 });
    expect(Object.keys(parsed[0].result)).toEqual(["task"]);
    expect(parsed[2].result.artifactUpdate.artifact.parts[0].text).toBe("echo: go");
    expect(parsed[3].result.statusUpdate.status.state).toBe("TASK_STATE_COMPLETED");
  });

  it("answers errors before the first event as a plain JSON-RPC error", async () => {
    const { rpc } = setup();
    const r = await rpc(
      "SendStreamingMessage",
      { message: userMsg("fail:UNSUPPORTED_OPERATION") },
      4,
    );
    expect(r.res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(r.json).toMatchObject({ id: 4, error: { code: -32004 } });
    const sub = await rpc("SubscribeToTask", { id: "missing" }, 5);
    expect(sub.json).toMatchObject({ id: 5, error: { code: -32001 } });
  });

  it("ends a stream that fails midway with event: error and the envelope", async () => {
    const { fetchHandler } = setup();
    const res = await fetchHandler(
      new Request(URL_, {
        method: "POST",
        headers: { "content-type": "application/json", "a2a-version": "1.0" },
        body: JSON.stringify({
          jsonrpc: "2.0",
          id: "m",
          method: "SendStreamingMessage",
          params: { message: userMsg("midfail") },
        }),
      }),
    );
    const events = await readSse(res);
    expect(events).toHaveLength(3);
    expect(events[2]!.event).toBe("error");
    expect(JSON.parse(events[2]!.data)).toMatchObject({
      jsonrpc: "2.0",
      id: "m",
      error: { code: -32004 },
    });
  });

  it("releases the subscription when the client cancels the stream", async () => {
    const { fetchHandler, handler } = setup();
    const res = await fetchHandler(
      new Request(URL_, {
        method: "POST",
        headers: { "content-type": "application/json", "a2a-version": "1.0" },
        body: JSON.stringify({
          jsonrpc: "2.0",
          id: 1,
          method: "SubscribeToTask",
          params: { id: "t-5" },
        }),
      }),
    );
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain('"task"');
    expect(handler.open).toBe(1);
    // While the handler's next() is pending, cancelling must release it at once.
    await reader.cancel();
    await new Promise((r) => setTimeout(r, 10));
    expect(handler.open).toBe(0);
    expect(handler.released).toBe(1);
  });
});
