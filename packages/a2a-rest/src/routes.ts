import { type A2AHandler, type A2AMethod, findMethod } from "@agentmesh/a2a-transport";
import type { fromJson } from "@agentmesh/a2a-types";

/** Any wire schema that `fromJson`/`toJson` accept. */
export type AnySchema = Parameters<typeof fromJson>[0];

/** How a query parameter is typed (§11.5). */
export type QueryKind = "string" | "int" | "bool" | "enum" | "timestamp";

/** One query parameter of a GET route: camelCase name (snake_case accepted too). */
export interface QueryField {
  readonly name: string;
  readonly kind: QueryKind;
}

/** How a route carries its request. */
export type BodyMode = "required" | "optional" | "none";

/** One A2A operation as the REST binding serves it (§11.3, a2a.proto google.api.http). */
export interface RouteSpec {
  readonly name: A2AMethod;
  readonly key: keyof A2AHandler;
  readonly request: AnySchema;
  /** Schema of the body (of each SSE item when streaming); undefined = empty `{}`. */
  readonly response: AnySchema | undefined;
  readonly streaming: boolean;
  readonly body: BodyMode;
  readonly query: readonly QueryField[];
}

const q = (name: string, kind: QueryKind): QueryField => ({ name, kind });

/** A route of operation `name`: schemas, handler key and streaming come from `A2A_METHODS`. */
function route(name: A2AMethod, body: BodyMode, query: QueryField[] = []): RouteSpec {
  const m = findMethod(name);
  if (!m) throw new Error(`a2a-rest: no A2A operation named ${name}`);
  return Object.freeze({
    name,
    key: m.key,
    request: m.requestSchema,
    response: m.responseSchema,
    body,
    query,
    streaming: m.streaming,
  });
}

export const SEND = route("SendMessage", "required");
export const STREAM = route("SendStreamingMessage", "required");
export const GET_TASK = route("GetTask", "none", [q("historyLength", "int")]);
export const LIST_TASKS = route("ListTasks", "none", [
  q("contextId", "string"),
  q("status", "enum"),
  q("pageSize", "int"),
  q("pageToken", "string"),
  q("historyLength", "int"),
  q("statusTimestampAfter", "timestamp"),
  q("includeArtifacts", "bool"),
]);
export const CANCEL = route("CancelTask", "optional");
export const SUBSCRIBE_POST = route("SubscribeToTask", "optional");
export const SUBSCRIBE_GET: RouteSpec = Object.freeze({ ...SUBSCRIBE_POST, body: "none" });
export const CREATE_CONFIG = route("CreateTaskPushNotificationConfig", "required");
export const GET_CONFIG = route("GetTaskPushNotificationConfig", "none");
export const LIST_CONFIGS = route("ListTaskPushNotificationConfigs", "none", [
  q("pageSize", "int"),
  q("pageToken", "string"),
]);
export const DELETE_CONFIG = route("DeleteTaskPushNotificationConfig", "none");
export const EXTENDED_CARD = route("GetExtendedAgentCard", "none");

/** A matched resource: the routes by HTTP method, and the path fields to merge into the request. */
export interface RouteMatch {
  readonly methods: Readonly<Record<string, RouteSpec>>;
  readonly pathFields: Record<string, string>;
}

/** Thrown by the matcher when a path segment is not valid percent-encoding. */
export class BadPathSegment {
  constructor(readonly segment: string) {}
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new BadPathSegment(segment);
  }
}

/**
 * Matches the path segments (raw, still percent-encoded) of a request relative to the
 * binding's base URL. Tenant-less routes are tried first, then `/{tenant}/…` (§8).
 * The `:verb` suffixes are literal; an encoded colon (`%3A`) belongs to the id.
 */
export function matchRoute(segments: readonly string[]): RouteMatch | undefined {
  const plain = matchPlain(segments);
  if (plain !== undefined || segments.length < 2) return plain;
  const rest = matchPlain(segments.slice(1));
  if (rest === undefined) return undefined;
  const tenant = decode(segments[0]!);
  if (tenant === "") return undefined;
  return { methods: rest.methods, pathFields: { ...rest.pathFields, tenant } };
}

function matchPlain(s: readonly string[]): RouteMatch | undefined {
  const [a, b, c, d] = s;
  switch (s.length) {
    case 1:
      if (a === "message:send") return { methods: { POST: SEND }, pathFields: {} };
      if (a === "message:stream") return { methods: { POST: STREAM }, pathFields: {} };
      if (a === "tasks") return { methods: { GET: LIST_TASKS }, pathFields: {} };
      if (a === "extendedAgentCard") return { methods: { GET: EXTENDED_CARD }, pathFields: {} };
      return undefined;
    case 2: {
      if (a !== "tasks" || b === undefined || b === "") return undefined;
      const colon = b.indexOf(":");
      if (colon === -1) return { methods: { GET: GET_TASK }, pathFields: { id: decode(b) } };
      const id = decode(b.slice(0, colon));
      if (id === "") return undefined;
      const verb = b.slice(colon + 1);
      if (verb === "cancel") return { methods: { POST: CANCEL }, pathFields: { id } };
      if (verb === "subscribe") {
        return { methods: { GET: SUBSCRIBE_GET, POST: SUBSCRIBE_POST }, pathFields: { id } };
      }
      return undefined;
    }
    case 3:
      if (a !== "tasks" || !b || c !== "pushNotificationConfigs" || b.includes(":"))
        return undefined;
      return {
        methods: { POST: CREATE_CONFIG, GET: LIST_CONFIGS },
        pathFields: { taskId: decode(b) },
      };
    case 4:
      if (a !== "tasks" || !b || c !== "pushNotificationConfigs" || !d || b.includes(":")) {
        return undefined;
      }
      return {
        methods: { GET: GET_CONFIG, DELETE: DELETE_CONFIG },
        pathFields: { taskId: decode(b), id: decode(d) },
      };
    default:
      return undefined;
  }
}
