import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findReadmes, hasInstallLine, loadKnownFailing } from "./readmes.js";

const dir = mkdtempSync(join(tmpdir(), "docs-tests-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function allowlist(content: unknown): string {
  const file = join(dir, `known-failing-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(content));
  return file;
}

describe("loadKnownFailing", () => {
  it("reads block and README entries", () => {
    const entries = {
      "packages/a2a-rest/README.md#2": "fragment: uses `handler`",
      "packages/a2a-testing/README.md": "not written yet",
    };
    expect(loadKnownFailing(allowlist(entries))).toEqual(entries);
  });

  it("rejects bad keys, empty reasons and entries for the root README", () => {
    expect(() => loadKnownFailing(allowlist({ "packages/x/README.md#0": "r" }))).toThrow(/bad key/);
    expect(() => loadKnownFailing(allowlist({ "packages/x/NOTES.md#1": "r" }))).toThrow(/bad key/);
    expect(() => loadKnownFailing(allowlist({ "packages/x/README.md#1": " " }))).toThrow(/reason/);
    expect(() => loadKnownFailing(allowlist({ "README.md#1": "r" }))).toThrow(/must all run/);
    expect(() => loadKnownFailing(allowlist(["README.md#1"]))).toThrow(/expected an object/);
  });

  it("accepts the committed allowlist", () => {
    expect(() => loadKnownFailing()).not.toThrow();
  });
});

describe("hasInstallLine", () => {
  it("wants npm i / npm install naming the package as a whole word", () => {
    expect(hasInstallLine("```sh\nnpm i @agentmesh/a2a-rest\n```", "a2a-rest")).toBe(true);
    expect(hasInstallLine("npm install @agentmesh/a2a-types @agentmesh/a2a-rest", "a2a-rest")).toBe(
      true,
    );
    expect(hasInstallLine("$ npm i -D @agentmesh/a2a-testing", "a2a-testing")).toBe(true);
    expect(hasInstallLine("npm i @agentmesh/a2a-rest-extra", "a2a-rest")).toBe(false);
    expect(hasInstallLine("pnpm add @agentmesh/a2a-rest", "a2a-rest")).toBe(false);
    expect(hasInstallLine("see @agentmesh/a2a-rest", "a2a-rest")).toBe(false);
  });
});

describe("findReadmes", () => {
  it("lists the root README first, then packages and apps", () => {
    const paths = findReadmes().map((r) => r.path);
    expect(paths[0]).toBe("README.md");
    expect(paths).toContain("packages/a2a-types/README.md");
    expect(paths).toContain("apps/demo/README.md");
  });
});
