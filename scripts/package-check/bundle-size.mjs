// The one measurement of "what an entry point costs a browser app", shared by the size budget
// (scripts/package-check/size.mjs) and the benchmarks (scripts/bench/size.mjs), so both report
// the same figure: esbuild (the copy tsup ships) bundles `contents` for the browser with every
// dependency inlined, minified; the result is gzipped at level 9.
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";

const esbuildRequire = createRequire(createRequire(import.meta.url).resolve("tsup"));
export const esbuild = esbuildRequire("esbuild");

/** The esbuild settings of the measurement (composition.mjs bundles the sources with the same). */
export const BROWSER_BUNDLE = {
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  legalComments: "none",
  write: false,
  metafile: true,
  logLevel: "silent",
};

/**
 * @param {string} contents an ES module, e.g. `export * from "@vendor-auth/unicourt";`
 * @param {string} resolveDir where its imports resolve from
 * @param {"js" | "ts"} [loader] of `contents` (the bench bundles hey-api's generated TypeScript)
 * @returns {Promise<{ minBytes: number, gzipBytes: number, inputs: Record<string, { bytesInOutput: number }> }>}
 */
export async function bundleSize(contents, resolveDir, loader = "js") {
  const result = await esbuild.build({ ...BROWSER_BUNDLE, stdin: { contents, resolveDir, loader } });
  const code = result.outputFiles[0].contents;
  return { minBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength, inputs: Object.values(result.metafile.outputs)[0].inputs };
}
