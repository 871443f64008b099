import { A2AError, A2AErrorCode } from "@agentmesh/a2a-transport";
import { type DescMessage, type JsonValue, fromJson } from "@bufbuild/protobuf";
import { Code, type ConnectError } from "@connectrpc/connect";
import type { UniversalHandler, UniversalServerResponse } from "@connectrpc/connect/protocol";
import {
  endStreamFlag,
  endStreamFromJson,
  endStreamToJson,
  errorToJsonBytes,
} from "@connectrpc/connect/protocol-connect";
import { findTrailerError } from "@connectrpc/connect/protocol-grpc";
import {
  setTrailerStatus,
  trailerFlag,
  trailerParse,
  trailerSerialize,
} from "@connectrpc/connect/protocol-grpc-web";
import { errorToConnect } from "./error-mapping.js";

const PARSE_BINARY = "parse binary:";

/**
 * The INVALID_ARGUMENT error (A2A InvalidParams) for a request that is not a valid protobuf
 * message, or whose JSON does not fit the message: the A2A ErrorInfo (reason
 * `INVALID_PARAMS`) and one `google.rpc.BadRequest` field violation naming the field (`""`
 * for the whole request).
 */
export function invalidRequestMessage(field: string, description: string): ConnectError {
  return errorToConnect(
    new A2AError(A2AErrorCode.InvalidParams, `Invalid parameters: ${description}`, {
      fieldViolations: [{ field, description }],
    }),
  );
}

/** The field violation's description for Connect's "parse binary: …" message. */
export function notProtobuf(message: string): string {
  return `the request is not a valid protobuf message (${message})`;
}

/** Connect's own error for an undecodable protobuf request: INTERNAL "parse binary: …". */
export function isParseBinaryError(code: Code, message: string): boolean {
  return code === Code.Internal && message.startsWith(PARSE_BINARY);
}

const utf8 = new TextDecoder();

/**
 * JSON options for one method's Connect-protocol JSON requests: the body is checked against
 * the request message first, and one that does not fit (wrong type, unknown enum name, two
 * members of a oneof; unknown keys are ignored) is INVALID_ARGUMENT with a `BadRequest` violation naming the first
 * offending field (`message.parts[0].text`), instead of Connect's bare INVALID_ARGUMENT.
 * Valid bodies are parsed twice (here and by Connect); Connect JSON is the debugging path.
 */
export function validatingJsonOptions(desc: DescMessage): {
  ignoreUnknownFields: boolean;
  textDecoder: { decode(input?: Uint8Array): string };
} {
  return {
    ignoreUnknownFields: true,
    textDecoder: {
      decode(input?: Uint8Array): string {
        const text = utf8.decode(input);
        let json: JsonValue;
        try {
          json = JSON.parse(text) as JsonValue;
        } catch (e) {
          throw invalidRequestMessage("", `the body is not JSON (${(e as Error).message})`);
        }
        const problem = jsonProblem(desc, json);
        if (problem !== undefined) {
          throw invalidRequestMessage(locateJsonError(desc, json, ""), problem);
        }
        return text;
      },
    },
  };
}

const UNKNOWN_KEY = /key ".*" is unknown$/;

/**
 * Why `json` does not decode as `desc`, or `undefined`. Unknown keys are ignored (Connect's
 * default), but not unknown enum names, which protobuf-es's `ignoreUnknownFields` would turn
 * into the zero value (`ROLE_WIZARD` → `ROLE_UNSPECIFIED`). A body with an unknown key before
 * a bad enum name still gets the zero value.
 */
