import { fromBinary } from "@bufbuild/protobuf";
import type { ConnectError } from "@connectrpc/connect";
import { findTrailerError } from "@connectrpc/connect/protocol-grpc";
import { trailerParse } from "@connectrpc/connect/protocol-grpc-web";
import { describe, expect, it } from "vitest";
import { createFakeHandler } from "../test/fake-handler.js";
import { startHttp1 } from "../test/servers.js";
import { describeBinding } from "../test/suite.js";
import { grpcBinding } from "./binding.js";
import { createGrpcFetchHandler } from "./fetch-handler.js";
import { BadRequestSchema } from "./gen/google/rpc/error_details_pb.js";
import { createGrpcTransport } from "./web-transport.js";

describeBinding({
  name: "gRPC-Web over the fetch handler (HTTP/1.1)",
  start: startHttp1,
  transport: (server, extra) => createGrpcTransport({ url: `${server.url}/a2a/grpc`, ...extra }),
});

describeBinding({
  name: "Connect protocol over the fetch handler (HTTP/1.1)",
  start: startHttp1,
  transport: (server, extra) =>
    createGrpcTransport({ url: `${server.url}/a2a/grpc`, protocol: "connect", ...extra }),
});

describe("createGrpcFetchHandler", () => {
  const handler = createGrpcFetchHandler({ handler: createFakeHandler().handler });

  it("answers unknown methods UNIMPLEMENTED in the caller's protocol", async () => {
    const web = await handler(
      new Request("http://x/a2a/grpc/lf.a2a.v1.A2AService/Nope", {
        method: "POST",
        headers: { "content-type": "application/grpc-web+proto" },
        body: new Uint8Array(5),
      }),
    );
    expect(web.status).toBe(200);
    expect(web.headers.get("grpc-status")).toBe("12");
    const connect = await handler(
      new Request("http://x/a2a/grpc/lf.a2a.v1.A2AService/Nope", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      }),
    );
    expect(connect.status).toBe(404);
    expect(await connect.json()).toMatchObject({ code: "unimplemented" });
  });

  it("serves the Connect protocol with JSON bodies (curl-friendly), mounted or bare", async () => {
    for (const path of ["/a2a/grpc", ""]) {
      const res = await handler(
        new Request(`http://x${path}/lf.a2a.v1.A2AService/GetTask`, {
          method: "POST",
          headers: { "content-type": "application/json", "a2a-version": "1.0" },
          body: JSON.stringify({ id: "t-404" }),
        }),
      );
      expect(res.status).toBe(404);
      const body = (await res.json()) as { code: string; details?: { type: string }[] };
      expect(body.code).toBe("not_found");
      expect(body.details?.[0]?.type).toBe("google.rpc.ErrorInfo");
    }
  });

  const garbage = Uint8Array.of(0x10, 0x01, 0x12, 0x05, 0x0a); // wrong wire type, truncated
  const frame = (flag: number, data: Uint8Array) => {
    const out = new Uint8Array(5 + data.length);
    out[0] = flag;
    new DataView(out.buffer).setUint32(1, data.length);
    out.set(data, 5);
    return out;
  };
  const post = (rpc: string, type: string, body: BodyInit) =>
    handler(
      new Request(`http://x/a2a/grpc/lf.a2a.v1.A2AService/${rpc}`, {
        method: "POST",
        headers: { "content-type": type, "a2a-version": "1.0", "connect-protocol-version": "1" },
        body,
      }),
    );
  /** The BadRequest field violations of a Connect JSON error's details. */
  const violations = (details: { type: string; value: string }[] | undefined) =>
    (details ?? [])
      .filter((d) => d.type === "google.rpc.BadRequest")
      .flatMap((d) => fromBinary(BadRequestSchema, Buffer.from(d.value, "base64")).fieldViolations)
      .map((v) => ({ field: v.field, description: v.description }));

  it("answers an undecodable gRPC-Web protobuf body INVALID_ARGUMENT with BadRequest, unary and streaming", async () => {
    for (const rpc of ["SendMessage", "SendStreamingMessage"]) {
      const res = await post(rpc, "application/grpc-web+proto", frame(0, garbage));
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(bytes[0], rpc).toBe(0x80); // the trailer frame only
      const trailer = trailerParse(bytes.subarray(5));
      expect(trailer.get("grpc-status"), rpc).toBe("3");
      const err = findTrailerError(trailer) as ConnectError;
      expect(err.rawMessage).toMatch(
        /^Invalid parameters: the request is not a valid protobuf message \(parse binary/,
      );
      expect(err.findDetails(BadRequestSchema)[0]?.fieldViolations[0]?.field).toBe("");
    }
  });

  it("answers an undecodable Connect protobuf body INVALID_ARGUMENT with BadRequest, unary and streaming", async () => {
    const unary = await post("SendMessage", "application/proto", garbage);
    expect(unary.status).toBe(400);
    const body = (await unary.json()) as {
      code: string;
      details?: { type: string; value: string }[];
    };
    expect(body.code).toBe("invalid_argument");
    expect(violations(body.details)).toHaveLength(1);
    const stream = await post(
      "SendStreamingMessage",
      "application/connect+proto",
      frame(0, garbage),
    );
    const bytes = new Uint8Array(await stream.arrayBuffer());
    expect(bytes[0]).toBe(0x02); // end of stream only
    const end = JSON.parse(new TextDecoder().decode(bytes.subarray(5))) as {
      error: { code: string; details?: { type: string; value: string }[] };
    };
    expect(end.error.code).toBe("invalid_argument");
    expect(violations(end.error.details)).toHaveLength(1);
  });

  it("Connect JSON bodies with wrong types get a BadRequest violation naming the field", async () => {
    const cases: [unknown, string][] = [
      [
        { message: { messageId: "m", role: "ROLE_USER", parts: [{ text: 3 }] } },
        "message.parts[0].text",
      ],
      [{ message: { messageId: "m", role: 5.5, parts: [] } }, "message.role"],
      [{ message: { messageId: "m", role: "ROLE_WIZARD", parts: [] } }, "message.role"],
      [{ message: "x" }, "message"],
      [{ message: { messageId: "m", parts: [{ text: "a", data: {} }] } }, "message.parts[0]"],
      [{ configuration: { historyLength: "many" } }, "configuration.historyLength"],
    ];
    for (const [json, field] of cases) {
      const res = await post("SendMessage", "application/json", JSON.stringify(json));
      expect(res.status, field).toBe(400);
      const body = (await res.json()) as {
        code: string;
        details?: { type: string; value: string }[];
      };
      expect(body.code, field).toBe("invalid_argument");
      expect(violations(body.details)[0]?.field, JSON.stringify(json)).toBe(field);
    }
    const notJson = await post("SendMessage", "application/json", "{bad");
    expect(notJson.status).toBe(400);
    expect(violations(((await notJson.json()) as { details?: never }).details)[0]?.field).toBe("");
    const ok = await post("GetTask", "application/json", JSON.stringify({ id: "t-404", extra: 1 }));
    expect(((await ok.json()) as { code: string }).code).toBe("not_found"); // unknown keys ignored
  });

  it("grpcBinding (neutral) advertises the gRPC-Web URL", () => {
    const b = grpcBinding();
    expect(b.createHttp2Handler).toBeUndefined();
    expect(b.interfaceUrl({ httpBaseUrl: "http://h:1", grpcAddress: "h:2" })).toBe(
      "http://h:1/a2a/grpc",
    );
  });
});
