// Where the gRPC server of @a2a-js/sdk 1.3.0 differs from the A2A specification, pinned: each
// case asserts the SDK's behaviour as observed (so a fix upstream shows up here) and the
// specification's behaviour on our gRPC server, with the section it comes from.
import { createGrpcTransport } from "@agentmesh/a2a-grpc/node";
import { A2AError, A2AErrorCode, type ClientTransport } from "@agentmesh/a2a-transport";
import { userMessage } from "@agentmesh/a2a-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OurGrpcServer, startOurGrpcServer } from "./grpc-our-server.js";
import { type SdkServer, startSdkServer } from "./sdk-server.js";

let sdk: SdkServer;
let ours: OurGrpcServer;
let toSdk: ClientTransport;
let toOurs: ClientTransport;

beforeAll(async () => {
  sdk = await startSdkServer({ grpc: true });
  ours = await startOurGrpcServer();
  toSdk = createGrpcTransport({ url: sdk.grpcAddress as string });
  toOurs = createGrpcTransport({ url: ours.running.grpcAddress as string });
});
afterAll(async () => {
  await toSdk?.close?.();
  await toOurs?.close?.();
  await sdk?.close();
  await ours?.close();
});

async function invalidParams(p: Promise<unknown>): Promise<A2AError> {
  const err = await p.then(
    () => {
      throw new Error("expected INVALID_PARAMS, got success");
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(A2AError);
  expect((err as A2AError).code).toBe(A2AErrorCode.InvalidParams);
  return err as A2AError;
}

describe("@a2a-js/sdk gRPC server vs the specification", () => {
  it("§5.7: a REQUIRED array (Message.parts) must not be empty — the SDK runs the message anyway", async () => {
    const noParts = { message: { messageId: "m-empty", role: "ROLE_USER" as const, parts: [] } };
    const res = await toSdk.sendMessage(noParts);
    expect(res.task).toBeDefined(); // SDK: accepted
    const err = await invalidParams(toOurs.sendMessage(noParts));
    expect(err.fieldViolations[0]?.field).toBe("message.parts");
  });

  it("§3.2.4, §6.5 (historyLength is a non-negative integer; -5 is a validation error) — the SDK accepts -1 on GetTask", async () => {
    const onSdk = await toSdk.sendMessage({ message: userMessage("for history") });
    const got = await toSdk.getTask({ id: onSdk.task?.id as string, historyLength: -1 });
    expect(got.id).toBe(onSdk.task?.id); // SDK: accepted
    const onOurs = await toOurs.sendMessage({ message: userMessage("for history") });
    const err = await invalidParams(
      toOurs.getTask({ id: onOurs.task?.id as string, historyLength: -1 }),
    );
    expect(err.fieldViolations[0]?.field).toBe("historyLength");
  });
});
