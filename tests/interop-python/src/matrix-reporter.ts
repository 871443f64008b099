import type { InteropCell } from "./interop-cell.js";

/** The part of vitest's reporter API we use (typed here: vitest/node's types need @types/debug). */
interface TestModule {
  children: {
    allTests(): Iterable<{
      meta(): { interop?: InteropCell };
      result(): { state: "passed" | "failed" | "skipped" | "pending" };
    }>;
  };
}

const SKIP_ENV = "AGENTMESH_INTEROP_PYTHON_SKIPPED";
const BINDINGS = ["JSONRPC", "HTTP+JSON", "GRPC"] as const;

type Outcome = string; // "pass", "pass (#n)" (passed against a documented deviation), "FAIL", "skip"

/**
 * Prints the interop matrix (peer × role × binding × operation → pass/FAIL) after the run,
 * one table per peer and role, from the `interop` meta of each test.
 */
export default class MatrixReporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const cells: { cell: InteropCell; outcome: Outcome }[] = [];
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const cell = test.meta().interop;
        if (!cell) continue;
        const state = test.result().state;
        const passed = cell.deviation ? `pass (${cell.deviation})` : "pass";
        cells.push({
          cell,
          outcome: state === "passed" ? passed : state === "failed" ? "FAIL" : "skip",
        });
      }
    }
    const out: string[] = ["", "Interop matrix: agentmesh ↔ Python (a2a-sdk, AG2)"];
    const skipped = process.env[SKIP_ENV];
    if (skipped) out.push(`  SKIPPED: ${skipped}`);
    if (cells.length === 0) {
      if (!skipped) out.push("  (no interop cell ran)");
      process.stdout.write(`${out.join("\n")}\n\n`);
      return;
    }
    const groups = new Map<string, Map<string, Map<string, Outcome>>>();
    // Tables in a stable order: by peer, the peer as server first.
    cells.sort(
      (a, b) =>
        a.cell.peer.localeCompare(b.cell.peer) ||
        Number(a.cell.role === "client") - Number(b.cell.role === "client"),
    );
    for (const { cell, outcome } of cells) {
      const title =
        cell.role === "server"
          ? `${cell.peer} server ← agentmesh client`
          : `${cell.peer} client → agentmesh server`;
      const ops = groups.get(title) ?? new Map<string, Map<string, Outcome>>();
      groups.set(title, ops);
      const row = ops.get(cell.op) ?? new Map<string, Outcome>();
      ops.set(cell.op, row);
      const prev = row.get(cell.binding);
      row.set(cell.binding, prev === "FAIL" ? prev : outcome);
    }
    let pass = 0;
    let fail = 0;
    for (const [title, ops] of groups) {
      const width = Math.max(28, ...[...ops.keys()].map((k) => k.length + 2));
      out.push(
        "",
        `  ${title}`,
        `  ${"operation".padEnd(width)}${BINDINGS.map((b) => b.padEnd(11)).join("")}`,
      );
      for (const [op, row] of ops) {
        const line = BINDINGS.map((b) => (row.get(b) ?? "-").padEnd(11)).join("");
        out.push(`  ${op.padEnd(width)}${line}`);
        for (const v of row.values()) {
          if (v.startsWith("pass")) pass++;
          else if (v === "FAIL") fail++;
        }
      }
    }
    out.push(
      "",
      `  cells: ${pass} pass, ${fail} FAIL   (pass (#n): our side follows the spec, the peer deviates — see DEVIATIONS.md #n)`,
    );
    process.stdout.write(`${out.join("\n")}\n\n`);
  }
}
