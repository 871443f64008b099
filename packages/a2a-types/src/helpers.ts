import { base64Encode, normalizeBase64 } from "./codec/base64.js";
import { Role, TaskState } from "./enums.js";
import type { JsonObject, JsonValue } from "./json.js";
import type {
  Artifact,
  DataPart,
  Message,
  Part,
  RawPart,
  TextPart,
  UrlPart,
} from "./schemas/core.js";

/** Options shared by the part constructors. */
export interface PartOptions {
  /** Media type of the content, e.g. `"image/png"`. Default: unset. */
  mediaType?: string;
  /** File name, e.g. `"report.pdf"`. Default: unset. */
  filename?: string;
  /** Metadata of the part. Default: unset. */
  metadata?: JsonObject;
}

function withPartOptions<P extends Part>(part: P, opts: PartOptions | undefined): P {
  if (opts === undefined) return part;
  const p = part as Record<string, unknown>;
  if (opts.metadata !== undefined) p.metadata = opts.metadata;
  if (opts.filename !== undefined) p.filename = opts.filename;
  if (opts.mediaType !== undefined) p.mediaType = opts.mediaType;
  return part;
}

/** A text part: `{ text }`. */
export function textPart(text: string, opts?: PartOptions): TextPart {
  return withPartOptions({ text }, opts);
}

/** A structured data part: `{ data }` with any JSON value (`null` included). */
export function dataPart(data: JsonValue, opts?: PartOptions): DataPart {
  return withPartOptions({ data }, opts);
}

/**
 * A file part with inline content: `{ raw }`. Pass the bytes, or base64 text (standard or
 * URL-safe, padded or not), which is normalised to standard padded base64.
 *
 * @throws {TypeError} when a string is not base64.
 */
export function rawPart(bytes: Uint8Array | string, opts?: PartOptions): RawPart {
  let raw: string;
  if (typeof bytes === "string") {
    const norm = normalizeBase64(bytes);
    if (norm === undefined) {
      throw new TypeError(
        "rawPart: the string is not base64; pass a Uint8Array for binary content",
      );
    }
    raw = norm;
  } else {
    raw = base64Encode(bytes);
  }
  return withPartOptions({ raw }, opts);
}

/** A file part by reference: `{ url }`. */
export function urlPart(url: string, opts?: PartOptions): UrlPart {
  return withPartOptions({ url }, opts);
}

/** Options of {@link userMessage} and {@link agentMessage}. */
export interface MessageOptions {
  /** Default: a new UUID ({@link newId}). */
  messageId?: string;
  /** Default: unset. */
  contextId?: string;
  /** Default: unset. */
  taskId?: string;
  /** Default: unset. */
  metadata?: JsonObject;
  /** URIs of extensions used in the message. Default: unset. */
  extensions?: string[];
  /** Ids of tasks the message refers to. Default: unset. */
  referenceTaskIds?: string[];
}

function message(
  role: Message["role"],
  content: string | Part | readonly Part[],
  opts?: MessageOptions,
): Message {
  const parts: Part[] =
    typeof content === "string"
      ? [{ text: content }]
      : Array.isArray(content)
        ? [...content]
        : [content as Part];
  const m: Message = { messageId: opts?.messageId ?? newId(), role, parts };
  if (opts === undefined) return m;
  if (opts.contextId !== undefined) m.contextId = opts.contextId;
  if (opts.taskId !== undefined) m.taskId = opts.taskId;
  if (opts.metadata !== undefined) m.metadata = opts.metadata;
  if (opts.extensions !== undefined) m.extensions = opts.extensions;
  if (opts.referenceTaskIds !== undefined) m.referenceTaskIds = opts.referenceTaskIds;
  return m;
}

/** A message from the client (`ROLE_USER`): a string becomes one text part. */
export function userMessage(
  content: string | Part | readonly Part[],
  opts?: MessageOptions,
): Message {
  return message(Role.User, content, opts);
}

/** A message from the agent (`ROLE_AGENT`): a string becomes one text part. */
export function agentMessage(
  content: string | Part | readonly Part[],
  opts?: MessageOptions,
): Message {
  return message(Role.Agent, content, opts);
}

/**
 * The text of the text parts of a message, an artifact or a list of parts, joined with
 * `separator` (default `"\n"`). Other parts are skipped; no text parts gives `""`.
 */
export function getText(
  source: Pick<Message, "parts"> | Pick<Artifact, "parts"> | readonly Part[] | undefined,
  separator = "\n",
): string {
  if (source === undefined) return "";
  const parts: readonly Part[] = Array.isArray(source)
    ? source
    : (source as Pick<Message, "parts">).parts;
  let out: string | undefined;
  for (const p of parts) {
    if (typeof p.text === "string") out = out === undefined ? p.text : out + separator + p.text;
  }
  return out ?? "";
}

/** Terminal states: completed, failed, canceled, rejected. No update follows them. */
export const TERMINAL_STATES: readonly TaskState[] = Object.freeze([
  TaskState.Completed,
  TaskState.Failed,
  TaskState.Canceled,
  TaskState.Rejected,
]);

/** Interrupted states: input required, auth required. The task waits for the client. */
export const INTERRUPTED_STATES: readonly TaskState[] = Object.freeze([
  TaskState.InputRequired,
  TaskState.AuthRequired,
]);

/** Whether a task in `state` is finished for good. */
export function isTerminal(state: TaskState | undefined): boolean {
  return (
    state === TaskState.Completed ||
    state === TaskState.Failed ||
    state === TaskState.Canceled ||
    state === TaskState.Rejected
  );
}

/** Whether a task in `state` waits for the client (input or authentication). */
export function isInterrupted(state: TaskState | undefined): boolean {
  return state === TaskState.InputRequired || state === TaskState.AuthRequired;
}

const HEX = "0123456789abcdef";

/** A new random id (UUID v4), from `crypto.randomUUID` where available. */
export function newId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === "function") return c.randomUUID();
  const b = new Uint8Array(16);
  c.getRandomValues(b);
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  let s = "";
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) s += "-";
    s += HEX.charAt((b[i] as number) >> 4) + HEX.charAt((b[i] as number) & 15);
  }
  return s;
}

/** The current time as a canonical timestamp (UTC, milliseconds). */
export function nowTimestamp(): string {
  return new Date().toISOString();
}
