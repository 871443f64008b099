import { describe, expect, it } from "vitest";
import { createFakeHandler } from "../test/fake-handler.js";
import { startHttp1 } from "../test/servers.js";
import { describeBinding } from "../test/suite.js";
import { grpcBinding } from "./binding.js";
import { createGrpcFetchHandler } from "./fetch-handler.js";
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

  it("grpcBinding (neutral) advertises the gRPC-Web URL", () => {
    const b = grpcBinding();
    expect(b.createHttp2Handler).toBeUndefined();
    expect(b.interfaceUrl({ httpBaseUrl: "http://h:1", grpcAddress: "h:2" })).toBe(
      "http://h:1/a2a/grpc",
    );
  });
});
