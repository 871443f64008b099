import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Every module the built ESM file `file` imports, following its relative chunks. */
function imports(file: string, seen = new Set<string>()): Set<string> {
  const out = new Set<string>();
  if (seen.has(file)) return out;
  seen.add(file);
  const text = readFileSync(join(root, "dist", file), "utf8");
  for (const m of text.matchAll(/(?:from|import)\s*["']([^"']+)["']/g)) {
    const spec = m[1] as string;
    if (spec.startsWith("./")) for (const x of imports(spec.slice(2), seen)) out.add(x);
    else out.add(spec);
  }
  return out;
}

describe("package entry points", () => {
  it("pins the export map", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { exports: object };
    expect(Object.keys(pkg.exports)).toEqual([".", "./node", "./package.json"]);
  });

  it("the built root entry has no Node-only import", () => {
    const deps = [...imports("index.js")];
    expect(deps.filter((d) => d.startsWith("node:") || d.includes("connect-node"))).toEqual([]);
    expect(deps).toContain("@connectrpc/connect-web");
  });

  it("the node entry brings connect-node", () => {
    expect([...imports("node.js")]).toContain("@connectrpc/connect-node");
  });
});
