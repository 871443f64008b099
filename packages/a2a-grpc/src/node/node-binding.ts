import type { IncomingMessage, ServerResponse } from "node:http";
import type { Http2ServerRequest, Http2ServerResponse } from "node:http2";
import type { ServerBinding, ServerBindingOptions } from "@agentmesh/a2a-transport";
import { create } from "@bufbuild/protobuf";
import { Code, ConnectError, createConnectRouter, encodeBinaryHeader } from "@connectrpc/connect";
import type { UniversalHandler } from "@connectrpc/connect/protocol";
import {
  compressionBrotli,
  compressionGzip,
  universalRequestFromNodeRequest,
  universalResponseToNodeResponse,
} from "@connectrpc/connect-node";
import { StatusSchema } from "../gen/google/rpc/status_pb.js";
import { type GrpcBindingOptions, grpcBinding as fetchGrpcBinding } from "../binding.js";
import {
  DEFAULT_MAX_BODY_BYTES,
  createA2AServiceImpl,
  createGrpcRoutes,
} from "../handler-factory.js";
import {
  invalidRequestMessage,
  isParseBinaryError,
  notProtobuf,
  withParseErrorRewrite,
} from "../parse-error.js";
import { createNativeFastPath } from "./node-fast-path.js";

/** A Node request listener for `http2.createServer` (h2c) or `http2.createSecureServer`. */
export type Http2RequestListener = (
  req: Http2ServerRequest | IncomingMessage,
  res: Http2ServerResponse | ServerResponse,
) => void;

/** The gRPC binding with its Node-only HTTP/2 handler (always present). */
export interface NodeGrpcBinding extends ServerBinding {
  /** An h2c request listener for `http2.createServer` (see {@link createGrpcHttp2Handler}). */
  createHttp2Handler(options: ServerBindingOptions): (req: unknown, res: unknown) => void;
}

/**
 * A request listener serving `lf.a2a.v1.A2AService` at `/lf.a2a.v1.A2AService/<Rpc>` over
 * native gRPC, gRPC-Web and the Connect protocol, for `http2.createServer()` (h2c, cleartext)
 * or `http2.createSecureServer()`. Requests larger than `maxBodyBytes` (default 4 MiB) get
 * RESOURCE_EXHAUSTED; unknown methods UNIMPLEMENTED.
 *
 * @example
 * ```ts
 * import { createServer } from "node:http2";
 * createServer(createGrpcHttp2Handler({ handler })).listen(50051);
 * ```
 */
export function createGrpcHttp2Handler(options: ServerBindingOptions): Http2RequestListener {
  // connectNodeAdapter's dispatch, with each handler wrapped so that gRPC-Web and Connect
  // requests get INVALID_ARGUMENT for an undecodable body too (native gRPC: see below)
  const router = createConnectRouter({ acceptCompression: [compressionGzip, compressionBrotli] });
  createGrpcRoutes(options)(router);
  const paths = new Map<string, UniversalHandler>();
  for (const h of router.handlers) paths.set(h.requestPath, withParseErrorRewrite(h));
  const fast = createNativeFastPath(
    createA2AServiceImpl(options),
    options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
  );
  return ((
    req: Http2ServerRequest | IncomingMessage,
    res: Http2ServerResponse | ServerResponse,
  ) => {
    if (fast(req as Http2ServerRequest, res as Http2ServerResponse)) return;
    minimalGrpcMessageEncoding(res);
    const h = paths.get((req.url ?? "").split("?", 1)[0] as string);
    if (h === undefined) {
      unknownRpc(req, res);
      return;
    }
    h(universalRequestFromNodeRequest(req as never, res as never, undefined, undefined))
      .then((u) => universalResponseToNodeResponse(u, res as never))
      .catch((reason: unknown) => {
        // the client went away while the response was written: nothing left to do
        if (ConnectError.from(reason).code === Code.Aborted) return;
        res.destroy(reason instanceof Error ? reason : undefined);
      });
  }) as Http2RequestListener;
}

