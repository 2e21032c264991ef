// What a helper bundle is made of, per source module, and the proof that the optional parts of the
// core are tree-shaken when a client does not use them. The budgets (size.mjs) measure the built
// dist/, where the whole core is one file; here the client-only import of each vendor is bundled
// from the sources with the same esbuild settings, so esbuild's metafile attributes every output
// byte to the module it came from. The metafiles are written to node_modules/.cache/vendor-auth-size/
// (open one in https://esbuild.github.io/analyze/ to see the tree).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { BROWSER_BUNDLE, esbuild } from "./bundle-size.mjs";
import { ROOT, VENDORS } from "./pack.mjs";

export const METAFILE_DIR = join(ROOT, "node_modules/.cache/vendor-auth-size");
const CORE_SRC = join(ROOT, "packages/core/src");

/**
 * The optional parts of the core, by module: a client ships one only when its own code uses it.
 * `proof` is what must hold in every client-only bundle; the others are reported.
 */
export const OPTIONAL_PARTS = [
  // The fleet-shared token level comes with a store (defineTokenStore attaches it): a client bundle
  // without a tokenStore has none of it, and one that imports a store has it.
  { module: "shared-tokens.ts", part: "shared token level (tokenStore)", proof: "absent without a store, present with one" },
  { module: "paginate.ts", part: "pagination" },
  { module: "lifecycle.ts", part: "sessions (close, dispose)" },
  { module: "timers.ts", part: "background timers (keep-alive)" },
  { module: "token-exchange.ts", part: "token exchange (service accounts)" },
  { module: "jws.ts", part: "JWT signing, base64" },
  { module: "oauth.ts", part: "OAuth callback parsing" },
  { module: "sdk.ts", part: "typescript-fetch SDK configuration" },
];

/** Bundles `contents` from the sources (core aliased to packages/core/src); writes its metafile as `name`. */
async function bundleSources(contents, vendor, name) {
  const result = await esbuild.build({
    ...BROWSER_BUNDLE,
    stdin: { contents, resolveDir: join(ROOT, "packages", vendor), loader: "ts" },
    absWorkingDir: ROOT,
    alias: { "@vendor-auth/core/internal": join(CORE_SRC, "internal.ts"), "@vendor-auth/core": join(CORE_SRC, "index.ts") },
  });
  mkdirSync(METAFILE_DIR, { recursive: true });
  writeFileSync(join(METAFILE_DIR, `${name}.meta.json`), JSON.stringify(result.metafile));
  const code = result.outputFiles[0].contents;
  const modules = {};
  for (const [file, { bytesInOutput }] of Object.entries(Object.values(result.metafile.outputs)[0].inputs)) {
    if (bytesInOutput === 0) continue;
    // Paths are relative to ROOT (absWorkingDir): "packages/core/src/x.ts" -> "core/x.ts".
    const short = file.replace(/^.*node_modules\//, "").replace(/^packages\/core\/src\//, "core/").replace(/^packages\//, "");
    modules[short] = (modules[short] ?? 0) + bytesInOutput;
  }
  return { minBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength, modules };
}

/** The client-only import of every vendor, and the same with the memory store, from the sources. */
export async function measureComposition(factories) {
  return Promise.all(
    VENDORS.map(async (vendor, i) => {
      const pkg = join(ROOT, "packages", vendor, "src/index.ts");
      const client = await bundleSources(`export { ${factories[i]} } from ${JSON.stringify(pkg)};`, vendor, `${vendor}.client`);
      const withStore = await bundleSources(`export { ${factories[i]}, createMemoryTokenStore } from ${JSON.stringify(pkg)};`, vendor, `${vendor}.client+store`);
      return { vendor, client, withStore };
    }),
  );
}

const coreBytes = (modules, module) => modules[`core/${module}`] ?? 0;

/** Prints each client bundle by module and which optional parts it ships; returns the failures of the proofs. */
export function reportComposition(compositions) {
  const failures = [];
  console.log(`\nWhat each client-only import is made of (from the sources, esbuild metafiles in ${METAFILE_DIR.replace(`${ROOT}/`, "")}), minified bytes:`);
  for (const { vendor, client } of compositions) {
    const parts = Object.entries(client.modules).sort((a, b) => b[1] - a[1]);
    const own = parts.filter(([file]) => !file.startsWith("core/") && !file.startsWith("openapi-fetch"));
    const core = parts.filter(([file]) => file.startsWith("core/"));
    const sum = (list) => list.reduce((total, [, bytes]) => total + bytes, 0);
    console.log(`  ${vendor}: ${client.minBytes} B min, ${client.gzipBytes} B min+gzip; core ${sum(core)}, openapi-fetch ${client.modules["openapi-fetch/dist/index.mjs"] ?? 0}, ${vendor} ${sum(own)}`);
    console.log(`    core: ${core.map(([file, bytes]) => `${file.slice(5)} ${bytes}`).join(", ")}`);
  }
  console.log("\nOptional parts of the core in each client-only import (bytes; 0 = tree-shaken):");
  const header = ["part", "module", ...compositions.map((c) => c.vendor)];
  const rows = OPTIONAL_PARTS.map(({ module, part }) => [part, module, ...compositions.map((c) => String(coreBytes(c.client.modules, module)))]);
  const widths = header.map((h, col) => Math.max(h.length, ...rows.map((r) => r[col].length)));
  for (const row of [header, ...rows]) console.log(`  ${row.map((cell, col) => cell.padEnd(widths[col])).join("  ")}`);
  // The proof: the shared level is in a client bundle only when a store is imported with it.
  for (const { vendor, client, withStore } of compositions) {
    const without = coreBytes(client.modules, "shared-tokens.ts");
    const withIt = coreBytes(withStore.modules, "shared-tokens.ts");
    if (without !== 0) failures.push(`${vendor}: the client-only bundle ships ${without} B of shared-tokens.ts (the shared level must come with a tokenStore only)`);
    if (withIt < 1000) failures.push(`${vendor}: a bundle with createMemoryTokenStore has only ${withIt} B of shared-tokens.ts (the store no longer brings the shared level?)`);
  }
  const added = compositions.map(({ vendor, client, withStore }) => `${vendor} +${withStore.gzipBytes - client.gzipBytes}`).join(", ");
  console.log(`\nA tokenStore brings the shared level with it: importing createMemoryTokenStore adds (min+gzip B) ${added}; without one, 0 B of shared-tokens.ts ships.`);
  return failures;
}
