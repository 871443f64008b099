// The three gRPC servers of bench/grpc, each answering SendMessage with the same echo task:
// - "agentmesh": A2AServer + grpcBinding() from @agentmesh/a2a-grpc/node, served by serve();
// - "sdk":       @a2a-js/sdk DefaultRequestHandler + grpcService on @grpc/grpc-js;
// - "floor":     a bare node:http2 server that only unframes, decodes the request with
//                protobuf-es, builds the response message and encodes it (no A2A logic).
import { randomUUID } from "node:crypto";
import { createServer } from "node:http2";
import type { AddressInfo } from "node:net";
import { pb } from "@agentmesh/a2a-grpc";
import { grpcBinding } from "@agentmesh/a2a-grpc/node";
import { A2AServer } from "@agentmesh/a2a-server";
import { serve } from "@agentmesh/a2a-server/node";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { timestampNow } from "@bufbuild/protobuf/wkt";

export type Target = "agentmesh" | "sdk" | "floor";

/** Starts `target` on 127.0.0.1 and returns its `host:port`. */
export async function startTarget(target: Target): Promise<string> {
  if (target === "agentmesh") return startAgentmesh();
  if (target === "sdk") return startSdk();
  return startFloor();
}

/** Events a "stream" request produces (artifact chunks, the agent yielding between them). */
export const STREAM_EVENTS = 1000;
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

async function startAgentmesh(): Promise<string> {
  const server = new A2AServer(
    async (ctx, events) => {
      const text = textOfParts(ctx.message.parts);
      if (text === "hold") {
        // stays WORKING until the server stops: a task to subscribe to
        await events.working();
        await new Promise<void>((resolve) =>
          ctx.signal.addEventListener("abort", () => resolve(), { once: true }),
        );
        return;
      }
      if (text !== "stream") return `echo: ${text}`;
      let artifactId: string | undefined;
      for (let i = 0; i < STREAM_EVENTS; i++) {
        artifactId = await events.artifact(`chunk ${i};`, {
          ...(artifactId ? { artifactId, append: true } : {}),
          lastChunk: i === STREAM_EVENTS - 1,
        });
        await tick();
      }
      return events.complete();
    },
    {
      agent: { name: "bench", description: "echo", version: "1.0.0", skills: [] },
      bindings: [grpcBinding()],
    },
  );
  const running = await serve(server, { port: 0, grpcPort: 0 });
  return running.grpcAddress as string;
}

function textOfParts(parts: readonly unknown[]): string {
  let s = "";
  for (const p of parts as { text?: unknown }[]) if (typeof p.text === "string") s += p.text;
  return s;
}

