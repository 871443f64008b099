/** Absolute path of tests/interop-python/.venv. */
export declare const venvDir: string;
/** Path of the venv's interpreter (POSIX or Windows layout). */
export declare function venvPython(): string;
/** Result of {@link setupPython}. */
export type SetupPythonResult =
  | { ok: true; python: string; version: string; installed: boolean }
  | { ok: false; reason: string };
/**
 * Makes sure tests/interop-python/.venv exists with exactly the pinned requirements.
 * Resolves `{ ok: false, reason }` only when there is no usable python3 (>= 3.10); throws
 * when venv creation or pip fails.
 */
export declare function setupPython(options?: {
  log?: (line: string) => void;
}): Promise<SetupPythonResult>;
