import type { FetchHandler, ServerBinding, ServerBindingOptions } from "@agentmesh/a2a-transport";
import { DEFAULT_GRPC_PATH, createGrpcFetchHandler } from "./fetch-handler.js";

/** Options of {@link grpcBinding}. */
export interface GrpcBindingOptions {
  /**
   * Mount path of the gRPC-Web / Connect fetch handler on the HTTP server.
   * Default `"/a2a/grpc"`.
   */
  path?: string;
}

/**
 * The gRPC binding for `A2AServer` (runtime-neutral variant): `createFetchHandler` serves
 * `lf.a2a.v1.A2AService` over gRPC-Web and the Connect protocol at `path`. Native gRPC over
 * HTTP/2 needs Node: use `grpcBinding` from `@agentmesh/a2a-grpc/node`, which adds
 * `createHttp2Handler`.
 *
 * `interfaceUrl` is the gRPC-Web URL `<httpBaseUrl><path>`.
 */
export function grpcBinding(options: GrpcBindingOptions = {}): ServerBinding {
  const path = normalizePath(options.path ?? DEFAULT_GRPC_PATH);
  return {
    protocolBinding: "GRPC",
    path,
    createFetchHandler(opts: ServerBindingOptions): FetchHandler {
      return createGrpcFetchHandler({ ...opts, path });
    },
    interfaceUrl({ httpBaseUrl }) {
      return `${httpBaseUrl.replace(/\/+$/, "")}${path}`;
    },
  };
}

/** `"a2a/grpc/"` → `"/a2a/grpc"`. */
export function normalizePath(path: string): string {
  const p = path.startsWith("/") ? path : `/${path}`;
  return p.length > 1 ? p.replace(/\/+$/, "") : p;
}
