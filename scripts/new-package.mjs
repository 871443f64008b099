#!/usr/bin/env node
// Scaffolds a library package in packages/<name> with the layout every package shares.
// usage: node scripts/new-package.mjs <folder> "<description>" [--node]
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";

const [folder, description = "", ...flags] = process.argv.slice(2);
if (!folder) throw new Error("usage: new-package.mjs <folder> <description> [--node]");
const withNode = flags.includes("--node");
const dir = join("packages", folder);
if (existsSync(join(dir, "package.json"))) throw new Error(`${dir} exists`);
mkdirSync(join(dir, "src"), { recursive: true });

const entry = (name) => ({
  import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
  require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
});
const exportsMap = { ".": entry("index") };
if (withNode) exportsMap["./node"] = entry("node");
exportsMap["./package.json"] = "./package.json";

const pkg = {
  name: `@agentmesh/${folder}`,
  version: "0.1.0",
  description,
  license: "Apache-2.0",
  type: "module",
  sideEffects: false,
  main: "./dist/index.cjs",
  module: "./dist/index.js",
  types: "./dist/index.d.ts",
  exports: exportsMap,
  files: ["dist", "README.md"],
  engines: { node: ">=20.11" },
  scripts: {
    build: "tsup",
    typecheck: "tsc -p tsconfig.json && tsc -p tsconfig.neutral.json",
    test: "vitest run",
  },
};
writeFileSync(join(dir, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
writeFileSync(
  join(dir, "tsconfig.json"),
  `${JSON.stringify(
    {
      extends: "../../tsconfig.base.json",
      compilerOptions: { types: ["node"] },
      include: ["src", "test", "vitest.config.ts"],
    },
    null,
    2,
  )}\n`,
);
writeFileSync(
  join(dir, "tsconfig.neutral.json"),
  `${JSON.stringify(
    {
      extends: "../../tsconfig.base.json",
      compilerOptions: { types: [] },
      include: ["src"],
      exclude: ["src/**/*.test.ts", "src/node", "src/node.ts", "src/**/node-*.ts"],
    },
    null,
    2,
  )}\n`,
);
const entries = withNode
  ? `{ index: "src/index.ts", node: "src/node.ts" }`
  : `{ index: "src/index.ts" }`;
writeFileSync(
  join(dir, "tsup.config.ts"),
  `import { defineConfig } from "tsup";

export default defineConfig({
  entry: ${entries},
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  treeshake: true,
});
`,
);
writeFileSync(
  join(dir, "vitest.config.ts"),
  `import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { include: ["src/**/*.test.ts", "test/**/*.test.ts"], testTimeout: 20_000 },
});
`,
);
if (!existsSync(join(dir, "src/index.ts")))
  writeFileSync(join(dir, "src/index.ts"), "export {};\n");
if (withNode && !existsSync(join(dir, "src/node.ts")))
  writeFileSync(join(dir, "src/node.ts"), "export {};\n");
console.log(`created ${dir}`);
