import { connect } from "node:http2";
import { create, toBinary } from "@bufbuild/protobuf";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createGrpcTransport as connectGrpcTransport } from "@connectrpc/connect-node";
import { A2AClientError, A2AError } from "@agentmesh/a2a-transport";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeHandler } from "../../test/fake-handler.js";
import { type Running, startHttp1, startHttp2 } from "../../test/servers.js";
import { describeBinding } from "../../test/suite.js";
import * as pb from "../gen/a2a_pb.js";
import { BadRequestSchema, ErrorInfoSchema } from "../gen/google/rpc/error_details_pb.js";
import { StatusSchema } from "../gen/google/rpc/status_pb.js";
import { fromBinary } from "@bufbuild/protobuf";
import { trailerParse } from "@connectrpc/connect/protocol-grpc-web";
import { createGrpcTransport, grpcBinding } from "../node.js";
import { reencodeGrpcMessage } from "./node-binding.js";

describeBinding({
  name: "native gRPC (h2c)",
  start: startHttp2,
  transport: (server, extra) => createGrpcTransport({ url: server.address, ...extra }),
});

interface RawResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  trailers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One gRPC call with hand-made bytes over a fresh HTTP/2 connection. */
function rawGrpc(
  address: string,
  path: string,
  payload: Uint8Array,
  headers: Record<string, string> = { "a2a-version": "1.0" },
  framed = true,
): Promise<RawResult> {
  return new Promise((resolve, reject) => {
    const session = connect(`http://${address}`);
    session.on("error", reject);
    const req = session.request({
      ":method": "POST",
      ":path": path,
      "content-type": "application/grpc",
      te: "trailers",
      ...headers,
    });
    let frame = Buffer.from(payload);
    if (framed) {
      frame = Buffer.alloc(5 + payload.length);
      frame.writeUInt32BE(payload.length, 1);
      frame.set(payload, 5);
    }
    const chunks: Buffer[] = [];
    let status = 0;
    let resHeaders: RawResult["headers"] = {};
    let trailers: RawResult["trailers"] = {};
    req.on("response", (h) => {
      status = Number(h[":status"]);
      resHeaders = h;
    });
    req.on("trailers", (t) => {
      trailers = t;
    });
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      session.close();
      resolve({ status, headers: resHeaders, trailers, body: Buffer.concat(chunks) });
    });
    req.on("error", reject);
    req.end(frame);
  });
}

/** grpc-status / grpc-message of a raw result, from trailers or a trailers-only response. */
function grpcStatus(r: RawResult): { code: number; message: string; details?: Uint8Array } {
  const src = r.trailers["grpc-status"] !== undefined ? r.trailers : r.headers;
  const bin = src["grpc-status-details-bin"];
  const out: { code: number; message: string; details?: Uint8Array } = {
    code: Number(src["grpc-status"]),
    message: decodeURIComponent(String(src["grpc-message"] ?? "")),
  };
  if (typeof bin === "string") out.details = Buffer.from(bin, "base64");
  return out;
}

