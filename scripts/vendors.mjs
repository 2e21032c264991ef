// The one list of vendors, which every script that walks the vendors reads. A vendor is a spec:
// specs/<name>.yaml, built into packages/<name> and published as @vendor-auth/<name> (the
// convention of scripts/generate/paths.mjs), so adding a spec (`pnpm new-vendor <name>`) adds the
// vendor everywhere and no script names the vendors itself: scripts/generate/test/vendor-list.test.mjs
// fails when one does (with `vendorLists` below).
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The vendor names (spec file names without `.yaml`), sorted. Fixtures live in specs/fixtures/, not here. */
export const VENDORS = readdirSync(path.join(ROOT, "specs"), { withFileTypes: true })
  .filter((entry) => entry.isFile() && /^[a-z][a-z0-9-]*\.yaml$/.test(entry.name))
  .map((entry) => entry.name.slice(0, -".yaml".length))
  .sort();

/** The npm name of a vendor's package. */
export const packageName = (vendor) => `@vendor-auth/${vendor}`;

/** A JavaScript identifier for a package folder (`token-store-redis` → `tokenStoreRedis`). */
export const identifierOf = (folder) => folder.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());

/**
 * The places in `text` that list vendors: within any 4 consecutive lines of code (comments and
 * prose-only `description` values left out), 3 or more different vendors named as a quoted
 * string, an object key, a package name (`@vendor-auth/x`) or a path (`packages/x`, `specs/x.yaml`).
 */
export function vendorLists(text, vendors) {
  const code = text.split("\n").map((line) => (/^\s*(\/\/|#|\*|\/\*)/.test(line) || /^\s*"description":/.test(line) ? "" : line));
  const named = (line) =>
    vendors.filter((vendor) => new RegExp(`["'\`]${vendor}["'\`]|\\b${vendor}\\s*:|@vendor-auth/${vendor}\\b|packages/${vendor}\\b|specs/${vendor}\\.yaml`).test(line));
  const found = [];
  for (let i = 0; i < code.length; i++) {
    const window = new Set(code.slice(i, i + 4).flatMap(named));
    if (window.size >= Math.min(3, vendors.length)) {
      found.push(`line ${i + 1}: ${code[i].trim().slice(0, 120)}`);
      i += 3;
    }
  }
  return found;
}
