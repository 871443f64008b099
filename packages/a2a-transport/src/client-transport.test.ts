import { describe, expect, it } from "vitest";
import { createRequestHeaders } from "./client-transport.js";

describe("createRequestHeaders", () => {
  it("always sends A2A-Version 1.0", () => {
    expect(createRequestHeaders(undefined).get("A2A-Version")).toBe("1.0");
  });

  it("layers transport headers, call headers and service parameters (later wins)", () => {
    const h = createRequestHeaders(
      { authorization: "Bearer transport", "x-a": "1" },
      {
        headers: [["authorization", "Bearer call"]],
        serviceParameters: { "X-Trace": "t-1", "x-a": "2" },
        extensions: ["urn:a", "urn:b", "urn:a"],
      },
    );
    expect(h.get("authorization")).toBe("Bearer call");
    expect(h.get("x-a")).toBe("2");
    expect(h.get("x-trace")).toBe("t-1");
    expect(h.get("a2a-extensions")).toBe("urn:a, urn:b");
    expect(h.get("a2a-version")).toBe("1.0");
  });

  it("lets a caller override the version explicitly", () => {
    const h = createRequestHeaders(undefined, { serviceParameters: { "A2A-Version": "0.3" } });
    expect(h.get("a2a-version")).toBe("0.3");
  });

  it("does not send an empty A2A-Extensions", () => {
    expect(createRequestHeaders(undefined, { extensions: [] }).has("a2a-extensions")).toBe(false);
  });
});
