// The two request handlers under test, wired the same way: an echo executor (one artifact,
// then COMPLETED) and a chunk streamer (one task, N artifact chunks appended to one artifact).
// Both are driven in process through their handler API; no network, no JSON.
import { createCallContext } from "@agentmesh/a2a-transport";
import { createRequestHandler, InMemoryTaskStore } from "@agentmesh/a2a-server";
import type { Message as AmMessage } from "@agentmesh/a2a-types";
import {
  DefaultRequestHandler,
  type ExecutionEventBus,
  InMemoryTaskStore as SdkTaskStore,
  type RequestContext,
  ServerCallContext,
} from "@a2a-js/sdk/server";

export type ImplName = "agentmesh" | "a2a-js";

export interface Impl {
  /** Sends one blocking message; resolves when the task is COMPLETED (checked). */
  send(i: number): Promise<void>;
  /** Streams one task with `chunks` artifact chunks; resolves with the number of chunk events seen. */
  stream(chunks: number): Promise<number>;
}

// ---------------------------------------------------------------------------------------------
// agentmesh

export function agentmesh(options: { maxTasks?: number } = {}): Impl {
  let chunksWanted = 0;
  const handler = createRequestHandler({
    agentCard: { capabilities: { streaming: true }, defaultInputModes: ["text/plain"], skills: [] },
    taskStore: new InMemoryTaskStore({ maxTasks: options.maxTasks ?? 1_000_000 }),
    executor: async (context, events) => {
      if (context.metadata?.stream) {
        const n = chunksWanted;
        for (let i = 0; i < n; i++) {
          await events.artifact(`chunk ${i} `, {
            artifactId: "out",
            append: i > 0,
            lastChunk: i === n - 1,
          });
        }
        await events.complete();
        return;
      }
      const part = context.message.parts[0];
      await events.artifact(`echo: ${part && "text" in part ? part.text : ""}`, {
        lastChunk: true,
      });
      await events.complete();
    },
  });
  // a binding builds one call context per request
  const ctx = () => createCallContext({ method: "SendMessage", binding: "JSONRPC" });
  const message = (i: number): AmMessage => ({
    messageId: `m-${i}`,
    role: "ROLE_USER",
    parts: [{ text: `hello ${i}` }],
  });
  return {
    async send(i) {
      const res = await handler.sendMessage({ message: message(i) }, ctx());
      if (res.task?.status.state !== "TASK_STATE_COMPLETED")
        throw new Error("agentmesh: not completed");
    },
    async stream(chunks) {
      chunksWanted = chunks;
      let seen = 0;
      let done = false;
      for await (const ev of handler.sendStreamingMessage(
        { message: message(-1), metadata: { stream: true } },
        ctx(),
      )) {
        if (ev.artifactUpdate) seen++;
        if (ev.statusUpdate?.status.state === "TASK_STATE_COMPLETED") done = true;
      }
      if (!done) throw new Error("agentmesh: stream did not complete");
      return seen;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// @a2a-js/sdk 1.3.0 (DefaultRequestHandler + InMemoryTaskStore), ts-proto style types

const ROLE_USER = 1;
const ROLE_AGENT = 2;
const STATE_SUBMITTED = 1;
const STATE_COMPLETED = 3;

function sdkText(text: string) {
  return {
    content: { $case: "text" as const, value: text },
    metadata: undefined,
    filename: "",
    mediaType: "",
  };
}

export function a2aJs(): Impl {
  let chunksWanted = 0;
  const executor = {
    async execute(rc: RequestContext, bus: ExecutionEventBus) {
      const user = rc.userMessage;
      const base = { taskId: rc.taskId, contextId: rc.contextId, metadata: undefined };
      if (!rc.task) {
        bus.publish({
          kind: "task",
          data: {
            id: rc.taskId,
            contextId: rc.contextId,
            status: {
              state: STATE_SUBMITTED,
              message: undefined,
              timestamp: new Date().toISOString(),
            },
            artifacts: [],
            history: [user],
            metadata: undefined,
          },
        } as never);
      }
      const streaming = (rc.request as { metadata?: { stream?: boolean } }).metadata?.stream;
      const n = streaming ? chunksWanted : 1;
      for (let i = 0; i < n; i++) {
        const text = streaming
          ? `chunk ${i} `
          : `echo: ${(user.parts[0]?.content as { value: string } | undefined)?.value ?? ""}`;
        bus.publish({
          kind: "artifactUpdate",
          data: {
            ...base,
            artifact: {
              artifactId: "out",
              name: "",
              description: "",
              parts: [sdkText(text)],
              metadata: undefined,
              extensions: [],
            },
            append: i > 0,
            lastChunk: i === n - 1,
          },
        } as never);
      }
      bus.publish({
        kind: "statusUpdate",
        data: {
          ...base,
          status: {
            state: STATE_COMPLETED,
            message: {
              messageId: crypto.randomUUID(),
              contextId: rc.contextId,
              taskId: rc.taskId,
              role: ROLE_AGENT,
              parts: [sdkText("done")],
              metadata: undefined,
              extensions: [],
              referenceTaskIds: [],
            },
            timestamp: new Date().toISOString(),
          },
        },
      } as never);
      bus.finished();
    },
    async cancelTask() {},
  };
  const card = {
    name: "bench",
    description: "bench",
    supportedInterfaces: [],
    provider: undefined,
    version: "1.0.0",
    documentationUrl: undefined,
    capabilities: {
      streaming: true,
      pushNotifications: false,
      extensions: [],
      extendedAgentCard: false,
    },
    securitySchemes: {},
    securityRequirements: [],
    defaultInputModes: ["text/plain"],
    defaultOutputModes: ["text/plain"],
    skills: [],
    signatures: [],
    iconUrl: undefined,
  };
  const handler = new DefaultRequestHandler(card as never, new SdkTaskStore(), executor);
  const message = (i: number) => ({
    messageId: `m-${i}`,
    contextId: "",
    taskId: "",
    role: ROLE_USER,
    parts: [sdkText(`hello ${i}`)],
    metadata: undefined,
    extensions: [],
    referenceTaskIds: [],
  });
  const request = (i: number, metadata?: Record<string, unknown>) =>
    ({ tenant: "", message: message(i), configuration: undefined, metadata }) as never;
  return {
    async send(i) {
      const res = (await handler.sendMessage(request(i), new ServerCallContext())) as {
        status?: { state: number };
      };
      if (res.status?.state !== STATE_COMPLETED) throw new Error("a2a-js: not completed");
    },
    async stream(chunks) {
      chunksWanted = chunks;
      let seen = 0;
      let done = false;
      for await (const ev of handler.sendMessageStream(
        request(-1, { stream: true }),
        new ServerCallContext(),
      )) {
        const payload = (
          ev as { payload?: { $case: string; value: { status?: { state: number } } } }
        ).payload;
        if (payload?.$case === "artifactUpdate") seen++;
        if (payload?.$case === "statusUpdate" && payload.value.status?.state === STATE_COMPLETED)
          done = true;
      }
      if (!done) throw new Error("a2a-js: stream did not complete");
      return seen;
    },
  };
}

export function create(name: ImplName, options: { maxTasks?: number } = {}): Impl {
  return name === "agentmesh" ? agentmesh(options) : a2aJs();
}

/** Runs `n` sends with at most `concurrency` in flight. */
export async function runTasks(
  impl: Impl,
  n: number,
  concurrency: number,
  offset = 0,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      await impl.send(offset + i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
}
