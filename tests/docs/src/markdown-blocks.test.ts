import { describe, expect, it } from "vitest";
import { extractCodeBlocks, extractTsBlocks } from "./markdown-blocks.js";

const md = [
  "# Title",
  "",
  "```sh",
  "npm i @agentmesh/a2a-types",
  "```",
  "",
  "```ts",
  'console.log("one");',
  "```",
  "",
  "````typescript no-run",
  "```ts",
  "nested fence, still the same block",
  "```",
  "````",
  "",
  "  ```TS",
  "    indented(); // two spaces of the fence indent are removed",
  "  ```",
  "~~~ts",
  "tilde();",
  "~~~",
  "```js",
  "not typescript",
  "```",
].join("\n");

describe("extractCodeBlocks", () => {
  it("finds every fenced block with its info string and line", () => {
    const blocks = extractCodeBlocks(md);
    expect(blocks.map((b) => [b.lang, b.flags, b.line])).toEqual([
      ["sh", [], 3],
      ["ts", [], 7],
      ["typescript", ["no-run"], 11],
      ["ts", [], 17],
      ["ts", [], 20],
      ["js", [], 23],
    ]);
    expect(blocks[2]?.code).toBe("```ts\nnested fence, still the same block\n```\n");
    expect(blocks[3]?.code).toBe("  indented(); // two spaces of the fence indent are removed\n");
  });

  it("runs an unclosed fence to the end of the file", () => {
    expect(extractCodeBlocks("```ts\na();\nb();")).toEqual([
      { info: "ts", lang: "ts", flags: [], code: "a();\nb();\n", line: 1 },
    ]);
  });

  it("ignores inline code that starts a line and fences with backticks in the info", () => {
    expect(extractCodeBlocks("```ts` is inline\ntext")).toEqual([]);
  });

  it("handles CRLF line ends", () => {
    expect(extractCodeBlocks("```ts\r\nx();\r\n```\r\n")[0]?.code).toBe("x();\n");
  });
});

describe("extractTsBlocks", () => {
  it("numbers the ts/typescript blocks from 1 and flags no-run", () => {
    const blocks = extractTsBlocks(md);
    expect(blocks.map((b) => [b.index, b.line, b.noRun])).toEqual([
      [1, 7, false],
      [2, 11, true],
      [3, 17, false],
      [4, 20, false],
    ]);
  });
});
