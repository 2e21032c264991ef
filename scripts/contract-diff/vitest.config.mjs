import { defineConfig } from "vitest/config";

// The CLI and end-to-end tests start node and git processes; on a loaded 2-core CI machine a
// handful of them can take longer than vitest's 5 s default.
export default defineConfig({ test: { testTimeout: 30_000 } });
