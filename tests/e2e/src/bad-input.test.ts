// Bad input per binding: truncated and invalid JSON, wrong types in every field of
// SendMessageRequest, unknown methods/routes, oversized bodies, a client that disconnects
// mid-stream. Each gets the specification's error, and the process keeps serving.
import { A2AErrorCode } from "@agentmesh/a2a-transport";
import { userMessage } from "@agentmesh/a2a-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES } from "./fixtures/index.js";
import { type StreamCounter, countStreams } from "./stream-counter.js";
import { type TestServer, startTestServer } from "./test-server.js";

const LIMIT = 64 * 1024;
const counter: StreamCounter = { open: 0, released: 0 };
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(FIXTURES, {
    maxBodyBytes: LIMIT,
    wrapBinding: (b) => countStreams(b, counter),
  });
});
afterAll(async () => {
  await server?.close();
});

const valid = () => ({
  message: { messageId: "m-1", role: "ROLE_USER", parts: [{ text: "hi" }] },
});

type Mutation = [path: string, mutate: (req: any) => void];

/** One wrong value per field of SendMessageRequest (and of the Message and Part inside). */
const WRONG_TYPES: Mutation[] = [
  ["tenant", (r) => (r.tenant = 5)],
  ["message", (r) => (r.message = "hello")],
  ["message", (r) => (r.message = [1])],
  ["message.messageId", (r) => (r.message.messageId = 5)],
  ["message.contextId", (r) => (r.message.contextId = {})],
  ["message.taskId", (r) => (r.message.taskId = true)],
  ["message.role", (r) => (r.message.role = "ROLE_WIZARD")],
  ["message.role", (r) => (r.message.role = true)],
  ["message.parts", (r) => (r.message.parts = "text")],
  ["message.parts", (r) => (r.message.parts = [5])],
  ["message.parts", (r) => (r.message.parts = [{ text: 5 }])],
  ["message.parts", (r) => (r.message.parts = [{ text: "a", url: "b" }])],
  ["message.parts", (r) => (r.message.parts = [{ raw: "!!! not base64 !!!" }])],
  ["message.parts", (r) => (r.message.parts = [{ url: 7 }])],
  ["message.parts", (r) => (r.message.parts = [{ text: "a", mediaType: 5 }])],
  ["message.parts", (r) => (r.message.parts = [{ text: "a", filename: [] }])],
  ["message.parts", (r) => (r.message.parts = [{ text: "a", metadata: "m" }])],
  ["message.metadata", (r) => (r.message.metadata = "m")],
  ["message.extensions", (r) => (r.message.extensions = "x")],
  ["message.extensions", (r) => (r.message.extensions = [1])],
  ["message.referenceTaskIds", (r) => (r.message.referenceTaskIds = [{}])],
  ["configuration", (r) => (r.configuration = "c")],
  [
    "configuration.acceptedOutputModes",
    (r) => (r.configuration = { acceptedOutputModes: "text/plain" }),
  ],
  ["configuration.historyLength", (r) => (r.configuration = { historyLength: "ten" })],
  ["configuration.historyLength", (r) => (r.configuration = { historyLength: 1.5 })],
  ["configuration.returnImmediately", (r) => (r.configuration = { returnImmediately: "yes" })],
  [
    "configuration.taskPushNotificationConfig",
    (r) => (r.configuration = { taskPushNotificationConfig: 5 }),
  ],
  [
    "configuration.taskPushNotificationConfig",
    (r) => (r.configuration = { taskPushNotificationConfig: { url: 5 } }),
  ],
  ["metadata", (r) => (r.metadata = [1, 2])],
];

/**
 * Wrong-type cases a binding cannot reject today, with the reason (reported to the owners).
 * Keyed by fixture id, then by the JSON of the mutated request.
 */
// Wrong-type cases a binding cannot reject, with the reason (none today: the gRPC JSON path
// rejects unknown enum names since it parses Connect JSON with a field-naming check).
const KNOWN_GAPS: Record<string, Record<string, string>> = {};

/** The code a syntactically broken body gets: JSON-RPC -32700 / REST PARSE_ERROR; gRPC has no parse code. */
const parseCode = (id: string) =>
  id === "grpc" ? A2AErrorCode.InvalidParams : A2AErrorCode.ParseError;

