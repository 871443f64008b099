import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { format } from "node:util";
import { afterAll, expect, it, vi } from "vitest";

const readme = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");
const dir = mkdtempSync(join(tmpdir(), "a2a-transport-readme-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("runs the README example and prints what its comments say", async () => {
  const snippet = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(snippet).toBeDefined();
  const expected = [...(snippet ?? "").matchAll(/\/\/ → (.*)$/gm)].map((m) => m[1]);
  expect(expected.length).toBeGreaterThan(5);
  const index = fileURLToPath(new URL("./index.ts", import.meta.url));
  const file = join(dir, "snippet.ts");
  writeFileSync(file, (snippet ?? "").replace('"@agentmesh/a2a-transport"', JSON.stringify(index)));
  const printed: string[] = [];
  const spy = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    printed.push(format(...args));
  });
  try {
    await import(/* @vite-ignore */ file);
  } finally {
    spy.mockRestore();
  }
  expect(printed.join("\n").split("\n")).toEqual(expected);
});
