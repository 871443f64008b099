#!/usr/bin/env node
// Runs the on-demand benchmarks: `npm run bench` (all) or `npm run bench -- <area> [...]`.
// Each area is a folder bench/<area>/ with a run.ts; results are printed and written to
// bench/results/<area>.json. Benchmarks never run as part of the test suite.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const areas = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(here, d.name, "run.ts")))
  .map((d) => d.name);
const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const chosen = wanted.length ? wanted : areas;
let failed = 0;
for (const area of chosen) {
  if (!areas.includes(area)) {
    console.error(`no benchmark '${area}' (have: ${areas.join(", ")})`);
    process.exit(2);
  }
  console.log(`\n=== bench/${area}`);
  const r = spawnSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", join(here, area, "run.ts")],
    {
      cwd: here,
      stdio: "inherit",
    },
  );
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
