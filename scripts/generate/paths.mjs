// Where each vendor's inputs and outputs live. The one place that knows the layout convention.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** @param {string} vendor */
export function vendorPaths(vendor) {
  if (!/^[a-z][a-z0-9-]*$/.test(vendor)) throw new Error(`Invalid vendor name "${vendor}" (lower-case letters, digits, dashes)`);
  const packageDir = path.join(repoRoot, "packages", vendor);
  return {
    spec: path.join(repoRoot, "specs", `${vendor}.yaml`),
    packageDir,
    generatedDir: path.join(packageDir, "src", "generated"),
    generatedDocsDir: path.join(packageDir, "docs", "generated"),
    manifest: path.join(packageDir, "src", "generated", "manifest.json"),
  };
}
