import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Every file reachable from a built entry through relative imports. */
function reachable(entry: string): string[] {
  const seen = new Set<string>();
  const todo = [join(root, "dist", entry)];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/from\s*["'](\.\/[^"']+)["']/g))
      todo.push(join(dirname(file), m[1]!));
  }
  return [...seen];
}

describe("package surface", () => {
  it("exports exactly the main entry, ./node and package.json", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { exports: object };
    expect(Object.keys(pkg.exports)).toEqual([".", "./node", "./package.json"]);
  });

  it("the built main entry imports nothing from node:", () => {
    expect(existsSync(join(root, "dist", "index.js")), "build the package first").toBe(true);
    for (const file of reachable("index.js")) {
      expect(readFileSync(file, "utf8"), file).not.toMatch(/["']node:/);
    }
  });

  it("the main entry exposes the facade, the handler, the stores and the push sender", async () => {
    const mod = await import("@agentmesh/a2a-server");
    for (const name of [
      "A2AServer",
      "createRequestHandler",
      "InMemoryTaskStore",
      "InMemoryPushConfigStore",
      "createPushSender",
      "createAgentExecutor",
      "buildAgentCard",
      "createAgentCardHandler",
      "TaskVersionConflictError",
    ]) {
      expect(mod, name).toHaveProperty(name);
    }
    const node = await import("@agentmesh/a2a-server/node");
    expect(Object.keys(node).sort()).toEqual(["createNodePushSender", "guardedLookup", "serve"]);
  });
});
