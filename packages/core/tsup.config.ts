import { defineConfig } from "tsup";

// ESM + CJS with declarations, for Node 18+ and browsers; dependencies stay external.
export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  target: "es2022",
  platform: "neutral",
  sourcemap: true,
  clean: true,
});
