import { describe, expect, it } from "vitest";
import { A2AClientError, A2AClientErrorCode, toCallError } from "./a2a-client-error.js";
import { A2AErrorCode } from "./a2a-error-code.js";
import { A2AError } from "./a2a-error.js";

describe("A2AClientError", () => {
  it("maps AbortError and TimeoutError, keeps the cause", () => {
    const abort = new DOMException("stop", "AbortError");
    const a = A2AClientError.from(abort);
    expect(a.code).toBe(A2AClientErrorCode.Aborted);
    expect(a.cause).toBe(abort);
    expect(A2AClientError.from(new DOMException("t", "TimeoutError")).code).toBe(
      A2AClientErrorCode.Timeout,
    );
  });

  it("uses the fallback for anything else", () => {
    const net = A2AClientError.from(new TypeError("fetch failed"));
    expect(net.code).toBe(A2AClientErrorCode.Network);
    expect(net.message).toBe("fetch failed");
    expect(A2AClientError.from("x", A2AClientErrorCode.InvalidResponse).code).toBe(
      A2AClientErrorCode.InvalidResponse,
    );
  });

  it("is structural and distinct from A2AError", () => {
    const copy = Object.assign(new Error("aborted"), { name: "A2AClientError", code: "ABORTED" });
    expect(copy instanceof A2AClientError).toBe(true);
    expect(A2AClientError.from(copy)).toBe(copy);
    const e = new A2AClientError(A2AClientErrorCode.Network, "down");
    expect(e instanceof A2AError).toBe(false);
    expect(new A2AError(A2AErrorCode.Internal) instanceof A2AClientError).toBe(false);
  });
});

describe("toCallError", () => {
  it("passes server errors and client errors through", () => {
    const server = new A2AError(A2AErrorCode.TaskNotFound);
    expect(toCallError(server)).toBe(server);
    const local = new A2AClientError(A2AClientErrorCode.Network, "down");
    expect(toCallError(local)).toBe(local);
  });

  it("reports an aborted signal as ABORTED whatever was thrown", () => {
    const ac = new AbortController();
    ac.abort("user gave up");
    const err = toCallError(new TypeError("terminated"), { signal: ac.signal });
    expect(err).toBeInstanceOf(A2AClientError);
    expect(err.code).toBe(A2AClientErrorCode.Aborted);
    expect(err.cause).toBe("user gave up");
  });

  it("reports a timed-out signal as TIMEOUT", () => {
    const ac = new AbortController();
    ac.abort(new DOMException("late", "TimeoutError"));
    expect(toCallError(new Error("x"), { signal: ac.signal }).code).toBe(
      A2AClientErrorCode.Timeout,
    );
  });

  it("uses the fallback otherwise", () => {
    expect(toCallError(new TypeError("fetch failed")).code).toBe(A2AClientErrorCode.Network);
    expect(
      toCallError(new SyntaxError("bad json"), { fallback: A2AClientErrorCode.InvalidResponse })
        .code,
    ).toBe(A2AClientErrorCode.InvalidResponse);
  });
});
