import { A2A_METHODS } from "@agentmesh/a2a-transport";
import { describe, expect, it } from "vitest";
import { createFakeHandler } from "../test/fake-handler.js";
import { A2AService } from "./gen/a2a_pb.js";
import { createA2AServiceImpl } from "./handler-factory.js";

describe("createA2AServiceImpl", () => {
  it("implements every rpc of lf.a2a.v1.A2AService, and the service has every A2A operation", () => {
    const impl = createA2AServiceImpl({ handler: createFakeHandler().handler });
    const rpcs = A2AService.methods.map((m) => m.localName).sort();
    expect(Object.keys(impl).sort()).toEqual(rpcs);
    expect(A2AService.methods.map((m) => m.name).sort()).toEqual(
      A2A_METHODS.map((m) => m.name).sort(),
    );
    for (const m of A2AService.methods) {
      const info = A2A_METHODS.find((x) => x.name === m.name);
      expect(info?.streaming, m.name).toBe(m.methodKind === "server_streaming");
    }
    expect(A2AService.typeName).toBe("lf.a2a.v1.A2AService");
  });
});
