import { describe, expect, it } from "vitest";
import { A2AErrorCode, errorCodeTable } from "./a2a-error-code.js";
import { A2AError } from "./a2a-error.js";
import { A2A_ERROR_DOMAIN, BAD_REQUEST_TYPE, ERROR_INFO_TYPE } from "./error-details.js";

const allCodes = Object.values(A2AErrorCode);

describe("A2AError", () => {
  it("uses the code's default message and carries ErrorInfo for A2A codes", () => {
    const err = new A2AError(A2AErrorCode.TaskNotFound);
    expect(err.message).toBe("Task not found");
    expect(err.name).toBe("A2AError");
    expect(err.reason).toBe("TASK_NOT_FOUND");
    expect(err.details).toEqual([
      { "@type": ERROR_INFO_TYPE, reason: "TASK_NOT_FOUND", domain: A2A_ERROR_DOMAIN },
    ]);
    expect("cause" in err).toBe(false);
  });

  it("gives generic codes an ErrorInfo naming the code too", () => {
    expect(new A2AError(A2AErrorCode.Internal).details).toEqual([
      { "@type": ERROR_INFO_TYPE, reason: "INTERNAL", domain: A2A_ERROR_DOMAIN },
    ]);
    expect(new A2AError(A2AErrorCode.InvalidParams).reason).toBe("INVALID_PARAMS");
    expect(new A2AError(A2AErrorCode.Internal, "x", { reason: "" }).reason).toBe("INTERNAL");
    const withMeta = new A2AError(A2AErrorCode.Unauthenticated, "token expired", {
      metadata: { scheme: "bearer" },
    });
    expect(withMeta.reason).toBe("UNAUTHENTICATED");
    expect(withMeta.details).toEqual([
      {
        "@type": ERROR_INFO_TYPE,
        reason: "UNAUTHENTICATED",
        domain: A2A_ERROR_DOMAIN,
        metadata: { scheme: "bearer" },
      },
    ]);
  });

  it("writes BadRequest for field violations and keeps other details after them", () => {
    const err = new A2AError(A2AErrorCode.InvalidParams, undefined, {
      fieldViolations: [{ field: "message.parts", description: "At least one part is required" }],
      details: [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "5s" }, 42],
    });
    expect(err.message).toBe("Invalid parameters");
    expect(err.details).toEqual([
      { "@type": ERROR_INFO_TYPE, reason: "INVALID_PARAMS", domain: A2A_ERROR_DOMAIN },
      {
        "@type": BAD_REQUEST_TYPE,
        fieldViolations: [{ field: "message.parts", description: "At least one part is required" }],
      },
      { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "5s" },
    ]);
  });

  it("reads ErrorInfo and BadRequest out of init.details", () => {
    const err = new A2AError(A2AErrorCode.TaskNotFound, "gone", {
      details: [
        {
          "@type": ERROR_INFO_TYPE,
          reason: "TASK_NOT_FOUND",
          domain: A2A_ERROR_DOMAIN,
          metadata: { taskId: "t-1", attempt: 2 },
        },
        { "@type": BAD_REQUEST_TYPE, field_violations: [{ field: "id", description: "bad" }] },
        { "@type": ERROR_INFO_TYPE, reason: "QUOTA", domain: "example.com" },
      ],
    });
    expect(err.metadata).toEqual({ taskId: "t-1", attempt: "2" });
    expect(err.fieldViolations).toEqual([{ field: "id", description: "bad" }]);
    expect(err.details).toHaveLength(3);
    expect(err.details[2]).toEqual({
      "@type": ERROR_INFO_TYPE,
      reason: "QUOTA",
      domain: "example.com",
    });
  });

  it("rejects an unknown code with a TypeError that says what to use", () => {
    expect(() => new A2AError("NOPE" as A2AErrorCode)).toThrow(/A2AErrorCode/);
  });

  it("has a default message for every code", () => {
    for (const code of allCodes) {
      expect(new A2AError(code).message).toBe(errorCodeTable[code].defaultMessage);
    }
  });
});

describe("A2AError instanceof", () => {
  it("is structural: a copy from another bundle matches", () => {
    const copy = Object.assign(new Error("Task not found"), {
      name: "A2AError",
      code: "TASK_NOT_FOUND",
      reason: "TASK_NOT_FOUND",
      metadata: {},
      fieldViolations: [],
      details: [],
    });
    expect(copy instanceof A2AError).toBe(true);
    expect(A2AError.from(copy)).toBe(copy);
  });

  it("refuses look-alikes with an unknown code and plain values", () => {
    const fake = Object.assign(new Error("x"), {
      name: "A2AError",
      code: "SOMETHING",
      metadata: {},
      fieldViolations: [],
      details: [],
    });
    expect(fake instanceof A2AError).toBe(false);
    expect((null as unknown) instanceof A2AError).toBe(false);
    expect(new Error("x") instanceof A2AError).toBe(false);
  });

  it("recognises subclasses and keeps subclass checks exact", () => {
    class MyError extends A2AError {
      override name = "MyError";
    }
    const e = new MyError(A2AErrorCode.Internal);
    expect(e instanceof A2AError).toBe(true);
    expect(e instanceof MyError).toBe(true);
    expect(new A2AError(A2AErrorCode.Internal) instanceof MyError).toBe(false);
  });
});

describe("A2AError.from", () => {
  it("passes an A2AError through", () => {
    const err = new A2AError(A2AErrorCode.TaskNotCancelable);
    expect(A2AError.from(err)).toBe(err);
  });

  it("maps a WireValidationError of kind invalid to InvalidParams with violations", () => {
    const wire = Object.assign(new Error("cannot parse"), {
      name: "WireValidationError",
      kind: "invalid",
      issues: [
        { path: "message.parts[0]", message: "exactly one of text, raw, url, data" },
        { path: "message.role", message: "required" },
      ],
    });
    const err = A2AError.from(wire);
    expect(err.code).toBe(A2AErrorCode.InvalidParams);
    expect(err.message).toBe(
      "Invalid parameters: message.parts[0]: exactly one of text, raw, url, data (and 1 more)",
    );
    expect(err.fieldViolations).toEqual([
      { field: "message.parts[0]", description: "exactly one of text, raw, url, data" },
      { field: "message.role", description: "required" },
    ]);
    expect(err.cause).toBe(wire);
  });

  it("maps a WireValidationError of kind syntax to ParseError", () => {
    const err = A2AError.from({
      name: "WireValidationError",
      kind: "syntax",
      issues: [{ path: "", message: "Unexpected end of JSON input" }],
    });
    expect(err.code).toBe(A2AErrorCode.ParseError);
    expect(err.message).toBe("Invalid JSON payload: Unexpected end of JSON input");
  });

  it("never puts an internal message on the wire", () => {
    const boom = new Error("password=hunter2 at db.internal:5432");
    const err = A2AError.from(boom);
    expect(err.code).toBe(A2AErrorCode.Internal);
    expect(err.message).toBe("Internal error");
    expect(err.cause).toBe(boom);
    expect(JSON.stringify(err.details)).not.toContain("hunter2");
    expect(A2AError.from("a string", A2AErrorCode.InvalidRequest).code).toBe(
      A2AErrorCode.InvalidRequest,
    );
  });

  it("turns aborts and timeouts into the fallback with a clear message", () => {
    const abort = A2AError.from(new DOMException("x", "AbortError"));
    expect(abort.code).toBe(A2AErrorCode.Internal);
    expect(abort.message).toBe("The operation was aborted");
    const timeout = A2AError.from(new DOMException("x", "TimeoutError"));
    expect(timeout.message).toBe("The operation timed out");
  });
});
