import type { Http2ServerRequest, Http2ServerResponse } from "node:http2";
import { type DescMethod, create, fromBinary, isMessage, toBinary } from "@bufbuild/protobuf";
import { Code, ConnectError, type HandlerContext } from "@connectrpc/connect";
import { setTrailerStatus } from "@connectrpc/connect/protocol-grpc";
import { errorToConnect } from "../error-mapping.js";
import { A2AService } from "../gen/a2a_pb.js";
import type { A2AServiceImpl } from "../handler-factory.js";
import { invalidRequestMessage, notProtobuf } from "../parse-error.js";
import { reencodeGrpcMessage } from "./node-binding.js";

type UnaryFn = (req: unknown, hctx: HandlerContext) => Promise<unknown>;
interface Route {
  method: DescMethod;
  fn: UnaryFn;
}

/**
 * A direct path for the common native gRPC call: a unary rpc, `application/grpc(+proto)`,
 * no compression, no `grpc-timeout`. The request is read into one buffer, unframed, decoded,
 * handed to the same service implementation, and the response written with its trailers,
 * without Connect's universal request/response layers (streams of chunks, linked abort
 * signals, async generators per call). Everything else (streams, deadlines, compression,
 * gRPC-Web, Connect) goes through Connect. Statuses match Connect's for the same input.
 *
 * @returns a listener that returns `false` when the request is not for the fast path.
 */
export function createUnaryFastPath(
  impl: A2AServiceImpl,
  readMaxBytes: number,
): (req: Http2ServerRequest, res: Http2ServerResponse) => boolean {
  const routes = new Map<string, Route>();
  for (const method of A2AService.methods) {
    if (method.methodKind !== "unary") continue;
    const fn = (impl as unknown as Record<string, UnaryFn>)[method.localName];
    if (fn !== undefined) routes.set(`/${A2AService.typeName}/${method.name}`, { method, fn });
  }
  return (req, res) => {
    const h = req.headers;
    const type = h["content-type"];
    if (
      req.httpVersionMajor !== 2 ||
      req.method !== "POST" ||
      (type !== "application/grpc" && type !== "application/grpc+proto") ||
      h["grpc-timeout"] !== undefined ||
      (h["grpc-encoding"] !== undefined && h["grpc-encoding"] !== "identity")
    ) {
      return false;
    }
    const route = routes.get(req.url);
    if (route === undefined) return false;
    serve(req, res, route, readMaxBytes);
    return true;
  };
}

function serve(
  req: Http2ServerRequest,
  res: Http2ServerResponse,
  route: Route,
  readMaxBytes: number,
): void {
  const ac = new AbortController();
  let done = false;
  res.once("close", () => {
    if (!done) ac.abort(new ConnectError("the call was cancelled", Code.Canceled));
  });
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  req.on("data", (c: Buffer) => {
    size += c.length;
    if (size > readMaxBytes + 5) over = true;
    else chunks.push(c);
  });
  req.once("end", () => {
    const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
    run(req, res, route, over ? undefined : body, size, readMaxBytes, ac.signal).then(
      () => {
        done = true;
      },
      () => {
        done = true;
      },
    );
  });
}

async function run(
  req: Http2ServerRequest,
  res: Http2ServerResponse,
  route: Route,
  body: Buffer | undefined,
  size: number,
  readMaxBytes: number,
  signal: AbortSignal,
): Promise<void> {
  const responseHeader = new Headers();
  let payload: Uint8Array | undefined;
  let error: ConnectError | undefined;
  try {
    const input = decode(route, body, size, readMaxBytes);
    const requestHeader = new Headers();
    for (const [k, v] of Object.entries(req.headers)) {
      if (k.charCodeAt(0) === 58 /* : */ || v === undefined) continue;
      requestHeader.set(k, Array.isArray(v) ? v.join(", ") : v);
    }
    const hctx = { signal, requestHeader, responseHeader } as unknown as HandlerContext;
    const out = await route.fn(input, hctx);
    const msg = isMessage(out, route.method.output)
      ? out
      : create(route.method.output, out as never);
    payload = toBinary(route.method.output, msg);
  } catch (e) {
    error = errorToConnect(e);
  }
  if (signal.aborted || res.destroyed) return;
  const head: Record<string, string> = { "content-type": "application/grpc" };
  responseHeader.forEach((v, k) => {
    head[k] = v;
  });
  res.writeHead(200, head);
  if (payload !== undefined) {
    const frame = Buffer.allocUnsafe(5 + payload.length);
    frame[0] = 0;
    frame.writeUInt32BE(payload.length, 1);
    frame.set(payload, 5);
    res.write(frame);
  }
  const trailer = new Headers({ "grpc-status": "0" });
  if (error !== undefined) setTrailerStatus(trailer, error);
  const trailers: Record<string, string> = {};
  trailer.forEach((v, k) => {
    trailers[k] = k === "grpc-message" ? reencodeGrpcMessage(v) : v;
  });
  res.addTrailers(trailers);
  res.end();
}

function decode(route: Route, body: Buffer | undefined, size: number, readMaxBytes: number) {
  if (body === undefined) {
    throw new ConnectError(
      `message size ${size - 5} is larger than configured readMaxBytes ${readMaxBytes}`,
      Code.ResourceExhausted,
    );
  }
  if (body.length === 0) {
    throw new ConnectError(
      "protocol error: missing input message for unary method",
      Code.Unimplemented,
    );
  }
  if (body.length < 5 || body.length < 5 + body.readUInt32BE(1)) {
    throw new ConnectError("protocol error: incomplete envelope", Code.InvalidArgument);
  }
  const len = body.readUInt32BE(1);
  if (body.length > 5 + len) {
    throw new ConnectError(
      "protocol error: received extra input message for unary method",
      Code.Unimplemented,
    );
  }
  if ((body[0] as number) & 1) {
    throw new ConnectError(
      "protocol error: received compressed message without grpc-encoding",
      Code.Internal,
    );
  }
  if (len > readMaxBytes) {
    throw new ConnectError(
      `message size ${len} is larger than configured readMaxBytes ${readMaxBytes}`,
      Code.ResourceExhausted,
    );
  }
  try {
    return fromBinary(route.method.input, body.subarray(5, 5 + len));
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    throw invalidRequestMessage("", notProtobuf(`parse binary: ${m}`));
  }
}
