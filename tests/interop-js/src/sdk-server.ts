// An @a2a-js/sdk server (the official JS SDK) on 127.0.0.1 for the interop tests: JSON-RPC and
// REST through Express, gRPC through @grpc/grpc-js, one DefaultRequestHandler and task store.
//
// The agent answers by the text of the user's message:
// - "message …"   → a direct Message reply ("echo: …"), no task;
// - "slow …"      → a task that stays WORKING until canceled (or 20 s pass), then completes;
// - "input …"     → a task that stops in INPUT_REQUIRED;
// - anything else → a task: SUBMITTED → WORKING → artifact "echo: …" → COMPLETED.
import { randomUUID } from "node:crypto";
import { type Server as HttpServer, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server as GrpcServer, ServerCredentials } from "@grpc/grpc-js";
import { type AgentCard, type Message, Role, type Task, TaskState } from "@a2a-js/sdk";
import {
  AgentEvent,
  type AgentExecutor,
  DefaultRequestHandler,
  type ExecutionEventBus,
  InMemoryPushNotificationStore,
  InMemoryTaskStore,
  type RequestContext,
} from "@a2a-js/sdk/server";
import {
  UserBuilder,
  agentCardHandler,
  jsonRpcHandler,
  restHandler,
} from "@a2a-js/sdk/server/express";
import { A2AService, grpcService } from "@a2a-js/sdk/server/grpc";
import express from "express";

/** Where the SDK server listens. */
export interface SdkServer {
  /** e.g. `http://127.0.0.1:41234` */
  httpBaseUrl: string;
  /** JSON-RPC endpoint: `${httpBaseUrl}/a2a/jsonrpc` */
  jsonRpcUrl: string;
  /** REST base URL: `${httpBaseUrl}/a2a/rest` */
  restUrl: string;
  /** `127.0.0.1:port` of the gRPC server (absent when started without gRPC). */
  grpcAddress?: string;
  /** The public agent card URL. */
  cardUrl: string;
  close(): Promise<void>;
}

function textOf(msg: Message): string {
  return msg.parts.map((p) => (p.content?.$case === "text" ? p.content.value : "")).join("");
}

function agentText(text: string, taskId?: string, contextId?: string): Message {
  const m: Message = {
    messageId: randomUUID(),
    role: Role.ROLE_AGENT,
    parts: [
      { content: { $case: "text", value: text }, metadata: undefined, filename: "", mediaType: "" },
    ],
    contextId: contextId ?? "",
    taskId: taskId ?? "",
    extensions: [],
    metadata: undefined,
    referenceTaskIds: [],
  } as Message;
  return m;
}

const now = () => new Date().toISOString();

class EchoExecutor implements AgentExecutor {
  private readonly canceled = new Set<string>();
  private readonly wake = new Map<string, () => void>();

  cancelTask = async (taskId: string, bus: ExecutionEventBus): Promise<void> => {
    this.canceled.add(taskId);
    const w = this.wake.get(taskId);
    if (w) w();
    else {
      bus.publish(
        AgentEvent.statusUpdate({
          taskId,
          contextId: "",
          status: { state: TaskState.TASK_STATE_CANCELED, timestamp: now(), message: undefined },
          metadata: undefined,
        } as never),
      );
    }
  };