async function startSdk(): Promise<string> {
  const { Server, ServerCredentials } = await import("@grpc/grpc-js");
  const sdk = await import("@a2a-js/sdk");
  const sdkServer = await import("@a2a-js/sdk/server");
  const { A2AService, grpcService, UserBuilder } = await import("@a2a-js/sdk/server/grpc");
  const { AgentEvent, DefaultRequestHandler, InMemoryTaskStore } = sdkServer;
  const now = () => new Date().toISOString();
  const executor = {
    cancelTask: async () => {},
    async execute(ctx: any, bus: any) {
      const text = (ctx.userMessage.parts as any[])
        .map((p) => (p.content?.$case === "text" ? p.content.value : ""))
        .join("");
      const { taskId, contextId } = ctx;
      const artifactId = randomUUID();
      const chunk = (value: string, append: boolean, lastChunk: boolean) =>
        AgentEvent.artifactUpdate({
          taskId,
          contextId,
          artifact: {
            artifactId,
            name: "",
            description: "",
            parts: [
              {
                content: { $case: "text", value },
                metadata: undefined,
                filename: "",
                mediaType: "",
              },
            ],
            metadata: undefined,
            extensions: [],
          },
          append,
          lastChunk,
          metadata: undefined,
        } as never);
      bus.publish(
        AgentEvent.task({
          id: taskId,
          contextId,
          status: {
            state: sdk.TaskState.TASK_STATE_SUBMITTED,
            timestamp: now(),
            message: undefined,
          },
          artifacts: [],
          history: [ctx.userMessage],
          metadata: undefined,
        } as never),
      );
      if (text === "hold") {
        bus.publish(
          AgentEvent.statusUpdate({
            taskId,
            contextId,
            status: {
              state: sdk.TaskState.TASK_STATE_WORKING,
              timestamp: now(),
              message: undefined,
            },
            metadata: undefined,
          } as never),
        );
        return; // never finished: stays WORKING
      }
      if (text === "stream") {
        for (let i = 0; i < STREAM_EVENTS; i++) {
          bus.publish(chunk(`chunk ${i};`, i > 0, i === STREAM_EVENTS - 1));
          await tick();
        }
      } else
        bus.publish(
          AgentEvent.artifactUpdate({
            taskId,
            contextId,
            artifact: {
              artifactId: randomUUID(),
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
      bus.publish(
        AgentEvent.statusUpdate({
          taskId,
          contextId,
          status: {
            state: sdk.TaskState.TASK_STATE_COMPLETED,
            timestamp: now(),
            message: undefined,
          },
          metadata: undefined,
        } as never),
      );
      bus.finished();
    },
  };
  const card = {
    name: "bench",
    description: "echo",
    // The SDK derives its supported versions from the card's interfaces.
    supportedInterfaces: [
      { url: "127.0.0.1:0", protocolBinding: "GRPC", tenant: "", protocolVersion: "1.0" },
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
    skills: [],
    signatures: [],
  };
  const requestHandler = new DefaultRequestHandler(
    card as never,
    new InMemoryTaskStore(),
    executor as never,
  );
  const server = new Server();
  server.addService(
    A2AService,
    grpcService({ requestHandler, userBuilder: UserBuilder.noAuthentication }) as never,
  );
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", ServerCredentials.createInsecure(), (err, p) =>
      err ? reject(err) : resolve(p),
    ),
  );
  return `127.0.0.1:${port}`;
}

async function startFloor(): Promise<string> {
  const frame = (out: Uint8Array) => {
    const f = Buffer.alloc(5 + out.length);
    f.writeUInt32BE(out.length, 1);
    f.set(out, 5);
    return f;
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks);
      const request = fromBinary(pb.SendMessageRequestSchema, body.subarray(5));
      const message = request.message as pb.Message;
      const text = message.parts
        .map((p) => (p.content.case === "text" ? p.content.value : ""))
        .join("");
      const id = randomUUID();
      const contextId = randomUUID();
      res.writeHead(200, { "content-type": "application/grpc" });
      res.addTrailers({ "grpc-status": "0" });
      if (req.url?.endsWith("/SendStreamingMessage")) {
        const artifactId = randomUUID();
        for (let i = 0; i < STREAM_EVENTS; i++) {
          const ev = create(pb.StreamResponseSchema, {
            payload: {
              case: "artifactUpdate",
              value: {
                taskId: id,
                contextId,
                artifact: {
                  artifactId,
                  parts: [{ content: { case: "text", value: `chunk ${i};` } }],
                },
                append: i > 0,
                lastChunk: i === STREAM_EVENTS - 1,
              },
            },
          });
          res.write(frame(toBinary(pb.StreamResponseSchema, ev)));
          await tick();
        }
        res.end();
        return;
      }
      const response = create(pb.SendMessageResponseSchema, {
        payload: {
          case: "task",
          value: {
            id,
            contextId,
            status: { state: pb.TaskState.COMPLETED, timestamp: timestampNow() },
            artifacts: [
              {
                artifactId: randomUUID(),
                parts: [{ content: { case: "text", value: `echo: ${text}` } }],
              },
            ],
            history: [{ ...message, taskId: id, contextId }],
          },
        },
      });
      res.end(frame(toBinary(pb.SendMessageResponseSchema, response)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}
