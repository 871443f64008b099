import type { Message, Part } from "@agentmesh/a2a-types";

/** A fresh message id (a UUID). */
export function newMessageId(): string {
  return globalThis.crypto.randomUUID();
}

function isMessage(v: unknown): v is Message {
  return typeof v === "object" && v !== null && "parts" in v && "role" in v && "messageId" in v;
}

/**
 * Turns text, a part, parts or a whole Message into the user Message to send; `taskId` and
 * `contextId` from the options fill the message's when set.
 */
export function toMessage(
  input: string | Part | readonly Part[] | Message,
  opts?: { taskId?: string; contextId?: string },
): Message {
  let message: Message;
  if (isMessage(input)) message = { ...input };
  else {
    const parts: Part[] =
      typeof input === "string"
        ? [{ text: input }]
        : Array.isArray(input)
          ? [...input]
          : [input as Part];
    if (parts.length === 0) {
      throw new TypeError(
        "a message needs at least one part; pass text, a part or a non-empty parts array",
      );
    }
    message = { messageId: newMessageId(), role: "ROLE_USER", parts };
  }
  if (opts?.taskId !== undefined) message.taskId = opts.taskId;
  if (opts?.contextId !== undefined) message.contextId = opts.contextId;
  return message;
}
