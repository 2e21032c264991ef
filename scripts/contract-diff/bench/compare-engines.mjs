#!/usr/bin/env node
// Runs the candidate engines on the same fixture pairs and the Agilicus pair, and writes the
// comparison on our own fixture pairs (docs/contract-diff-engines-fixtures.md; the comparison on
// oasdiff's own test suite is bench/oasdiff-suite/run.mjs, docs/contract-diff-engines.md):
//   - ours: scripts/contract-diff (in process)
//   - Redocly CLI `diff` (npm @redocly/cli, experimental), from node_modules
//   - oasdiff (Go): `breaking` + `changelog`; from $OASDIFF, else PATH, else skipped. Install with
//     `GOBIN=$PWD/node_modules/.cache/oasdiff go install github.com/oasdiff/oasdiff@latest`.
// Not part of `pnpm test`: the comparison is a one-off input to a decision, rerun when engines move.
import { mkdtempSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { diffDocuments, isBreaking, requiredBump } from "../src/index.mjs";
import { RULE_FIXTURES, SAFE_FIXTURES, baseSpec } from "../test/fixtures.mjs";
import { parseDocument } from "../src/load.mjs";
import { readFileSync } from "node:fs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const dir = mkdtempSync(path.join(tmpdir(), "engines-"));
const redocly = path.join(root, "node_modules/.bin/redocly");
const oasdiff = [process.env.OASDIFF, path.join(root, "node_modules/.cache/oasdiff/oasdiff")].find((p) => p && existsSync(p)) ?? (spawnSync("oasdiff", ["--version"]).status === 0 ? "oasdiff" : undefined);
const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_NOTIFICATIONS: "true", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };

function timed(fn) {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

// Redocly's diff rules are off unless the config extends diff-recommended (the repo's lint config does not).
const redoclyConfig = path.join(dir, "redocly-diff.yaml");
writeFileSync(redoclyConfig, "extends:\n  - diff-recommended\n");

function runRedocly(base, head) {
  const r = spawnSync(redocly, ["diff", base, head, "--config", redoclyConfig, "--format=json", "--fail-on=none", "--lint-config=off"], { encoding: "utf8", env });
  try {
    const report = JSON.parse(r.stdout.slice(r.stdout.indexOf("{")));
    const verdicts = report.changes.flatMap((c) => (c.verdicts ?? []).map((v) => `${v.ruleId}:${v.impact}`));
    return { bump: report.bump, rules: [...new Set(verdicts)], breaking: report.bump === "major" };
  } catch {
    return { error: (r.stderr || r.stdout).trim().split("\n").slice(-1)[0] };
  }
}

function runOasdiff(base, head) {
  if (!oasdiff) return { skipped: true };
  const r = spawnSync(oasdiff, ["changelog", base, head, "--format", "json", "--level", "INFO"], { encoding: "utf8" });
  try {
    const items = JSON.parse(r.stdout || "[]");
    const levels = { 3: "ERR", 2: "WARN", 1: "INFO" };
    const rules = [...new Set(items.map((i) => `${i.id}:${levels[i.level] ?? i.level}`))];
    return { rules, breaking: items.some((i) => i.level >= 2) };
  } catch {
    return { error: (r.stderr || r.stdout).trim().split("\n").slice(-1)[0] };
  }
}

const rows = [];
const pairs = [
  ...RULE_FIXTURES.map((f) => ({ name: `${f.rule} (${f.level})`, expectBreaking: isBreaking(f.level), fixture: f })),
  ...SAFE_FIXTURES.map((f) => ({ name: `safe: ${f.name}`, expectBreaking: false, fixture: f })),
];
pairs.forEach(({ name, expectBreaking, fixture }, i) => {
  const base = baseSpec();
  fixture.base?.(base);
  const head = structuredClone(base);
  fixture.mutate(head);
  const bFile = path.join(dir, `${i}-base.yaml`);
  const hFile = path.join(dir, `${i}-head.yaml`);
  writeFileSync(bFile, stringify(base));
  writeFileSync(hFile, stringify(head));
  const ours = diffDocuments(base, head, { now: new Date("2026-01-01") });
  rows.push({
    name,
    expectBreaking,
    ours: { breaking: ours.some((c) => isBreaking(c.level)), bump: requiredBump(ours), rules: [...new Set(ours.map((c) => `${c.rule}:${c.level}`))] },
    redocly: runRedocly(bFile, hFile),
    oasdiff: runOasdiff(bFile, hFile),
  });
});

const agBase = path.join(root, "specs/fixtures/agilicus.seed-002.yaml");
const agHead = path.join(root, "specs/agilicus.yaml");
const oursAg = timed(() => diffDocuments(parseDocument(readFileSync(agBase, "utf8"), "base"), parseDocument(readFileSync(agHead, "utf8"), "head")));
const oursCli = timed(() => spawnSync(process.execPath, [path.join(root, "scripts/contract-diff/src/cli.mjs"), "--base", agBase, "--head", agHead, "--format", "json"], { encoding: "utf8" }));
const redAg = timed(() => runRedocly(agBase, agHead));
const oasAg = oasdiff ? timed(() => runOasdiff(agBase, agHead)) : undefined;

const verdict = (engine, row) => {
  const r = row[engine];
  if (r.skipped) return "n/a";
  if (r.error) return `error: ${r.error.slice(0, 60)}`;
  const ok = r.breaking === row.expectBreaking;
  return `${ok ? "✔" : "✘"} ${r.breaking ? "breaking" : "not breaking"}${r.rules.length ? `: ${r.rules.slice(0, 3).join(", ")}${r.rules.length > 3 ? " …" : ""}` : ""}`;
};
const score = (engine) => rows.filter((row) => !row[engine].skipped && !row[engine].error && row[engine].breaking === row.expectBreaking).length;

const out = [];
out.push("# Contract-diff engines compared on our fixture pairs", "");
out.push(`Generated by \`node scripts/contract-diff/bench/compare-engines.mjs\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}.`);
out.push(`Fixture pairs: the ${RULE_FIXTURES.length} rule pairs and ${SAFE_FIXTURES.length} safe pairs of \`scripts/contract-diff/test/fixtures.mjs\`. "✔" = the engine's breaking/not-breaking verdict matches the rule set's level (major/warn = breaking).`, "");
out.push("| engine | verdicts matching the rule set | Agilicus 002 → 004 |", "| --- | --- | --- |");
out.push(`| ours (scripts/contract-diff) | ${score("ours")} / ${rows.length} | ${oursAg.value.length} changes, ${oursAg.ms.toFixed(1)} ms in process, ${oursCli.ms.toFixed(0)} ms as a CLI process |`);
out.push(`| Redocly CLI 2.77.0 \`diff\` | ${score("redocly")} / ${rows.length} | bump ${redAg.value.bump ?? "?"}, ${redAg.ms.toFixed(0)} ms as a CLI process |`);
out.push(`| oasdiff ${oasdiff ? spawnSync(oasdiff, ["--version"], { encoding: "utf8" }).stdout.trim() : "(not installed)"} | ${oasdiff ? `${score("oasdiff")} / ${rows.length}` : "n/a"} | ${oasAg ? `${oasAg.value.rules?.length ?? 0} distinct rule ids, ${oasAg.ms.toFixed(0)} ms as a CLI process` : "n/a"} |`, "");
out.push("| fixture | ours | Redocly diff | oasdiff |", "| --- | --- | --- | --- |");
for (const row of rows) out.push(`| ${row.name} | ${verdict("ours", row)} | ${verdict("redocly", row)} | ${verdict("oasdiff", row)} |`);
out.push("");
console.log(out.join("\n"));
