#!/usr/bin/env node
// Entry point behind `npm test`, `npm run demo`, `npm run build` and `npm run bench`.
// Works on a machine that has only Node and npm: it installs the pinned pnpm into
// .tools/ (no global install), installs the workspace from the lockfile, then runs turbo.
import { spawnSync } from "node:child_process";
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
    pnpm(
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
