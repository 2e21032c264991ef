#!/usr/bin/env node
// Side-by-side measurement on oasdiff's own test suite: every checker test of oasdiff that diffs two
// spec files and asserts a verdict (see go-tests.mjs) is run through our engine and through the
// oasdiff binary, and both are compared with the verdict the test asserts.
//
//   node scripts/contract-diff/bench/oasdiff-suite/run.mjs --oasdiff-repo <git dir of oasdiff>
//     [--oasdiff <binary>] [--engine <path to an engine's src/index.mjs>] [--json <file>]
//     [--markdown <file>]
//
// The oasdiff repository is read with git (nothing of it is kept in this repository); the binary
// comes from `go install github.com/oasdiff/oasdiff@latest`. Not part of `pnpm test`.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "../../src/args.mjs";
import { casesOfTestFile, readRules } from "./go-tests.mjs";
import { EXPLAINED } from "./explained.mjs";
import { mutateSpec, syntheticSpec, toYaml } from "../../../bench/synthetic-spec.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const options = parseArgs(process.argv.slice(2), { strings: ["oasdiff-repo", "oasdiff", "engine", "json", "markdown", "now"], booleans: ["no-timing"] });
if (!options["oasdiff-repo"]) {
  console.error("usage: run.mjs --oasdiff-repo <git dir of github.com/oasdiff/oasdiff> [--oasdiff <binary>] [--engine <src/index.mjs>] [--json <file>] [--markdown <file>]");
  process.exit(2);
}
const engine = await import(pathToFileURL(path.resolve(options.engine ?? path.join(here, "../../src/index.mjs"))).href);
const now = new Date(options.now ?? Date.now());
const oasdiff = options.oasdiff ?? [path.join(here, "../../../../node_modules/.cache/oasdiff/oasdiff")].find(existsSync) ?? "oasdiff";

