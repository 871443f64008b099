/**
 * Registers the conformance cases with the test runner in use (vitest, jest, node:test…): one
 * `describe` per target, one test per case.
 */
import {
  type A2AClient,
  type BindingName,
  type ClientOptions,
  createClient,
} from "@agentmesh/a2a-client";
import { type ConformanceCase, conformanceCases } from "./cases.js";
import type { ConformanceContext } from "./context.js";

type Fn = () => void | Promise<void>;

/** The runner's functions: vitest's `{ describe, it, beforeAll, afterAll }` or node:test's `{ describe, it, before, after }`. */
export interface ConformanceRunner {
  describe(name: string, fn: () => void): unknown;
  it(name: string, fn: Fn): unknown;
  beforeAll?(fn: Fn): unknown;
  afterAll?(fn: Fn): unknown;
  before?(fn: Fn): unknown;
  after?(fn: Fn): unknown;
}

/** The server under test. */
export interface ConformanceTarget {
  /** A name for the describe block. */
  name?: string;
  /** The binding to check. */
  binding: BindingName;
  /**
   * Starts (or locates) the server; returns its card URL (HTTP base) and, optionally, a stop
   * function called after the cases.
   */
  start(): Promise<{ cardUrl: string; close?: () => Promise<void> }>;
  /** A message text the agent answers by ending a task terminal. Default `"hello"`. */
  completingText?: string;
  /** Extra client options (headers for auth, a custom fetch, grpcTransport…). Default: none. */
  client?: Omit<ClientOptions, "prefer">;
  /** `createClient` to use (e.g. the one of `@agentmesh/a2a-client/node` for native gRPC). Default: the main entry's. */
  createClient?: (cardUrl: string, options: ClientOptions) => Promise<A2AClient>;
  /** Case ids to leave out, each with the reason (printed in the test name). Default: none. */
  knownFailing?: Readonly<Record<string, string>>;
  /** Only these cases. Default: all of {@link conformanceCases}. */
  cases?: readonly ConformanceCase[];
}

/**
 * Registers the A2A conformance cases for `target` with `runner`.
 *
 * @example
 * ```ts
 * import { describe, it, beforeAll, afterAll } from "vitest";
 * describeA2AConformance({ binding: "rest", start: async () => ({ cardUrl: myServer.url }) },
 *   { describe, it, beforeAll, afterAll });
 * ```
 */
export function describeA2AConformance(target: ConformanceTarget, runner: ConformanceRunner): void {
  const before = runner.beforeAll ?? runner.before;
  const after = runner.afterAll ?? runner.after;
  if (!before || !after) {
    throw new TypeError(
      "describeA2AConformance: the runner needs beforeAll/afterAll (or before/after)",
    );
  }
  const cases = target.cases ?? conformanceCases;
  runner.describe(target.name ?? `A2A conformance (${target.binding})`, () => {
    let ctx: ConformanceContext | undefined;
    let stop: (() => Promise<void>) | undefined;
    let client: A2AClient | undefined;
    before(async () => {
      const started = await target.start();
      stop = started.close;
      const make = target.createClient ?? createClient;
      client = await make(started.cardUrl, { ...target.client, prefer: target.binding });
      const f = target.client?.fetch ?? globalThis.fetch;
      ctx = {
        binding: target.binding,
        cardUrl: started.cardUrl,
        client,
        transport: client.transport,
        card: client.card,
        fetch: f,
        completingText: target.completingText ?? "hello",
        tenant: client.tenant,
      };
    });
    after(async () => {
      await client?.close();
      await stop?.();
    });
    for (const c of cases) {
      const reason = target.knownFailing?.[c.id];
      if (reason !== undefined) {
        runner.it(`${c.section} ${c.title} — known failing: ${reason}`, () => {});
        continue;
      }
      runner.it(`${c.section} ${c.title} [${c.id}]`, async () => {
        if (!ctx) throw new Error("conformance: the target did not start");
        await c.run(ctx);
      });
    }
  });
}
