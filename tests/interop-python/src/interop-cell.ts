import { type TestContext, inject, it } from "vitest";

/** One cell of the interop matrix. */
export interface InteropCell {
  /** The Python peer: "a2a-sdk" or "ag2". */
  peer: string;
  /** Which side the Python peer plays: "server" (our client calls it) or "client" (it calls us). */
  role: "server" | "client";
  /** The binding: "JSONRPC", "HTTP+JSON" or "GRPC". */
  binding: string;
  /** The operation or scenario. */
  op: string;
  /** Set when the cell passed by asserting the spec against a documented peer deviation ("#9"). */
  deviation?: string;
}

declare module "vitest" {
  interface TaskMeta {
    interop?: InteropCell;
  }
}

/** The venv interpreter, or `undefined` when interop is skipped (no python3). */
export function pythonOrSkip(): string | undefined {
  const p = inject("interopPython");
  return "python" in p ? p.python : undefined;
}

/** The reason interop is skipped, for `describe.skipIf` titles. */
export function skipReason(): string {
  const p = inject("interopPython");
  return "skipped" in p ? p.skipped : "";
}

/** Marks the running cell as passing against a deviation listed in DEVIATIONS.md. */
export function markDeviation(ctx: TestContext, entry: string): void {
  const cell = ctx.task.meta.interop;
  if (cell) cell.deviation = entry;
}

/**
 * Declares a test that is one cell of the interop matrix: its name is
 * "<op>" inside the caller's describe, and the matrix reporter reads the cell from its meta.
 */
export function cell(
  c: InteropCell,
  fn: (ctx: TestContext) => Promise<void> | void,
  timeout?: number,
): void {
  it(
    c.op,
    async (ctx) => {
      ctx.task.meta.interop = { ...c };
      await fn(ctx);
    },
    timeout,
  );
}
