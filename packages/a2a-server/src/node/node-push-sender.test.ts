import type { LookupAddress } from "node:dns";
import type { StreamResponse } from "@agentmesh/a2a-types";
import { describe, expect, it } from "vitest";
import type { PushFailure } from "../push/push-sender.js";
import { WebhookTargetRefusedError } from "../push/ssrf.js";
import { createNodePushSender, guardedLookup } from "./node-push-sender.js";

const event: StreamResponse = {
  statusUpdate: { taskId: "t", contextId: "c", status: { state: "TASK_STATE_WORKING" } },
};

describe("node push sender", () => {
  it("refuses a name that resolves to a private address (injected lookup), never connecting", async () => {
    const failures: PushFailure[] = [];
    const sender = createNodePushSender({
      lookup: async () => [{ address: "10.0.0.1", family: 4 }],
      onDeliveryFailed: (f) => failures.push(f),
    });
    sender.send({ taskId: "t", event, configs: [{ id: "a", url: "http://hooks.test/x" }] });
    await sender.close?.();
    expect(failures[0]?.error).toBeInstanceOf(WebhookTargetRefusedError);
    expect(String(failures[0]?.error)).toContain("10.0.0.1");
  });

  it("DNS rebinding: the connect-time lookup refuses an answer that changed to loopback", async () => {
    const answers: LookupAddress[][] = [
      [{ address: "93.184.216.34", family: 4 }], // first answer (pre-check): public
      [{ address: "127.0.0.1", family: 4 }], // second answer (connect): loopback
    ];
    const failures: PushFailure[] = [];
    const sender = createNodePushSender({
      lookup: async () => answers.shift() ?? [{ address: "127.0.0.1", family: 4 }],
      maxAttempts: 1,
      onDeliveryFailed: (f) => failures.push(f),
    });
    sender.send({ taskId: "t", event, configs: [{ id: "a", url: "http://rebind.test:9/x" }] });
    await sender.close?.();
    expect(failures[0]?.error).toBeInstanceOf(WebhookTargetRefusedError);
    expect(String(failures[0]?.error)).toContain("127.0.0.1");
  });

  it("guardedLookup answers in both callback forms", async () => {
    const lookup = guardedLookup(async () => [
      { address: "93.184.216.34", family: 4 },
      { address: "2606:2800:220:1::1", family: 6 },
    ]);
    const single = await new Promise<unknown[]>((resolve) =>
      lookup("x.test", { family: 4 }, (...args: unknown[]) => resolve(args)),
    );
    expect(single).toEqual([null, "93.184.216.34", 4]);
    const all = await new Promise<unknown[]>((resolve) =>
      lookup("x.test", { all: true }, (...args: unknown[]) => resolve(args)),
    );
    expect((all[1] as LookupAddress[]).map((a) => a.address)).toEqual([
      "93.184.216.34",
      "2606:2800:220:1::1",
    ]);
  });
});
