/**
 * Every package under packages/ has a README.md with its install line and at least one
 * TypeScript block that runs (readme-snippets.test.ts runs it). Packages whose README is not
 * there yet are listed, with a reason, under "packages/<name>/README.md" in known-failing.json.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { extractTsBlocks, NO_RUN } from "./markdown-blocks.js";
import { hasInstallLine, listPackages, loadKnownFailing } from "./readmes.js";
import { REPO_ROOT } from "./run-snippet.js";

const knownFailing = loadKnownFailing();
const allowlisted: string[] = [];

afterAll(() => {
  if (allowlisted.length) {
    console.log(
      `package README checks known failing (tests/docs/known-failing.json):\n${allowlisted
        .map((p) => `  ${p}: ${knownFailing[p]}`)
        .join("\n")}`,
    );
  }
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
      const file = join(REPO_ROOT, path);
      expect(
        existsSync(file),
        `${path} is missing: write it (what it is for, install, example, options)`,
      ).toBe(true);
      const text = readFileSync(file, "utf8");
      expect(
        hasInstallLine(text, name),
        `${path} has no install line: add \`npm i @agentmesh/${name}\` in a \`\`\`sh block`,
      ).toBe(true);
      const runnable = extractTsBlocks(text).filter(
        (b) => !b.noRun && knownFailing[`${path}#${b.index}`] === undefined,
      );
      expect(
        runnable.length,
        `${path} has no runnable \`\`\`ts block (blocks marked ${NO_RUN} or listed in known-failing.json do not count): add a complete example`,
      ).toBeGreaterThan(0);
    });
  }
});
