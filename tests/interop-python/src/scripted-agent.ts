import type { AgentExecutor, RequestContext } from "@agentmesh/a2a-server";
import type { Message } from "@agentmesh/a2a-types";

/**
 * The same script as the Python peer's agent (py/scripted_agent.py), so one Python client
 * script can test both servers. The first word of the message text picks the behaviour:
 * `message` (direct reply), `stream N` (N chunks of artifact "stream"), `slow` (WORKING until
 * canceled), `input` (INPUT_REQUIRED, then echo), `fail` (FAILED), else echo.
 */
export function createScriptedExecutor(
  options: { onMessage?: (message: Message, context: RequestContext) => void } = {},
): AgentExecutor {
  return {
    async execute(context, events) {
      options.onMessage?.(context.message, context);
      const text = context.message.parts
        .flatMap((p) => (typeof p.text === "string" ? [p.text] : []))
        .join("\n");
      const [command = "", ...restWords] = text.trim().split(/\s+/);
      const rest = restWords.join(" ");
      const cmd = command.toLowerCase();

      if (context.task === undefined && cmd === "message") {
        await events.reply(`echo: ${text}`);
        return;
      }
      if (context.task?.status.state === "TASK_STATE_INPUT_REQUIRED") {
        await events.working();
        await events.artifact(`echo: ${text}`, {
          artifactId: "echo",
          name: "echo",
          lastChunk: true,
        });
        await events.complete();
        return;
      }
      await events.working();
      switch (cmd) {
        case "stream": {
          const n = /^\d+$/.test(rest) ? Number(rest) : 3;
          for (let i = 0; i < n; i++) {
            await events.artifact(`chunk-${i}`, {
              artifactId: "stream",
              name: "stream",
              append: i > 0,
              lastChunk: i === n - 1,
            });
          }
          await events.complete();
          return;
        }
        case "slow":
          await waitForAbort(context.signal, 60_000);
          return;
        case "input":
          await events.requireInput("need input");
          return;
        case "fail":
          await events.fail("failed on purpose");
          return;
        default:
          await events.artifact(`echo: ${text}`, {
            artifactId: "echo",
            name: "echo",
            lastChunk: true,
          });
          await events.complete();
      }
    },
    async cancel(_context, events) {
      await events.canceled();
    },
  };
}

function waitForAbort(signal: AbortSignal, maxMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, maxMs);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
