// A light load generator for unary gRPC: one HTTP/2 session (node:http2), requests
// pre-encoded once (length-prefixed protobuf frames), responses only checked for
// `grpc-status: 0` (the first one is decoded and verified). The same bytes go to every
// server, so the client's cost per call is small and equal, and ratios measure the servers.
import { type ClientHttp2Session, connect } from "node:http2";
import { pb } from "@agentmesh/a2a-grpc";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";

const PATH = "/lf.a2a.v1.A2AService/SendMessage";
const HEADERS = {
  ":method": "POST",
  ":path": PATH,
  "content-type": "application/grpc",
  te: "trailers",
  "a2a-version": "1.0",
};

/** `n` SendMessage request frames with distinct message ids, text "hello bench". */
export function encodeFrames(n: number): Buffer[] {
  const frames: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const bytes = toBinary(
      pb.SendMessageRequestSchema,
      create(pb.SendMessageRequestSchema, {
        message: {
          messageId: `m-${i}-${process.pid}`,
          role: pb.Role.USER,
          parts: [{ content: { case: "text", value: "hello bench" } }],
        },
      }),
    );
    const frame = Buffer.alloc(5 + bytes.length);
    frame.writeUInt32BE(bytes.length, 1);
    frame.set(bytes, 5);
    frames.push(frame);
  }
  return frames;
}

/** One call: resolves with the response body (the gRPC frames) or rejects with the status. */
export function call(
  session: ClientHttp2Session,
  frame: Buffer,
  keepBody = false,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const req = session.request(HEADERS);
    const chunks: Buffer[] = [];
    let status: string | undefined;
    req.on("response", (h) => {
      const s = h["grpc-status"]; // trailers-only error
      if (s !== undefined) status = String(s);
    });
    req.on("data", (c: Buffer) => {
      if (keepBody) chunks.push(c);
    });
    req.on("trailers", (t) => {
      status = String(t["grpc-status"]);
    });
    req.on("error", reject);
    req.on("close", () => {
      if (status === "0") resolve(Buffer.concat(chunks));
      else reject(new Error(`grpc-status ${status}`));
    });
    req.end(frame);
  });
}

/** Opens the session and checks that the server answers with a completed echo task. */
export async function open(address: string): Promise<ClientHttp2Session> {
  const session = connect(`http://${address}`);
  await new Promise<void>((resolve, reject) => {
    session.once("connect", () => resolve());
    session.once("error", reject);
  });
  const [frame] = encodeFrames(1);
  const body = await call(session, frame as Buffer, true);
  const res = fromBinary(pb.SendMessageResponseSchema, body.subarray(5));
  const task = res.payload.case === "task" ? res.payload.value : undefined;
  if (task?.status?.state !== pb.TaskState.COMPLETED) {
    throw new Error(`${address}: the first response is not a completed task`);
  }
  return session;
}
