#!/usr/bin/env node
// Creates tests/interop-python/.venv and installs the pinned Python peers
// (requirements.txt: a2a-sdk with its HTTP and gRPC extras, ag2 with its a2a extra).
//
// Used by the interop suite's vitest globalSetup; `node setup-python.mjs` runs it by hand.
// Idempotent: the sha256 of requirements.txt and the interpreter version are kept in
// .venv/.agentmesh-requirements; when they match, setup returns at once.
//
// The interpreter is $PYTHON if set, else `python3` on PATH (3.10 or newer). When there
// is none, setup reports { ok: false, reason } and the suite skips with that reason;
// every other problem (venv creation, pip) throws, so a broken setup fails the run.

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const venvDir = join(here, ".venv");
const requirementsFile = join(here, "requirements.txt");
const markerFile = join(venvDir, ".agentmesh-requirements");
const MIN_PYTHON = [3, 10];

/** Path of the venv's interpreter (POSIX or Windows layout). */
export function venvPython() {
  return process.platform === "win32"
    ? join(venvDir, "Scripts", "python.exe")
    : join(venvDir, "bin", "python");
}

function run(cmd, args, options = {}) {
  return spawnSync(cmd, args, { encoding: "utf8", ...options });
}

/** The base interpreter and its version, or the reason there is none. */
function findPython() {
  const python = process.env.PYTHON || "python3";
  const probe = run(python, ["-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"]);
  if (probe.error || probe.status !== 0) {
    const why = probe.error ? probe.error.message : probe.stderr.trim();
    return {
      reason: `no usable Python interpreter '${python}' (${why}); install python3 >= 3.10 or set PYTHON`,
    };
  }
  const version = probe.stdout.trim();
  const [major = 0, minor = 0] = version.split(".").map(Number);
  if (major < MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor < MIN_PYTHON[1])) {
    return {
      reason: `'${python}' is Python ${version}; the Python peers need >= ${MIN_PYTHON.join(".")}`,
    };
  }
  return { python, version };
}

/**
 * Makes sure the venv exists with exactly the pinned requirements.
 * @param {{ log?: (line: string) => void }} [options] log: progress lines (default: stderr).
 * @returns {Promise<{ ok: true, python: string, version: string, installed: boolean } | { ok: false, reason: string }>}
 */
export async function setupPython(options = {}) {
  const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  const base = findPython();
  if (!base.python) return { ok: false, reason: base.reason };

  const fingerprint = createHash("sha256")
    .update(readFileSync(requirementsFile))
    .update(`\npython ${base.version}\n`)
    .digest("hex");
  if (
    existsSync(venvPython()) &&
    existsSync(markerFile) &&
    readFileSync(markerFile, "utf8").trim() === fingerprint
  ) {
    return { ok: true, python: venvPython(), version: base.version, installed: false };
  }

  log(
    `interop-python: creating ${venvDir} with Python ${base.version} (pinned requirements changed or missing)`,
  );
  rmSync(venvDir, { recursive: true, force: true });
  const venv = run(base.python, ["-m", "venv", venvDir], { stdio: ["ignore", "pipe", "pipe"] });
  if (venv.status !== 0) {
    throw new Error(
      `interop-python: '${base.python} -m venv' failed (on Debian/Ubuntu install python3-venv):\n${venv.stderr}`,
    );
  }
  log("interop-python: pip install -r requirements.txt …");
  const pip = run(
    venvPython(),
    [
      "-m",
      "pip",
      "install",
      "--disable-pip-version-check",
      "--no-input",
      "-q",
      "-r",
      requirementsFile,
    ],
    { stdio: ["ignore", "pipe", "pipe"], timeout: 600_000 },
  );
  if (pip.status !== 0) {
    throw new Error(
      `interop-python: pip install failed (status ${pip.status}):\n${pip.stdout}\n${pip.stderr}`,
    );
  }
  writeFileSync(markerFile, `${fingerprint}\n`);
  log("interop-python: Python peers installed");
  return { ok: true, python: venvPython(), version: base.version, installed: true };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await setupPython();
  if (result.ok) console.log(`interop-python: ready (${result.python}, Python ${result.version})`);
  else console.log(`interop-python: SKIPPED — ${result.reason}`);
}
