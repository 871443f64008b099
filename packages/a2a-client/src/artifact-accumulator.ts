import type { Artifact, Part, TaskArtifactUpdateEvent } from "@agentmesh/a2a-types";

/** How an artifact update changed the accumulated artifact. */
export type AccumulateResult =
  | { readonly changed: true; readonly artifact: Artifact; readonly complete: boolean }
  | { readonly changed: false; readonly artifact: Artifact; readonly complete: boolean };

interface Entry {
  artifact: Artifact;
  complete: boolean;
}

/** Structural equality of JSON-like values (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

function isPrefix(prefix: readonly Part[], parts: readonly Part[]): boolean {
  return prefix.length <= parts.length && prefix.every((p, i) => jsonEqual(p, parts[i]));
}

/**
 * Joins artifact chunks (`append: true` updates) into whole artifacts, keyed by
 * `artifactId`, in the order artifacts first appeared. Feed it every `artifactUpdate` of a
 * stream with {@link ArtifactAccumulator.add}; read whole artifacts with `get` / `list`.
 *
 * A non-append update that repeats the artifact already held is reported as unchanged, so a
 * replayed chunk is not counted twice.
 */
export class ArtifactAccumulator {
  readonly #entries = new Map<string, Entry>();

  /** Applies one update; returns the accumulated artifact and whether anything changed. */
  add(update: {
    artifact: TaskArtifactUpdateEvent["artifact"];
    append?: boolean | undefined;
    lastChunk?: boolean | undefined;
  }): AccumulateResult {
    const chunk = update.artifact;
    const entry = this.#entries.get(chunk.artifactId);
    const complete = update.lastChunk === true;
    if (update.append === true && entry) {
      const artifact: Artifact = {
        ...entry.artifact,
        ...withoutParts(chunk),
        parts: [...entry.artifact.parts, ...chunk.parts],
      };
      if (chunk.metadata || entry.artifact.metadata) {
        artifact.metadata = { ...entry.artifact.metadata, ...chunk.metadata };
      }
      entry.artifact = artifact;
      entry.complete = complete;
      return { changed: true, artifact, complete };
    }
    if (entry && jsonEqual(entry.artifact, chunk)) {
      entry.complete ||= complete;
      return { changed: false, artifact: entry.artifact, complete: entry.complete };
    }
    const artifact = structuredClone(chunk);
    this.#entries.set(chunk.artifactId, { artifact, complete });
    return { changed: true, artifact, complete };
  }

  /**
   * Brings an artifact up to date with a whole copy (e.g. from a task snapshot) and returns
   * the chunk that was missing: `append` with the missing tail parts when the held artifact
   * is a prefix of it, the whole artifact when it is new or different, `undefined` when
   * nothing is missing.
   */
  reconcile(whole: Artifact): { chunk: Artifact; append: boolean } | undefined {
    const entry = this.#entries.get(whole.artifactId);
    if (!entry) {
      this.#entries.set(whole.artifactId, { artifact: structuredClone(whole), complete: false });
      return { chunk: whole, append: false };
    }
    if (jsonEqual(entry.artifact.parts, whole.parts)) return undefined;
    if (isPrefix(entry.artifact.parts, whole.parts)) {
      const tail = whole.parts.slice(entry.artifact.parts.length);
      entry.artifact = structuredClone(whole);
      return { chunk: { ...withoutParts(whole), parts: tail }, append: true };
    }
    entry.artifact = structuredClone(whole);
    entry.complete = false;
    return { chunk: whole, append: false };
  }

  /** Marks an artifact complete; returns `true` if it was not complete before. */
  complete(artifactId: string): boolean {
    const entry = this.#entries.get(artifactId);
    if (!entry || entry.complete) return false;
    entry.complete = true;
    return true;
  }

  /** Whether the artifact's last chunk was seen (or the task finished). */
  isComplete(artifactId: string): boolean {
    return this.#entries.get(artifactId)?.complete === true;
  }

  /** The accumulated artifact with this id. */
  get(artifactId: string): Artifact | undefined {
    return this.#entries.get(artifactId)?.artifact;
  }

  /** Every accumulated artifact, in the order first seen. */
  list(): Artifact[] {
    return [...this.#entries.values()].map((e) => e.artifact);
  }

  /** Ids of the artifacts not yet complete. */
  pending(): string[] {
    return [...this.#entries].filter(([, e]) => !e.complete).map(([id]) => id);
  }
}

function withoutParts(a: Artifact): Omit<Artifact, "parts"> {
  const { parts: _parts, ...rest } = a;
  return rest;
}
