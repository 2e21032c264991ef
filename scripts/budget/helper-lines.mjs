#!/usr/bin/env node
// The hand-written helper layer of each vendor package, in lines of code: `src/` without
// `generated/` and `testing/`, blank lines and comments left out. The spec-driven layer keeps each
// within BUDGET (the facts live in the generated code, not here).
//
//   node scripts/budget/helper-lines.mjs            print the counts, exit 1 over budget
//   node scripts/budget/helper-lines.mjs --json     the counts as JSON
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { VENDORS } from "../vendors.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const BUDGET = 300;

/** Lines of code of a TypeScript source: not blank, not a comment line, not inside a block comment. */
export function codeLines(source) {
  let count = 0;
  let inBlock = false;
  for (const raw of source.split("\n")) {
    const line = raw.trim();
    if (inBlock) {
      if (line.includes("*/")) inBlock = false;
      continue;
    }
    if (line.startsWith("/*")) {
      inBlock = !line.includes("*/");
      continue;
    }
    if (line === "" || line.startsWith("//")) continue;
    count++;
  }
  return count;
}

function helperFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated" && entry.name !== "testing") out.push(...helperFiles(full));
    } else if (entry.name.endsWith(".ts")) out.push(full);
  }
  return out;
}

export function helperLines(vendor) {
  return helperFiles(path.join(ROOT, "packages", vendor, "src")).reduce((sum, file) => sum + codeLines(readFileSync(file, "utf8")), 0);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const counts = Object.fromEntries(VENDORS.map((vendor) => [vendor, helperLines(vendor)]));
  if (process.argv.includes("--json")) console.log(JSON.stringify(counts));
  else for (const [vendor, lines] of Object.entries(counts)) console.log(`${vendor.padEnd(12)} ${String(lines).padStart(4)} lines of hand-written helper code (budget ${BUDGET})${lines > BUDGET ? "  OVER" : ""}`);
  if (Object.values(counts).some((lines) => lines > BUDGET)) process.exit(1);
}