function jsonProblem(desc: DescMessage, json: JsonValue): string | undefined {
  try {
    fromJson(desc, json);
    return undefined;
  } catch (e) {
    const m = (e as Error).message;
    if (!UNKNOWN_KEY.test(m)) return m;
  }
  try {
    fromJson(desc, json, { ignoreUnknownFields: true });
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

function fails(desc: DescMessage, json: JsonValue): boolean {
  return jsonProblem(desc, json) !== undefined;
}

/** The JSON path (`message.parts[0].text`) of the first field that does not decode. */
function locateJsonError(desc: DescMessage, json: JsonValue, path: string): string {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return path;
  for (const [key, value] of Object.entries(json)) {
    const field = desc.fields.find((f) => f.jsonName === key || f.name === key);
    if (field === undefined || !fails(desc, { [key]: value })) continue;
    const at = path === "" ? field.jsonName : `${path}.${field.jsonName}`;
    if (field.fieldKind === "message" && !isWkt(field.message)) {
      return locateJsonError(field.message, value, at);
    }
    if (field.fieldKind === "list" && field.listKind === "message" && Array.isArray(value)) {
      const i = value.findIndex((v) => fails(field.message, v));
      if (i >= 0 && !isWkt(field.message)) {
        return locateJsonError(field.message, value[i] as JsonValue, `${at}[${i}]`);
      }
    }
    return at;
  }
  return path;
}

function isWkt(desc: DescMessage): boolean {
  return desc.typeName.startsWith("google.protobuf.");
}

/**
 * Wraps a Connect universal handler (gRPC-Web, Connect) so that Connect's INTERNAL
 * "parse binary: …" for an undecodable protobuf request becomes INVALID_ARGUMENT with a
 * `BadRequest`, as A2A asks (§5.4, InvalidParams). Responses are only inspected where that
 * error can be: an HTTP 500 Connect unary answer, or a first gRPC-Web / Connect-streaming
 * frame that is the end of the stream.
 */
export function withParseErrorRewrite(h: UniversalHandler): UniversalHandler {
  const wrapped = async (req: Parameters<UniversalHandler>[0]) => {
    const res = await h(req);
    try {
      return await rewrite(res);
    } catch {
      return res;
    }
  };
  return Object.assign(wrapped, h);
}

async function rewrite(res: UniversalServerResponse): Promise<UniversalServerResponse> {
  const header = res.header instanceof Headers ? res.header : new Headers(res.header);
  const type = header.get("content-type") ?? "";
  const body = res.body;
  if (body === undefined || body instanceof Uint8Array) return res;
  if (res.status === 500 && type.startsWith("application/json")) {
    // Connect unary: the error is the JSON body
    const bytes = await readAll(body);
    const json = JSON.parse(utf8.decode(bytes)) as { code?: unknown; message?: unknown };
    if (json.code !== "internal" || typeof json.message !== "string") {
      return { ...res, body: one(bytes) };
    }
    if (!json.message.startsWith(PARSE_BINARY)) return { ...res, body: one(bytes) };
    const out = errorToJsonBytes(invalidRequestMessage("", notProtobuf(json.message)), {});
    header.set("content-length", String(out.byteLength));
    return { ...res, status: 400, header, body: one(out) };
  }
  const grpcWeb = type.startsWith("application/grpc-web");
  const connectStream = type.startsWith("application/connect+");
  if (res.status !== 200 || !(grpcWeb || connectStream)) return res;
  const it = body[Symbol.asyncIterator]();
  const first = await it.next();
  const chunk = first.done === true ? undefined : first.value;
  const rest = { ...res, body: replay(chunk, it) };
  if (chunk === undefined || chunk.byteLength < 5) return rest;
  const flag = chunk[0] as number;
  const data = chunk.subarray(5);
  if (grpcWeb && flag === trailerFlag) {
    const err = findTrailerError(trailerParse(data));
    if (err === undefined || !isParseBinaryError(err.code, err.rawMessage)) return rest;
    const trailer = setTrailerStatus(
      new Headers(),
      invalidRequestMessage("", notProtobuf(err.rawMessage)),
    );
    return { ...res, body: one(envelope(trailerFlag, trailerSerialize(trailer))) };
  }
  if (connectStream && flag === endStreamFlag) {
    const end = endStreamFromJson(data);
    if (end.error === undefined || !isParseBinaryError(end.error.code, end.error.rawMessage)) {
      return rest;
    }
    const err = invalidRequestMessage("", notProtobuf(end.error.rawMessage));
    const json = JSON.stringify(endStreamToJson(end.metadata, err, {}));
    return { ...res, body: one(envelope(endStreamFlag, new TextEncoder().encode(json))) };
  }
  return rest;
}

function envelope(flag: number, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(5 + data.byteLength);
  out[0] = flag;
  new DataView(out.buffer).setUint32(1, data.byteLength);
  out.set(data, 5);
  return out;
}

async function readAll(body: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let n = 0;
  for await (const c of body) {
    chunks.push(c);
    n += c.byteLength;
  }
  const out = new Uint8Array(n);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.byteLength;
  }
  return out;
}

async function* one(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}

async function* replay(
  first: Uint8Array | undefined,
  it: AsyncIterator<Uint8Array>,
): AsyncIterable<Uint8Array> {
  if (first === undefined) return;
  try {
    yield first;
    for (let r = await it.next(); r.done !== true; r = await it.next()) yield r.value;
  } finally {
    await it.return?.();
  }
}
