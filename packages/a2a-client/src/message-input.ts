import type {
  Message,
  Part,
  SendMessageConfiguration,
  SendMessageRequest,
  TaskPushNotificationConfig,
} from "@agentmesh/a2a-types";
import type { RequestOptions } from "./call-options.js";

/** What `sendMessage` / `stream` accept as the message: text, parts, or a whole Message. */
export type MessageInput = string | Part | readonly Part[] | Message;

/** Options of `sendMessage` and `stream`: per-call options plus the send configuration. */
export interface SendMessageOptions extends RequestOptions {
  /** Continue this task (sets `message.taskId`). */
  taskId?: string;
  /** Continue this context (sets `message.contextId`). */
  contextId?: string;
  /** Media types the client accepts in the reply. */
  acceptedOutputModes?: readonly string[];
  /** `historyLength` for the returned task. Default: the client's `historyLength`. */
  historyLength?: number;
  /** Return as soon as the task exists instead of waiting (sendMessage only). Default: `false`. */
  returnImmediately?: boolean;
  /** A push notification config registered for the new task. */
  pushNotificationConfig?: TaskPushNotificationConfig;
  /** Request metadata (`SendMessageRequest.metadata`). */
  metadata?: SendMessageRequest["metadata"];
}

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
  input: MessageInput,
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

/** Builds the SendMessageRequest (without tenant) for `sendMessage` / `stream`. */
export function toSendMessageRequest(
  input: MessageInput,
  opts: SendMessageOptions | undefined,
  immediate: boolean,
  defaultHistoryLength: number | undefined,
): SendMessageRequest {
  const message = toMessage(input, opts);
  const configuration: SendMessageConfiguration = {};
  const hl = opts?.historyLength ?? defaultHistoryLength;
  if (hl !== undefined) configuration.historyLength = hl;
  if (opts?.acceptedOutputModes) configuration.acceptedOutputModes = [...opts.acceptedOutputModes];
  if (immediate) configuration.returnImmediately = true;
  if (opts?.pushNotificationConfig) {
    configuration.taskPushNotificationConfig = opts.pushNotificationConfig;
  }
  const req: SendMessageRequest = { message };
  if (Object.keys(configuration).length) req.configuration = configuration;
  if (opts?.metadata) req.metadata = opts.metadata;
  return req;
}