  async execute(ctx: RequestContext, bus: ExecutionEventBus): Promise<void> {
    const text = textOf(ctx.userMessage);
    const { taskId, contextId } = ctx;
    if (text.startsWith("message")) {
      bus.publish(AgentEvent.message(agentText(`echo: ${text}`, undefined, contextId)));
      bus.finished();
      return;
    }
    const status = (state: TaskState) =>
      bus.publish(
        AgentEvent.statusUpdate({
          taskId,
          contextId,
          status: { state, timestamp: now(), message: undefined },
          metadata: undefined,
        } as never),
      );
    const task: Task = (ctx.task ?? {
      id: taskId,
      contextId,
      status: { state: TaskState.TASK_STATE_SUBMITTED, timestamp: now(), message: undefined },
      artifacts: [],
      history: [ctx.userMessage],
      metadata: undefined,
    }) as Task;
    bus.publish(AgentEvent.task(task));
    status(TaskState.TASK_STATE_WORKING);
    if (text.startsWith("input")) {
      status(TaskState.TASK_STATE_INPUT_REQUIRED);
      bus.finished();
      return;
    }
    if (text.startsWith("slow")) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 20_000);
        this.wake.set(taskId, () => {
          clearTimeout(t);
          resolve();
        });
      });
      this.wake.delete(taskId);
    }
    if (this.canceled.has(taskId)) {
      this.canceled.delete(taskId);
      status(TaskState.TASK_STATE_CANCELED);
      bus.finished();
      return;
    }
    bus.publish(
      AgentEvent.artifactUpdate({
        taskId,
        contextId,
        artifact: {
          artifactId: "echo",
          name: "",
          description: "",
          parts: [
            {
              content: { $case: "text", value: `echo: ${text}` },
              metadata: undefined,
              filename: "",
              mediaType: "",
            },
          ],
          metadata: undefined,
          extensions: [],
        },
        append: false,
        lastChunk: true,
        metadata: undefined,
      } as never),
    );
    status(TaskState.TASK_STATE_COMPLETED);
    bus.finished();
  }
}

/** Starts the SDK server on 127.0.0.1 (ports from 0). */
export async function startSdkServer(opts: { grpc?: boolean } = {}): Promise<SdkServer> {
  let app: ((req: unknown, res: unknown) => void) | undefined;
  const http: HttpServer = createServer((req, res) => app!(req, res));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const httpBaseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  let grpc: GrpcServer | undefined;
  let grpcAddress: string | undefined;
  if (opts.grpc !== false) {
    grpc = new GrpcServer();
    const port = await new Promise<number>((resolve, reject) =>
      grpc!.bindAsync("127.0.0.1:0", ServerCredentials.createInsecure(), (err, p) =>
        err ? reject(err) : resolve(p),
      ),
    );
    grpcAddress = `127.0.0.1:${port}`;
  }

  const iface = (url: string, protocolBinding: string) => ({
    url,
    protocolBinding,
    tenant: "",
    protocolVersion: "1.0",
  });
  const card = {
    name: "sdk-echo",
    description: "@a2a-js/sdk echo agent for interop tests",
    supportedInterfaces: [
      iface(`${httpBaseUrl}/a2a/jsonrpc`, "JSONRPC"),
      iface(`${httpBaseUrl}/a2a/rest`, "HTTP+JSON"),
      ...(grpcAddress ? [iface(grpcAddress, "GRPC")] : []),
    ],
    provider: undefined,
    version: "1.0.0",
    documentationUrl: undefined,
    capabilities: {
      streaming: true,
      pushNotifications: true,
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
        tags: ["echo"],
        examples: [],
        inputModes: [],
        outputModes: [],
        securityRequirements: [],
      },
    ],
    signatures: [],
    iconUrl: undefined,
  } as unknown as AgentCard;

  const requestHandler = new DefaultRequestHandler(
    card,
    new InMemoryTaskStore(),
    new EchoExecutor(),
    undefined,
    new InMemoryPushNotificationStore(),
  );
  const a = express();
  a.use("/.well-known/agent-card.json", agentCardHandler({ agentCardProvider: requestHandler }));
  a.use(
    "/a2a/jsonrpc",
    jsonRpcHandler({ requestHandler, userBuilder: UserBuilder.noAuthentication }),
  );
  a.use("/a2a/rest", restHandler({ requestHandler, userBuilder: UserBuilder.noAuthentication }));
  app = a;
  if (grpc) {
    grpc.addService(
      A2AService,
      grpcService({ requestHandler, userBuilder: UserBuilder.noAuthentication }) as never,
    );
  }

  return {
    httpBaseUrl,
    jsonRpcUrl: `${httpBaseUrl}/a2a/jsonrpc`,
    restUrl: `${httpBaseUrl}/a2a/rest`,
    ...(grpcAddress ? { grpcAddress } : {}),
    cardUrl: `${httpBaseUrl}/.well-known/agent-card.json`,
    async close() {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      if (grpc) await new Promise<void>((resolve) => grpc!.tryShutdown(() => resolve()));
    },
  };
}
