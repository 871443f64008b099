/** One problem found while parsing wire JSON. */
export interface WireIssue {
  /** Field path in camelCase, e.g. `message.parts[0].text`; `""` for the top level. */
  readonly path: string;
  /** What is wrong and what was expected. */
  readonly message: string;
}

/**
 * Thrown by `fromJson` / `fromJsonString` when input is not a valid A2A message.
 * `kind` is `"syntax"` for text that is not JSON, `"invalid"` otherwise; `issues` lists every
 * problem found, each with its field path.
 */
export class WireValidationError extends Error {
  override readonly name = "WireValidationError";
  readonly kind: "syntax" | "invalid";
  readonly issues: readonly WireIssue[];

  constructor(kind: "syntax" | "invalid", issues: readonly WireIssue[], typeName?: string) {
    const what = typeName === undefined ? "A2A message" : typeName;
    const first = issues[0];
    const summary =
      first === undefined
        ? "invalid input"
        : `${first.path === "" ? "" : `${first.path}: `}${first.message}`;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    super(`cannot parse ${what}: ${summary}${more}`);
    this.kind = kind;
    this.issues = issues;
  }

  /** Structural check, so errors from another copy of this package are recognised too. */
  static override [Symbol.hasInstance](v: unknown): boolean {
    return (
      typeof v === "object" &&
      v !== null &&
      (v as { name?: unknown }).name === "WireValidationError" &&
      Array.isArray((v as { issues?: unknown }).issues)
    );
  }
}
