import { describe, expect, it } from "vitest";
import { createCallContext } from "./call-context.js";

describe("createCallContext", () => {
  it("fills in the documented defaults", () => {
    const ctx = createCallContext({ method: "GetTask", binding: "JSONRPC" });
    expect(ctx.method).toBe("GetTask");
    expect(ctx.binding).toBe("JSONRPC");
    expect(ctx.tenant).toBeUndefined();
    expect(ctx.version).toBe("1.0");
    expect(ctx.requestedExtensions).toEqual([]);
    expect(ctx.activatedExtensions.size).toBe(0);
    expect([...ctx.headers]).toEqual([]);
    expect(ctx.principal).toBeUndefined();
    expect(ctx.signal.aborted).toBe(false);
  });

  it("keeps what it is given and gives each context its own activated set", () => {
    const ac = new AbortController();
    const headers = new Headers({ authorization: "Bearer x" });
    const ctx = createCallContext({
      method: "SendMessage",
      binding: "GRPC",
      tenant: "acme",
      version: "1.0",
      requestedExtensions: ["urn:a"],
      headers,
      principal: { id: "u-1", scopes: ["tasks.read"] },
      signal: ac.signal,
    });
    expect(ctx.tenant).toBe("acme");
    expect(ctx.headers).toBe(headers);
    expect(ctx.principal?.id).toBe("u-1");
    expect(ctx.signal).toBe(ac.signal);
    const other = createCallContext({ method: "SendMessage", binding: "GRPC" });
    ctx.activatedExtensions.add("urn:a");
    expect(other.activatedExtensions.size).toBe(0);
  });
});
