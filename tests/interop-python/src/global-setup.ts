import { setupPython } from "../setup-python.mjs";

/** What the suite learns from the setup: the venv interpreter, or why interop is skipped. */
export type InteropPython = { python: string; version: string } | { skipped: string };

declare module "vitest" {
  export interface ProvidedContext {
    interopPython: InteropPython;
  }
}

/** Env var through which the matrix reporter learns the skip reason (same process). */
export const SKIP_ENV = "AGENTMESH_INTEROP_PYTHON_SKIPPED";

/** vitest globalSetup: create/refresh the venv, then hand the interpreter to the tests. */
export default async function setup(project: {
  provide(key: "interopPython", value: InteropPython): void;
}): Promise<void> {
  const result = await setupPython();
  if (result.ok) {
    project.provide("interopPython", { python: result.python, version: result.version });
    return;
  }
  process.env[SKIP_ENV] = result.reason;
  console.warn(`\ninterop-python: SKIPPED (the only skip this suite allows): ${result.reason}\n`);
  project.provide("interopPython", { skipped: result.reason });
}
