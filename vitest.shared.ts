// Test settings shared by the packages. CI runs every package's suite at once on a 2-core machine,
// often beside other work: at a load of 40, starting the spec mock (it compiles a whole spec) took
// over 60 s. The limits guard against hangs only; no test asserts a wall-clock time.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
