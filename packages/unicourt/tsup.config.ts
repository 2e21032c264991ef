import { defineConfig } from "tsup";

// Three entry points: the helper layer, the generated SDK, the generated types.
// ESM + CJS with declarations, for Node 18+ and browsers; dependencies stay external.
export default defineConfig({
  entry: {
    index: "src/index.ts",
    sdk: "src/generated/sdk/index.ts",
    schema: "src/generated/schema.gen.ts",
  },
  format: ["esm", "cjs"],
  dts: true,
  target: "es2022",
  platform: "neutral",
  sourcemap: true,
  clean: true,
});
