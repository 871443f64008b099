/**
 * The delegation demo: a concierge agent that, while executing, hands trip planning to the
 * remote travel planner through the A2A client as a sub-task and streams its progress into
 * its own task.
 */
import { createClient } from "@agentmesh/a2a-client/node";
import type { AgentDescription, AgentExecutor } from "@agentmesh/a2a-server";
import { getText } from "@agentmesh/a2a-types";

/** The card description of the concierge. */
export const conciergeAgent: AgentDescription = {
  name: "Concierge",
  description: "Front desk agent: delegates trip planning to a remote travel planner over A2A.",
  version: "1.0.0",
  skills: [
    {
      id: "delegate-trip",
      name: "Delegate trip planning",
      description: "Asks the remote travel planner for an itinerary and relays it as it streams.",
      tags: ["delegation", "travel"],
      examples: ["Plan a trip to Paris for 2 days"],
    },
  ],
};

/** The concierge's executor; `travelCardUrl` is where the travel planner's card is served. */
export function createConciergeExecutor(options: {
  travelCardUrl: string;
  prefer?: "jsonrpc" | "rest" | "grpc";
}): AgentExecutor {
  return {
    async execute(ctx, events) {
      const request = getText(ctx.message);
      await events.working("Asking the travel planner…");
      const planner = await createClient(options.travelCardUrl, {
        prefer: options.prefer ?? "grpc",
      });
      try {
        let artifactId: string | undefined;
        let lastText = "";
        for await (const ev of planner.stream(request, { signal: ctx.signal })) {
          if (ev.kind === "TaskArtifactUpdate") {
            const chunk = ev.artifact.parts.map((p) => ("text" in p ? p.text : "")).join("");
            artifactId = await events.artifact(`[travel planner] ${chunk}`, {
              name: "delegated-itinerary",
              append: artifactId !== undefined,
              lastChunk: ev.lastChunk,
              ...(artifactId ? { artifactId } : {}),
            });
          } else if (ev.kind === "TaskStatusUpdate") {
            lastText = ev.status.message ? getText(ev.status.message) : lastText;
            if (ev.status.state === "TASK_STATE_INPUT_REQUIRED") {
              await events.requireInput(`The travel planner asks: ${lastText}`);
              return;
            }
            if (ev.status.state !== "TASK_STATE_COMPLETED") {
              await events.working(`travel planner: ${ev.status.state}`);
            }
          }
        }
        await events.complete(`Done. The planner said: ${lastText}`);
      } finally {
        await planner.close();
      }
    },
  };
}
