import type { FetchHandler, ServerBindingOptions } from "@agentmesh/a2a-transport";
import { createConnectRouter } from "@connectrpc/connect";
import { createFetchHandler } from "@connectrpc/connect/protocol";
import { createGrpcRoutes } from "./handler-factory.js";
import { withParseErrorRewrite } from "./parse-error.js";

/** Default mount path of the gRPC-Web / Connect fetch handler. */
export const DEFAULT_GRPC_PATH = "/a2a/grpc";

/** Options of {@link createGrpcFetchHandler}. */
export interface GrpcFetchHandlerOptions extends ServerBindingOptions {
  /**
   * Mount path: requests are served at `<path>/lf.a2a.v1.A2AService/<Rpc>`; the bare
   * `/lf.a2a.v1.A2AService/<Rpc>` is accepted as well (for hosts that strip the mount path).
   * Default `"/a2a/grpc"`.
   */
  path?: string;
}

const SERVICE_PREFIX = "/lf.a2a.v1.A2AService/";

/**
 * A web-standard fetch handler, `(Request) => Promise<Response>`, serving `A2AService` over
 * gRPC-Web and the Connect protocol (HTTP/1.1 or HTTP/2; native gRPC needs HTTP/2 trailers,
 * see `grpcBinding().createHttp2Handler` in `@agentmesh/a2a-grpc/node`). Runs unchanged on
 * Node (through `toNodeHandler`), Bun, Deno and Workers.
 *
 * Unknown methods are answered UNIMPLEMENTED in the caller's protocol; a request body that is
 * not a protobuf message, or JSON that does not fit it, INVALID_ARGUMENT with a `BadRequest`.
 */
export function createGrpcFetchHandler(options: GrpcFetchHandlerOptions): FetchHandler {
  const router = createConnectRouter({ grpc: false, grpcWeb: true, connect: true });
  createGrpcRoutes(options)(router);
  const byPath = new Map<string, FetchHandler>();
  for (const h of router.handlers)
    byPath.set(h.requestPath, createFetchHandler(withParseErrorRewrite(h)));
  const mount = (options.path ?? DEFAULT_GRPC_PATH).replace(/\/+$/, "");
  return async (request) => {
    let path = new URL(request.url).pathname;
    if (mount !== "" && path.startsWith(`${mount}/`)) path = path.slice(mount.length);
    const h = byPath.get(path);
    if (h === undefined) return unimplemented(request, path);
    return h(request);
  };
}

/**
 * The UNIMPLEMENTED answer for a path that names no rpc of the service, in the protocol the
 * request's content type asks for (gRPC / gRPC-Web: trailers-only status; Connect: JSON error
 * with HTTP 404).
 */
export function unimplemented(request: Request, path: string): Response {
  const type = request.headers.get("content-type") ?? "";
  const message = path.startsWith(SERVICE_PREFIX)
    ? `method ${path.slice(SERVICE_PREFIX.length)} is not part of lf.a2a.v1.A2AService`
    : `no rpc at ${path}; A2A gRPC methods are ${SERVICE_PREFIX}<Rpc>`;
  if (type.startsWith("application/grpc")) {
    const contentType = type.startsWith("application/grpc-web")
      ? (type.split(";")[0] ?? "application/grpc-web")
      : "application/grpc";
    return new Response(null, {
      status: 200,
      headers: {
        "content-type": contentType,
        "grpc-status": "12",
        "grpc-message": encodeURIComponent(message),
      },
    });
  }
  return new Response(JSON.stringify({ code: "unimplemented", message }), {
    status: 404,
    headers: { "content-type": "application/json" },
  });
}
