// The three HTTP servers the bindings benchmark compares, each started in its own process:
// - "floor":     bare node:http that only parses the request JSON and serializes the same
//                response JSON (no validation, no task store) — the ceiling for any binding;
// - "agentmesh": A2AServer + serve() with jsonRpcBinding() and restBinding();
// - "sdk":       @a2a-js/sdk (DefaultRequestHandler + its Express JSON-RPC and REST handlers).
// Every agent answers "echo …" with a completed task carrying one artifact, "stream N" with N
// artifact events yielding to the event loop between them, "burst N" with N events published
// at once, and "slow" with a task that stays WORKING until canceled.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type AgentCard, type Message, type Task, TaskState } from "@a2a-js/sdk";
import {
  AgentEvent,
  type AgentExecutor,
  DefaultRequestHandler,
  type ExecutionEventBus,
  InMemoryTaskStore,
  type RequestContext,
} from "@a2a-js/sdk/server";
import { UserBuilder, jsonRpcHandler, restHandler } from "@a2a-js/sdk/server/express";
import { jsonRpcBinding } from "@agentmesh/a2a-jsonrpc";
import { restBinding } from "@agentmesh/a2a-rest";
import { A2AServer } from "@agentmesh/a2a-server";
import { serve } from "@agentmesh/a2a-server/node";
import { getText } from "@agentmesh/a2a-types";
import express from "express";

export type Target = "floor" | "agentmesh" | "sdk";

const tick = () => new Promise<void>((r) => setImmediate(r));
const now = () => new Date().toISOString();

async function floorStream(
  res: import("node:http").ServerResponse,
  wrap: (r: unknown) => unknown,
  text: string,
) {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  const [kind, count] = text.split(" ");
  const n = Number(count ?? 0);
  for (let i = 0; i < n; i++) {
    const ev = {
      artifactUpdate: {
        taskId: "t",
        contextId: "c",
        artifact: { artifactId: "a", parts: [{ text: `chunk ${i}` }] },
        append: i > 0,
      },
    };
    res.write(`data: ${JSON.stringify(wrap(ev))}\n\n`);
    if (kind === "stream") await tick();
  }
  res.end(
    `data: ${JSON.stringify(wrap({ statusUpdate: { taskId: "t", contextId: "c", status: { state: "TASK_STATE_COMPLETED" } } }))}\n\n`,
  );
}

async function startFloor(): Promise<string> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const body = raw === "" ? {} : JSON.parse(raw);
      const rpc = body.jsonrpc === "2.0";
      const wrap = (r: unknown) => (rpc ? { jsonrpc: "2.0", id: body.id, result: r } : r);
      const params = rpc ? body.params : body;
      const url = req.url ?? "";
      if (body.method === "SubscribeToTask" || url.includes(":subscribe")) {
        res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
        res.write(
          `data: ${JSON.stringify(wrap({ task: { id: params?.id ?? "t", contextId: "c", status: { state: "TASK_STATE_WORKING" } } }))}\n\n`,
        );
        return;
      }
      const text = params.message.parts[0].text as string;
      if (body.method === "SendStreamingMessage" || url.includes(":stream")) {
        void floorStream(res, wrap, text);
        return;
      }
      const task = {
        id: randomUUID(),
        contextId: randomUUID(),
        status: { state: "TASK_STATE_COMPLETED", timestamp: now() },
        artifacts: [{ artifactId: "echo", parts: [{ text: `echo: ${text}` }] }],
        history: [params.message],
      };
      const out = rpc ? { jsonrpc: "2.0", id: body.id, result: { task } } : { task };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(out));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function startAgentmesh(): Promise<string> {
  const server = new A2AServer(
    async (ctx, events) => {
      const text = getText(ctx.message);
      await events.working();
      if (text.startsWith("slow")) {
        await new Promise<void>((resolve) => ctx.signal.addEventListener("abort", () => resolve()));
        return;
      }
      const n =
        text.startsWith("stream") || text.startsWith("burst") ? Number(text.split(" ")[1]) : 0;
      let id: string | undefined;
      for (let i = 0; i < n; i++) {
        id = await events.artifact(`chunk ${i}`, id ? { artifactId: id, append: true } : {});
        if (text.startsWith("stream")) await tick();
      }
      if (n === 0) await events.artifact(`echo: ${text}`);
      await events.complete();
    },
    {
      agent: {
        name: "bench",
        description: "bench echo agent",
        version: "1.0.0",
        skills: [{ id: "echo", name: "echo", description: "echoes", tags: ["bench"] }],
      },
      bindings: [jsonRpcBinding(), restBinding()],
    },
  );
  const running = await serve(server, { port: 0, host: "127.0.0.1" });
  return running.url;
}

