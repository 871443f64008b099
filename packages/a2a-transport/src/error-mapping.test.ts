import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { A2AErrorCode, GrpcStatus, errorCodeTable } from "./a2a-error-code.js";
import { A2AError } from "./a2a-error.js";
import { A2A_ERROR_DOMAIN, ERROR_INFO_TYPE } from "./error-details.js";
import {
  codeFromDetails,
  codeFromGrpcStatus,
  codeFromHttpStatus,
  codeFromJsonRpc,
  errorDetailsToJson,
  errorFromDetailsJson,
} from "./error-mapping.js";

const allCodes = Object.values(A2AErrorCode);

// The specification's tables (§5.4, §9.5, §3.3.2), written out independently of the code.
const expected: Record<A2AErrorCode, [number, number, string]> = {
  TASK_NOT_FOUND: [-32001, 404, "NOT_FOUND"],
  TASK_NOT_CANCELABLE: [-32002, 400, "FAILED_PRECONDITION"],
  PUSH_NOTIFICATION_NOT_SUPPORTED: [-32003, 400, "FAILED_PRECONDITION"],
  UNSUPPORTED_OPERATION: [-32004, 400, "FAILED_PRECONDITION"],
  CONTENT_TYPE_NOT_SUPPORTED: [-32005, 400, "INVALID_ARGUMENT"],
  INVALID_AGENT_RESPONSE: [-32006, 500, "INTERNAL"],
  EXTENDED_AGENT_CARD_NOT_CONFIGURED: [-32007, 400, "FAILED_PRECONDITION"],
  EXTENSION_SUPPORT_REQUIRED: [-32008, 400, "FAILED_PRECONDITION"],
  VERSION_NOT_SUPPORTED: [-32009, 400, "FAILED_PRECONDITION"],
  PARSE_ERROR: [-32700, 400, "INVALID_ARGUMENT"],
  INVALID_REQUEST: [-32600, 400, "INVALID_ARGUMENT"],
  METHOD_NOT_FOUND: [-32601, 404, "UNIMPLEMENTED"],
  INVALID_PARAMS: [-32602, 400, "INVALID_ARGUMENT"],
  INTERNAL: [-32603, 500, "INTERNAL"],
  UNAUTHENTICATED: [-31401, 401, "UNAUTHENTICATED"],
  PERMISSION_DENIED: [-31403, 403, "PERMISSION_DENIED"],
};

