// Locations the benchmarks read from. Everything the suite writes goes under node_modules/.cache/bench
// (ignored by git), never into the workspace's sources.
import { readFileSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const benchCache = path.join(repoRoot, "node_modules/.cache/bench");
export const fromRoot = (...parts) => path.join(repoRoot, ...parts);

/**
 * The file URL of a package's ESM entry as resolved from `fromDir` (a workspace folder), so the
 * benchmark loads the exact copy the workspace package uses. The root has no openapi-fetch or
 * esbuild of its own (pnpm does not hoist them), hence the lookup from the package that has it.
 */
export function resolveFrom(fromDir, specifier) {
  const require = createRequire(path.join(realpathSync(fromDir), "package.json"));
  const manifestPath = require.resolve(`${specifier}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  const entry = manifest.exports?.["."];
  const file = (typeof entry === "string" ? entry : entry?.import?.default ?? entry?.import ?? entry?.default) ?? manifest.module ?? manifest.main;
  return { url: pathToFileURL(path.join(path.dirname(manifestPath), file)).href, version: manifest.version, dir: path.dirname(manifestPath) };
}
