/**
 * The root README's tour must not only run but also typecheck under the repository's strict
 * settings (exactOptionalPropertyTypes, noUncheckedIndexedAccess…), since users paste it into
 * strict projects. Package READMEs are only run (readme-snippets.test.ts).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { extractTsBlocks } from "./markdown-blocks.js";
import { DOCS_DIR, REPO_ROOT } from "./run-snippet.js";

const dir = join(DOCS_DIR, "node_modules", ".cache", "readme-typecheck");

it("the root README's runnable blocks typecheck under the strict base tsconfig", () => {
  const blocks = extractTsBlocks(readFileSync(join(REPO_ROOT, "README.md"), "utf8")).filter(
    (b) => !b.noRun,
  );
  expect(blocks.length).toBeGreaterThanOrEqual(3);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = blocks.map((b) => {
    const file = `block-${b.index}.mts`;
    writeFileSync(join(dir, file), b.code);
    return file;
  });
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      extends: join(REPO_ROOT, "tsconfig.base.json"),
      // skipLibCheck: the packages' bundled .d.ts are checked by their own builds
      compilerOptions: { types: ["node"], skipLibCheck: true, noEmit: true },
      files,
    }),
  );
  const tsc = join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");
  const run = spawnSync(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], {
    cwd: dir,
    encoding: "utf8",
    timeout: 120_000,
  });
  const output = `${run.stdout ?? ""}${run.stderr ?? ""}`.trim();
  // block-N.mts(line,col) → README.md block #N
  const located = output.replace(/block-(\d+)\.mts\((\d+),(\d+)\)/g, (_m, n, line, col) => {
    const block = blocks.find((b) => b.index === Number(n));
    return `README.md block #${n} line ${block ? block.line + Number(line) : "?"}:${col}`;
  });
  expect(run.status, `the README tour does not typecheck:\n${located}`).toBe(0);
}, 150_000);
