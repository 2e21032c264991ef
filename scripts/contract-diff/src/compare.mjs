// Compares every vendor spec (or a given pair) with its base version and shapes the results per
// package: what the diff CLI prints and what the check enforces.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { diffDocuments } from "./diff.mjs";
import { InputError, parseDocument, readAtRef, readOnDisk } from "./load.mjs";
import { applyIgnores, requiredBump } from "./report.mjs";
import { apiChangesSince } from "./api-surface.mjs";
import { BUMP_ORDER, bumpForLevel } from "./rules.mjs";
import { showFileAtRef } from "./git.mjs";
import { packageOfVendor, readIgnoreList, vendorOfSpec } from "./workspace.mjs";

/**
 * @param {{ root: string, base: string, specs: string[], now?: Date }} options
 * @returns {Array<{ spec: string, vendor: string, name: string, label: string, pkg: object|undefined,
 *   status: "changed"|"added"|"removed", changes: object[], ignored: object[], requiredBump: string,
 *   baseDoc?: object, headDoc?: object }>}
 */
export function compareSpecs({ root, base, specs, now }) {
  const results = [];
  for (const spec of specs) {
    const vendor = vendorOfSpec(spec);
    if (!vendor) continue;
    const pkg = packageOfVendor(root, vendor);
    const name = pkg?.name ?? `@vendor-auth/${vendor}`;
    const baseText = showFileAtRef(base, spec, root);
    const headPath = path.join(root, spec);
    const headText = existsSync(headPath) ? readFileSync(headPath, "utf8") : undefined;
    if (baseText === undefined && headText === undefined) continue;
    if (baseText === undefined) {
      parseDocument(headText, spec, { readRelative: readOnDisk(root, spec) });
      results.push({ spec, vendor, name, label: spec, pkg, status: "added", changes: [], ignored: [], requiredBump: "minor" });
      continue;
    }
    if (headText === undefined) {
      results.push({ spec, vendor, name, label: spec, pkg, status: "removed", changes: [], ignored: [], requiredBump: "major" });
      continue;
    }
    const baseDoc = parseDocument(baseText, `${base}:${spec}`, { readRelative: readAtRef(base, spec, root) });
    const headDoc = parseDocument(headText, spec, { readRelative: readOnDisk(root, spec) });
    const { kept, ignored } = applyIgnores(diffDocuments(baseDoc, headDoc, { now }), readIgnoreList(root, vendor));
    results.push({ spec, vendor, name, label: spec, pkg, status: "changed", changes: kept, ignored, requiredBump: requiredBump(kept), baseDoc, headDoc });
  }
  return results;
}

/**
 * The TypeScript layer, next to the spec rules: each package's API report diff since the base
 * (`apiChanges`), raising its required bump; a package whose reports changed without a spec change
 * gets a result of its own.
 */
export function addApiChanges({ root, base, specs, results }) {
  const changedVendors = new Set(specs.map(vendorOfSpec));
  for (const api of apiChangesSince({ root, base, specChangedFor: (dir) => changedVendors.has(dir) }).values()) {
    let result = results.find((r) => r.name === api.name);
    if (!result) {
      const where = `packages/${api.dir}/api`;
      result = { spec: where, vendor: api.dir, name: api.name, label: where, pkg: packageOfVendor(root, api.dir), status: "changed", changes: [], ignored: [], requiredBump: "none" };
      results.push(result);
    }
    result.apiChanges = api.changes;
    for (const c of api.changes) if (BUMP_ORDER[bumpForLevel(c.level)] > BUMP_ORDER[result.requiredBump]) result.requiredBump = bumpForLevel(c.level);
  }
  return results;
}

export { InputError };
