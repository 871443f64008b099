import { type CallContext, createCallContext, type Principal } from "@agentmesh/a2a-transport";
import type { Message, StreamResponse } from "@agentmesh/a2a-types";
import type { HandlerCardView } from "../src/handler-options.js";

/** A call context for in-process tests. */
export function ctx(
  method: CallContext["method"] = "SendMessage",
  init: {
    tenant?: string;
    principal?: Principal;
    signal?: AbortSignal;
    requestedExtensions?: string[];
  } = {},
): CallContext {
  return createCallContext({ method, binding: "JSONRPC", ...init });
}

let n = 0;
/** A user message. */
export function userMsg(text: string, extra: Partial<Message> = {}): Message {
  return { messageId: `m-${++n}`, role: "ROLE_USER", parts: [{ text }], ...extra };
}

/** A card view with streaming on and text accepted. */
export const card: HandlerCardView = {
  capabilities: { streaming: true },
  defaultInputModes: ["text/plain", "application/json"],
  skills: [],
};

/** Collects a stream. */
export async function collect(stream: AsyncIterable<StreamResponse>): Promise<StreamResponse[]> {
  const out: StreamResponse[] = [];
  for await (const ev of stream) out.push(ev);
  return out;
}

/** A promise with its resolve function. */
export function gate<T = void>(): { promise: Promise<T>; open: (v: T) => void } {
  let open!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    open = r;
  });
  return { promise, open };
}

/** The kind of a stream event. */
export function kind(ev: StreamResponse): string {
  if (ev.task) return `task:${ev.task.status.state}`;
  if (ev.message) return "message";
  if (ev.statusUpdate) return `status:${ev.statusUpdate.status.state}`;
  return "artifact";
}
