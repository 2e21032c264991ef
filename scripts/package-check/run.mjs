// Publish checks: are the packages users download well formed? For every published package:
// `pnpm pack` into a temp dir, then on the tarball
//   - publint: package.json fields vs. the packed files (any message, suggestions included, fails);
//   - @arethetypeswrong/cli, profile "strict": every entry point's types and JavaScript under the
//     node10, node16 (from CJS), node16 (from ESM) and bundler resolution modes;
// then the size budget of every vendor entry point (size.mjs). Prints a table; exits 1 on any problem.
//
//   pnpm package-check        (after `pnpm build`)
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { ROOT, packAll, seconds, textTable } from "./pack.mjs";
import { checkSizes } from "./size.mjs";

const run = promisify(execFile);
const ATTW = join(ROOT, "node_modules/.bin/attw");
const RESOLUTION_MODES = ["node10", "node16-cjs", "node16-esm", "bundler"];

/**
 * The `./testing` entry (fakes for users' tests) is declared in every exports map ahead of its
 * source. Until a package has src/testing/index.ts, problems that only concern that entry are
 * reported as "pending" instead of failing; once the source exists they fail like any other.
 */
const testingPending = (pkg) => !existsSync(join(pkg.dir, "src/testing/index.ts"));
const concernsTesting = (where) => where.includes("./testing") || where.includes("testing.d.ts");

async function lintWithPublint(pkg) {
  const tarball = readFileSync(pkg.tarball);
  const { messages, pkg: manifest } = await publint({
    // No pkgDir: publint then lints the unpacked tarball itself, not the work tree.
    pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
    level: "suggestion",
  });
  return messages.map((message) => ({
    where: message.path.join("."),
    text: `publint ${message.type}: ${formatMessage(message, manifest, { color: false }) ?? message.code}`,
  }));
}

async function lintWithAttw(pkg) {
  // attw exits 1 when it finds problems; the JSON on stdout is what we read either way.
  const { stdout } = await run(ATTW, [pkg.tarball, "--format", "json", "--profile", "strict", "--no-color"], { maxBuffer: 64 * 1024 * 1024 }).catch((error) => {
    if (typeof error.stdout === "string" && error.stdout.startsWith("{")) return error;
    throw error;
  });
  const { analysis } = JSON.parse(stdout);
  // Every entry point must have been checked under all four modes; a missing mode is a problem too.
  const problems = [];
  for (const [entrypoint, { resolutions }] of Object.entries(analysis.entrypoints ?? {})) {
    for (const mode of RESOLUTION_MODES) {
      if (!resolutions?.[mode]) problems.push({ where: entrypoint, text: `attw: ${entrypoint} was not checked under ${mode}` });
    }
  }
  for (const problem of analysis.problems ?? []) {
    const entry = problem.entrypoint ?? "";
    problems.push({ where: entry, text: `attw ${problem.kind}: ${entry || problem.fileName || ""} (${problem.resolutionKind ?? "all modes"})` });
  }
  return { problems, entrypoints: Object.keys(analysis.entrypoints ?? {}) };
}

async function main() {
  const start = performance.now();
  const dir = mkdtempSync(join(tmpdir(), "package-check-"));
  try {
    const packStart = performance.now();
    const packages = await packAll(dir);
    console.log(`pack: ${packages.length} tarballs in ${seconds(packStart)}`);

    const lintStart = performance.now();
    const checked = [];
    // Two at a time: attw type-checks each entry point and the machine has two cores.
    const queue = [...packages];
    const worker = async () => {
      for (let pkg = queue.shift(); pkg; pkg = queue.shift()) {
        const [publintProblems, attw] = await Promise.all([lintWithPublint(pkg), lintWithAttw(pkg)]);
        const all = [...publintProblems, ...attw.problems];
        const pending = testingPending(pkg) ? all.filter((p) => concernsTesting(p.where)) : [];
        const failing = all.filter((p) => !pending.includes(p));
        checked.push({ pkg, publintProblems, attw, pending, failing });
      }
    };
    await Promise.all([worker(), worker()]);
    checked.sort((a, b) => packages.indexOf(a.pkg) - packages.indexOf(b.pkg));
    console.log(`publint + attw: ${seconds(lintStart)}\n`);

    const count = (problems, pending) => problems.filter((p) => !pending.includes(p)).length;
    console.log(
      textTable(
        ["package", "tarball kB", "entry points (attw)", "publint", `attw (${RESOLUTION_MODES.join(", ")})`, "result"],
        checked.map(({ pkg, publintProblems, attw, pending, failing }) => [
          `${pkg.name}@${pkg.version}`,
          (readFileSync(pkg.tarball).length / 1024).toFixed(1),
          attw.entrypoints.join(" "),
          count(publintProblems, pending) === 0 ? "ok" : `${count(publintProblems, pending)} problems`,
          count(attw.problems, pending) === 0 ? "ok" : `${count(attw.problems, pending)} problems`,
          failing.length > 0 ? "FAIL" : pending.length > 0 ? "ok (./testing pending)" : "ok",
        ]),
      ),
    );
    for (const { pkg, pending, failing } of checked) {
      for (const p of failing) console.error(`  FAIL ${pkg.name}: ${p.text}`);
      if (failing.some((p) => concernsTesting(p.where)) && !existsSync(join(pkg.dir, "dist/testing.js"))) {
        console.error(`  hint ${pkg.name}: src/testing/ exists but dist/testing.* does not: run \`pnpm build\``);
      }
      if (pending.length > 0) {
        console.warn(`  pending ${pkg.name}: ${pending.length} problems of ./testing, which has no src/testing/index.ts yet (they fail once it has)`);
      }
    }

    console.log("\nsize (min+gzip, browser bundle with dependencies):");
    const sizeStart = performance.now();
    const { failures: sizeFailures } = await checkSizes();
    console.log(`size: ${seconds(sizeStart)}`);
    for (const failure of sizeFailures) console.error(`  FAIL size: ${failure}`);

    const failed = checked.some((c) => c.failing.length > 0) || sizeFailures.length > 0;
    console.log(`\npackage-check: ${failed ? "FAILED" : "passed"} in ${seconds(start)}`);
    if (failed) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
