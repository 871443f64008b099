import { describe, expect, it } from "vitest";
import { CLIENT_DEFAULTS, type ClientOptions, validateClientOptions } from "./client-options.js";

describe("validateClientOptions", () => {
  it("applies the documented defaults", () => {
    const o = validateClientOptions();
    expect(o).toMatchObject({
      ...CLIENT_DEFAULTS,
      prefer: undefined,
      inputRequiredTimeout: undefined,
      extensions: [],
    });
    expect(CLIENT_DEFAULTS).toEqual({
      streaming: true,
      timeout: 60_000,
      maxReconnects: 3,
      reconnectBackoff: 500,
      pollingInterval: 500,
      throwOnTaskError: true,
      extendedCard: true,
    });
  });

  it.each([
    [{ prefer: "soap" }, /prefer/],
    [{ timeout: -1 }, /timeout/],
    [{ maxReconnects: 1.5 }, /maxReconnects/],
    [{ pollingInterval: Number.NaN }, /pollingInterval/],
    [{ historyLength: -2 }, /historyLength/],
    [{ streaming: "yes" }, /streaming/],
    [{ extensions: "urn:a" }, /extensions/],
    [{ grpcTransport: 42 }, /grpcTransport/],
  ])("rejects %j", (bad, message) => {
    expect(() => validateClientOptions(bad as unknown as ClientOptions)).toThrow(message);
  });
});
