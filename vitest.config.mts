import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["scripts/vitest-global-setup.mjs"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
