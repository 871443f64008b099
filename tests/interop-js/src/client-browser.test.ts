// The client bundled for the browser (esbuild, platform "browser", main entry only) talks to a
// running agentmesh server from headless Chromium (Debian's chromium, driven by
// playwright-core) over JSON-RPC, REST and gRPC-Web. The test installs chromium with apt when
// it is missing, and skips with a printed reason only when that is impossible.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH_HEADERS, type TestServer, startAgentmeshServer } from "./client-support.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../../..");
/** Debian's chromium; `CHROMIUM_PATH` points elsewhere. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Installs Debian's chromium when missing; returns why it cannot, or undefined when ready. */
function ensureChromium(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const apt = ["/usr/bin/apt-get", "/bin/apt-get"].find((p) => existsSync(p));
  if (!apt) return "chromium is missing and apt-get is not available to install it";
  if (process.getuid?.() !== 0)
    return "chromium is missing and installing it with apt-get needs root";
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  try {
    execFileSync(apt, ["install", "-y", "chromium"], { stdio: "ignore", env, timeout: 600_000 });
  } catch {
    try {
      execFileSync(apt, ["update"], { stdio: "ignore", env, timeout: 300_000 });
      execFileSync(apt, ["install", "-y", "chromium"], { stdio: "ignore", env, timeout: 600_000 });
    } catch (err) {
      return `apt-get install chromium failed: ${(err as Error).message}`;
    }
  }
  return existsSync(CHROMIUM) ? undefined : `apt-get installed chromium but ${CHROMIUM} is missing`;
}

const skipReason = ensureChromium();
if (skipReason) console.warn(`[client-browser] skipped: ${skipReason}`);

/** What the page runs: the main entry of the client, nothing Node-specific. */
const ENTRY = `
import { createClient } from "@agentmesh/a2a-client";
globalThis.runClient = async (cardUrl, prefer, auth) => {
  const client = await createClient(cardUrl, { prefer, headers: { authorization: auth } });
  const task = await client.sendMessage("hello from the browser");
  const kinds = [];
  let text = "";
  for await (const ev of client.stream("streamed in chromium")) {
    kinds.push(ev.kind);
    if (ev.kind === "TextArtifact") text = ev.text;
  }
  const listed = [];
  for await (const t of client.listAllTasks({ pageSize: 2 })) listed.push(t.id);
  const got = await client.getTask(task.id);
  await client.close();
  return {
    binding: client.binding,
    url: client.agentInterface.url,
    card: client.card.name,
    state: task.status.state,
    got: got.id === task.id,
    listed: listed.includes(task.id),
    first: kinds[0],
    text,
  };
};
`;

/** The bits of esbuild (a dependency of tsup) and playwright-core this test uses. */
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ outputFiles: { text: string }[] }>;
}
interface Page {
  goto(url: string): Promise<unknown>;
  addScriptTag(options: { content: string }): Promise<unknown>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  close(): Promise<void>;
}
interface Browser {
  newPage(): Promise<Page>;
  close(): Promise<void>;
}
interface Chromium {
  launch(options: { executablePath: string; args: string[]; headless: boolean }): Promise<Browser>;
}

async function bundle(): Promise<string> {
  const requireHere = createRequire(join(root, "package.json"));
  const esbuild = createRequire(requireHere.resolve("tsup"))("esbuild") as Esbuild;
  const out = await esbuild.build({
    stdin: { contents: ENTRY, resolveDir: here, loader: "js" },
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    logLevel: "silent",
  });
  return out.outputFiles[0]?.text ?? "";
}

describe.skipIf(skipReason !== undefined)("browser (headless chromium)", () => {
  let srv: TestServer;
  let code: string;
  let browser: Browser;
  beforeAll(async () => {
    // playwright-core is a devDependency of @agentmesh/a2a-client.
    const requireClient = createRequire(join(root, "packages", "a2a-client", "package.json"));
    const { chromium } = requireClient("playwright-core") as { chromium: Chromium };
    [srv, code, browser] = await Promise.all([
      startAgentmeshServer({ grpc: "web" }),
      bundle(),
      chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true }),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.close();
  });

  it("the browser bundle has no Node built-ins", () => {
    expect(code.length).toBeGreaterThan(1000);
    expect(code).not.toMatch(/require\(["']node:/);
    expect(code).not.toMatch(/from ["']node:/);
  });

  it.each(["jsonrpc", "rest", "grpc"] as const)(
    "talks %s from the page",
    { timeout: 60_000 },
    async (prefer) => {
      const page = await browser.newPage();
      try {
        await page.goto(srv.running.cardUrl); // same origin as the server: no CORS involved
        await page.addScriptTag({ content: code });
        const result = await page.evaluate(
          ([cardUrl, p, auth]) =>
            (
              globalThis as unknown as {
                runClient: (a: string, b: string, c: string) => Promise<unknown>;
              }
            ).runClient(cardUrl, p, auth),
          [srv.running.url, prefer, AUTH_HEADERS.authorization] as const,
        );
        expect(result).toEqual({
          binding: prefer,
          url: expect.stringMatching(
            prefer === "grpc" ? /\/a2a\/grpc$/ : /^http:\/\/127\.0\.0\.1:/,
          ),
          card: "agentmesh-test (extended)",
          state: "TASK_STATE_COMPLETED",
          got: true,
          listed: true,
          first: "TaskSnapshot",
          text: "echo: streamed in chromium",
        });
      } finally {
        await page.close();
      }
    },
  );
});
