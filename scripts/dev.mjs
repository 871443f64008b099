#!/usr/bin/env node
// Entry point behind `npm test`, `npm run demo`, `npm run build` and `npm run bench`.
// Works on a machine that has only Node and npm: it installs the pinned pnpm into
// .tools/ (no global install), installs the workspace from the lockfile, then runs turbo.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const pnpmVersion = pkg.packageManager.replace(/^pnpm@/, "");
const toolsDir = join(root, ".tools", `pnpm-${pnpmVersion}`);
const pnpmBin = join(toolsDir, "node_modules", "pnpm", "bin", "pnpm.cjs");

const env = {
  ...process.env,
  // turbo looks pnpm up on PATH: put the pinned copy first.
  PATH: `${join(toolsDir, "node_modules", ".bin")}${process.platform === "win32" ? ";" : ":"}${process.env.PATH ?? ""}`,
  TURBO_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
  COREPACK_ENABLE_STRICT: "0",
};

function run(cmd, args, opts = {}) {
  const label = [cmd === process.execPath ? "node" : cmd, ...args].join(" ");
  console.log(`\n$ ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env, ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) {
    console.error(`\n✗ failed (exit ${r.status}): ${label}`);
    process.exit(r.status ?? 1);
  }
}

function ensurePnpm() {
  if (existsSync(pnpmBin)) return;
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  run(npm, [
    "install",
    "--prefix",
    toolsDir,
    "--no-save",
    "--no-package-lock",
    "--no-audit",
    "--no-fund",
    "--loglevel=error",
    `pnpm@${pnpmVersion}`,
  ]);
}

const pnpm = (...args) => run(process.execPath, [pnpmBin, ...args]);

/**
 * Runs pnpm with its output streamed through, adding up vitest's per-package
 * "Tests  N passed | M failed" lines, and prints one closing total line.
 */
function pnpmCountingTests(...args) {
  const label = ["pnpm", ...args].join(" ");
  console.log(`\n$ ${label}`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [pnpmBin, ...args], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    let rest = "";
    const count = (line) => {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colours
      const plain = line.replace(/\u001b\[[0-9;]*m/g, "");
      const m = /\bTests\s+(.*)\(\d+\)\s*$/.exec(plain);
      if (!m) return;
      passed += Number(/(\d+) passed/.exec(m[1])?.[1] ?? 0);
      failed += Number(/(\d+) failed/.exec(m[1])?.[1] ?? 0);
      skipped += Number(/(\d+) skipped/.exec(m[1])?.[1] ?? 0);
    };
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      const lines = (rest + chunk.toString("utf8")).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) count(line);
    });
    child.on("close", (code) => {
      if (rest) count(rest);
      console.log(
        `\nTests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`,
      );
      if (code !== 0) {
        console.error(`\n✗ failed (exit ${code}): ${label}`);
        process.exit(code ?? 1);
      }
      resolve();
    });
  });
}

function install() {
  ensurePnpm();
  const frozen = existsSync(join(root, "pnpm-lock.yaml")) ? ["--frozen-lockfile"] : [];
  pnpm("install", ...frozen, "--prefer-offline", "--reporter=append-only");
}

const [task = "test", ...rest] = process.argv.slice(2);
switch (task) {
  case "install":
    install();
    break;
  case "build":
    install();
    pnpm("exec", "turbo", "run", "build", ...rest);
    break;
  case "test":
    install();
    pnpm("exec", "biome", "check", ".");
    await pnpmCountingTests(
      "exec",
      "turbo",
      "run",
      "generate",
      "build",
      "typecheck",
      "test",
      "--concurrency=2",
      ...rest,
    );
    break;
  case "demo":
    install();
    pnpm("exec", "turbo", "run", "build", "--filter=@agentmesh/demo...");
    pnpm("--filter", "@agentmesh/demo", "run", "demo", ...rest);
    break;
  case "bench":
    install();
    pnpm("exec", "turbo", "run", "build");
    pnpm("--filter", "@agentmesh/bench", "run", "bench", ...rest);
    break;
  case "pnpm":
    ensurePnpm();
    pnpm(...rest);
    break;
  default:
    console.error(`unknown task '${task}': use install | build | test | demo | bench | pnpm`);
    process.exit(2);
}
