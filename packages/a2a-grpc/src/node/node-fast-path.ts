import type { Http2ServerRequest, Http2ServerResponse } from "node:http2";
import { type DescMethod, create, fromBinary, isMessage, toBinary } from "@bufbuild/protobuf";
import { Code, ConnectError, type HandlerContext } from "@connectrpc/connect";
import { setTrailerStatus } from "@connectrpc/connect/protocol-grpc";
import { errorToConnect } from "../error-mapping.js";
import { A2AService } from "../gen/a2a_pb.js";
import type { A2AServiceImpl } from "../handler-factory.js";
import { invalidRequestMessage, notProtobuf } from "../parse-error.js";
import { markUnlinkedSignal } from "../server-stream.js";
import { reencodeGrpcMessage } from "./node-binding.js";

type UnaryFn = (req: unknown, hctx: HandlerContext) => Promise<unknown> | AsyncIterable<unknown>;
interface Route {
  method: DescMethod;
  fn: UnaryFn;
}

/**
 * A direct path for the common native gRPC call: a unary or server-streaming rpc,
 * `application/grpc(+proto)`, no compression, no `grpc-timeout`. The request is read into one
 * buffer, unframed, decoded, handed to the same service implementation, and the response
 * (or each event, with backpressure) written with its trailers, without Connect's universal
 * request/response layers (streams of chunks, linked abort signals, a pipeline of async
 * generators per call: ~45 KB of heap per open stream). Everything else (deadlines,
 * compression, gRPC-Web, Connect) goes through Connect. Statuses match Connect's.
 *
 * @returns a listener that returns `false` when the request is not for the fast path.
 */
export function createNativeFastPath(
  impl: A2AServiceImpl,
  readMaxBytes: number,
): (req: Http2ServerRequest, res: Http2ServerResponse) => boolean {
  const routes = new Map<string, Route>();
  for (const method of A2AService.methods) {
    if (method.methodKind !== "unary" && method.methodKind !== "server_streaming") continue;
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
  markUnlinkedSignal(ac.signal);
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
  let payload: Buffer | undefined;
  let error: ConnectError | undefined;
  try {
    const input = decode(route, body, size, readMaxBytes);
    const requestHeader = new Headers();
    for (const [k, v] of Object.entries(req.headers)) {
      if (k.charCodeAt(0) === 58 /* : */ || v === undefined) continue;
      requestHeader.set(k, Array.isArray(v) ? v.join(", ") : v);
    }
    const hctx = { signal, requestHeader, responseHeader } as unknown as HandlerContext;
    const out = route.fn(input, hctx);
    if (route.method.methodKind === "server_streaming") {
      await stream(res, route, out as AsyncIterable<unknown>, responseHeader, signal);
      return;
    }
    payload = encode(route, await out);
  } catch (e) {
    error = errorToConnect(e);
  }
  if (signal.aborted || res.destroyed) return;
  res.writeHead(200, head(responseHeader));
  if (payload !== undefined) res.write(payload);
  end(res, error);
}

/** Writes a server stream: headers once the first event is there, each event, the status. */
async function stream(
  res: Http2ServerResponse,
  route: Route,
  events: AsyncIterable<unknown>,
  responseHeader: Headers,
  signal: AbortSignal,
): Promise<void> {
  const it = events[Symbol.asyncIterator]();
  let started = false;
  let error: ConnectError | undefined;
  try {
    for (let r = await it.next(); r.done !== true; r = await it.next()) {
      if (signal.aborted || res.destroyed) break;
      if (!started) {
        started = true;
        res.writeHead(200, head(responseHeader));
      }
      if (!res.write(encode(route, r.value))) {
        await new Promise<void>((resolve) => {
          const go = () => {
            res.off("drain", go);
            res.off("close", go);
            resolve();
          };
          res.on("drain", go);
          res.on("close", go);
        });
      }
    }
  } catch (e) {
    error = errorToConnect(e);
  }
  if (signal.aborted || res.destroyed) {
    void Promise.resolve(it.return?.()).catch(() => {});
    return;
  }
  if (!started) res.writeHead(200, head(responseHeader));
  end(res, error);
}

function head(responseHeader: Headers): Record<string, string> {
  const out: Record<string, string> = { "content-type": "application/grpc" };
  responseHeader.forEach((v, k) => {
    out[k] = v;
  });
  return out;
}

function encode(route: Route, out: unknown): Buffer {
  const msg = isMessage(out, route.method.output) ? out : create(route.method.output, out as never);
  const payload = toBinary(route.method.output, msg);
  const frame = Buffer.allocUnsafe(5 + payload.length);
  frame[0] = 0;
  frame.writeUInt32BE(payload.length, 1);
  frame.set(payload, 5);
  return frame;
}

function end(res: Http2ServerResponse, error: ConnectError | undefined): void {
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
