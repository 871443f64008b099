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

/** Sequential calls for `SECONDS` after a warm-up; returns requests per second. */
async function drive(call: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 200; i++) await call();
  const end = performance.now() + SECONDS * 1000;
  let n = 0;
  const start = performance.now();
  while (performance.now() < end) {
    await call();
    n++;
  }
  return n / ((performance.now() - start) / 1000);
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

/** Median ms of `import(specifier)` in a fresh Node process (cwd: bench/). */
function coldImport(specifier: string): number {
  const code = `const t = performance.now(); await import(${JSON.stringify(specifier)}); process.stdout.write(String(performance.now() - t));`;
  const times: number[] = [];
  for (let i = 0; i < IMPORT_RUNS; i++) {
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", code], {
      cwd: join(here, ".."),
    });
    times.push(Number(out.toString()));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

const { url, child } = await startServer();
const results: Record<string, unknown> = { date: new Date().toISOString(), seconds: SECONDS };
try {
  const throughput: Record<string, { agentmesh: number; sdk: number; ratio: number }> = {};
  for (const b of BINDINGS) {
    const ours = await createClient(url, { prefer: b.ours });
    const oursRps = await drive(() => ours.sendMessage("ping"));
    await ours.close();

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
    const sdkRps = await drive(() => sdk.sendMessage({ message: sdkMessage("ping") } as never));

    throughput[b.ours] = {
      agentmesh: round(oursRps),
      sdk: round(sdkRps),
      ratio: round(oursRps / sdkRps, 2),
    };
    console.log(
      `${b.ours.padEnd(8)} sequential SendMessage: agentmesh ${round(oursRps)} req/s, @a2a-js/sdk ${round(sdkRps)} req/s, ratio ${round(oursRps / sdkRps, 2)}`,
    );
  }
  results["requestsPerSecond"] = throughput;

  const imports = {
    "@agentmesh/a2a-client": coldImport("@agentmesh/a2a-client"),
    "@agentmesh/a2a-client/node": coldImport("@agentmesh/a2a-client/node"),
    "@a2a-js/sdk/client": coldImport("@a2a-js/sdk/client"),
  };
  const ratio = imports["@agentmesh/a2a-client"] / imports["@a2a-js/sdk/client"];
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
