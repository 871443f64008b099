import { A2AError, A2AErrorCode } from "@agentmesh/a2a-transport";
import type { Message, Part } from "@agentmesh/a2a-types";
import type { HandlerCardView } from "./handler-options.js";

/** Throws INVALID_PARAMS with one field violation. */
export function invalidParams(field: string, description: string): never {
  throw new A2AError(A2AErrorCode.InvalidParams, `Invalid parameters: ${field} ${description}`, {
    fieldViolations: [{ field, description }],
  });
}

/** A task-not-found error carrying the id. */
export function taskNotFound(taskId: string): A2AError {
  return new A2AError(A2AErrorCode.TaskNotFound, `Task not found: ${taskId}`, {
    metadata: { taskId },
  });
}

/** Validates an optional `historyLength` (must be ≥ 0). */
export function checkHistoryLength(field: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
    invalidParams(field, "must be a non-negative integer");
  }
}

/**
 * Throws INVALID_PARAMS naming `field` when a REQUIRED string is missing or empty. The wire
 * parsers fill a missing string with `""` (proto3 defaults), so emptiness is the only sign.
 */
export function requireString(field: string, value: string | undefined): asserts value is string {
  if (typeof value !== "string" || value === "") invalidParams(field, "is required");
}

const MESSAGE_ROLES: ReadonlySet<string> = new Set(["ROLE_USER", "ROLE_AGENT"]);

/** Validates the parts of an incoming message that the schema cannot. */
export function checkMessage(message: Message | undefined): asserts message is Message {
  if (!message) invalidParams("message", "is required");
  requireString("message.messageId", message.messageId);
  if (!MESSAGE_ROLES.has(message.role)) {
    // over gRPC an unknown role name arrives as ROLE_UNSPECIFIED
    invalidParams("message.role", "is required (ROLE_USER or ROLE_AGENT)");
  }
  if (!Array.isArray(message.parts) || message.parts.length === 0) {
    invalidParams("message.parts", "must contain at least one part");
  }
  message.parts.forEach((part, i) => {
    if (!("text" in part) && !("raw" in part) && !("url" in part) && !("data" in part)) {
      invalidParams(`message.parts[${i}]`, "must have one of text, raw, url or data");
    }
    if ("url" in part && part.url !== undefined && part.url === "") {
      invalidParams(`message.parts[${i}].url`, "must not be empty");
    }
  });
}

/**
 * Validates the REQUIRED fields of a push config (`url`, and `authentication.scheme` when
 * `authentication` is given); `prefix` is prepended to field names (e.g. `configuration.taskPushNotificationConfig.`).
 */
export function checkPushConfig(
  prefix: string,
  config: { url: string; authentication?: { scheme: string } | undefined },
): void {
  checkWebhookUrl(`${prefix}url`, config.url);
  if (config.authentication) {
    requireString(`${prefix}authentication.scheme`, config.authentication.scheme);
  }
}

/**
 * Rejects a webhook URL the push sender would refuse at every delivery (`checkTarget` of the
 * sender: loopback, private or metadata IP literals, `localhost`…), so the client learns it now.
 */
export function checkWebhookTarget(
  field: string,
  url: string,
  sender: { checkTarget?(url: string): string | undefined } | undefined,
): void {
  const reason = sender?.checkTarget?.(url);
  if (reason !== undefined) {
    invalidParams(
      field,
      `is not an allowed webhook target (${reason}): push notifications are only sent to public addresses`,
    );
  }
}

/** Validates a webhook URL given in a push config. */
export function checkWebhookUrl(field: string, url: string): void {
  requireString(field, url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    invalidParams(field, "must be an absolute http(s) URL");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    invalidParams(field, "must be an http or https URL");
  }
}

const modesByCard = new WeakMap<HandlerCardView, string[]>();

/** The card's accepted input modes (cached per card object). */
function acceptedModes(card: HandlerCardView): string[] {
  let modes = modesByCard.get(card);
  if (!modes) {
    const set = new Set<string>(card.defaultInputModes ?? []);
    for (const skill of card.skills ?? []) for (const m of skill.inputModes ?? []) set.add(m);
    modes = [...set];
    modesByCard.set(card, modes);
  }
  return modes;
}

/** The media type a part declares or implies (`undefined` when unknown). */
function partMediaType(part: Part): string | undefined {
  if (part.mediaType) return part.mediaType;
  if ("text" in part && part.text !== undefined) return "text/plain";
  if ("data" in part && part.data !== undefined) return "application/json";
  return undefined;
}

function mediaMatches(accepted: string, actual: string): boolean {
  const a = accepted.split(";")[0]!.trim().toLowerCase();
  const b = actual.split(";")[0]!.trim().toLowerCase();
  if (a === b || a === "*/*" || a === "*") return true;
  const [aType, aSub] = a.split("/");
  const [bType] = b.split("/");
  return aType === bType && (aSub === undefined || aSub === "*");
}

/**
 * Throws CONTENT_TYPE_NOT_SUPPORTED when a part's media type is not among the agent's input
 * modes (the card view's `defaultInputModes` plus every skill's `inputModes`). No declared modes,
 * or a wildcard, accepts everything: `A2AServer` passes `defaultInputModes` only when the agent
 * declared input modes itself, so an agent that declares none accepts any part (data parts
 * included), as a2a-js and a2a-python do.
 */
export function checkInputModes(message: Message, card: HandlerCardView): void {
  const modes = acceptedModes(card);
  if (modes.length === 0 || modes.includes("*/*")) return;
  for (const part of message.parts) {
    const type = partMediaType(part);
    if (type === undefined) continue;
    if (!modes.some((m) => mediaMatches(m, type))) {
      throw new A2AError(
        A2AErrorCode.ContentTypeNotSupported,
        `Incompatible content types: this agent does not accept ${type} (it accepts ${modes.join(", ")})`,
        { metadata: { mediaType: type } },
      );
    }
  }
}