function text(t: string) {
  return {
    content: { $case: "text" as const, value: t },
    metadata: undefined,
    filename: "",
    mediaType: "",
  };
}

class BenchExecutor implements AgentExecutor {
  private readonly wake = new Map<string, () => void>();
  cancelTask = async (taskId: string): Promise<void> => {
    this.wake.get(taskId)?.();
  };
  async execute(ctx: RequestContext, bus: ExecutionEventBus): Promise<void> {
    const t = (ctx.userMessage as Message).parts
      .map((p) => (p.content?.$case === "text" ? p.content.value : ""))
      .join("");
    const { taskId, contextId } = ctx;
    const status = (state: TaskState) =>
      bus.publish(
        AgentEvent.statusUpdate({
          taskId,
          contextId,
          status: { state, timestamp: now(), message: undefined },
          metadata: undefined,
        } as never),
      );
    bus.publish(
      AgentEvent.task({
        id: taskId,
        contextId,
        status: { state: TaskState.TASK_STATE_SUBMITTED, timestamp: now(), message: undefined },
        artifacts: [],
        history: [ctx.userMessage],
        metadata: undefined,
      } as Task),
    );
    status(TaskState.TASK_STATE_WORKING);
    if (t.startsWith("slow")) {
      await new Promise<void>((resolve) => this.wake.set(taskId, resolve));
      this.wake.delete(taskId);
      status(TaskState.TASK_STATE_CANCELED);
      bus.finished();
      return;
    }
    const n = t.startsWith("stream") || t.startsWith("burst") ? Number(t.split(" ")[1]) : 0;
    for (let i = 0; i < n; i++) {
      bus.publish(
        AgentEvent.artifactUpdate({
          taskId,
          contextId,
          artifact: {
            artifactId: "a",
            name: "",
            description: "",
            parts: [text(`chunk ${i}`)],
            metadata: undefined,
            extensions: [],
          },
          append: i > 0,
          lastChunk: false,
          metadata: undefined,
        } as never),
      );
      if (t.startsWith("stream")) await tick();
    }
    if (n === 0) {
      bus.publish(
        AgentEvent.artifactUpdate({
          taskId,
          contextId,
          artifact: {
            artifactId: "echo",
            name: "",
            description: "",
            parts: [text(`echo: ${t}`)],
            metadata: undefined,
            extensions: [],
          },
          append: false,
          lastChunk: true,
          metadata: undefined,
        } as never),
      );
    }
    status(TaskState.TASK_STATE_COMPLETED);
    bus.finished();
  }
}

async function startSdk(): Promise<string> {
  let app: ((req: unknown, res: unknown) => void) | undefined;
  const http = createServer((req, res) => app!(req, res));
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const card = {
    name: "bench",
    description: "bench echo agent",
    supportedInterfaces: [
      {
        url: `${base}/a2a/jsonrpc`,
        protocolBinding: "JSONRPC",
        tenant: "",
        protocolVersion: "1.0",
      },
      { url: `${base}/a2a/rest`, protocolBinding: "HTTP+JSON", tenant: "", protocolVersion: "1.0" },
    ],
    version: "1.0.0",
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
    skills: [
      {
        id: "echo",
        name: "echo",
        description: "echoes",
        tags: ["bench"],
        examples: [],
        inputModes: [],
        outputModes: [],
        securityRequirements: [],
      },
    ],
    signatures: [],
  } as unknown as AgentCard;
  const requestHandler = new DefaultRequestHandler(
    card,
    new InMemoryTaskStore(),
    new BenchExecutor(),
  );
  const a = express();
  a.use(
    "/a2a/jsonrpc",
    jsonRpcHandler({ requestHandler, userBuilder: UserBuilder.noAuthentication }),
  );
  a.use("/a2a/rest", restHandler({ requestHandler, userBuilder: UserBuilder.noAuthentication }));
  app = a as unknown as (req: unknown, res: unknown) => void;
  return base;
}

/** Starts one target; resolves with its HTTP base URL. */
export function startTarget(target: Target): Promise<string> {
  if (target === "floor") return startFloor();
  if (target === "agentmesh") return startAgentmesh();
  return startSdk();
}
