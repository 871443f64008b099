import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Folder of the Python peer scripts. */
export const PY_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "py");

const PY_ENV = {
  ...process.env,
  PYTHONUNBUFFERED: "1",
  PYTHONDONTWRITEBYTECODE: "1",
  NO_PROXY: "127.0.0.1,localhost",
};

/** A Python server started by a test. */
export interface PythonServer<T> {
  /** What the server printed on its ready line. */
  readonly info: T;
  /** Everything the server wrote to stderr so far (for failure messages). */
  stderr(): string;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s). */
  close(): Promise<void>;
}

/**
 * Starts `py/<script>` with the venv interpreter and waits for its one-line JSON ready
 * message. The server watches its stdin, so it also stops if this process dies.
 */
export async function startPythonServer<T>(
  python: string,
  script: string,
  options: { timeoutMs?: number } = {},
): Promise<PythonServer<T>> {
  const child = spawn(python, [join(PY_DIR, script), "--watch-stdin"], {
    cwd: PY_DIR,
    env: PY_ENV,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const info = await new Promise<T>((resolve, reject) => {
    let stdout = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new Error(
          `${script} did not report ready within ${options.timeoutMs ?? 60_000} ms:\n${stderr}`,
        ),
      );
    }, options.timeoutMs ?? 60_000);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      const line = stdout.split("\n").find((l) => l.startsWith("{"));
      if (line === undefined || !stdout.includes("\n")) return;
      clearTimeout(timer);
      resolve(JSON.parse(line) as T);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before it was ready:\n${stderr}`));
    });
    child.once("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
  return { info, stderr: () => stderr, close: () => stop(child) };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

/** One operation result printed by a Python client script. */
export interface PythonOpResult {
  op: string;
  ok: boolean;
  detail?: Record<string, unknown>;
  error?: string;
  trace?: string;
}

/** What a Python client script prints. */
export interface PythonRun {
  peer: string;
  binding: string;
  results: PythonOpResult[];
}

/**
 * Runs a Python client script to completion and parses the JSON it prints on stdout.
 * Rejects with stderr when it exits non-zero, prints no JSON, or runs over `timeoutMs`.
 */
export function runPythonClient(
  python: string,
  script: string,
  args: readonly string[],
  options: { timeoutMs?: number } = {},
): Promise<PythonRun> {
  const timeoutMs = options.timeoutMs ?? 90_000;
  return new Promise((resolve, reject) => {
    const child = spawn(python, [join(PY_DIR, script), ...args], {
      cwd: PY_DIR,
      env: PY_ENV,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => {
      stdout += c;
    });
    child.stderr.setEncoding("utf8").on("data", (c: string) => {
      stderr += c;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      const line = stdout
        .trim()
        .split("\n")
        .reverse()
        .find((l) => l.startsWith("{"));
      if (code !== 0 || line === undefined) {
        reject(
          new Error(
            `${script} ${args.join(" ")} ended with ${signal ?? code}:\n${stdout}\n${stderr}`,
          ),
        );
        return;
      }
      resolve(JSON.parse(line) as PythonRun);
    });
  });
}

/** The result of one operation of a run; throws with the script's own message when it failed. */
export function expectOp(run: PythonRun, op: string): Record<string, unknown> {
  const result = run.results.find((r) => r.op === op);
  if (!result) {
    const failed = run.results.filter((r) => !r.ok).map((r) => `${r.op}: ${r.error}`);
    throw new Error(
      `${run.peer} client did not run '${op}' (${failed.join("; ") || "no failure recorded"})`,
    );
  }
  if (!result.ok)
    throw new Error(
      `${run.peer} client, ${run.binding}, ${op}: ${result.error}\n${result.trace ?? ""}`,
    );
  return result.detail ?? {};
}
