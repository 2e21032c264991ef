// Section 3, size: min+gzip of every browser-facing entry point of every published package, as a
// browser app would ship it: esbuild bundles the built entry (dist/, ESM) with all its dependencies
// (`export *`, so nothing is tree-shaken away), minified, platform "browser", ES2022; then
// gzip level 9: the same measurement as the size budget (scripts/package-check/bundle-size.mjs). Next to them, the vendor's own npm client where one exists:
// only Laserfiche publishes a JavaScript client (@laserfiche/lf-repository-api-client); it is
// installed with `npm --prefix node_modules/.cache/bench/vendor`, never into the workspace.
// `./testing` entries are skipped: they are test fakes for Node (node:http), not browser code.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { HEY_API, HEY_API_ENTRY, heyApiSdk } from "./lib/hey-api.mjs";
import { UNSUPPORTED } from "../matrix/smoke.mjs";
import { identifierOf } from "../vendors.mjs";
import { benchCache, fromRoot, resolveFrom } from "./lib/paths.mjs";
import { bundleSize, esbuild } from "../package-check/bundle-size.mjs";

export const LASERFICHE_CLIENT = "@laserfiche/lf-repository-api-client@1.1.12";

/** The size budget's own measurement (same bundling, same gzip level). */
async function measureBundle(contents, resolveDir) {
  const { minBytes, gzipBytes } = await bundleSize(contents, resolveDir);
  return { minBytes, gzipBytes };
}

function installVendorClient() {
  const prefix = path.join(benchCache, "vendor");
  const name = LASERFICHE_CLIENT.slice(0, LASERFICHE_CLIENT.lastIndexOf("@"));
  const installed = path.join(prefix, "node_modules", name, "package.json");
  if (existsSync(installed) && JSON.parse(readFileSync(installed, "utf8")).version === LASERFICHE_CLIENT.split("@").pop()) return { prefix };
  mkdirSync(prefix, { recursive: true });
  const npm = spawnSync("npm", ["install", "--prefix", prefix, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--loglevel=error", LASERFICHE_CLIENT], { encoding: "utf8", timeout: 180_000 });
  if (npm.status !== 0) return { error: (npm.error?.message ?? npm.stderr).trim().split("\n").slice(-3).join(" ") };
  return { prefix };
}

export async function main() {
  const { version } = esbuild;
  const rows = [];
  for (const dir of readdirSync(fromRoot("packages")).sort()) {
    const manifestPath = fromRoot("packages", dir, "package.json");
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    // Private packages are not shipped; those the runtime matrix marks n/a in Chromium (the Redis token
    // store, the test toolkit: Node only) are never bundled for a browser.
    if (manifest.private || UNSUPPORTED[identifierOf(dir)]?.chromium) continue;
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      if (subpath === "./package.json" || subpath === "./testing") continue;
      const file = fromRoot("packages", dir, target.import?.default ?? target.import ?? target.default);
      const entry = `${manifest.name}${subpath.slice(1)}`;
      if (!existsSync(file)) {
        rows.push({ entry, error: `not built (${path.relative(fromRoot(), file)}): run pnpm build` });
        continue;
      }
      const kind = subpath === "." ? (dir === "core" ? "shared runtime" : "helper") : subpath === "./sdk" ? "generated SDK" : subpath === "./schema" ? "types only" : subpath;
      const row = { entry, kind, ...(await measureBundle(`export * from ${JSON.stringify(file)};`, path.dirname(file))) };
      // What an app that only creates the client ships: the one factory, tree-shaken.
      const factory = kind === "helper" ? Object.keys(await import(pathToFileURL(file).href)).find((name) => /^create\w+Client$/.test(name)) : undefined;
      if (factory) row.factory = { name: factory, ...(await measureBundle(`export { ${factory} } from ${JSON.stringify(file)};`, path.dirname(file))) };
      rows.push(row);
    }
  }
  // What a user would ship instead of the UniCourt helper: openapi-fetch alone (its request builder),
  // and hey-api's fetch client with the SDK it generates from the same spec.
  const openapiFetch = resolveFrom(fromRoot("packages/unicourt"), "openapi-fetch");
  const anchors = [{ entry: `openapi-fetch ${openapiFetch.version} { default: createClient }`, ...(await measureBundle(`export { default } from "openapi-fetch";`, fromRoot("packages/unicourt"))) }];
  try {
    const { dir } = await heyApiSdk("unicourt");
    anchors.push({ entry: `${HEY_API} SDK of specs/unicourt.yaml, its fetch client included`, ...(await bundleSize(HEY_API_ENTRY, dir, "ts")) });
  } catch (error) {
    anchors.push({ entry: HEY_API, error: error.message });
  }
  const vendor = { package: LASERFICHE_CLIENT };
  const installed = installVendorClient();
  if (installed.error) vendor.error = `could not be installed: ${installed.error}`;
  else {
    const name = LASERFICHE_CLIENT.slice(0, LASERFICHE_CLIENT.lastIndexOf("@"));
    vendor.rows = [
      { entry: `${name} (whole entry)`, ...(await measureBundle(`export * from "${name}";`, installed.prefix)) },
      { entry: `${name} { RepositoryApiClient }`, ...(await measureBundle(`export { RepositoryApiClient } from "${name}";`, installed.prefix)) },
      { entry: `${name} { ServerSessionClient }`, ...(await measureBundle(`export { ServerSessionClient } from "${name}";`, installed.prefix)) },
    ];
  }
  return { esbuild: version, rows, anchors, vendor };
}
