/**
 * The root README keeps the promise of issue 6: the two commands for a fresh machine come
 * first, every package is in the table with a link to its README, and relative links resolve.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractCodeBlocks } from "./markdown-blocks.js";
import { listPackages } from "./readmes.js";
import { REPO_ROOT } from "./run-snippet.js";

const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");

describe("README.md", () => {
  it("starts with `npm run demo` and `npm test`, before any section", () => {
    const first = extractCodeBlocks(readme)[0];
    expect(first?.lang).toBe("sh");
    const commands = (first?.code ?? "").split("\n").map((l) => l.replace(/\s*#.*$/, "").trim());
    expect(commands.filter(Boolean)).toEqual(["npm run demo", "npm test"]);
    const firstSection = readme.search(/^## /m);
    expect(firstSection).toBeGreaterThan(readme.indexOf("npm run demo"));
  });

  it("links every package's README from the package table", () => {
    for (const name of listPackages()) {
      expect(readme, `add @agentmesh/${name} to the package table`).toContain(
        `[\`@agentmesh/${name}\`](packages/${name}/README.md)`,
      );
    }
  });

  it("has relative links that point to files of the repository", () => {
    const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)]
      .map((m) => m[1] ?? "")
      .filter((href) => !/^[a-z]+:/i.test(href) && !href.startsWith("#"));
    expect(links.length).toBeGreaterThan(5);
    const missing = links.filter((href) => !existsSync(join(REPO_ROOT, href.replace(/#.*$/, ""))));
    expect(missing, "README.md links to files that do not exist").toEqual([]);
  });
});
