// Test settings shared by the packages. CI runs every package's suite at once on a 2-core machine:
// server start-up (the spec mock parses a whole spec) and process spawns can take seconds there, so
// the limits are generous; no test asserts a wall-clock time.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
