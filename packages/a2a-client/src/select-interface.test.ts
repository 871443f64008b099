import { A2AError } from "@agentmesh/a2a-transport";
import { describe, expect, it } from "vitest";
import { testCard } from "../test/fake-transport.js";
import { IncompatibleProtocolVersionError } from "./errors.js";
import { selectInterface, speaksVersion } from "./select-interface.js";

const card = testCard({
  interfaces: [
    { protocolBinding: "urn:custom:binding", url: "http://h/custom" },
    { protocolBinding: "HTTP+JSON", url: "http://h/a2a/rest" },
    { protocolBinding: "jsonrpc", url: "http://h/a2a/jsonrpc" },
    { protocolBinding: "GRPC", url: "h:50051" },
  ],
});

describe("selectInterface", () => {
  it("takes the first listed binding it speaks", () => {
    expect(selectInterface(card, {}).url).toBe("http://h/a2a/rest");
  });

  it("honours prefer, comparing protocolBinding case-insensitively", () => {
    expect(selectInterface(card, { prefer: "jsonrpc" }).url).toBe("http://h/a2a/jsonrpc");
    expect(selectInterface(card, { prefer: "grpc" }).url).toBe("h:50051");
  });

  it("refuses a preferred binding the card does not declare, listing what it declares", () => {
    const only = testCard({ interfaces: [{ protocolBinding: "JSONRPC", url: "http://h/rpc" }] });
    const err = (() => {
      try {
        selectInterface(only, { prefer: "grpc" });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(A2AError);
    expect((err as Error).message).toContain("JSONRPC at http://h/rpc");
  });

  it("prefers the interface whose URL equals the card URL", () => {
    expect(selectInterface(card, { cardUrl: "http://h/a2a/jsonrpc/" }).url).toBe(
      "http://h/a2a/jsonrpc",
    );
  });

  it("refuses interfaces whose protocolVersion it does not speak", () => {
    const old = testCard({
      interfaces: [
        { protocolBinding: "JSONRPC", url: "http://h/rpc", protocolVersion: "0.3" },
        { protocolBinding: "GRPC", url: "h:1", protocolVersion: "2.0" },
      ],
    });
    expect(() => selectInterface(old, {})).toThrow(IncompatibleProtocolVersionError);
    try {
      selectInterface(old, {});
    } catch (e) {
      expect((e as IncompatibleProtocolVersionError).offered).toEqual(["0.3", "2.0"]);
      expect((e as IncompatibleProtocolVersionError).code).toBe("VERSION_NOT_SUPPORTED");
    }
  });

  it("skips an old-version interface when a 1.0 one exists, and accepts 1.0.x", () => {
    const mixed = testCard({
      interfaces: [
        { protocolBinding: "JSONRPC", url: "http://h/v03", protocolVersion: "0.3" },
        { protocolBinding: "JSONRPC", url: "http://h/v1", protocolVersion: "1.0.1" },
      ],
    });
    expect(selectInterface(mixed, {}).url).toBe("http://h/v1");
  });

  it("refuses a card with only custom bindings", () => {
    const custom = testCard({ interfaces: [{ protocolBinding: "urn:x", url: "http://h/x" }] });
    expect(() => selectInterface(custom, {})).toThrow(/no binding this client speaks/);
  });

  it("accepts a patch part in protocolVersion and compares Major.Minor only (§3.6)", () => {
    const patched = testCard({
      interfaces: [{ protocolBinding: "JSONRPC", url: "http://h/rpc", protocolVersion: "1.0.7" }],
    });
    expect(selectInterface(patched, {}).url).toBe("http://h/rpc");
    expect(speaksVersion("1.0.1")).toBe(true);
    expect(speaksVersion(" 1.0 ")).toBe(true);
    expect(speaksVersion("1.1")).toBe(false);
    expect(speaksVersion("1.01x")).toBe(false);
    expect(speaksVersion("10.0")).toBe(false);
  });

  it("skips unknown bindings and unusable URLs, keeping prefer semantics", () => {
    const odd = testCard({
      interfaces: [
        { protocolBinding: "WEBSOCKET", url: "ws://h/ws" },
        { protocolBinding: "JSONRPC", url: "not a url" },
        { protocolBinding: "HTTP+JSON", url: "http://h/rest" },
        { protocolBinding: "JSONRPC", url: "http://h/rpc" },
      ],
    });
    expect(selectInterface(odd, {}).url).toBe("http://h/rest");
    expect(selectInterface(odd, { prefer: "jsonrpc" }).url).toBe("http://h/rpc");
    expect(() => selectInterface(odd, { prefer: "grpc" })).toThrow(
      /no usable GRPC interface.*WEBSOCKET at ws:\/\/h\/ws/,
    );
  });

  it("fails listing what the card offers when nothing usable is left", () => {
    const none = testCard({
      interfaces: [
        { protocolBinding: "WEBSOCKET", url: "ws://h/ws" },
        { protocolBinding: "JSONRPC", url: "relative/path" },
      ],
    });
    expect(() => selectInterface(none, {})).toThrow(
      /no binding this client speaks.*WEBSOCKET at ws:\/\/h\/ws \(v1\.0\), JSONRPC at relative\/path/,
    );
  });
});
