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

/** Validates the parts of an incoming message that the schema cannot. */
export function checkMessage(message: Message | undefined): asserts message is Message {
  if (!message) invalidParams("message", "is required");
  if (!message.messageId) invalidParams("message.messageId", "is required");
  if (!Array.isArray(message.parts) || message.parts.length === 0) {
    invalidParams("message.parts", "must contain at least one part");
  }
  message.parts.forEach((part, i) => {
    if (!("text" in part) && !("raw" in part) && !("url" in part) && !("data" in part)) {
      invalidParams(`message.parts[${i}]`, "must have one of text, raw, url or data");
    }
  });
}

/** Validates a webhook URL given in a push config. */
export function checkWebhookUrl(field: string, url: string): void {
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
 * modes (the card's `defaultInputModes` plus every skill's `inputModes`). No declared modes, or
 * a wildcard, accepts everything.
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
