import { A2A_METHODS, type A2AHandler, type A2AMethod } from "@agentmesh/a2a-transport";
import type { fromJson } from "@agentmesh/a2a-types";

/** Any wire schema that `fromJson`/`toJson` accept. */
export type AnySchema = Parameters<typeof fromJson>[0];

/** One A2A operation as the JSON-RPC binding sees it. */
export interface MethodSpec {
  /** The JSON-RPC method name (= the gRPC rpc name, §9.1). */
  readonly name: A2AMethod;
  /** The A2AHandler / ClientTransport method that serves it. */
  readonly key: keyof A2AHandler;
  readonly request: AnySchema;
  /** Schema of `result` (of each stream item when `streaming`); undefined = no payload. */
  readonly response: AnySchema | undefined;
  readonly streaming: boolean;
}

/** The eleven methods of A2A v1.0, by JSON-RPC method name (from the transport's `A2A_METHODS`). */
export const METHODS: ReadonlyMap<string, MethodSpec> = new Map(
  A2A_METHODS.map((m): [string, MethodSpec] => [
    m.name,
    Object.freeze({
      name: m.name,
      key: m.key,
      request: m.requestSchema,
      response: m.responseSchema,
      streaming: m.streaming,
    }),
  ]),
);

/** Looks a method up by its JSON-RPC name (exact, case-sensitive). */
export function findMethod(name: string): MethodSpec | undefined {
  return METHODS.get(name);
}
