// bench/client: what one client drives against a fixed fast server (requests/s of sequential
// SendMessage, per binding) and the cold import time of the client entry, for
// @agentmesh/a2a-client and @a2a-js/sdk's client in the same run. The server runs in its own
// process (pinned to another core when `taskset` exists).
// Run: `npm run bench -- client` (BENCH_SECONDS=n per measurement, default 3).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Message, Role } from "@a2a-js/sdk";
import {
  ClientFactory,
  ClientFactoryOptions,
  JsonRpcTransportFactory,
  RestTransportFactory,
} from "@a2a-js/sdk/client";
import { GrpcTransportFactory } from "@a2a-js/sdk/client/grpc";
import { createClient } from "@agentmesh/a2a-client/node";

const here = dirname(fileURLToPath(import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const IMPORT_RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 9);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const BINDINGS = [
  { ours: "jsonrpc", sdk: "JSONRPC" },
  { ours: "rest", sdk: "HTTP+JSON" },
  { ours: "grpc", sdk: "GRPC" },
] as const;

function hasTaskset(): boolean {
  try {
    execFileSync("taskset", ["-V"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const args = [process.execPath, "--import", "tsx", join(here, "server.ts")];
  const [cmd, argv] = hasTaskset()
    ? ["taskset", ["-c", "0", ...args]]
    : [args[0] as string, args.slice(1)];
  const child = spawn(cmd, argv, { cwd: here, stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (c: Buffer) => {
      out += c.toString();
      if (out.includes("\n")) resolve(out.split("\n")[0]?.trim() ?? "");
    });
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { url, child };
}

/** Sequential calls for `ms` milliseconds; returns requests per second. */
async function runFor(call: () => Promise<unknown>, ms: number): Promise<number> {
  let n = 0;
  const start = performance.now();
  const end = start + ms;
  while (performance.now() < end) {
    await call();
    n++;
  }
  return n / ((performance.now() - start) / 1000);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

/**
 * Every contender after 200 warm-up calls each, then `ROUNDS` short rounds whose order
 * rotates (each contender gets `SECONDS` in total), so a load spike on the shared machine
 * hits all of them; returns each one's median requests/s and the median of its per-round
 * ratios to the last contender (the SDK).
 */
async function contest(
  calls: readonly (() => Promise<unknown>)[],
): Promise<{ rps: number; ratio: number }[]> {
  for (const call of calls) for (let i = 0; i < 200; i++) await call();
  const ms = (SECONDS * 1000) / ROUNDS;
  const rps = calls.map(() => [] as number[]);
  for (let i = 0; i < ROUNDS; i++) {
    const got: number[] = [];
    for (let k = 0; k < calls.length; k++) {
      const c = (k + i) % calls.length;
      got[c] = await runFor(calls[c] as () => Promise<unknown>, ms);
    }
    got.forEach((v, c) => {
      rps[c]?.push(v);
    });
  }
  const base = rps[rps.length - 1] ?? [];
  return rps.map((xs) => ({
    rps: median(xs),
    ratio: median(xs.map((x, i) => x / (base[i] ?? Number.NaN))),
  }));
}

function sdkMessage(text: string): Message {
  return {
    messageId: crypto.randomUUID(),
    contextId: "",
    taskId: "",
    role: Role.ROLE_USER,
    parts: [
      { content: { $case: "text", value: text }, metadata: undefined, filename: "", mediaType: "" },
    ],
    metadata: undefined,
    extensions: [],
    referenceTaskIds: [],
  } as Message;
}

/**
 * Median ms of `import(specifier)` in fresh Node processes (cwd: bench/), for each specifier;
 * the specifiers take turns, so load on the shared machine spreads over all of them.
 */
function coldImports(specifiers: readonly string[]): Record<string, number> {
  const times = new Map<string, number[]>(specifiers.map((s) => [s, []]));
  for (let i = 0; i < IMPORT_RUNS; i++) {
    for (const specifier of specifiers) {
      const code = `const t = performance.now(); await import(${JSON.stringify(specifier)}); process.stdout.write(String(performance.now() - t));`;
      const out = execFileSync(process.execPath, ["--input-type=module", "-e", code], {
        cwd: join(here, ".."),
      });
      times.get(specifier)?.push(Number(out.toString()));
    }
  }
  return Object.fromEntries([...times].map(([k, v]) => [k, median(v)]));
}

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

const { url, child } = await startServer();
const results: Record<string, unknown> = { date: new Date().toISOString(), seconds: SECONDS };
try {
  const throughput: Record<string, Record<string, number>> = {};
  for (const b of BINDINGS) {
    const ours = await createClient(url, { prefer: b.ours });
    // The HTTP bindings once more with the built-in fetch (undici), the default before the
    // node entry switched to its keep-alive node:http fetch.
    const oursUndici =
      b.ours === "grpc"
        ? undefined
        : await createClient(url, { prefer: b.ours, fetch: globalThis.fetch });
    const factory = new ClientFactory(
      ClientFactoryOptions.createFrom(ClientFactoryOptions.default, {
        transports: [
          new JsonRpcTransportFactory(),
          new RestTransportFactory(),
          new GrpcTransportFactory(),
        ],
        preferredTransports: [b.sdk],
      }),
    );
    const sdk = await factory.createFromUrl(url);
    const calls = [
      () => ours.sendMessage("ping"),
      ...(oursUndici ? [() => oursUndici.sendMessage("ping")] : []),
      () => sdk.sendMessage({ message: sdkMessage("ping") } as never),
    ];
    const got = await contest(calls);
    await ours.close();
    await oursUndici?.close();
    const o = got[0] as { rps: number; ratio: number };
    const s = got[got.length - 1] as { rps: number; ratio: number };
    const u = oursUndici ? got[1] : undefined;
    throughput[b.ours] = {
      agentmesh: round(o.rps),
      ...(u ? { agentmeshBuiltinFetch: round(u.rps), ratioBuiltinFetch: round(u.ratio, 2) } : {}),
      sdk: round(s.rps),
      ratio: round(o.ratio, 2),
    };
    console.log(
      `${b.ours.padEnd(8)} sequential SendMessage: agentmesh ${round(o.rps)} req/s` +
        (u ? `, agentmesh with built-in fetch ${round(u.rps)} req/s` : "") +
        `, @a2a-js/sdk ${round(s.rps)} req/s; ratio ${round(o.ratio, 2)}` +
        (u ? ` (built-in fetch: ${round(u.ratio, 2)})` : "") +
        ` (medians of ${ROUNDS} rotating rounds)`,
    );
  }
  results["requestsPerSecond"] = throughput;

  const imports = coldImports([
    "@agentmesh/a2a-client",
    "@agentmesh/a2a-client/node",
    "@a2a-js/sdk/client",
  ]);
  const ratio =
    (imports["@agentmesh/a2a-client"] ?? Number.NaN) /
    (imports["@a2a-js/sdk/client"] ?? Number.NaN);
  for (const [k, v] of Object.entries(imports))
    console.log(`cold import ${k}: ${round(v)} ms (median of ${IMPORT_RUNS})`);
  console.log(`cold import ratio agentmesh/sdk: ${round(ratio, 2)}`);
  results["coldImportMs"] = {
    ...Object.fromEntries(Object.entries(imports).map(([k, v]) => [k, round(v)])),
    ratio: round(ratio, 2),
  };
} finally {
  child.kill("SIGKILL");
}
mkdirSync(join(here, "..", "results"), { recursive: true });
writeFileSync(join(here, "..", "results", "client.json"), `${JSON.stringify(results, null, 2)}\n`);
