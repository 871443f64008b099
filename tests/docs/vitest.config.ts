import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Each README block runs as its own child process; give the whole file room.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