// Check out oasdiff's checker tests and data into a scratch directory.
const gitDir = options["oasdiff-repo"];
const commit = execFileSync("git", ["--git-dir", gitDir, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
const work = mkdtempSync(path.join(tmpdir(), "oasdiff-suite-"));
execFileSync("sh", ["-c", `git --git-dir "$0" archive HEAD checker data | tar -x -C "$1"`, gitDir, work]);

const goFiles = new Map();
for (const f of readdirSync(path.join(work, "checker"))) if (f.endsWith(".go")) goFiles.set(`checker/${f}`, readFileSync(path.join(work, "checker", f), "utf8"));
const rules = readRules(goFiles);
const cases = [];
const skipped = {};
for (const [file, text] of goFiles) {
  if (!file.endsWith("_test.go")) continue;
  const result = casesOfTestFile(file, text, rules);
  cases.push(...result.cases);
  for (const [k, v] of Object.entries(result.skipped)) skipped[k] = (skipped[k] ?? 0) + v;
}

async function ours(c) {
  try {
    const base = await engine.loadDocument(path.join(work, c.base), { cwd: work });
    const head = await engine.loadDocument(path.join(work, c.revision), { cwd: work });
    const changes = engine.diffDocuments(base.doc, head.doc, { now });
    const breaking = changes.filter((x) => engine.isBreaking(x.level));
    return { verdict: breaking.length ? "breaking" : "not-breaking", rules: [...new Set((breaking.length ? breaking : changes).map((x) => `${x.rule}:${x.level}`))] };
  } catch (error) {
    if (error.name === "InputError") return { verdict: "exit-2", error: error.message.replace(work + "/", "") };
    throw error;
  }
}

function theirs(c) {
  const r = spawnSync(oasdiff, ["breaking", c.base, c.revision, "--format", "json"], { cwd: work, encoding: "utf8" });
  if (r.error) return { verdict: "n/a" };
  try {
    const items = JSON.parse(r.stdout || "[]");
    return { verdict: items.length ? "breaking" : "not-breaking", rules: [...new Set(items.map((i) => i.id))] };
  } catch {
    return { verdict: "error", error: (r.stderr || r.stdout).trim().split("\n")[0] };
  }
}

for (const c of cases) {
  c.ours = await ours(c);
  c.oasdiff = theirs(c);
  c.agree = c.ours.verdict === c.label;
  c.explained = c.agree ? undefined : EXPLAINED[c.test] ?? scopeOnlyLabel(c);
}

/**
 * A test's label does not hold for the pair as a whole when oasdiff itself, running all its checks
 * on the same pair, gives our verdict: a single-check test that asserts "not breaking" speaks for
 * one of oasdiff's checks only (typically the same schema is also used in a response, where
 * another check finds the break), and some labels are older than the binary's current rules.
 */
function scopeOnlyLabel(c) {
  if (c.oasdiff.verdict !== c.ours.verdict) return undefined;
  const evidence = c.oasdiff.rules?.length ? ` (${c.oasdiff.rules.slice(0, 3).join(", ")})` : "";
  if (c.scope === "single check" && c.label === "not-breaking") return { kind: "bad-label", reason: `the test runs one check; oasdiff with all its checks also says breaking${evidence}` };
  return { kind: "bad-label", reason: `the oasdiff binary (all checks) gives our verdict, not the test's${evidence}` };
}

// Every document of data/ that oasdiff reads (it diffs the file with itself without an error)
// must be readable by ours too: an exit 2 on a valid document is a bug.
async function readability() {
  const files = execFileSync("git", ["--git-dir", gitDir, "ls-tree", "-r", "--name-only", "HEAD", "data"], { encoding: "utf8" }).split("\n").filter((f) => /\.(ya?ml|json)$/.test(f));
  const refused = [];
  let valid = 0;
  let fragments = 0;
  for (const file of files) {
    const r = spawnSync(oasdiff, ["diff", file, file, "--format", "json"], { cwd: work, encoding: "utf8" });
    if (r.status !== 0) continue;
    // oasdiff also reads files that are not OpenAPI documents (schema fragments, openapi: ""): not counted.
    if (!/^\s*["']?openapi["']?\s*:\s*["']?3\.[01]\.\d/m.test(readFileSync(path.join(work, file), "utf8"))) {
      fragments++;
      continue;
    }
    valid++;
    try {
      await engine.loadDocument(path.join(work, file), { cwd: work });
    } catch (error) {
      if (error.name !== "InputError") throw error;
      refused.push({ file, error: error.message.replace(work + "/", "") });
    }
  }
  return { files: files.length, valid, fragments, refused };
}
const readable = await readability();

// Speed on large specs: synthetic specs (scripts/bench/synthetic-spec.mjs) against a mutated copy,
// both tools as the CLI processes users run; median of three runs each.
function timing() {
  const cli = path.join(here, "../../src/cli.mjs");
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const time = (cmd, args) => {
    const start = performance.now();
    const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    return { ms: performance.now() - start, r };
  };
  const rows = [];
  for (const operations of [1200, 2500, 5000]) {
    const base = path.join(work, `synthetic-${operations}.yaml`);
    const head = path.join(work, `synthetic-${operations}-mutated.yaml`);
    const spec = syntheticSpec(operations);
    writeFileSync(base, toYaml(spec));
    writeFileSync(head, toYaml(mutateSpec(spec)));
    const ours = [1, 2, 3].map(() => time(process.execPath, [cli, "--base", base, "--head", head, "--format", "json"]));
    const theirs = [1, 2, 3].map(() => time(oasdiff, ["breaking", base, head, "--format", "json"]));
    const oursBreaking = JSON.parse(ours[0].r.stdout).changes.filter((c) => c.level === "major" || c.level === "warn").length;
    const theirBreaking = JSON.parse(theirs[0].r.stdout || "[]").length;
    rows.push({ operations, mb: (readFileSync(base).length / 1e6).toFixed(1), oursMs: median(ours.map((x) => x.ms)), theirsMs: median(theirs.map((x) => x.ms)), oursBreaking, theirBreaking });
  }
  return rows;
}
const timings = options["no-timing"] ? [] : timing();

// Summary per family.
const families = [...new Set(cases.map((c) => c.family))].sort();
const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : "n/a");
const rows = [];
const totals = { cases: 0, agree: 0, policy: 0, badLabel: 0, unexplained: 0, theirs: 0, exit2: 0 };
for (const family of [...families, "all"]) {
  const list = family === "all" ? cases : cases.filter((c) => c.family === family);
  const agree = list.filter((c) => c.agree).length;
  const policy = list.filter((c) => c.explained?.kind === "policy").length;
  const badLabel = list.filter((c) => c.explained?.kind === "bad-label").length;
  const judged = list.length - policy - badLabel;
  const row = { family, cases: list.length, agree, policy, badLabel, judged, agreeJudged: agree, theirs: list.filter((c) => c.oasdiff.verdict === c.label).length, sameAsBinary: list.filter((c) => c.ours.verdict === c.oasdiff.verdict).length, exit2: list.filter((c) => c.ours.verdict === "exit-2").length };
  rows.push(row);
  if (family === "all") Object.assign(totals, row);
}

const lines = [];
lines.push(`oasdiff ${commit.slice(0, 12)} checker tests: ${cases.length} cases (tests skipped: ${Object.entries(skipped).map(([k, v]) => `${v} ${k}`).join("; ")})`, "");
lines.push("| family | cases | ours = test label | explained: policy | explained: bad label | ours = label on the rest | oasdiff binary = test label | ours = oasdiff binary | ours: exit 2 |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  const name = r.family === "all" ? "**all**" : r.family;
  lines.push(`| ${name} | ${r.cases} | ${r.agree} (${pct(r.agree, r.cases)}) | ${r.policy} | ${r.badLabel} | ${r.agree}/${r.judged} (${pct(r.agree, r.judged)}) | ${r.theirs} (${pct(r.theirs, r.cases)}) | ${r.sameAsBinary} (${pct(r.sameAsBinary, r.cases)}) | ${r.exit2} |`);
}
lines.push("");
lines.push(`OpenAPI 3.x documents of data/ that oasdiff reads: ${readable.valid} (of ${readable.files} files; ${readable.fragments} more are fragments or lack \`openapi: 3.x\`); ours refuses (exit 2) ${readable.refused.length} of them.`, "");
for (const r of readable.refused) lines.push(`- ${r.error}`);
if (readable.refused.length) lines.push("");
if (timings.length) {
  lines.push("Speed on specs over 1 MB (synthetic spec vs a copy with about 2% of its operations edited; CLI processes, median of 3):", "");
  lines.push("| operations | spec size | ours | oasdiff | breaking findings (ours / oasdiff) |", "| ---: | ---: | ---: | ---: | --- |");
  for (const t of timings) lines.push(`| ${t.operations} | ${t.mb} MB | ${(t.oursMs / 1000).toFixed(2)} s | ${(t.theirsMs / 1000).toFixed(2)} s | ${t.oursBreaking} / ${t.theirBreaking} |`);
  lines.push("");
}
const disagreements = cases.filter((c) => !c.agree);
lines.push(`Differences (${disagreements.length}):`, "");
lines.push("| test | pair | test label | ours | explanation |", "| --- | --- | --- | --- | --- |");
for (const c of disagreements.sort((a, b) => a.family.localeCompare(b.family) || a.test.localeCompare(b.test))) {
  const why = c.explained ? `${c.explained.kind}: ${c.explained.reason}` : "**unexplained**";
  lines.push(`| ${c.test} | ${c.base.replace(/^data\//, "")} → ${c.revision.replace(/^data\//, "")} | ${c.label} (${c.ids.join(", ") || "no change"}) | ${c.ours.verdict}${c.ours.rules?.length ? ` (${c.ours.rules.slice(0, 4).join(", ")})` : ""}${c.ours.error ? ` (${c.ours.error})` : ""} | ${why} |`);
}
const markdown = lines.join("\n");
if (options.markdown) writeFileSync(options.markdown, markdown + "\n");
if (options.json) writeFileSync(options.json, JSON.stringify({ commit, cases, rows, skipped, readable, timings }, null, 2));
console.log(markdown);
