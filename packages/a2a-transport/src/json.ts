// Structurally identical to `JsonValue` / `JsonObject` of @agentmesh/a2a-types; kept local so
// the error model needs nothing from the types package.

/** Any JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };
