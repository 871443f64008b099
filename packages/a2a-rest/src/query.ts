import { A2AError, A2AErrorCode } from "@agentmesh/a2a-transport";
import type { QueryField } from "./routes.js";

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

const INT = /^-?\d{1,10}$/;

/**
 * Reads the query parameters of a GET route into a ProtoJSON object (§11.5): camelCase names
 * (snake_case accepted), integers as decimal strings, booleans `true`/`false`, enums by name
 * (or number), timestamps as RFC 3339 strings. Unknown parameters are ignored (they may be
 * service parameters such as `A2A-Version`). A parameter given twice, or a value of the wrong
 * type, throws InvalidParams with a field violation per problem. Enum and timestamp values
 * are checked by the schema afterwards (their violations name the field as well).
 */
export function readQuery(
  params: URLSearchParams,
  fields: readonly QueryField[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const violations: { field: string; description: string }[] = [];
  for (const f of fields) {
    const alt = snake(f.name);
    const values =
      alt === f.name ? params.getAll(f.name) : [...params.getAll(f.name), ...params.getAll(alt)];
    if (values.length === 0) continue;
    if (values.length > 1) {
      violations.push({
        field: f.name,
        description: "must be given once (it is not a repeated field)",
      });
      continue;
    }
    const v = values[0]!;
    switch (f.kind) {
      case "string":
        out[f.name] = v;
        break;
      case "int":
        if (!INT.test(v)) {
          violations.push({
            field: f.name,
            description: `must be an integer, got "${v.slice(0, 40)}"`,
          });
        } else {
          out[f.name] = Number(v);
        }
        break;
      case "bool":
        if (v === "true" || v === "false") out[f.name] = v === "true";
        else
          violations.push({
            field: f.name,
            description: `must be true or false, got "${v.slice(0, 40)}"`,
          });
        break;
      case "enum":
        out[f.name] = INT.test(v) ? Number(v) : v;
        break;
      case "timestamp":
        out[f.name] = v;
        break;
    }
  }
  if (violations.length > 0) {
    throw new A2AError(
      A2AErrorCode.InvalidParams,
      `Invalid parameters: ${violations.map((x) => `${x.field} ${x.description}`).join("; ")}.`,
      { fieldViolations: violations },
    );
  }
  return out;
}

/**
 * Writes the non-path fields of a ProtoJSON request as query parameters (client side),
 * percent-encoded with `%20` for spaces (§11.5; not the form encoding's `+`).
 */
export function writeQuery(json: Record<string, unknown>, fields: readonly QueryField[]): string {
  let s = "";
  for (const f of fields) {
    const v = json[f.name];
    if (v === undefined || v === null) continue;
    s += `${s === "" ? "?" : "&"}${encodeURIComponent(f.name)}=${encodeURIComponent(String(v))}`;
  }
  return s;
}
