#!/usr/bin/env node
// pnpm contract-check [--base <git-ref>]: fails when a spec changed since the base without a
// changeset for its package, or with a changeset whose bump is smaller than the contract requires.
// Prints the contract report (also to $GITHUB_STEP_SUMMARY when set).
import { appendFileSync } from "node:fs";
import { parseArgs } from "./args.mjs";
import { checkContracts } from "./check.mjs";
import { repoRoot } from "./git.mjs";
import { InputError } from "./load.mjs";

let options;
try {
  options = parseArgs(process.argv.slice(2), { strings: ["base"] });
} catch (error) {
  console.error(`contract-check: ${error.message}\nusage: contract-check [--base <git-ref>]`);
  process.exit(2);
}
const root = repoRoot(process.cwd()) ?? process.cwd();
try {
  const result = checkContracts({ root, ...(options.base ? { base: options.base } : {}) });
  console.log(`contract-check: comparing specs/ with ${result.base ?? "(no base)"}${result.baseReason ? `, ${result.baseReason}` : ""}\n`);
  console.log(result.markdown);
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, result.markdown);
  if (!result.ok) {
    for (const problem of result.problems) console.error(`contract-check: ${problem}`);
    console.error("contract-check: exit status 1 = a changeset is missing or declares too small a bump (listed above). This is the check's answer, not a crash; pnpm reports any non-zero status as ELIFECYCLE.");
    process.exitCode = 1;
  } else console.log("contract-check: every changed spec has a changeset with a large enough bump.");
} catch (error) {
  if (error instanceof InputError) {
    console.error(`contract-check: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
