import { A2AError } from "@agentmesh/a2a-transport";
import { Code, ConnectError, createRouterTransport } from "@connectrpc/connect";
import { toGrpcCallError } from "./call-error.js";
import { describe, expect, it } from "vitest";
import { createFakeHandler } from "../test/fake-handler.js";
import { createGrpcRoutes } from "./handler-factory.js";
import { createGrpcClientTransport, grpcBaseUrl } from "./transport.js";
import { createGrpcTransport } from "./web-transport.js";

describe("grpcBaseUrl", () => {
  it("keeps URLs with a scheme and picks http only for loopback host:port", () => {
    expect(grpcBaseUrl("http://h:1/a2a/grpc/")).toBe("http://h:1/a2a/grpc");
    expect(grpcBaseUrl("127.0.0.1:50051")).toBe("http://127.0.0.1:50051");
    expect(grpcBaseUrl("localhost:1")).toBe("http://localhost:1");
    expect(grpcBaseUrl("[::1]:1")).toBe("http://[::1]:1");
    expect(grpcBaseUrl("agent.example:443")).toBe("https://agent.example:443");
    expect(grpcBaseUrl("grpc://agent.example:50051")).toBe("http://agent.example:50051");
    expect(grpcBaseUrl("grpcs://agent.example")).toBe("https://agent.example");
    expect(grpcBaseUrl("dns:///agent.example:443")).toBe("https://agent.example:443");
    expect(grpcBaseUrl("dns:127.0.0.1:1")).toBe("http://127.0.0.1:1");
  });
});

describe("in memory (createRouterTransport)", () => {
  it("runs the service without sockets, errors included", async () => {
    const { handler, state } = createFakeHandler();
    const t = createGrpcClientTransport({}, createRouterTransport(createGrpcRoutes({ handler })));
    const res = await t.sendMessage({
      tenant: "t1",
      message: { messageId: "m", role: "ROLE_USER", parts: [{ text: "hi" }] },
    });
    expect(res.task?.artifacts?.[0]?.parts).toEqual([{ text: "echo: hi" }]);
    expect(state.calls.at(-1)?.ctx.tenant).toBe("t1");
    const err = await t.getTask({ id: "nope" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(A2AError);
    expect(err).toMatchObject({ code: "TASK_NOT_FOUND", metadata: { taskId: "nope" } });
  });

  it("the main entry's createGrpcTransport takes an injected Connect transport", async () => {
    const { handler } = createFakeHandler();
    const t = createGrpcTransport({
      url: "unused",
      transport: createRouterTransport(createGrpcRoutes({ handler })),
    });
    expect(t.protocolBinding).toBe("GRPC");
    expect((await t.getExtendedAgentCard({})).name).toBe("Fake");
  });
});

describe("call errors", () => {
  it("a connection reset (ABORTED without a gRPC status) is NETWORK; a server's status is not", () => {
    const reset = new ConnectError("read ECONNRESET", Code.Aborted);
    expect(toGrpcCallError(reset, undefined, undefined)).toMatchObject({ code: "NETWORK" });
    const fromServer = new ConnectError("gone", Code.Aborted, { "grpc-status": "10" });
    expect(toGrpcCallError(fromServer, undefined, undefined)).toBeInstanceOf(A2AError);
    const deadline = new ConnectError("deadline", Code.DeadlineExceeded);
    expect(toGrpcCallError(deadline, undefined, 5)).toMatchObject({ code: "TIMEOUT" });
  });
});
