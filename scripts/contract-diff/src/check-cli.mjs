#!/usr/bin/env node
// pnpm contract-check [--base <git-ref>] [--report <file>]: fails when a spec or an API report
// changed since the base without a changeset (added or edited since the base) for its package, or
// with one whose bump is smaller than the contract requires. Prints the contract report (also to
// $GITHUB_STEP_SUMMARY when set, and to --report's file, e.g. for a pull-request comment).
import { appendFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "./args.mjs";
import { checkContracts } from "./check.mjs";
import { repoRoot } from "./git.mjs";
import { InputError } from "./load.mjs";

let options;
try {
  options = parseArgs(process.argv.slice(2), { strings: ["base", "report"] });
} catch (error) {
  console.error(`contract-check: ${error.message}\nusage: contract-check [--base <git-ref>] [--report <file>]`);
  process.exit(2);
}
const root = repoRoot(process.cwd()) ?? process.cwd();
try {
  const result = checkContracts({ root, ...(options.base ? { base: options.base } : {}) });
  console.log(`contract-check: comparing specs/ with ${result.base ?? "(no base)"}${result.baseReason ? `, ${result.baseReason}` : ""}\n`);
  console.log(result.markdown);
  const verdict = result.ok ? "Every changed spec and API report has a changeset with a large enough bump." : result.problems.map((p) => `- ${p}`).join("\n");
  const report = `${result.markdown}\n${verdict}\n`;
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, report);
  if (options.report) writeFileSync(options.report, report);
  if (!result.ok) {
    for (const problem of result.problems) console.error(`contract-check: ${problem}`);
    console.error("contract-check: exit status 1 = a changeset is missing or declares too small a bump (listed above). This is the check's answer, not a crash; pnpm reports any non-zero status as ELIFECYCLE.");
    process.exitCode = 1;
  } else console.log("contract-check: every changed spec and API report has a changeset with a large enough bump.");
} catch (error) {
  if (error instanceof InputError) {
    console.error(`contract-check: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
