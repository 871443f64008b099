/**
 * Extracts the fenced code blocks of a Markdown file (CommonMark fences: three or more
 * backticks or tildes, indented at most three spaces, closed by a fence of the same character
 * at least as long). Only what the docs test needs: no nesting in lists or block quotes.
 */

/** The fence info word that keeps a TypeScript block from being run. */
export const NO_RUN = "no-run";

/** One fenced code block. */
export interface CodeBlock {
  /** The info string after the opening fence, trimmed (e.g. `"ts no-run"`). */
  readonly info: string;
  /** The first word of the info string, lower-cased (e.g. `"ts"`); `""` when there is none. */
  readonly lang: string;
  /** The other words of the info string (e.g. `["no-run"]`). */
  readonly flags: readonly string[];
  /** The block's text, with the fence's indentation removed, ending with a newline. */
  readonly code: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
}

/** A TypeScript block of a README, numbered among the README's TypeScript blocks. */
export interface TsBlock extends CodeBlock {
  /** 1-based number among the file's ```ts / ```typescript blocks (the `#n` of allowlist keys). */
  readonly index: number;
  /** True when the fence carries {@link NO_RUN}. */
  readonly noRun: boolean;
}

const OPEN = /^( {0,3})(`{3,}|~{3,})\s*(.*)$/;

/**
 * Every fenced block of `markdown`, in order. An unclosed fence runs to the end of the file
 * (as in CommonMark).
 */
export function extractCodeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i] ?? "");
    if (!open) continue;
    const indent = open[1]?.length ?? 0;
    const fence = open[2] ?? "```";
    const info = (open[3] ?? "").trim();
    // A backtick fence's info string may not contain backticks (then it is inline code).
    if (fence[0] === "`" && info.includes("`")) continue;
    const close = new RegExp(`^ {0,3}${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`);
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const text = lines[j] ?? "";
      if (close.test(text)) break;
      body.push(stripIndent(text, indent));
    }
    const [lang = "", ...flags] = info.split(/\s+/).filter(Boolean);
    blocks.push({
      info,
      lang: lang.toLowerCase(),
      flags,
      code: body.length ? `${body.join("\n")}\n` : "",
      line: i + 1,
    });
    i = j;
  }
  return blocks;
}

/** The ```ts / ```typescript blocks of `markdown`, numbered from 1. */
export function extractTsBlocks(markdown: string): TsBlock[] {
  return extractCodeBlocks(markdown)
    .filter((b) => b.lang === "ts" || b.lang === "typescript")
    .map((b, i) => ({ ...b, index: i + 1, noRun: b.flags.includes(NO_RUN) }));
}

function stripIndent(line: string, indent: number): string {
  let n = 0;
  while (n < indent && line[n] === " ") n++;
  return line.slice(n);
}
