import { A2AClientError, A2AError } from "@agentmesh/a2a-transport";
import { create } from "@bufbuild/protobuf";
import { Code, ConnectError } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { toGrpcCallError } from "./call-error.js";
import { ErrorInfoSchema } from "./gen/google/rpc/error_details_pb.js";

const fromServer = (message: string, code: Code) =>
  new ConnectError(message, code, { "grpc-status": String(code) });

describe("toGrpcCallError: generic codes from the ErrorInfo reason", () => {
  it("an ErrorInfo reason names the generic code the gRPC status cannot tell apart", () => {
    for (const [code, reason] of [
      [Code.InvalidArgument, "INVALID_REQUEST"],
      [Code.InvalidArgument, "PARSE_ERROR"],
      [Code.Internal, "INTERNAL"],
      [Code.Unimplemented, "METHOD_NOT_FOUND"],
    ] as const) {
      const e = fromServer("x", code);
      e.details.push({
        desc: ErrorInfoSchema,
        value: create(ErrorInfoSchema, { reason, domain: "a2a-protocol.org" }),
      });
      const err = toGrpcCallError(e, undefined, undefined);
      expect(err, reason).toBeInstanceOf(A2AError);
      expect(err, reason).toMatchObject({ code: reason, reason });
    }
  });

  it("without an ErrorInfo the gRPC status decides, and the reason is the code", () => {
    const err = toGrpcCallError(fromServer("bad", Code.InvalidArgument), undefined, undefined);
    expect(err).toMatchObject({ code: "INVALID_PARAMS", reason: "INVALID_PARAMS" });
  });
});

describe("toGrpcCallError: RESOURCE_EXHAUSTED", () => {
  it("a size limit of the server is INVALID_REQUEST naming the limit (Connect and grpc-js words)", () => {
    for (const m of [
      "message size 5000 is larger than configured readMaxBytes 2048",
      "Received message larger than max (5000 vs. 2048)",
    ]) {
      const err = toGrpcCallError(fromServer(m, Code.ResourceExhausted), undefined, undefined);
      expect(err).toBeInstanceOf(A2AError);
      expect(err).toMatchObject({ code: "INVALID_REQUEST" });
      expect(err.message).toContain("2048");
      expect(err.message).toContain("raise maxBodyBytes on the server");
    }
  });

  it("any other RESOURCE_EXHAUSTED of the server (a quota) is INTERNAL with the server's words", () => {
    const err = toGrpcCallError(
      fromServer("quota of 10 calls per minute used up", Code.ResourceExhausted),
      undefined,
      undefined,
    );
    expect(err).toMatchObject({ code: "INTERNAL" });
    expect(err.message).toBe(
      "The server ran out of a resource (RESOURCE_EXHAUSTED: quota of 10 calls per minute used up)",
    );
  });

  it("an A2A ErrorInfo reason wins over RESOURCE_EXHAUSTED", () => {
    const e = fromServer("too large for the queue", Code.ResourceExhausted);
    e.details.push({
      desc: ErrorInfoSchema,
      value: create(ErrorInfoSchema, { reason: "TASK_NOT_FOUND", domain: "a2a-protocol.org" }),
    });
    expect(toGrpcCallError(e, undefined, undefined)).toMatchObject({ code: "TASK_NOT_FOUND" });
  });

  it("the client's own limit on a response is an A2AClientError INVALID_RESPONSE", () => {
    const local = new ConnectError(
      "message size 9000 is larger than configured readMaxBytes 100",
      Code.ResourceExhausted,
    );
    const err = toGrpcCallError(local, undefined, undefined);
    expect(err).toBeInstanceOf(A2AClientError);
    expect(err).toMatchObject({ code: "INVALID_RESPONSE" });
    expect(err.message).toContain("readMaxBytes 100");
  });
});
