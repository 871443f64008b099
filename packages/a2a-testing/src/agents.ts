/**
 * Scripted executors for tests: small, deterministic agents covering each lifecycle an A2A
 * client meets (echo, streaming, input-required, auth-required, failure, rejection, slow and
 * cancellable work, a direct message reply).
 */
import type { AgentExecutor, ExecutionEvents, RequestContext } from "@agentmesh/a2a-server";
import { getText } from "@agentmesh/a2a-types";

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) return resolve();
    const timer = setTimeout(resolve, ms);
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

/** Options of {@link echoAgent}. */
export interface EchoAgentOptions {
  /** Put before the echoed text. Default `""` (the text comes back as is). */
  prefix?: string;
}

/**
 * Completes a task with one artifact (named `echo`) holding the incoming text.
 *
 * @example
 * ```ts
 * const { clients, close } = await startTestServer(echoAgent({ prefix: "echo: " }));
 * ```
 */
export function echoAgent(options: EchoAgentOptions = {}): AgentExecutor {
  const prefix = options.prefix ?? "";
  return {
    async execute(ctx, events) {
      await events.artifact(`${prefix}${getText(ctx.message)}`, { name: "echo", lastChunk: true });
      await events.complete();
    },
  };
}

/** Options of {@link streamingAgent}. */
export interface StreamingAgentOptions {
  /** Number of artifact chunks. Default `5`. */
  chunks?: number;
  /** Text of chunk `i` (0-based). Default `` `chunk ${i}` `` followed by a space except the last. */
  chunk?: (i: number) => string;
  /** Pause between chunks in ms. Default `0` (still yields to the event loop). */
  delayMs?: number;
}

/** Streams one artifact (named `stream`) in N append chunks, then completes. Honours cancel. */
export function streamingAgent(options: StreamingAgentOptions = {}): AgentExecutor {
  const n = options.chunks ?? 5;
  const text = options.chunk ?? ((i: number) => (i === n - 1 ? `chunk ${i}` : `chunk ${i} `));
  return {
    async execute(ctx, events) {
      await events.working();
      let id: string | undefined;
      for (let i = 0; i < n; i++) {
        if (ctx.signal.aborted) return;
        id = await events.artifact(text(i), {
          name: "stream",
          append: i > 0,
          lastChunk: i === n - 1,
          ...(id ? { artifactId: id } : {}),
        });
        await sleep(options.delayMs ?? 0, ctx.signal);
      }
      await events.complete();
    },
  };
}

/** Options of {@link inputRequiredAgent}. */
export interface InputRequiredAgentOptions {
  /** What the agent asks. Default `"What is your name?"`. */
  prompt?: string;
  /** The artifact text built from the answer. Default `` `Hello, ${answer}!` ``. */
  answer?: (reply: string) => string;
}

/**
 * First turn: INPUT_REQUIRED with `prompt`. A follow-up message on the same task completes it
 * with an artifact (named `answer`) built from the reply.
 */
export function inputRequiredAgent(options: InputRequiredAgentOptions = {}): AgentExecutor {
  const prompt = options.prompt ?? "What is your name?";
  const answer = options.answer ?? ((reply: string) => `Hello, ${reply}!`);
  return {
    async execute(ctx, events) {
      if (!ctx.task) {
        await events.requireInput(prompt);
        return;
      }
      await events.artifact(answer(getText(ctx.message)), { name: "answer", lastChunk: true });
      await events.complete();
    },
  };
}

/** Interrupts every new task with AUTH_REQUIRED (and an explanatory message). */
export function authRequiredAgent(message = "Please sign in to continue."): AgentExecutor {
  return {
    async execute(ctx, events) {
      if (ctx.task) {
        await events.complete("Signed in, thanks.");
        return;
      }
      await events.requireAuth(message);
    },
  };
}

/** Ends every task FAILED with `message`. */
export function failingAgent(message = "The agent failed on purpose."): AgentExecutor {
  return {
    async execute(_ctx, events) {
      await events.working();
      await events.fail(message);
    },
  };
}

/** Throws from `execute` (the server must end the task FAILED and keep serving). */
export function throwingAgent(error: unknown = new Error("boom")): AgentExecutor {
  return {
    async execute() {
      throw error;
    },
  };
}

/** Ends every task REJECTED with `reason`. */
export function rejectingAgent(reason = "I will not do that."): AgentExecutor {
  return {
    async execute(_ctx, events) {
      await events.reject(reason);
    },
  };
}

/** Answers every message with a direct Message (no task). */
export function messageAgent(reply: string | ((text: string) => string) = (t) => t): AgentExecutor {
  return {
    async execute(ctx, events) {
      await events.reply(typeof reply === "string" ? reply : reply(getText(ctx.message)));
    },
  };
}

/** Options of {@link slowAgent}. */
export interface SlowAgentOptions {
  /** Number of progress steps, one artifact chunk each. Default `100`. */
  steps?: number;
  /** Pause per step in ms. Default `50`. */
  stepMs?: number;
}

/**
 * Works slowly (a chunk per step) and stops as soon as its task is canceled; completes after
 * the last step. `stats` counts started, canceled and finished executions for assertions.
 */
export function slowAgent(options: SlowAgentOptions = {}): AgentExecutor & {
  readonly stats: { started: number; canceled: number; finished: number };
} {
  const steps = options.steps ?? 100;
  const stepMs = options.stepMs ?? 50;
  const stats = { started: 0, canceled: 0, finished: 0 };
  return {
    stats,
    async execute(ctx: RequestContext, events: ExecutionEvents) {
      stats.started++;
      await events.working("working slowly");
      let id: string | undefined;
      for (let i = 0; i < steps; i++) {
        await sleep(stepMs, ctx.signal);
        if (ctx.signal.aborted) return;
        id = await events.artifact(`step ${i + 1}\n`, {
          name: "progress",
          append: id !== undefined,
          lastChunk: i === steps - 1,
          ...(id ? { artifactId: id } : {}),
        });
      }
      stats.finished++;
      await events.complete("done");
    },
    async cancel(_ctx, events) {
      stats.canceled++;
      await events.canceled("canceled by request");
    },
  };
}
