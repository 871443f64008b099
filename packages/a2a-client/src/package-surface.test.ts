import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { A2AError } from "@agentmesh/a2a-transport";
import { describe, expect, it } from "vitest";
import * as main from "./index.js";

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), "..");

describe("package surface", () => {
  it("exports the entries . and ./node only", () => {
    const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as {
      exports: object;
    };
    expect(Object.keys(pkg.exports)).toEqual([".", "./node", "./package.json"]);
  });

  it("the built main entry has no node: import", () => {
    const file = join(pkgDir, "dist", "index.js");
    if (!existsSync(file)) throw new Error("build the package first (dist/index.js is missing)");
    const code = readFileSync(file, "utf8");
    const chunks = [...code.matchAll(/from "\.\/(chunk-[\w-]+\.js)"/g)].map((m) =>
      readFileSync(join(pkgDir, "dist", m[1] ?? ""), "utf8"),
    );
    for (const c of [code, ...chunks]) expect(c).not.toMatch(/["']node:/);
  });

  it("the client's errors are A2AErrors and instanceof is structural", () => {
    const err = new main.ReconnectError("t-1", 3, new Error("x"));
    expect(err).toBeInstanceOf(A2AError);
    expect(err).toBeInstanceOf(main.ReconnectError);
    expect(err).not.toBeInstanceOf(main.TaskTerminalError);
    const copy = { name: "ReconnectError", code: "INTERNAL", message: "x", attempts: 3 };
    expect(copy).toBeInstanceOf(main.ReconnectError);
    const failed = new main.TaskFailedError({ id: "t", status: { state: "TASK_STATE_FAILED" } });
    expect(failed).toBeInstanceOf(main.TaskTerminalError);
    expect(failed).not.toBeInstanceOf(main.TaskRejectedError);
  });
});
