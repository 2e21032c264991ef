// Build settings shared by every published package: ESM + CJS with type declarations, for Node 18+
// and browsers (platform "neutral", ES2022); dependencies stay external.
import { defineConfig, type Options } from "tsup";

const common: Options = {
  format: ["esm", "cjs"],
  dts: true,
  target: "es2022",
  platform: "neutral",
  sourcemap: true,
  clean: true,
};

/** A vendor package: the helper layer, the generated SDK and the generated types. */
export const vendorPackage = () =>
  defineConfig({
    ...common,
    entry: {
      index: "src/index.ts",
      sdk: "src/generated/sdk/index.ts",
      schema: "src/generated/schema.gen.ts",
    },
  });

/** A package with one entry point. */
export const singleEntryPackage = () => defineConfig({ ...common, entry: { index: "src/index.ts" } });
