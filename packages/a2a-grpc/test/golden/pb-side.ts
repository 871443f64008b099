// The protobuf-es side of the golden vectors: protobuf-es `fromJson` + `toJson` of the
// generated schema, then the two small, explicit rules by which A2A's JSON differs from
// plain ProtoJSON (see README.md in this folder):
//
//   Rule 1 (REQUIRED, spec §5.7 / wire reference §1.1): a field the specification marks
//     REQUIRED is written even at its default. protobuf-es drops implicit-presence fields at
//     their default, so a REQUIRED string/int32/bool/enum/repeated/map field missing from its
//     output is added back with its default ("" / 0 / false / enum value 0's name / [] / {}).
//     REQUIRED message fields need nothing: they are explicit-presence, so they are written
//     whenever set (and an unset one is a parse error on the A2A side).
//   Rule 2 (timestamps, spec §5.6.1): A2A writes timestamps in UTC with exactly 3 fraction
//     digits. protobuf-es writes 0, 3, 6 or 9 digits, so every Timestamp value is rewritten
//     with its fraction truncated to milliseconds and padded to 3 digits.
//
// Nothing else is changed: every other key and value must already be equal.
import {
  type DescField,
  type DescMessage,
  fromJson,
  type JsonObject,
  type JsonValue,
  ScalarType,
  toJson,
} from "@bufbuild/protobuf";

/**
 * The fields the A2A specification marks `(google.api.field_behavior) = REQUIRED`, by proto
 * message name and proto field name. proto/a2a.proto marks the same 61 fields with a
 * `// REQUIRED` comment; golden.test.ts checks that the two lists agree.
 */
export const REQUIRED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Task: ["id", "status"],
  TaskStatus: ["state"],
  Message: ["message_id", "role", "parts"],
  Artifact: ["artifact_id", "parts"],
  TaskStatusUpdateEvent: ["task_id", "context_id", "status"],
  TaskArtifactUpdateEvent: ["task_id", "context_id", "artifact"],
  AuthenticationInfo: ["scheme"],
  AgentInterface: ["url", "protocol_binding", "protocol_version"],
  AgentCard: [
    "name",
    "description",
    "supported_interfaces",
    "version",
    "capabilities",
    "default_input_modes",
    "default_output_modes",
    "skills",
  ],
  AgentProvider: ["url", "organization"],
  AgentSkill: ["id", "name", "description", "tags"],
  AgentCardSignature: ["protected", "signature"],
  TaskPushNotificationConfig: ["url"],
  APIKeySecurityScheme: ["location", "name"],
  HTTPAuthSecurityScheme: ["scheme"],
  OAuth2SecurityScheme: ["flows"],
  OpenIdConnectSecurityScheme: ["open_id_connect_url"],
  AuthorizationCodeOAuthFlow: ["authorization_url", "token_url", "scopes"],
  ClientCredentialsOAuthFlow: ["token_url", "scopes"],
  DeviceCodeOAuthFlow: ["device_authorization_url", "token_url", "scopes"],
  SendMessageRequest: ["message"],
  GetTaskRequest: ["id"],
  ListTasksResponse: ["tasks", "next_page_token", "page_size", "total_size"],
  CancelTaskRequest: ["id"],
  GetTaskPushNotificationConfigRequest: ["task_id", "id"],
  DeleteTaskPushNotificationConfigRequest: ["task_id", "id"],
  SubscribeToTaskRequest: ["id"],
  ListTaskPushNotificationConfigsRequest: ["task_id"],
};

function isRequired(desc: DescMessage, field: DescField): boolean {
  return REQUIRED_FIELDS[desc.name]?.includes(field.name) ?? false;
}

/** Rule 1: the JSON default of an implicit-presence field, or undefined for message fields. */
function defaultJson(field: DescField): JsonValue | undefined {
  switch (field.fieldKind) {
    case "list":
      return [];
    case "map":
      return {};
    case "enum":
      return field.enum.values.find((v) => v.number === 0)?.name;
    case "scalar":
      // A2A has only string, bytes, bool and int32 scalars.
      if (field.scalar === ScalarType.BOOL) return false;
      if (field.scalar === ScalarType.INT32) return 0;
      return "";
    default:
      return undefined;
  }
}

/** Rule 2: a ProtoJSON timestamp with 0/3/6/9 fraction digits → exactly 3, truncated. */
export function timestampToMillis(ts: string): string {
  const m = /^(.*T\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z$/.exec(ts);
  if (m === null) throw new Error(`protobuf-es wrote an unexpected timestamp: ${ts}`);
  return `${m[1]}.${(m[2] ?? "").padEnd(3, "0").slice(0, 3)}Z`;
}

function normalizeMessage(desc: DescMessage, json: JsonObject): JsonObject {
  for (const field of desc.fields) {
    const key = field.jsonName;
    const value = json[key];
    if (value === undefined) {
      if (isRequired(desc, field)) {
        const def = defaultJson(field);
        if (def !== undefined) json[key] = def;
      }
      continue;
    }
    json[key] = normalizeValue(field, value);
  }
  return json;
}

function normalizeValue(field: DescField, value: JsonValue): JsonValue {
  switch (field.fieldKind) {
    case "message":
      return normalizeNested(field.message, value);
    case "list":
      return field.listKind === "message" && Array.isArray(value)
        ? value.map((v) => normalizeNested(field.message, v))
        : value;
    case "map":
      if (field.mapKind === "message" && isObject(value)) {
        for (const [k, v] of Object.entries(value)) value[k] = normalizeNested(field.message, v);
      }
      return value;
    default:
      return value;
  }
}

function normalizeNested(desc: DescMessage, value: JsonValue): JsonValue {
  if (desc.typeName === "google.protobuf.Timestamp" && typeof value === "string") {
    return timestampToMillis(value);
  }
  if (desc.typeName.startsWith("google.protobuf.")) return value; // Struct, Value: as is
  return isObject(value) ? normalizeMessage(desc, value) : value;
}

function isObject(v: JsonValue): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * protobuf-es round trip with the A2A rules applied: `fromJson(schema, input,
 * { ignoreUnknownFields: true })`, `toJson`, then rules 1 and 2.
 */
export function pbRoundTrip(schema: DescMessage, input: unknown): JsonObject {
  const msg = fromJson(schema, input as JsonValue, { ignoreUnknownFields: true });
  const json = toJson(schema, msg) as JsonObject;
  return normalizeMessage(schema, json);
}

/**
 * Whether protobuf-es rejects `input`. Negative vectors are checked in strict mode
 * (`ignoreUnknownFields: false`), because with `true` protobuf-es also drops unknown
 * enum names silently instead of failing; negative inputs carry no unknown keys.
 */
export function pbRejects(schema: DescMessage, input: unknown): boolean {
  try {
    fromJson(schema, input as JsonValue, { ignoreUnknownFields: false });
    return false;
  } catch {
    return true;
  }
}
