import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { setupPython } from "../setup-python.mjs";
import { pythonOrSkip, skipReason } from "./interop-cell.js";

const python = pythonOrSkip();
const requirements = readFileSync(join(import.meta.dirname, "..", "requirements.txt"), "utf8");

/** name==version pins of requirements.txt (extras dropped, names normalised). */
function pins(): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of requirements.split("\n")) {
    const m = /^([A-Za-z0-9_.-]+)(\[[^\]]*\])?==(\S+)$/.exec(line.trim());
    if (m?.[1] && m[3]) out.set(m[1].toLowerCase().replace(/[-_.]+/g, "-"), m[3]);
  }
  return out;
}

describe.skipIf(python === undefined)(
  `Python peers setup${python ? "" : ` (skipped: ${skipReason()})`}`,
  () => {
    it("pins every requirement exactly, a2a-sdk and ag2 included", () => {
      const p = pins();
      expect(p.get("a2a-sdk")).toBe("1.3.0");
      expect(p.get("ag2")).toBe("1.2.1");
      const lines = requirements.split("\n").filter((l) => l.trim() && !l.startsWith("#"));
      expect(lines.length).toBe(p.size);
    });

    it("installs exactly the pinned versions into the venv", () => {
      const freeze = execFileSync(
        python as string,
        ["-m", "pip", "freeze", "--disable-pip-version-check"],
        {
          encoding: "utf8",
        },
      );
      const installed = new Map<string, string>();
      for (const line of freeze.split("\n")) {
        const [name, version] = line.trim().split("==");
        if (name && version) installed.set(name.toLowerCase().replace(/[-_.]+/g, "-"), version);
      }
      for (const [name, version] of pins()) expect(installed.get(name), name).toBe(version);
    });

    it("speaks A2A v1.0: the a2a-sdk protos are package lf.a2a.v1", () => {
      const out = execFileSync(
        python as string,
        ["-c", "from a2a.types import a2a_pb2; print(a2a_pb2.DESCRIPTOR.package)"],
        { encoding: "utf8" },
      );
      expect(out.trim()).toBe("lf.a2a.v1");
    });

    it("is idempotent: a second setup finds the venv up to date and installs nothing", async () => {
      const again = await setupPython({ log: () => {} });
      expect(again).toMatchObject({ ok: true, installed: false, python });
    });
  },
);
