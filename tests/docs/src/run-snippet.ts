/**
 * Runs one README snippet as its own Node process (`node --import tsx`), with the network
 * guard preloaded and a hard timeout, and reports how it ended.
 */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The docs-tests package folder (`tests/docs`). */
export const DOCS_DIR = fileURLToPath(new URL("..", import.meta.url));
/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url));
/**
 * Where snippets are written: inside `tests/docs`, so `@agentmesh/*` resolve through the
 * workspace links in `tests/docs/node_modules`, but under `node_modules/.cache` so neither git
 * nor biome sees them. They stay after the run, to rerun a failing one by hand.
 */
export const SNIPPET_DIR = join(DOCS_DIR, "node_modules", ".cache", "readme-snippets");

const GUARD = fileURLToPath(new URL("./network-guard.ts", import.meta.url));

/** Options of {@link runSnippet}. */
export interface RunSnippetOptions {
  /** File name (without extension) for the snippet, unique per block. */
  name: string;
  /** Kill the process after this many ms. Default `60_000`. */
  timeoutMs?: number;
}

/** How a snippet run ended. */
export interface SnippetResult {
  /** The file that was run (absolute). */
  readonly file: string;
  /** Exit code, or `null` when killed. */
  readonly exitCode: number | null;
  /** True when the timeout killed it (a server or a client left open). */
  readonly timedOut: boolean;
  /** stdout and stderr, interleaved as they arrived. */
  readonly output: string;
  /** The command to rerun it by hand from `tests/docs`. */
  readonly rerun: string;
}

/**
 * Writes `code` to `<SNIPPET_DIR>/<name>.mts` (`.mts`: always an ES module, so top-level
 * `await` works) and runs it with `node --import tsx --import <network guard>`.
 */
export function runSnippet(code: string, options: RunSnippetOptions): Promise<SnippetResult> {
  mkdirSync(SNIPPET_DIR, { recursive: true });
  const file = join(SNIPPET_DIR, `${options.name}.mts`);
  writeFileSync(file, code);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith("VITEST") && k !== "NODE_OPTIONS" && k !== "TSX_TSCONFIG_PATH") env[k] = v;
  }
  const args = ["--import", "tsx", "--import", GUARD, file];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: DOCS_DIR, env, stdio: "pipe" });
    let output = "";
    const add = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.length > 200_000) output = output.slice(-100_000);
    };
    child.stdout.on("data", add);
    child.stderr.on("data", add);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.once("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once("close", (exitCode) => {
      clearTimeout(timer);
      resolve({
        file,
        exitCode,
        timedOut,
        output,
        rerun: `cd tests/docs && node --import tsx ${file.slice(DOCS_DIR.length)}`,
      });
    });
  });
}

/** A fixed, non-zero port in a snippet (`port: 8080`, `.listen(8080)`), or undefined. */
export function fixedPort(code: string): string | undefined {
  const withoutComments = code.replace(/\/\/.*$/gm, "").replace(/\/\*[\s\S]*?\*\//g, "");
  const m =
    /\b\w*[pP]ort\s*:\s*([1-9]\d*)\b/.exec(withoutComments) ??
    /\.listen\(\s*([1-9]\d*)\b/.exec(withoutComments);
  return m?.[0];
}

/** The last `maxLines` lines of `text`. */
export function tail(text: string, maxLines = 60): string {
  const lines = text.trimEnd().split("\n");
  return lines.length <= maxLines
    ? lines.join("\n")
    : [`… (${lines.length - maxLines} lines above)`, ...lines.slice(-maxLines)].join("\n");
}