function unknownRpc(
  req: Http2ServerRequest | IncomingMessage,
  res: Http2ServerResponse | ServerResponse,
): void {
  const type = String(req.headers["content-type"] ?? "");
  const message = `no rpc at ${req.url ?? "/"}; A2A gRPC methods are /lf.a2a.v1.A2AService/<Rpc>`;
  if (type.startsWith("application/grpc")) {
    res.writeHead(200, {
      "content-type": type.startsWith("application/grpc-web")
        ? "application/grpc-web+proto"
        : "application/grpc",
      "grpc-status": "12",
      "grpc-message": encodeURIComponent(message),
    });
    res.end();
    return;
  }
  res.writeHead(404, { "content-type": "application/json" });
  res.end(JSON.stringify({ code: "unimplemented", message }));
}

/**
 * Connect percent-encodes `grpc-message` with `encodeURIComponent`, which also encodes
 * printable ASCII such as `;` and `,`; gRPC (PROTOCOL-HTTP2: "Percent-Encoded") encodes only
 * bytes outside 0x20–0x7E and `%`, and grpc-js decodes with `decodeURI`, so its users would
 * read "callers%3B". Re-encodes the header minimally as the response is written.
 */
function minimalGrpcMessageEncoding(res: Http2ServerResponse | ServerResponse): void {
  const fix = (v: unknown): unknown => {
    if (typeof v !== "object" || v === null) return v;
    const h = v as Record<string, unknown>;
    rewriteParseError(h);
    const m = h["grpc-message"];
    if (typeof m === "string") h["grpc-message"] = reencodeGrpcMessage(m);
    return v;
  };
  const r = res as unknown as {
    writeHead: (...args: unknown[]) => unknown;
    addTrailers: (t: unknown) => void;
  };
  const writeHead = r.writeHead.bind(res);
  const addTrailers = r.addTrailers.bind(res);
  r.writeHead = (...args: unknown[]) => writeHead(...args.map(fix));
  r.addTrailers = (t: unknown) => addTrailers(fix(t));
}

/**
 * Connect answers a request body that is not a protobuf message with INTERNAL
 * "parse binary: …" (as grpc-go does). A2A maps invalid requests to INVALID_ARGUMENT
 * (§5.4, InvalidParams), so the HTTP/2 handler rewrites that status to INVALID_ARGUMENT with
 * a `google.rpc.BadRequest` detail naming the request.
 */
function rewriteParseError(h: Record<string, unknown>): void {
  const message = h["grpc-message"];
  if (h["grpc-status"] !== "13" || typeof message !== "string") return;
  let text: string;
  try {
    text = decodeURIComponent(message);
  } catch {
    return;
  }
  if (!isParseBinaryError(Code.Internal, text)) return;
  const err = invalidRequestMessage("", notProtobuf(text));
  h["grpc-status"] = String(Code.InvalidArgument);
  h["grpc-message"] = encodeURIComponent(err.rawMessage);
  const status = create(StatusSchema, {
    code: Code.InvalidArgument,
    message: err.rawMessage,
    // invalidRequestMessage's details are all encoded ({ type, value })
    details: (err.details as { type: string; value: Uint8Array }[]).map((d) => ({
      typeUrl: `type.googleapis.com/${d.type}`,
      value: d.value,
    })),
  });
  h["grpc-status-details-bin"] = encodeBinaryHeader(status, StatusSchema);
}

const encoder = new TextEncoder();

/** Percent-encodes per the gRPC spec: only bytes outside 0x20–0x7E, and `%`. */
export function reencodeGrpcMessage(value: string): string {
  let text: string;
  try {
    text = decodeURIComponent(value);
  } catch {
    return value;
  }
  let out = "";
  for (const b of encoder.encode(text)) {
    out +=
      b >= 0x20 && b <= 0x7e && b !== 0x25
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/**
 * The gRPC binding for `A2AServer` on Node: `createFetchHandler` serves gRPC-Web and Connect
 * on the HTTP/1.1 port at `path` (default `/a2a/grpc`), `createHttp2Handler` serves native
 * gRPC (and gRPC-Web, Connect) on the HTTP/2 port. `interfaceUrl` is the gRPC address
 * (`host:port`, what other SDKs' gRPC clients dial) when the server has one, else the
 * gRPC-Web URL.
 */
export function grpcBinding(options: GrpcBindingOptions = {}): NodeGrpcBinding {
  const base = fetchGrpcBinding(options);
  return {
    ...base,
    createHttp2Handler: (opts) =>
      createGrpcHttp2Handler(opts) as (req: unknown, res: unknown) => void,
    interfaceUrl(addresses) {
      const a = addresses.grpcAddress;
      return a !== undefined && a !== "" ? a : base.interfaceUrl(addresses);
    },
  };
}
