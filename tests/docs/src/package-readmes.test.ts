/**
 * Every package under packages/ has a README.md with its install line and at least one
 * TypeScript block that runs (readme-snippets.test.ts runs it). Packages whose README does not
 * pass yet are listed, with a reason, under "packages/<name>/README.md" in known-failing.json.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { extractTsBlocks, NO_RUN } from "./markdown-blocks.js";
import { hasInstallLine, listPackages, loadKnownFailing } from "./readmes.js";
import { REPO_ROOT } from "./run-snippet.js";

const knownFailing = loadKnownFailing();
const allowlisted: string[] = [];

/** What is wrong with a package's README, or an empty list. */
function readmeProblems(name: string): string[] {
  const path = `packages/${name}/README.md`;
  const file = join(REPO_ROOT, path);
  if (!existsSync(file))
    return [`${path} is missing: write it (purpose, install, example, options)`];
  const text = readFileSync(file, "utf8");
  const problems: string[] = [];
  if (!hasInstallLine(text, name)) {
    problems.push(
      `${path} has no install line: add \`npm i @agentmesh/${name}\` in a \`\`\`sh block`,
    );
  }
  const runnable = extractTsBlocks(text).filter(
    (b) => !b.noRun && knownFailing[`${path}#${b.index}`] === undefined,
  );
  if (runnable.length === 0) {
    problems.push(
      `${path} has no runnable \`\`\`ts block (blocks marked ${NO_RUN} or listed in known-failing.json do not count): add a complete example`,
    );
  }
  return problems;
}

afterAll(() => {
  if (allowlisted.length === 0) return;
  const lines = allowlisted.map((path) => {
    const fixed = readmeProblems(path.split("/")[1] ?? "").length === 0;
    return `  ${path}: ${knownFailing[path]}${fixed ? " — passes now: remove it from known-failing.json" : ""}`;
  });
  console.log(
    `package README checks known failing (tests/docs/known-failing.json):\n${lines.join("\n")}`,
  );
});

describe("package READMEs", () => {
  it("finds the packages", () => {
    expect(listPackages()).toEqual(expect.arrayContaining(["a2a-types", "a2a-server"]));
  });

  for (const name of listPackages()) {
    const path = `packages/${name}/README.md`;
    if (knownFailing[path] !== undefined) {
      allowlisted.push(path);
      continue;
    }
    it(`${path}: exists, has an install line and a runnable block`, () => {
      expect(readmeProblems(name)).toEqual([]);
    });
  }
});
