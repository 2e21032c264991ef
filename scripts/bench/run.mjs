#!/usr/bin/env node
// pnpm bench: the benchmark suite. Runs every section, each in a fresh Node process, and writes
// BENCHMARKS.md (the machine, the tool versions, every table with how it was measured and the
// command to reproduce it). Not part of `pnpm test`: nothing here asserts a time; targets are
// reported as met or missed.
//
//   pnpm bench                              all sections -> BENCHMARKS.md (about 6-9 minutes on 2 cores)
//   pnpm bench --only call-overhead,size    some sections -> node_modules/.cache/bench/BENCHMARKS.partial.md
//   pnpm bench --out FILE                   write the report elsewhere
//   pnpm bench --budget 540                 seconds the whole run may take before scaling steps are
//                                           extrapolated instead of run (default 540)
//   pnpm bench --profile                    profile the helper even when the call-overhead targets are met
//
// Needs `pnpm install && pnpm build` first (it measures the built packages in dist/) and Java 17+
// (openapi-generator). Raw results: node_modules/.cache/bench/results.json.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchCache, fromRoot } from "./lib/paths.mjs";
import { machine, tools } from "./lib/machine.mjs";
import { renderReport } from "./lib/report.mjs";

const SECTIONS = ["size", "token-fanout", "token-store", "call-overhead", "profile", "cold-start", "pipeline", "scaling"];
const here = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const options = { only: undefined, out: undefined, budget: 540, profile: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--only") options.only = argv[++i].split(",");
    else if (arg === "--out") options.out = argv[++i];
    else if (arg === "--budget") options.budget = Number(argv[++i]);
    else if (arg === "--profile") options.profile = true;
    else if (arg === "--help") {
      console.log(readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n").slice(1, 15).map((l) => l.replace(/^\/\/ ?/, "")).join("\n"));
      process.exit(0);
    } else throw new Error(`unknown option ${arg} (see --help)`);
  }
  for (const name of options.only ?? []) if (!SECTIONS.includes(name)) throw new Error(`unknown section ${name}; sections: ${SECTIONS.join(", ")}`);
  return options;
}

/** One section in a fresh process; its JSON result, or { error }. */
function runSection(name, sectionOptions = {}) {
  const out = path.join(benchCache, `${name}.json`);
  return new Promise((resolve) => {
    const started = performance.now();
    console.log(`bench: ${name}...`);
    // --expose-gc: mitata collects garbage between measurements when it can.
    const child = spawn(process.execPath, ["--expose-gc", path.join(here, "lib/section.mjs"), name, out, JSON.stringify(sectionOptions)], { stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
      process.stderr.write(chunk);
    });
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      console.log(`bench: ${name} ${code === 0 ? "done" : "FAILED"} in ${seconds.toFixed(1)} s`);
      // Node prints the code frame first, then "Error: <message>"; keep the message and what follows.
      const lines = stderr.trim().split("\n");
      const at = lines.findIndex((l) => /^\w*Error\b/.test(l));
      if (code !== 0) resolve({ error: lines.slice(Math.max(0, at), Math.max(0, at) + 15).join("\n") || `exit ${code}`, seconds });
      else resolve({ ...JSON.parse(readFileSync(out, "utf8")), seconds });
    });
  });
}

let options;
try {
  options = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error(`bench: ${error.message}`);
  process.exit(2);
}
const startedAt = Date.now();
const deadline = startedAt + options.budget * 1000;
mkdirSync(benchCache, { recursive: true });
for (const file of ["packages/unicourt/dist/index.js", "packages/unicourt/dist/sdk.js"]) {
  if (!existsSync(fromRoot(file))) {
    console.error(`bench: ${file} is missing: run \`pnpm build\` first`);
    process.exit(1);
  }
}

const wanted = (name) => !options.only || options.only.includes(name);
const results = { startedAt: new Date(startedAt).toISOString(), machine: machine(), tools: tools(), sections: {} };
for (const name of SECTIONS) {
  if (!wanted(name)) continue;
  if (name === "profile") {
    // Profile when a call-overhead target was missed (or when asked to).
    const missed = results.sections["call-overhead"]?.targets?.some((t) => !t.met);
    if (!missed && !options.profile && !options.only?.includes("profile")) continue;
  }
  results.sections[name] = await runSection(name, name === "scaling" ? { deadline } : {});
}
results.machine.loadAverageAtEnd = machine().loadAverage;
results.totalSeconds = (Date.now() - startedAt) / 1000;

writeFileSync(path.join(benchCache, "results.json"), JSON.stringify(results, null, 2));
const out = options.out ? path.resolve(options.out) : options.only ? path.join(benchCache, "BENCHMARKS.partial.md") : fromRoot("BENCHMARKS.md");
writeFileSync(out, renderReport(results));
console.log(`bench: wrote ${path.relative(process.cwd(), out)} (${results.totalSeconds.toFixed(0)} s in all)`);
const failed = Object.entries(results.sections).filter(([, r]) => r.error);
if (failed.length) {
  console.error(`bench: sections failed: ${failed.map(([n]) => n).join(", ")}`);
  process.exit(1);
}
