import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const example = readFileSync(new URL("./readme-example.ts", import.meta.url), "utf8");

describe("README", () => {
  it("shows the example file verbatim", () => {
    expect(readme).toContain(example.trim());
  });

  it("runs the example with the output its comments promise", async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(" "));
    });
    try {
      await import("./readme-example.js");
    } finally {
      spy.mockRestore();
    }
    expect(lines).toEqual([
      "ROLE_USER 0",
      expect.stringMatching(
        /^\{"id":"task-1","status":\{"state":"TASK_STATE_COMPLETED","message":\{"messageId":"[0-9a-f-]{36}","role":"ROLE_USER","parts":\[\{"text":"Done"\}\]\}\}\}$/,
      ),
      "Done true",
      "status.state",
      "true",
    ]);
  });
});