describe.each(FIXTURES.map((f) => [f.id, f] as const))("bad input over %s", (id, fixture) => {
  const raw = fixture.raw;

  it("has raw access for the bad-input cases", () => {
    expect(raw).toBeDefined();
  });
  if (!raw) return;

  it("answers truncated and invalid JSON with a parse error", async () => {
    const body = raw.wrapSendMessage(valid());
    for (const broken of [
      body.slice(0, body.length >> 1),
      "{nope}",
      "\u0000\u0001",
      "[".repeat(60_000),
    ]) {
      const out = await raw.sendMessageRaw(server.addresses, broken);
      expect(out.error?.code, JSON.stringify(broken.slice(0, 30))).toBe(parseCode(id));
    }
    // An empty body: no JSON-RPC request at all (-32700); for REST an empty request, which
    // lacks the REQUIRED message (400 INVALID_ARGUMENT).
    const empty = await raw.sendMessageRaw(server.addresses, "");
    expect(empty.error?.code).toBe(
      id === "jsonrpc" ? A2AErrorCode.ParseError : A2AErrorCode.InvalidParams,
    );
  });

  it("answers a wrong type in every field of SendMessageRequest with InvalidParams", async () => {
    for (const [path, mutate] of WRONG_TYPES) {
      const req = valid();
      mutate(req);
      if (KNOWN_GAPS[id]?.[JSON.stringify(req)] !== undefined) continue;
      const out = await raw.sendMessageRaw(server.addresses, raw.wrapSendMessage(req));
      expect(out.error?.code, `${path}: ${JSON.stringify(req)}`).toBe(A2AErrorCode.InvalidParams);
      const fields = out.error!.fieldViolations.map((v) => v.field);
      expect(
        fields.some((f) => f.startsWith(path)),
        `${id}: ${path} in ${fields.join(", ")}`,
      ).toBe(true);
    }
  });

  it("records a reason for every wrong-type case it cannot reject", () => {
    for (const [req, reason] of Object.entries(KNOWN_GAPS[id] ?? {})) {
      const known = WRONG_TYPES.some(([, mutate]) => {
        const r = valid();
        mutate(r);
        return JSON.stringify(r) === req;
      });
      expect(known, req).toBe(true);
      expect(reason.length).toBeGreaterThan(20);
    }
  });

  it("answers unknown methods and routes", async () => {
    const out = await raw.callUnknown(server.addresses);
    expect(out.error?.code).toBe(A2AErrorCode.MethodNotFound);
  });

  it("answers an oversized body with a clear error", async () => {
    const req = valid();
    req.message.parts = [{ text: "x".repeat(LIMIT * 2) }];
    const out = await raw.sendMessageRaw(server.addresses, raw.wrapSendMessage(req));
    expect(out.error).toBeDefined();
    expect(out.error!.code).toBe(A2AErrorCode.InvalidRequest);
    expect(out.error!.message).toMatch(String(LIMIT));
    if (id !== "grpc") expect(out.httpStatus).toBe(413);
  });

  it("releases the subscription of a client that disconnects mid-stream, and keeps serving", async () => {
    const t = fixture.createTransport(server.addresses);
    const { task } = await t.sendMessage({
      message: userMessage("slow"),
      configuration: { returnImmediately: true },
    });
    const before = counter.released;
    const ac = new AbortController();
    const it = t.subscribeToTask({ id: task!.id }, { signal: ac.signal })[Symbol.asyncIterator]();
    expect((await it.next()).value?.task?.id).toBe(task!.id);
    expect(counter.open).toBeGreaterThan(0);
    ac.abort();
    await it.next().catch(() => undefined);
    for (let i = 0; i < 1000 && counter.released === before; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(counter.released).toBeGreaterThan(before);
    // still serving, and the task is untouched by the disconnect
    expect((await t.getTask({ id: task!.id })).status.state).toBe("TASK_STATE_WORKING");
    expect((await t.cancelTask({ id: task!.id })).status.state).toBe("TASK_STATE_CANCELED");
  });
});
