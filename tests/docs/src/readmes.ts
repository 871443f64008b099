/**
 * Which READMEs the docs test reads, and the allowlist of their known-failing blocks.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DOCS_DIR, REPO_ROOT } from "./run-snippet.js";

/** A README, by its path relative to the repository root (forward slashes). */
export interface Readme {
  /** e.g. `packages/a2a-server/README.md`. */
  readonly path: string;
  /** Absolute path. */
  readonly file: string;
}

/** The root README, then every `packages/<name>/README.md` and `apps/<name>/README.md` that exists. */
export function findReadmes(root = REPO_ROOT): Readme[] {
  const out: Readme[] = [{ path: "README.md", file: join(root, "README.md") }];
  for (const dir of ["packages", "apps"]) {
    for (const name of listDirs(join(root, dir))) {
      const file = join(root, dir, name, "README.md");
      if (existsSync(file)) out.push({ path: `${dir}/${name}/README.md`, file });
    }
  }
  return out;
}

/** The package folders under `packages/` (those with a package.json), sorted. */
export function listPackages(root = REPO_ROOT): string[] {
  return listDirs(join(root, "packages")).filter((name) =>
    existsSync(join(root, "packages", name, "package.json")),
  );
}

function listDirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith("."))
    .map((d) => d.name)
    .sort();
}

/** True when `readme` has a line `npm i …` / `npm install …` naming `@agentmesh/<name>`. */
export function hasInstallLine(readme: string, name: string): boolean {
  return readme
    .split("\n")
    .some(
      (line) =>
        /^\s*(?:\$\s*)?npm (?:i|install)\s/.test(line) &&
        line.split(/\s+/).includes(`@agentmesh/${name}`),
    );
}

/** Where the allowlist lives. */
export const KNOWN_FAILING_FILE = join(DOCS_DIR, "known-failing.json");

/**
 * The allowlist: `"<readme path>#<block number>"` → reason, for blocks of package READMEs that
 * do not run yet; `"<readme path>"` → reason, for a package README that fails the package
 * checks (missing, no install line, no runnable block). Block numbers count the README's
 * ```ts / ```typescript blocks from 1.
 */
export type KnownFailing = Readonly<Record<string, string>>;

const KEY = /^(?:[\w.-]+\/)*README\.md(?:#[1-9]\d*)?$/;

/** Reads and checks {@link KNOWN_FAILING_FILE}; throws a message naming the bad entry. */
export function loadKnownFailing(file = KNOWN_FAILING_FILE): KnownFailing {
  const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${file}: expected an object of "<readme path>#<block number>": "<reason>"`);
  }
  const out: Record<string, string> = {};
  for (const [key, reason] of Object.entries(parsed)) {
    if (!KEY.test(key)) {
      throw new Error(
        `${file}: bad key ${JSON.stringify(key)}; use "<readme path>#<block number>" (e.g. "packages/a2a-rest/README.md#2") or "<readme path>"`,
      );
    }
    if (key === "README.md" || key.startsWith("README.md#")) {
      throw new Error(
        `${file}: ${key}: the root README's blocks must all run; fix the block instead`,
      );
    }
    if (typeof reason !== "string" || reason.trim() === "") {
      throw new Error(`${file}: ${key}: give the reason as a non-empty string`);
    }
    out[key] = reason;
  }
  return out;
}
