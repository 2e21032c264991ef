// Size budget: what each vendor entry point costs a browser app. Every entry (".", "./sdk",
// "./schema") is bundled with esbuild (the one tsup ships) for the browser, minified, with every
// dependency inlined (@vendor-auth/core, openapi-fetch), then gzipped; the min+gzip bytes are
// compared with scripts/package-check/size-budget.json.
//
//   node scripts/package-check/size.mjs            measure and enforce the budgets
//   node scripts/package-check/size.mjs --update   rewrite the budgets as measured + MARGIN
//
// Two figures per helper entry: "entry" keeps every export (what `import * as x` or a bundler
// without tree-shaking pays: the budgeted worst case) and "client" imports only `createXClient`
// (what a tree-shaking bundler ships for the usual import; budgeted too, so growth shows up).
// Then composition.mjs: each client-only import by source module (esbuild metafiles), and the
// proof that the optional parts of the core are tree-shaken when unused.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { bundleSize } from "./bundle-size.mjs";
import { measureComposition, reportComposition } from "./composition.mjs";
import { ROOT, VENDORS, seconds, textTable } from "./pack.mjs";

export const BUDGET_FILE = join(ROOT, "scripts/package-check/size-budget.json");
/** The aim for each helper entry (min+gzip bytes); the budget file holds what is enforced. */
export const HELPER_AIM_BYTES = 6000;
/** Headroom the budgets get over the measured size with --update: 3 %, at least 64 bytes. */
const MARGIN = (bytes) => Math.ceil(Math.max(bytes * 1.03, bytes + 64) / 10) * 10;

/** The helper factory of a vendor (`createUniCourtClient`): the one `create…Client` export of its built `.` entry. */
export async function clientFactory(vendor) {
  const exports = Object.keys(await import(pathToFileURL(join(ROOT, "packages", vendor, "dist/index.js")).href));
  const factories = exports.filter((name) => /^create[A-Z]\w*Client$/.test(name));
  if (factories.length !== 1) throw new Error(`@vendor-auth/${vendor} must export one create…Client factory, found: ${factories.join(", ") || "none"}`);
  return factories[0];
}

/** The measured cases: one per vendor entry, plus the client-only import of each helper entry. */
async function cases() {
  const factories = await Promise.all(VENDORS.map(clientFactory));
  return VENDORS.flatMap((vendor, i) => {
    const pkg = `@vendor-auth/${vendor}`;
    return [
      { vendor, key: ".", source: `export * from "${pkg}";` },
      { vendor, key: "client", source: `export { ${factories[i]} } from "${pkg}";` },
      { vendor, key: "./sdk", source: `export * from "${pkg}/sdk";` },
      { vendor, key: "./schema", source: `export * from "${pkg}/schema";` },
    ];
  });
}

/** Bundles one case; returns its min and min+gzip bytes. */
async function measure({ vendor, key, source }) {
  // resolveDir inside the package: its own name resolves through its exports (self-reference)
  // to dist/, and its dependencies through its node_modules, as in an installed copy.
  const { minBytes, gzipBytes } = await bundleSize(source, join(ROOT, "packages", vendor));
  return { vendor, key, min: minBytes, gzip: gzipBytes };
}

export async function measureSizes() {
  return Promise.all((await cases()).map(measure));
}

/** The budgets and the composition proof: measures both, prints both; returns the failures. */
export async function checkSizes() {
  const results = await measureSizes();
  const failures = reportSizes(results, readBudgets());
  failures.push(...reportComposition(await measureComposition(await Promise.all(VENDORS.map(clientFactory)))));
  return { results, failures };
}

export function readBudgets() {
  return JSON.parse(readFileSync(BUDGET_FILE, "utf8"));
}

/** Writes measured + MARGIN for every case. */
export function writeBudgets(results) {
  const budgets = {
    $comment: `min+gzip bytes (esbuild --bundle --minify --platform=browser, gzip -9). "client" = only the create*Client import. Aim for "." and "client": under ${HELPER_AIM_BYTES}. Regenerate with: node scripts/package-check/size.mjs --update`,
  };
  for (const { vendor, key, gzip } of results) (budgets[vendor] ??= {})[key] = MARGIN(gzip);
  writeFileSync(BUDGET_FILE, `${JSON.stringify(budgets, null, 2)}\n`);
}

/** Prints the size table; returns the failures. */
export function reportSizes(results, budgets) {
  const failures = [];
  const rows = results.map(({ vendor, key, min, gzip }) => {
    const budget = budgets[vendor]?.[key];
    const over = budget === undefined || gzip > budget;
    if (over) failures.push(`${vendor} ${key}: ${gzip} B min+gzip > budget ${budget ?? "(none)"}`);
    const aim = key === "." || key === "client" ? (gzip <= HELPER_AIM_BYTES ? "yes" : "no") : "";
    return [`@vendor-auth/${vendor}`, key, min, gzip, budget ?? "-", over ? "OVER" : "ok", aim];
  });
  console.log(textTable(["package", "entry", "min B", "min+gzip B", "budget B", "status", `<= ${HELPER_AIM_BYTES} B aim`], rows));
  return failures;
}

async function main() {
  const start = performance.now();
  if (process.argv.includes("--update")) {
    writeBudgets(await measureSizes());
    console.log(`wrote ${BUDGET_FILE}`);
  }
  const { results, failures } = await checkSizes();
  console.log(`\nsize: ${results.length} bundles in ${seconds(start)}`);
  if (failures.length > 0) {
    console.error(`\nsize budget exceeded:\n  ${failures.join("\n  ")}`);
    process.exitCode = 1;
  }
}

if (import.meta.filename === process.argv[1]) await main();
