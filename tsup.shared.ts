// Build settings shared by every published package: ESM + CJS with type declarations, for Node 18+
// and browsers (platform "neutral", ES2022); dependencies stay external.
import { existsSync } from "node:fs";
import { defineConfig, type Options } from "tsup";

const common: Options = {
  format: ["esm", "cjs"],
  dts: true,
  target: "es2022",
  platform: "neutral",
  sourcemap: true,
  clean: true,
  // Shared chunks in CJS too (tsup's splitting for CJS): the entries of a package must share one copy
  // of each class, or an error created by one entry would fail `instanceof` against another's.
  splitting: true,
};

/** `./testing` (fakes for users' tests, Node only) when the package has one. */
const testingEntry = (): Record<string, string> => (existsSync("src/testing/index.ts") ? { testing: "src/testing/index.ts" } : {});

/** A vendor package: the helper layer, the generated SDK, the generated types, the fakes. */
export const vendorPackage = () =>
  defineConfig({
    ...common,
    entry: {
      index: "src/index.ts",
      sdk: "src/generated/sdk.gen.ts",
      schema: "src/generated/schema.gen.ts",
      ...testingEntry(),
    },
  });

/** The core package: its public surface and the toolkit of the vendor packages. */
export const corePackage = () => defineConfig({ ...common, entry: { index: "src/index.ts", internal: "src/internal.ts" } });

/** The test toolkit (Node only: loopback servers): the fakes' base and servers, and the vitest suite. */
export const testingPackage = () => defineConfig({ ...common, platform: "node", target: "node20", entry: { index: "src/index.ts", suite: "src/suite.ts" } });

/** A store package (Node only: it runs on a Node Redis client), and its test helpers. */
export const storePackage = () => defineConfig({ ...common, platform: "node", target: "node20", entry: { index: "src/index.ts", ...testingEntry() } });
