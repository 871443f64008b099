// Fails when src/gen/ is not exactly what `buf generate` makes from ../../proto today,
// so a proto edit (or a plugin upgrade) can never change the generated code silently.
// Fix a failure by running `pnpm run generate` in packages/a2a-grpc and committing src/gen/.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const pkgDir = fileURLToPath(new URL("..", import.meta.url));
const committedDir = join(pkgDir, "src", "gen");
const bufBin = join(
  pkgDir,
  "node_modules",
  ".bin",
  process.platform === "win32" ? "buf.cmd" : "buf",
);

/** Every file under `root`, as sorted "/"-separated paths relative to `root`. */
function listFiles(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(root, full));
    else out.push(relative(root, full).split("\\").join("/"));
  }
  return out.sort();
}

describe("generated code (src/gen) is fresh", () => {
  const tmp = mkdtempSync(join(tmpdir(), "a2a-grpc-gen-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  // buf prepends --output to the template's `out: src/gen`, so a fresh copy lands in tmp/src/gen.
  execFileSync(bufBin, ["generate", "../../proto", "--output", tmp], {
    cwd: pkgDir,
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 60_000,
  });
  const freshDir = join(tmp, "src", "gen");
  const fresh = listFiles(freshDir);
  const committed = listFiles(committedDir);

  it("generates the expected files", () => {
    expect(fresh).toContain("a2a_pb.ts");
    expect(fresh).toContain("google/rpc/status_pb.ts");
    expect(fresh).toContain("google/rpc/error_details_pb.ts");
  });

  it("has the same file list as the committed src/gen (run `pnpm run generate`)", () => {
    expect(committed).toEqual(fresh);
  });

  it.each(fresh)("%s is byte-identical to a fresh `buf generate`", (file) => {
    const want = readFileSync(join(freshDir, file), "utf8");
    const have = readFileSync(join(committedDir, file), "utf8");
    // A plain equality check: on mismatch, the message says which file to regenerate.
    expect(have === want, `src/gen/${file} is stale: run \`pnpm run generate\``).toBe(true);
  });
});
