import {
  A2AError,
  A2AErrorCode,
  codeFromDetails,
  codeFromGrpcStatus,
  errorCodeTable,
} from "@agentmesh/a2a-transport";
import type { JsonObject } from "@agentmesh/a2a-types";
import {
  type DescMessage,
  type JsonValue,
  type Registry,
  createRegistry,
  fromBinary,
  fromJson,
  toJson,
} from "@bufbuild/protobuf";
import { AnySchema } from "@bufbuild/protobuf/wkt";
import { type Code, Code as ConnectCode, ConnectError } from "@connectrpc/connect";
import { ConversionError } from "./convert/scalars.js";
import { file_google_rpc_error_details } from "./gen/google/rpc/error_details_pb.js";

/** Every `google.rpc` error detail type, for encoding and decoding details. */
const detailRegistry: Registry = createRegistry(file_google_rpc_error_details);

/**
 * The Connect {@link Code} (= gRPC status number) of an {@link A2AErrorCode}, from the
 * transport's error table: NOT_FOUND for TaskNotFound, FAILED_PRECONDITION for most A2A
 * errors, INVALID_ARGUMENT for validation, UNIMPLEMENTED for unknown methods, …
 */
export function codeToConnect(code: A2AErrorCode): Code {
  return errorCodeTable[code].grpcCode as Code;
}

/**
 * Turns anything a handler threw into the {@link A2AError} sent to the peer. A
 * {@link ConversionError} (a request that has no JSON-model form, e.g. a part without
 * content) becomes `InvalidParams` with one field violation.
 */
export function toA2AError(reason: unknown): A2AError {
  if (reason instanceof ConversionError) {
    const base = errorCodeTable[A2AErrorCode.InvalidParams].defaultMessage;
    return new A2AError(A2AErrorCode.InvalidParams, `${base}: ${reason.message}`, {
      fieldViolations: [{ field: reason.path, description: reason.problem }],
      cause: reason,
    });
  }
  return A2AError.from(reason);
}

/**
 * Converts any thrown value into the {@link ConnectError} a gRPC handler throws: the gRPC code
 * of the error table, the message, and the details (ErrorInfo, BadRequest, and any other
 * `google.rpc` detail) as `google.protobuf.Any`, which Connect sends in the
 * `grpc-status-details-bin` trailer (gRPC, gRPC-Web) or the JSON error body (Connect).
 * A `ConnectError` raised by Connect itself (deadline, size limit…) passes through.
 */
export function errorToConnect(reason: unknown): ConnectError {
  if (reason instanceof ConnectError) return reason;
  const err = toA2AError(reason);
  const out = new ConnectError(err.message, codeToConnect(err.code), undefined, undefined, err);
  for (const d of err.details) {
    try {
      const any = fromJson(AnySchema, d as unknown as JsonValue, { registry: detailRegistry });
      out.details.push({
        type: any.typeUrl.slice(any.typeUrl.lastIndexOf("/") + 1),
        value: any.value,
      });
    } catch {
      // A detail of a type we cannot encode (not a google.rpc error detail) is left out.
    }
  }
  return out;
}

function detailToJson(type: string, value: Uint8Array): JsonObject {
  const desc = detailRegistry.getMessage(type);
  if (desc !== undefined) {
    try {
      const json = toJson(desc as DescMessage, fromBinary(desc, value), {
        registry: detailRegistry,
      }) as JsonObject;
      return { "@type": `type.googleapis.com/${type}`, ...json };
    } catch {
      // fall through to the opaque form
    }
  }
  let b64 = "";
  for (let i = 0; i < value.length; i += 0x8000) {
    b64 += String.fromCharCode(...value.subarray(i, i + 0x8000));
  }
  return { "@type": `type.googleapis.com/${type}`, value: btoa(b64) };
}

/**
 * The details of a {@link ConnectError} received from a server, in ProtoJSON `Any` form
 * (`{"@type": …, …fields}`); details of unknown types keep their bytes as `value` (base64).
 */
export function connectErrorDetailsToJson(err: ConnectError): JsonObject[] {
  const out: JsonObject[] = [];
  for (const d of err.details) {
    if ("desc" in d) {
      const json = toJson(d.desc, d.value as never, { registry: detailRegistry }) as JsonObject;
      out.push({ "@type": `type.googleapis.com/${d.desc.typeName}`, ...json });
    } else {
      out.push(detailToJson(d.type, d.value));
    }
  }
  return out;
}

/**
 * Decodes a {@link ConnectError} from a gRPC / gRPC-Web / Connect server into the
 * {@link A2AError} it carries: code from the A2A ErrorInfo reason when present, else from the
 * gRPC status; message, reason, metadata, field violations and every detail as sent.
 *
 * RESOURCE_EXHAUSTED (no A2A code) without an A2A reason: about a message size limit
 * (Connect: "message size N is larger than configured readMaxBytes M"; grpc-js / grpc-go:
 * "Received message larger than max (N vs. M)") it is `InvalidRequest`, as the JSON-RPC and
 * REST bindings answer an oversized body, with the server's words (so the limit) in the
 * message; any other (a quota) is `Internal` with the server's message.
 */
export function errorFromConnect(err: ConnectError): A2AError {
  const details = connectErrorDetailsToJson(err);
  const fromReason = codeFromDetails(details);
  if (err.code === ConnectCode.ResourceExhausted && fromReason === undefined) {
    return SIZE_LIMIT.test(err.rawMessage)
      ? new A2AError(
          A2AErrorCode.InvalidRequest,
          `The request message is larger than the server accepts (RESOURCE_EXHAUSTED: ${err.rawMessage}); send a smaller request (or raise maxBodyBytes on the server).`,
          { details, cause: err },
        )
      : new A2AError(
          A2AErrorCode.Internal,
          `The server ran out of a resource (RESOURCE_EXHAUSTED: ${err.rawMessage})`,
          { details, cause: err },
        );
  }
  const code = fromReason ?? codeFromGrpcStatus(err.code, details);
  const message = err.rawMessage !== "" ? err.rawMessage : errorCodeTable[code].defaultMessage;
  return new A2AError(code, message, { details, cause: err });
}

const SIZE_LIMIT = /larger than|too large|exceeds/i;
