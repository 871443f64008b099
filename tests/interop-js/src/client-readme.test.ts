// Runs the example of packages/a2a-client/README.md (the first ```ts block, a complete program
// that starts its own agent on a free port) as a user would: a plain ES module importing the
// published entries.
import { execFile } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../../..");

it("the README example runs and prints the streamed artifact", async () => {
  const readme = await readFile(join(root, "packages", "a2a-client", "README.md"), "utf8");
  const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block).toContain("createClient(agent.url)");
  const source = block ?? "";
  const esbuild = createRequire(createRequire(join(root, "package.json")).resolve("tsup"))(
    "esbuild",
  ) as {
    transform(code: string, options: Record<string, unknown>): Promise<{ code: string }>;
  };
  const { code } = await esbuild.transform(source, {
    loader: "ts",
    format: "esm",
    target: "es2022",
  });
  const file = join(here, "..", `.readme-example-${process.pid}.mjs`);
  await writeFile(file, code);
  try {
    const { stdout } = await run(process.execPath, [file], { cwd: dirname(file), timeout: 30_000 });
    expect(stdout).toContain("binding: jsonrpc");
    expect(stdout).toMatch(/task \S+ TASK_STATE_COMPLETED/);
    expect(stdout).toContain("status TASK_STATE_COMPLETED");
    expect(stdout).toContain(
      "whole artifact: Waves fold into foam, the tide keeps its own counsel, gulls argue with wind.",
    );
  } finally {
    await rm(file, { force: true });
  }
});