describe("native gRPC: wire details and bad input", () => {
  let server: Running;
  let lenient: Running;
  const fake = createFakeHandler();
  beforeAll(async () => {
    server = await startHttp2({ handler: fake.handler, maxBodyBytes: 2048 });
    lenient = await startHttp2({ handler: fake.handler, supportedVersions: ["1.0", "0.3"] });
  });
  afterAll(async () => {
    await server.close();
    await lenient.close();
  });
  const raw = (s: Running) => createClient(pb.A2AService, connectGrpcTransport({ baseUrl: s.url }));

  it("A2A errors travel as grpc-status + google.rpc.Status in grpc-status-details-bin", async () => {
    const body = toBinary(pb.GetTaskRequestSchema, create(pb.GetTaskRequestSchema, { id: "t-x" }));
    const r = await rawGrpc(server.address, "/lf.a2a.v1.A2AService/GetTask", body);
    const st = grpcStatus(r);
    expect(st.code).toBe(5);
    expect(st.message).toBe("no task t-x");
    const status = fromBinary(StatusSchema, st.details as Uint8Array);
    expect(status.code).toBe(5);
    expect(status.details[0]?.typeUrl).toBe("type.googleapis.com/google.rpc.ErrorInfo");
    const info = fromBinary(ErrorInfoSchema, status.details[0]?.value as Uint8Array);
    expect(info).toMatchObject({
      reason: "TASK_NOT_FOUND",
      domain: "a2a-protocol.org",
      metadata: { taskId: "t-x" },
    });
  });

  it("no a2a-version metadata means 0.3: FAILED_PRECONDITION / VERSION_NOT_SUPPORTED", async () => {
    const err = await raw(server)
      .getTask({ id: "x" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectError);
    const ce = err as ConnectError;
    expect(ce.code).toBe(Code.FailedPrecondition);
    expect(ce.findDetails(ErrorInfoSchema)[0]?.reason).toBe("VERSION_NOT_SUPPORTED");
    // A server that lists 0.3 accepts the call (and the task lookup fails normally).
    const err2 = (await raw(lenient)
      .getTask({ id: "x" })
      .catch((e: unknown) => e)) as ConnectError;
    expect(err2.code).toBe(Code.NotFound);
    expect(fake.state.calls.at(-1)?.ctx.version).toBe("0.3");
  });

  it("activated extensions are echoed in the a2a-extensions response metadata (unary and stream)", async () => {
    const headers = { "a2a-version": "1.0", "a2a-extensions": "urn:x:echo, urn:x:unknown" };
    const got: Headers[] = [];
    await raw(server).sendMessage(
      {
        message: {
          messageId: "m",
          role: pb.Role.USER,
          parts: [{ content: { case: "text", value: "e" } }],
        },
      },
      { headers, onHeader: (h) => got.push(h) },
    );
    expect(got[0]?.get("a2a-extensions")).toBe("urn:x:echo");
    const stream = raw(server).sendStreamingMessage(
      {
        message: {
          messageId: "m",
          role: pb.Role.USER,
          parts: [{ content: { case: "text", value: "s" } }],
        },
      },
      { headers, onHeader: (h) => got.push(h) },
    );
    for await (const _ of stream) break;
    expect(got[1]?.get("a2a-extensions")).toBe("urn:x:echo");
  });

  it("a request the JSON model cannot hold is INVALID_ARGUMENT with BadRequest", async () => {
    const err = (await raw(server)
      .sendMessage(
        { message: { messageId: "m", role: pb.Role.USER, parts: [{ filename: "x" }] } },
        { headers: { "a2a-version": "1.0" } },
      )
      .catch((e: unknown) => e)) as ConnectError;
    expect(err.code).toBe(Code.InvalidArgument);
    // every A2A error carries an A2A ErrorInfo, generic codes included
    expect(err.findDetails(ErrorInfoSchema)[0]).toMatchObject({
      reason: "INVALID_PARAMS",
      domain: "a2a-protocol.org",
    });
    expect(err.findDetails(BadRequestSchema)[0]?.fieldViolations[0]).toMatchObject({
      field: "message.parts[0]",
      description: "a part needs one of text, raw, url or data",
    });
    const noMessage = (await raw(server)
      .sendMessage({}, { headers: { "a2a-version": "1.0" } })
      .catch((e: unknown) => e)) as ConnectError;
    expect(noMessage.code).toBe(Code.InvalidArgument);
    expect(noMessage.findDetails(BadRequestSchema)[0]?.fieldViolations[0]?.field).toBe("message");
  });

  it("the direct path answers malformed bodies with the status Connect gives (grpc-timeout forces Connect)", async () => {
    const msg = toBinary(pb.GetTaskRequestSchema, create(pb.GetTaskRequestSchema, { id: "t-x" }));
    const frame = (flag: number, data: Uint8Array, len = data.length) => {
      const b = Buffer.alloc(5 + data.length);
      b[0] = flag;
      b.writeUInt32BE(len, 1);
      b.set(data, 5);
      return b;
    };
    const bodies: [string, Uint8Array][] = [
      ["no message", new Uint8Array()],
      ["truncated envelope", frame(0, msg, msg.length + 10)],
      ["short header", Uint8Array.of(0, 0)],
      ["two messages", Buffer.concat([frame(0, msg), frame(0, msg)])],
      ["compressed flag without grpc-encoding", frame(1, msg)],
    ];
    for (const [name, body] of bodies) {
      for (const rpc of ["GetTask", "SubscribeToTask"]) {
        const path = `/lf.a2a.v1.A2AService/${rpc}`;
        const direct = grpcStatus(await rawGrpc(server.address, path, body, undefined, false));
        const viaConnect = grpcStatus(
          await rawGrpc(
            server.address,
            path,
            body,
            { "a2a-version": "1.0", "grpc-timeout": "10S" },
            false,
          ),
        );
        expect(direct.code, `${rpc}: ${name}`).not.toBe(0);
        expect(direct.code, `${rpc}: ${name}`).toBe(viaConnect.code);
      }
    }
    expect(
      (await raw(server).getExtendedAgentCard({}, { headers: { "a2a-version": "1.0" } })).name,
    ).toBe("Fake");
  });

  it("unknown methods get UNIMPLEMENTED", async () => {
    const r = await rawGrpc(server.address, "/lf.a2a.v1.A2AService/Nope", new Uint8Array());
    expect(r.status).toBe(200);
    expect(grpcStatus(r).code).toBe(12);
    const r2 = await rawGrpc(server.address, "/a2a.v1.A2AService/GetTask", new Uint8Array());
    expect(grpcStatus(r2).code).toBe(12);
  });

  it("bytes that are not a protobuf message get an error status, and the server keeps serving", async () => {
    // field 2 (message) with wire type varint instead of length-delimited, then a truncated field
    const r = await rawGrpc(
      server.address,
      "/lf.a2a.v1.A2AService/SendMessage",
      Uint8Array.of(0x10, 0x01, 0x12, 0x05, 0x0a),
    );
    const st = grpcStatus(r);
    // Connect says INTERNAL "parse binary: …"; A2A wants INVALID_ARGUMENT (InvalidParams).
    expect(st.code).toBe(3);
    expect(st.message).toMatch(
      /^Invalid parameters: the request is not a valid protobuf message \(parse binary/,
    );
    const status = fromBinary(StatusSchema, st.details as Uint8Array);
    expect(status.details.map((d) => d.typeUrl)).toEqual([
      "type.googleapis.com/google.rpc.ErrorInfo",
      "type.googleapis.com/google.rpc.BadRequest",
    ]);
    const info = fromBinary(ErrorInfoSchema, status.details[0]?.value as Uint8Array);
    expect(info).toMatchObject({ reason: "INVALID_PARAMS", domain: "a2a-protocol.org" });
    const ok = await raw(server).getExtendedAgentCard({}, { headers: { "a2a-version": "1.0" } });
    expect(ok.name).toBe("Fake");
  });

  it("gRPC-Web and Connect bodies that are not protobuf get INVALID_ARGUMENT on the HTTP/2 port too", async () => {
    const garbage = Uint8Array.of(0x10, 0x01, 0x12, 0x05, 0x0a);
    const web = await rawGrpc(server.address, "/lf.a2a.v1.A2AService/SendMessage", garbage, {
      "a2a-version": "1.0",
      "content-type": "application/grpc-web+proto",
    });
    expect(web.body[0]).toBe(0x80); // the trailer frame
    expect(trailerParse(web.body.subarray(5)).get("grpc-status")).toBe("3");
    const connect = await rawGrpc(
      server.address,
      "/lf.a2a.v1.A2AService/SendMessage",
      garbage,
      {
        "a2a-version": "1.0",
        "content-type": "application/proto",
        "connect-protocol-version": "1",
      },
      false,
    );
    expect(connect.status).toBe(400);
    expect(JSON.parse(connect.body.toString())).toMatchObject({ code: "invalid_argument" });
  });

  it("a message over maxBodyBytes gets RESOURCE_EXHAUSTED, and the server keeps serving", async () => {
    const transport = createGrpcTransport({ url: server.address });
    const err = await transport
      .sendMessage({
        message: { messageId: "m", role: "ROLE_USER", parts: [{ text: "x".repeat(4096) }] },
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(A2AError);
    expect(err).toMatchObject({ code: "INVALID_REQUEST" });
    expect((err as Error).message).toMatch(
      /^The request message is larger than the server accepts \(RESOURCE_EXHAUSTED: .*2048.*\); send a smaller request/,
    );
    expect(((err as Error).cause as ConnectError).code).toBe(Code.ResourceExhausted);
    expect((await transport.getExtendedAgentCard({})).name).toBe("Fake");
    await transport.close?.();
  });
});

describe("grpc-message encoding", () => {
  it("percent-encodes only what gRPC requires (non-printable, non-ASCII, %)", () => {
    expect(reencodeGrpcMessage(encodeURIComponent("a; b, c/d 100% é\n"))).toBe(
      "a; b, c/d 100%25 %C3%A9%0A",
    );
    expect(reencodeGrpcMessage("%E0%A4%A")).toBe("%E0%A4%A");
  });

  it("arrives decoded at a Connect client", async () => {
    const fake = createFakeHandler();
    const s = await startHttp2({ handler: fake.handler });
    const err = (await createClient(pb.A2AService, connectGrpcTransport({ baseUrl: s.url }))
      .getTask({ id: "a;b é" }, { headers: { "a2a-version": "1.0" } })
      .catch((e: unknown) => e)) as ConnectError;
    expect(err.rawMessage).toBe("no task a;b é");
    await s.close();
  });
});

describe("node createGrpcTransport protocol choice", () => {
  it("a URL with a path speaks gRPC-Web over HTTP/1.1; protocol forces Connect", async () => {
    const s = await startHttp1({ handler: createFakeHandler().handler });
    for (const t of [
      createGrpcTransport({ url: `${s.url}/a2a/grpc` }),
      createGrpcTransport({ url: `${s.url}/a2a/grpc`, protocol: "connect" }),
    ]) {
      expect((await t.getExtendedAgentCard({})).name).toBe("Fake");
      const events = [];
      for await (const e of t.sendStreamingMessage({
        message: { messageId: "m", role: "ROLE_USER", parts: [{ text: "s" }] },
      })) {
        events.push(e);
      }
      expect(events).toHaveLength(4);
      await t.close?.();
    }
    await s.close();
  });
});

describe("client transport failures", () => {
  it("a server that is not there is an A2AClientError NETWORK", async () => {
    const s = await startHttp2({ handler: createFakeHandler().handler });
    const address = s.address;
    await s.close();
    const t = createGrpcTransport({ url: address });
    const err = await t.getTask({ id: "x" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(A2AClientError);
    expect(err).toMatchObject({ code: "NETWORK" });
    await t.close?.();
  });
});

describe("grpcBinding (node)", () => {
  it("has both handlers and advertises the gRPC address", () => {
    const b = grpcBinding();
    expect(b.protocolBinding).toBe("GRPC");
    expect(b.path).toBe("/a2a/grpc");
    expect(typeof b.createHttp2Handler).toBe("function");
    expect(b.interfaceUrl({ httpBaseUrl: "http://h:1", grpcAddress: "h:2" })).toBe("h:2");
    expect(b.interfaceUrl({ httpBaseUrl: "http://h:1/" })).toBe("http://h:1/a2a/grpc");
    expect(grpcBinding({ path: "rpc/" }).path).toBe("/rpc");
  });
});
