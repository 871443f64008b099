import { describe, expect, it } from "vitest";
import { FakeAgent, testCard } from "../test/fake-transport.js";
import { createClientFromCard } from "./create-client.js";
import { checkCard } from "./discovery.js";
import { IncompatibleProtocolVersionError, InvalidCardError } from "./errors.js";

function withInterfaces(interfaces: unknown[]): unknown {
  return { ...testCard(), supportedInterfaces: interfaces };
}

describe("cards with interfaces the client cannot use", () => {
  it("accepts protocolVersion 1.0.1 (§3.6: the patch part is ignored)", async () => {
    const card = withInterfaces([
      { protocolBinding: "JSONRPC", url: "http://h/rpc", protocolVersion: "1.0.1" },
    ]);
    const agent = new FakeAgent();
    const client = await createClientFromCard(card as never, {
      jsonRpcTransport: () => agent.transport(),
    });
    expect(client.agentInterface.protocolVersion).toBe("1.0.1");
  });

  it("skips unknown and malformed interfaces before a usable one (§8.3.2)", async () => {
    const card = withInterfaces([
      { protocolBinding: "WEBSOCKET", url: "ws://h/ws", protocolVersion: "1.0" },
      { protocolBinding: "urn:example:binding", url: "urn:x", protocolVersion: "1.0" },
      { protocolBinding: "JSONRPC", url: "nope", protocolVersion: "1.0" },
      { protocolBinding: "GRPC", url: "h:1", protocolVersion: "one" },
      { protocolBinding: 7, url: ["x"] },
      { protocolBinding: "JSONRPC", url: "http://h/rpc", protocolVersion: "1.0" },
    ]);
    const checked = checkCard(card);
    // Entries whose fields are strings are kept as read; the unreadable one is dropped.
    expect(checked.supportedInterfaces.map((i) => i.protocolBinding)).toEqual([
      "WEBSOCKET",
      "urn:example:binding",
      "JSONRPC",
      "GRPC",
      "JSONRPC",
    ]);
    const agent = new FakeAgent();
    const client = await createClientFromCard(card as never, {
      jsonRpcTransport: () => agent.transport(),
    });
    expect(client.agentInterface.url).toBe("http://h/rpc");
    // The only gRPC entry speaks no version we know: the version error says so.
    const err = await createClientFromCard(card as never, {
      prefer: "grpc",
      grpcTransport: () => agent.transport(),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IncompatibleProtocolVersionError);
    expect((err as IncompatibleProtocolVersionError).offered).toEqual(["one"]);
  });

  it("fails listing the interfaces when nothing usable is left", async () => {
    const card = withInterfaces([
      { protocolBinding: "WEBSOCKET", url: "ws://h/ws", protocolVersion: "1.0" },
      { protocolBinding: "HTTP+JSON", url: "/relative", protocolVersion: "1.0" },
    ]);
    await expect(createClientFromCard(card as never)).rejects.toThrow(
      /no binding this client speaks.*WEBSOCKET at ws:\/\/h\/ws \(v1\.0\), HTTP\+JSON at \/relative/,
    );
  });

  it("still rejects a card with problems outside its interfaces", () => {
    const card = {
      ...(withInterfaces([
        { protocolBinding: "WEBSOCKET", url: "ws://h", protocolVersion: "1.0" },
      ]) as object),
      name: "",
    };
    const err = (() => {
      try {
        checkCard(card);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(InvalidCardError);
    expect((err as InvalidCardError).problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(["name", "supportedInterfaces[0].protocolBinding"]),
    );
  });
});
