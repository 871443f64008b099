import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["./src/global-setup.ts"],
    reporters: ["default", "./src/matrix-reporter.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
