#!/usr/bin/env node
// Regenerates every package from its spec (ignoring turbo's cache) and fails if that changes the
// tree: generated code must be committed fresh, never edited by hand. Run by CI.
import { execFileSync, spawnSync } from "node:child_process";

const generatedPaths = ["packages/*/src/generated", "packages/*/docs/generated"];
const run = spawnSync("pnpm", ["exec", "turbo", "run", "generate", "--force", "--output-logs=errors-only"], { stdio: "inherit" });
if (run.status !== 0) process.exit(run.status ?? 1);

const status = execFileSync("git", ["status", "--porcelain", "--", ...generatedPaths], { encoding: "utf8" }).trim();
if (status) {
  console.error("Generated code is stale or was edited by hand. These files differ after `pnpm generate`:");
  console.error(status);
  console.error("\nTo fix this, run: pnpm generate, and commit the result together with the spec change.");
  process.exit(1);
}
console.log("Generated code is fresh: regenerating every package left the tree unchanged.");
