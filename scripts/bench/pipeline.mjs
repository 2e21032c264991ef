// Section 4, pipeline: cold `pnpm generate --force` (every spec regenerated: lint, openapi-typescript,
// openapi-generator typescript-fetch, docs), warm `pnpm build` (a full turbo cache hit), and the
// contract-diff of the Agilicus pair. Generate and build run in a scratch copy of the work tree
// (the files git sees, node_modules linked, turbo's local cache copied), so the benchmark never
// rewrites the workspace's generated files or dist/ under anything else that is running.
// Baseline, measured in the same run: the start-up of an empty Node process.
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, readdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { fromRoot, repoRoot } from "./lib/paths.mjs";
import { runChecked, runTimed } from "./lib/proc.mjs";
import { median } from "./lib/stats.mjs";

const ENV = { TURBO_TELEMETRY_DISABLED: "1", TURBO_NO_UPDATE_NOTIFIER: "1", DO_NOT_TRACK: "1", FORCE_COLOR: "0" };

/** A copy of the work tree: tracked and untracked-but-not-ignored files, .git, per-package node_modules links. */
function copyTree() {
  const dir = mkdtempSync(path.join(tmpdir(), "vendor-auth-bench-tree-"));
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: repoRoot, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const file of files) if (existsSync(fromRoot(file))) cpSync(fromRoot(file), path.join(dir, file), { recursive: true, verbatimSymlinks: true });
  cpSync(fromRoot(".git"), path.join(dir, ".git"), { recursive: true });
  if (existsSync(fromRoot(".turbo/cache"))) cpSync(fromRoot(".turbo/cache"), path.join(dir, ".turbo/cache"), { recursive: true });
  // The root node_modules is shared (read-only here); each workspace package's node_modules holds
  // relative links (to ../../node_modules/.pnpm and to sibling packages), which resolve in the copy.
  symlinkSync(fromRoot("node_modules"), path.join(dir, "node_modules"), "dir");
  for (const group of ["packages", "scripts"]) {
    for (const name of readdirSync(fromRoot(group))) {
      const modules = fromRoot(group, name, "node_modules");
      if (!existsSync(modules)) continue;
      cpSync(modules, path.join(dir, group, name, "node_modules"), { recursive: true, verbatimSymlinks: true, filter: (src) => !/[/\\]\.vite(-temp)?([/\\]|$)/.test(src) });
    }
  }
  return dir;
}

/** Turbo's "Cached: N cached, M total" line. */
function cacheLine(output) {
  const match = /Cached:\s+(\d+) cached, (\d+) total/.exec(output);
  return match ? { cached: Number(match[1]), total: Number(match[2]) } : undefined;
}

/** Options (defaults): warm-build runs (3), contract-diff runs (5). */
export async function main({ buildRuns = 3, diffRuns = 5 } = {}) {
  const nodeStart = [];
  for (let i = 0; i < 5; i++) nodeStart.push((await runChecked(process.execPath, ["-e", "0"])).ms);

  const diffArgs = ["scripts/contract-diff/src/cli.mjs", "--base", "specs/fixtures/agilicus.seed-002.yaml", "--head", "specs/agilicus.yaml", "--format", "json"];
  const diff = [];
  let changes;
  for (let i = 0; i < diffRuns; i++) {
    // Exit status 1 means "breaking changes found", which this pair has; only 2 is a failure.
    const result = await runTimed(process.execPath, diffArgs, { cwd: repoRoot });
    if (result.code !== 0 && result.code !== 1) throw new Error(`contract-diff exited with ${result.code}: ${result.output}`);
    changes = JSON.parse(result.stdout).changes.length;
    diff.push(result.ms);
  }

  const tree = copyTree();
  try {
    const cold = await runChecked("pnpm", ["generate", "--force"], { cwd: tree, env: ENV });
    const prime = await runChecked("pnpm", ["build"], { cwd: tree, env: ENV });
    const warm = [];
    let warmCache;
    for (let i = 0; i < buildRuns; i++) {
      const result = await runChecked("pnpm", ["build"], { cwd: tree, env: ENV });
      warm.push(result.ms);
      warmCache = cacheLine(result.output);
    }
    const nodeMs = median(nodeStart);
    return {
      nodeStartMs: nodeMs,
      coldGenerate: { ms: cold.ms, tasks: cacheLine(cold.output), ratio: cold.ms / nodeMs },
      primeBuild: { ms: prime.ms, tasks: cacheLine(prime.output) },
      warmBuild: { runs: warm, ms: median(warm), tasks: warmCache, fullHit: warmCache !== undefined && warmCache.cached === warmCache.total, ratio: median(warm) / nodeMs },
      contractDiff: { runs: diff, ms: median(diff), changes, ratio: median(diff) / nodeMs },
    };
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
}