describe("errorCodeTable", () => {
  it("has exactly the 16 codes with the specification's numbers", () => {
    expect(Object.keys(errorCodeTable).sort()).toEqual([...allCodes].sort());
    for (const code of allCodes) {
      const row = errorCodeTable[code];
      const [jsonRpc, http, grpc] = expected[code];
      expect({ code, jsonRpc: row.jsonRpc, http: row.httpStatus, grpc: row.grpcStatus }).toEqual({
        code,
        jsonRpc,
        http,
        grpc,
      });
      expect(row.grpcCode).toBe(GrpcStatus[row.grpcStatus]);
      expect(row.defaultMessage.length).toBeGreaterThan(0);
    }
  });

  it("marks exactly the nine specification errors as A2A errors with codes -32001…-32009", () => {
    const a2a = allCodes.filter((c) => errorCodeTable[c].a2a);
    expect(a2a).toHaveLength(9);
    for (const c of a2a) {
      expect(errorCodeTable[c].jsonRpc).toBeLessThanOrEqual(-32001);
      expect(errorCodeTable[c].jsonRpc).toBeGreaterThanOrEqual(-32099);
    }
  });

  it("gives every code its own JSON-RPC number", () => {
    const numbers = allCodes.map((c) => errorCodeTable[c].jsonRpc);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it("keeps the words the TCK looks for in default messages", () => {
    expect(errorCodeTable.PUSH_NOTIFICATION_NOT_SUPPORTED.defaultMessage.toLowerCase()).toMatch(
      /push.*notification.*not.*supported/,
    );
    expect(errorCodeTable.UNSUPPORTED_OPERATION.defaultMessage.toLowerCase()).toMatch(
      /operation.*not.*supported/,
    );
    expect(errorCodeTable.CONTENT_TYPE_NOT_SUPPORTED.defaultMessage.toLowerCase()).toMatch(
      /incompatible.*content.*type/,
    );
  });
});

describe("code round trips", () => {
  it("JSON-RPC: every code comes back from its number alone", () => {
    for (const code of allCodes) expect(codeFromJsonRpc(errorCodeTable[code].jsonRpc)).toBe(code);
  });

  it("every binding: every code comes back with its details (ErrorInfo reason wins)", () => {
    for (const code of allCodes) {
      const err = new A2AError(code, undefined, { reason: code });
      const details = errorDetailsToJson(err);
      const row = errorCodeTable[code];
      expect(codeFromJsonRpc(row.jsonRpc, details)).toBe(code);
      expect(codeFromHttpStatus(row.httpStatus, details)).toBe(code);
      expect(codeFromGrpcStatus(row.grpcCode, details)).toBe(code);
      expect(codeFromGrpcStatus(row.grpcStatus, details)).toBe(code);
    }
  });

  it("A2A errors round-trip through details without an explicit reason", () => {
    for (const code of allCodes.filter((c) => errorCodeTable[c].a2a)) {
      const details = errorDetailsToJson(new A2AError(code));
      expect(codeFromHttpStatus(400, details)).toBe(code);
      expect(codeFromGrpcStatus(GrpcStatus.UNKNOWN, details)).toBe(code);
    }
  });

  it("HTTP and gRPC numbers alone give the generic code for shared numbers", () => {
    expect(codeFromHttpStatus(400)).toBe(A2AErrorCode.InvalidParams);
    expect(codeFromHttpStatus(401)).toBe(A2AErrorCode.Unauthenticated);
    expect(codeFromHttpStatus(403)).toBe(A2AErrorCode.PermissionDenied);
    expect(codeFromHttpStatus(404)).toBe(A2AErrorCode.MethodNotFound);
    expect(codeFromHttpStatus(405)).toBe(A2AErrorCode.MethodNotFound);
    expect(codeFromHttpStatus(413)).toBe(A2AErrorCode.InvalidRequest);
    expect(codeFromHttpStatus(500)).toBe(A2AErrorCode.Internal);
    expect(codeFromHttpStatus(503)).toBe(A2AErrorCode.Internal);
    expect(codeFromGrpcStatus("NOT_FOUND")).toBe(A2AErrorCode.TaskNotFound);
    expect(codeFromGrpcStatus("not_found")).toBe(A2AErrorCode.TaskNotFound);
    expect(codeFromGrpcStatus(GrpcStatus.UNIMPLEMENTED)).toBe(A2AErrorCode.MethodNotFound);
    expect(codeFromGrpcStatus(GrpcStatus.FAILED_PRECONDITION)).toBe(
      A2AErrorCode.UnsupportedOperation,
    );
    expect(codeFromGrpcStatus(GrpcStatus.UNAVAILABLE)).toBe(A2AErrorCode.Internal);
    expect(codeFromGrpcStatus("constructor")).toBe(A2AErrorCode.Internal);
    expect(codeFromJsonRpc(-32050)).toBe(A2AErrorCode.Internal);
  });

  it("reads other SDKs' generic reasons and ignores foreign domains and unknown reasons", () => {
    const info = (reason: string, domain = A2A_ERROR_DOMAIN) => [
      { "@type": ERROR_INFO_TYPE, reason, domain },
    ];
    expect(codeFromDetails(info("INTERNAL_ERROR"))).toBe(A2AErrorCode.Internal);
    expect(codeFromDetails(info("TASK_NOT_FOUND", "example.com"))).toBeUndefined();
    expect(codeFromDetails(info("toString"))).toBeUndefined();
    expect(codeFromDetails(info("NO_SUCH_REASON"))).toBeUndefined();
    expect(codeFromJsonRpc(-32001, info("NO_SUCH_REASON"))).toBe(A2AErrorCode.TaskNotFound);
    expect(codeFromDetails("not an array")).toBeUndefined();
  });
});

describe("details JSON", () => {
  it("round-trips reason, metadata, violations and foreign details", () => {
    const err = new A2AError(A2AErrorCode.InvalidParams, "bad input", {
      reason: "INVALID_PARAMS",
      metadata: { requestId: "r-1" },
      fieldViolations: [{ field: "id", description: "must not be empty" }],
      details: [{ "@type": "type.googleapis.com/google.rpc.DebugInfo", detail: "x" }],
    });
    const json = JSON.parse(JSON.stringify(errorDetailsToJson(err)));
    const back = errorFromDetailsJson(err.code, err.message, json);
    expect(back.code).toBe(err.code);
    expect(back.message).toBe("bad input");
    expect(back.reason).toBe("INVALID_PARAMS");
    expect(back.metadata).toEqual({ requestId: "r-1" });
    expect(back.fieldViolations).toEqual(err.fieldViolations);
    expect(back.details).toEqual(err.details);
  });

  it("survives any metadata and violations (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allCodes),
        fc.string(),
        fc.dictionary(fc.string(), fc.string()),
        fc.array(fc.record({ field: fc.string(), description: fc.string() })),
        (code, message, metadata, fieldViolations) => {
          const err = new A2AError(code, message, { metadata, fieldViolations });
          const json = JSON.parse(JSON.stringify(errorDetailsToJson(err)));
          const back = errorFromDetailsJson(
            codeFromJsonRpc(errorCodeTable[code].jsonRpc, json),
            err.message,
            json,
          );
          expect(back.code).toBe(code);
          expect(back.metadata).toEqual({ ...metadata });
          expect(back.fieldViolations).toEqual(fieldViolations);
          expect(back.details).toEqual(err.details);
        },
      ),
    );
  });

  it("keeps a __proto__ metadata key as data", () => {
    const metadata = JSON.parse('{"__proto__":"x","taskId":"t"}') as Record<string, string>;
    const err = new A2AError(A2AErrorCode.TaskNotFound, undefined, { metadata });
    const json = JSON.parse(JSON.stringify(errorDetailsToJson(err)));
    const back = errorFromDetailsJson(A2AErrorCode.TaskNotFound, "m", json);
    expect(Object.hasOwn(back.metadata, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(back.metadata)).toBe(Object.prototype);
    expect(back.metadata).toEqual(metadata);
  });

  it("drops junk details instead of failing", () => {
    const onlyInfo = [{ "@type": ERROR_INFO_TYPE, reason: "INTERNAL", domain: A2A_ERROR_DOMAIN }];
    const back = errorFromDetailsJson(A2AErrorCode.Internal, "x", [null, 1, "s", { no: "type" }]);
    expect(back.details).toEqual(onlyInfo);
    expect(errorFromDetailsJson(A2AErrorCode.Internal, "x", { not: "array" }).details).toEqual(
      onlyInfo,
    );
  });

  it("returns copies, so callers cannot change the error", () => {
    const err = new A2AError(A2AErrorCode.TaskNotFound, undefined, { metadata: { taskId: "a" } });
    const json = errorDetailsToJson(err);
    (json[0] as { reason: string }).reason = "CHANGED";
    expect(err.details[0]?.["reason"]).toBe("TASK_NOT_FOUND");
  });
});
