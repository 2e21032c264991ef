#!/usr/bin/env node
// `pnpm demo`: starts the fake of each vendor (@vendor-auth/<vendor>/testing) and walks the
// vendor's helper client through its token lifecycle against it, using the BUILT packages, as a
// user would. Prints a progress line while it runs, then one table per vendor (step, HTTP calls,
// result, ms). Exits 1 when any step fails. Prints no secret: results are ids, counts and
// statuses, and anything shaped like a fake token is masked.
import { existsSync } from "node:fs";
import { Vendor, clearProgress, mask, printSummary, progress } from "./report.mjs";
import { importWorkspace } from "./workspace.mjs";
import { fleet } from "./scenarios/fleet.mjs";
import { VENDORS, identifierOf } from "../vendors.mjs";

// One scenario per vendor (scenarios/<vendor>.mjs exports a function named after it), then the fleet.
// A vendor without one yet (just scaffolded) shows as one failed step that names the missing file.
const vendorScenario = async (vendor) => {
  const file = new URL(`./scenarios/${vendor}.mjs`, import.meta.url);
  const module = existsSync(file) ? await import(file.href) : {};
  return (
    module[identifierOf(vendor)] ??
    (() => {
      throw new Error(`no demo scenario: write scripts/demo/scenarios/${vendor}.mjs (export async function ${identifierOf(vendor)})`);
    })
  );
};
const scenarios = { ...Object.fromEntries(await Promise.all(VENDORS.map(async (vendor) => [vendor, await vendorScenario(vendor)]))), fleet };
const vendors = [];
const started = performance.now();
for (const [name, scenario] of Object.entries(scenarios)) {
  progress(`${name}: starting the fake`);
  try {
    vendors.push(await scenario({ importWorkspace }));
  } catch (error) {
    // The fake did not start or the package did not load: one failed step for the vendor.
    const vendor = new Vendor(name, { url: "(not started)", requests: [] });
    vendor.steps.push({ title: "start the fake", calls: 0, result: mask(`FAILED: ${error?.message ?? error}`), ms: 0, ok: false });
    vendors.push(vendor);
  }
}
clearProgress();

console.log(`vendor-auth-clients demo: each helper client against its vendor's fake (${(performance.now() - started).toFixed(0)} ms in all)`);
printSummary(vendors);
const failed = vendors.reduce((n, v) => n + v.failed, 0);
const total = vendors.reduce((n, v) => n + v.steps.length, 0);
console.log(`\n${total - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
