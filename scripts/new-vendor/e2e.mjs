#!/usr/bin/env node
// The scaffold end to end, as a maintainer adds a vendor: in a scratch copy of this tree, write a
// small spec (sample.yaml) as specs/sample.yaml, run `pnpm new-vendor sample`, install, generate and
// build the new package, type-check it and run its scaffolded tests (the client against its fake).
//
//   node scripts/new-vendor/e2e.mjs     (run by .ci/run after the build; a turbo cache hit for core and testing)
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT, copyTree } from "../scratch-copy.mjs";

const started = performance.now();
const log = (message) => console.log(`new-vendor e2e [${((performance.now() - started) / 1000).toFixed(0)} s]: ${message}`);
const turboCache = path.join(ROOT, ".turbo/cache");
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1", REDOCLY_TELEMETRY: "off", ...(existsSync(turboCache) ? { TURBO_CACHE_DIR: turboCache } : {}) };

function sh(cmd, args, cwd) {
  const result = spawnSync(cmd, args, { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited with ${result.status}:\n${`${result.stdout}\n${result.stderr}`.trim().split("\n").slice(-40).join("\n")}`);
  return result.stdout;
}

const work = mkdtempSync(path.join(tmpdir(), "vendor-auth-new-vendor-"));
try {
  const repo = path.join(work, "repo");
  log(`copied ${copyTree(repo, "new-vendor-e2e")} files`);
  sh("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"], repo);
  copyFileSync(path.join(ROOT, "scripts/new-vendor/sample.yaml"), path.join(repo, "specs/sample.yaml"));
  log(sh("pnpm", ["new-vendor", "sample"], repo).trim().split("\n").at(-2));
  // The new package is a new importer of the lockfile: an install that writes it, from the store
  // (explicitly: with CI=true pnpm defaults to --frozen-lockfile).
  sh("pnpm", ["install", "--no-frozen-lockfile", "--prefer-offline"], repo);
  // The generator JAR: downloaded once, shared.
  const jar = path.join(ROOT, "node_modules/.cache/openapi-generator");
  if (existsSync(jar)) {
    mkdirSync(path.join(repo, "node_modules/.cache"), { recursive: true });
    symlinkSync(jar, path.join(repo, "node_modules/.cache/openapi-generator"));
  }
  log("installed; generate, build, typecheck and test @vendor-auth/sample");
  sh("pnpm", ["exec", "turbo", "run", "build", "typecheck", "--filter=@vendor-auth/sample", "--output-logs=errors-only"], repo);
  const tests = sh("pnpm", ["--filter", "@vendor-auth/sample", "test"], repo);
  const passed = /Tests\s+(\d+) passed/.exec(tests.replace(/\x1b\[[0-9;]*m/g, ""))?.[1];
  if (!passed) throw new Error(`the scaffolded tests did not report passing:\n${tests.split("\n").slice(-20).join("\n")}`);
  log(`pnpm new-vendor sample: generated, built, type-checked; ${passed} scaffolded tests passed`);
} catch (error) {
  console.error(`new-vendor e2e: FAILED\n${error.message}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
