/**
 * Runs every ```ts / ```typescript block of README.md, packages/*\/README.md and
 * apps/*\/README.md as its own Node process, so the docs cannot rot. A block that is not
 * meant to run says so with ```ts no-run; package README blocks that do not run yet are
 * listed, with a reason, in known-failing.json. Set DOCS_RUN_KNOWN_FAILING=1 to run those too
 * and learn which ones work again.
 */
import { readFileSync } from "node:fs";
import { afterAll, describe, it } from "vitest";
import { extractTsBlocks, NO_RUN, type TsBlock } from "./markdown-blocks.js";
import { findReadmes, loadKnownFailing } from "./readmes.js";
import { fixedPort, runSnippet, tail } from "./run-snippet.js";

/** Per-block limit; a snippet that outlives it left a server or a client open. */
const SNIPPET_TIMEOUT_MS = 60_000;
const runKnownFailing = process.env["DOCS_RUN_KNOWN_FAILING"] === "1";

const knownFailing = loadKnownFailing();
const readmes = findReadmes().map((readme) => ({
  ...readme,
  blocks: extractTsBlocks(readFileSync(readme.file, "utf8")),
}));

const report = {
  ran: 0,
  noRun: [] as string[],
  known: [] as string[],
  nowRunning: [] as string[],
  stale: [] as string[],
};

for (const key of Object.keys(knownFailing)) {
  const readme = key.replace(/#\d+$/, "");
  if (key !== readme && !readmes.some((r) => r.path === readme)) {
    report.stale.push(`${key} (there is no ${readme})`);
  }
}

afterAll(() => {
  const lines = [
    `README snippets: ${report.ran} run, ${report.noRun.length} skipped by \`\`\`ts ${NO_RUN}, ${report.known.length} known failing (tests/docs/known-failing.json)${runKnownFailing ? "" : ", not run (DOCS_RUN_KNOWN_FAILING=1 runs them)"}`,
  ];
  if (report.noRun.length) lines.push(`  skipped by ${NO_RUN}: ${report.noRun.join(", ")}`);
  for (const key of report.known) lines.push(`  known failing ${key}: ${knownFailing[key]}`);
  for (const key of report.nowRunning) {
    lines.push(`  ${key} is allowlisted but runs now: remove it from known-failing.json`);
  }
  for (const s of report.stale) lines.push(`  stale allowlist entry: ${s}`);
  console.log(lines.join("\n"));
});

for (const { path, blocks } of readmes) {
  // Stale allowlist entries are reported, not failed: a README may be reorganised by its owner.
  for (const key of Object.keys(knownFailing)) {
    const m = /^(.*)#(\d+)$/.exec(key);
    if (!m || m[1] !== path) continue;
    const block = blocks.find((b) => b.index === Number(m[2]));
    if (!block) report.stale.push(`${key} (the README has ${blocks.length} ts blocks)`);
    else if (block.noRun) report.stale.push(`${key} (the block is marked ${NO_RUN})`);
  }
  const toRun: { block: TsBlock; reason: string | undefined }[] = [];
  for (const block of blocks) {
    const key = `${path}#${block.index}`;
    const reason = knownFailing[key];
    if (block.noRun) report.noRun.push(key);
    else if (reason !== undefined) report.known.push(key);
    if (!block.noRun && (reason === undefined || runKnownFailing)) toRun.push({ block, reason });
  }
  if (toRun.length === 0) continue; // e.g. apps/demo/README.md: shell commands only

  describe(path, () => {
    for (const { block, reason } of toRun) {
      it(
        `block #${block.index} (line ${block.line}) runs${reason !== undefined ? " [known failing]" : ""}`,
        async () => {
          const problem = await check(path, block);
          if (reason !== undefined) {
            if (!problem) report.nowRunning.push(`${path}#${block.index}`);
            return;
          }
          report.ran++;
          if (problem) throw new Error(problem);
        },
        SNIPPET_TIMEOUT_MS + 30_000,
      );
    }
  });
}

/** Runs one block; returns why it failed, or undefined when it ran and exited 0. */
async function check(path: string, block: TsBlock): Promise<string | undefined> {
  const where = `${path} block #${block.index} (line ${block.line}, \`\`\`${block.info})`;
  const howToFix =
    path === "README.md"
      ? `Fix the block, or mark its fence \`\`\`ts ${NO_RUN} if it is not meant to run.`
      : `Fix the block, mark its fence \`\`\`ts ${NO_RUN} if it is not meant to run, or list "${path}#${block.index}": "<reason>" in tests/docs/known-failing.json.`;
  const port = fixedPort(block.code);
  if (port) {
    return `${where} listens on a fixed port (${port}): snippets must use port 0 (a free port) so they run anywhere, and print the address they got.\n${howToFix}`;
  }
  const dir = path === "README.md" ? "root" : path.replace(/\/README\.md$/, "");
  const name = `${dir.replace(/[^\w-]+/g, "-")}-README-${block.index}`;
  const result = await runSnippet(block.code, { name, timeoutMs: SNIPPET_TIMEOUT_MS });
  if (!result.timedOut && result.exitCode === 0) return undefined;
  const how = result.timedOut
    ? `did not exit within ${SNIPPET_TIMEOUT_MS / 1000}s: close every server and client the snippet opens`
    : `exited with code ${result.exitCode}`;
  return [
    `${where} ${how}.`,
    `rerun: ${result.rerun}`,
    "--- output ---",
    tail(result.output) || "(no output)",
    "--- end of output ---",
    howToFix,
  ].join("\n");
}
