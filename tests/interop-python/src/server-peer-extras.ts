import { createClient, type A2AClient } from "@agentmesh/a2a-client/node";
import { A2AError, A2AErrorCode } from "@agentmesh/a2a-transport";
import type { Task } from "@agentmesh/a2a-types";
import { expect } from "vitest";
import { expectA2AError } from "./assertions.js";
import { type BindingName, clientOptionsFor } from "./client-options.js";
import { type InteropCell, cell, markDeviation } from "./interop-cell.js";
import type { ServerPeerProfile } from "./server-peer-suite.js";
import { startWebhookReceiver } from "./webhook-receiver.js";

/** What the extra cells need from the binding's describe block. */
export interface ExtraCellScope {
  profile: ServerPeerProfile;
  binding: string;
  name: BindingName;
  c: (op: string) => InteropCell;
  /** The main agent's client (made by the discovery cell). */
  client: () => A2AClient;
  /** The slow agent's client (made by the discovery cell). */
  slow: () => A2AClient;
  cardUrl: () => string;
}

/** The cells only some peers can play (see `ServerPeerProfile.extras`). */
export function describeExtraCells(s: ExtraCellScope): void {
  if (s.profile.extras.slowWithoutExtendedCard) {
    cell(s.c("error-extended-card-unsupported"), async () => {
      expect(s.slow().card.capabilities.extendedAgentCard ?? false).toBe(false);
      // §3.1.11 / §3.3.4: without the capability, GetExtendedAgentCard is UnsupportedOperation.
      const err = await expectA2AError(
        s.slow().transport.getExtendedAgentCard({}),
        A2AErrorCode.UnsupportedOperation,
      );
      expect(err.reason).toBe("UNSUPPORTED_OPERATION");
    });
  }

  if (s.profile.extras.messageReply) {
    cell(s.c("send-message-reply"), async () => {
      const res = await s.client().sendMessage("message hi");
      expect("role" in res && res.role).toBe("ROLE_AGENT");
      expect("parts" in res && res.parts.map((p) => p.text).join("")).toBe("echo: message hi");
    });
  }

  if (s.profile.extras.inputRequired) {
    cell(s.c("input-required"), async () => {
      const first = (await s.client().sendMessage("input")) as Task;
      expect(first.status.state).toBe("TASK_STATE_INPUT_REQUIRED");
      const second = (await s.client().sendMessage("more", { taskId: first.id })) as Task;
      expect(second.id).toBe(first.id);
      expect(second.status.state).toBe("TASK_STATE_COMPLETED");
      expect(second.artifacts?.map((a) => a.parts.map((p) => p.text).join(""))).toContain(
        "echo: more",
      );
    });
  }

  if (s.profile.extras.fail) {
    cell(s.c("send-fail"), async () => {
      const res = await s.client().transport.sendMessage({
        message: { messageId: `m-${Date.now()}`, role: "ROLE_USER", parts: [{ text: "fail" }] },
      });
      expect(res.task?.status.state).toBe("TASK_STATE_FAILED");
    });
  }

  if (s.profile.extras.tenantEcho) {
    cell(s.c("tenant"), async (ctx) => {
      const urls: string[] = [];
      const recording: typeof fetch = (input, init) => {
        urls.push(input instanceof Request ? input.url : String(input));
        return fetch(input, init);
      };
      const scoped = await createClient(s.cardUrl(), {
        ...clientOptionsFor(s.name),
        tenant: "t1",
        fetch: recording,
      });
      try {
        const sent = scoped.sendMessage("tenant");
        if (s.binding !== "HTTP+JSON") {
          const task = (await sent) as Task;
          expect(task.artifacts?.[0]?.parts[0]?.text).toBe("tenant: t1");
          return;
        }
        // §11.3 + a2a.proto: REST paths are `/{tenant}/message:send` under the interface
        // URL. a2a-sdk mounts `/{tenant}` before its path prefix instead (DEVIATIONS.md #9),
        // so the spec-shaped request is not found there.
        await expect(sent).rejects.toBeInstanceOf(A2AError);
        markDeviation(ctx, "#9");
        const restUrl = scoped.agentInterface.url.replace(/\/$/, "");
        expect(urls).toContain(`${restUrl}/t1/message:send`);
      } finally {
        await scoped.close();
      }
    });
  }

  if (s.profile.extras.pushDelivery) {
    cell(s.c("push-delivery"), async () => {
      const hook = await startWebhookReceiver();
      try {
        const task = (await s.client().sendMessage(s.profile.echo.send, {
          pushNotificationConfig: { url: hook.url, token: "push-token" },
        })) as Task;
        const body = await hook.waitFor(
          (b) =>
            (b as { statusUpdate?: { status?: { state?: string } } }).statusUpdate?.status
              ?.state === "TASK_STATE_COMPLETED",
        );
        expect(body).toMatchObject({ statusUpdate: { taskId: task.id } });
      } finally {
        await hook.close();
      }
    });
  }
}
