// The TypeScript layer of the contract: the diff of a package's API Extractor reports
// (packages/<pkg>/api/<entry>.api.md, written by `pnpm api-report --update`) between the base and
// the working tree, judged by the API rules below.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { changedFiles, showFileAtRef } from "./git.mjs";

/** The rules of the TypeScript layer (docs/contract-diff.md lists them with the spec rules). */
export const API_RULES = {
  "api-export-removed": { level: "major", title: "an export of a package entry removed or renamed" },
  "api-export-changed": { level: "major", title: "an export's declaration changed (a line removed or altered)" },
  "api-export-extended": { level: "minor", title: "an export's declaration only gained lines (a new member, overload or union branch on its own line)" },
  "api-export-added": { level: "minor", title: "an export added to a package entry" },
  "api-export-regenerated": { level: "patch", title: "a generated entry (./sdk, ./schema) changed along with the spec: the spec rules judge it" },
};

/** Entries generated from the spec: when the spec changed too, its direction-aware rules judge their changes. */
const GENERATED_ENTRIES = new Set(["sdk", "schema"]);

/**
 * The declarations of an API Extractor report: name → normalised text (release-tag comments and
 * imports dropped; overloads of one name joined).
 */
export function parseReport(text) {
  const code = /```ts\n([\s\S]*?)```/.exec(text ?? "")?.[1] ?? "";
  const declarations = new Map();
  for (const block of code.split(/\n\s*\n/)) {
    const lines = block.split("\n").filter((l) => l.trim() && !/^\s*\/\/ /.test(l) && !/^import /.test(l));
    if (!lines.length) continue;
    const first = lines.join(" ");
    const name =
      /^export \{ (?:[\w$]+ as )?([\w$]+) \}/.exec(first)?.[1] ??
      /^(?:export )?(?:declare )?(?:abstract )?(?:class|interface|type|function|const|let|var|enum|namespace) ([\w$]+)/.exec(first)?.[1] ??
      first.slice(0, 60);
    declarations.set(name, [...(declarations.has(name) ? [declarations.get(name)] : []), lines.join("\n")].join("\n"));
  }
  return declarations;
}

/**
 * @param {{ entry: string, baseText?: string, headText?: string, specChanged?: boolean }} report
 * @returns {Array<{ rule: string, level: string, entry: string, name: string, message: string }>}
 */
export function diffReports({ entry, baseText, headText, specChanged = false }) {
  const base = parseReport(baseText);
  const head = parseReport(headText);
  const label = entry === "index" ? "." : `./${entry}`;
  const out = [];
  const add = (rule, name, message) => out.push({ rule, level: API_RULES[rule].level, entry: label, name, message });
  for (const [name, text] of base) {
    if (!head.has(name)) {
      add("api-export-removed", name, `export ${name} removed from ${label}`);
      continue;
    }
    const next = head.get(name);
    if (next === text) continue;
    const before = text.split("\n");
    const after = next.split("\n");
    const onlyAdded = isSubsequence(before, after);
    if (onlyAdded) add("api-export-extended", name, `export ${name} of ${label} gained ${after.length - before.length} line${after.length - before.length === 1 ? "" : "s"}`);
    else if (GENERATED_ENTRIES.has(entry) && specChanged) add("api-export-regenerated", name, `export ${name} of ${label} changed with the spec (judged by the spec rules)`);
    else add("api-export-changed", name, `export ${name} of ${label} changed`);
  }
  for (const name of head.keys()) if (!base.has(name)) add("api-export-added", name, `export ${name} added to ${label}`);
  return out;
}

/** Is every line of `a` in `b`, in order? (b = a plus inserted lines) */
function isSubsequence(a, b) {
  let i = 0;
  for (const line of b) if (i < a.length && line === a[i]) i++;
  return i === a.length;
}

/**
 * The API changes of every published package whose reports changed since the base.
 * @param {{ root: string, base: string, specChangedFor?: (packageDir: string) => boolean }} options
 * @returns {Map<string, { name: string, dir: string, changes: object[] }>} by package name
 */
export function apiChangesSince({ root, base, specChangedFor = () => false }) {
  const byPackage = new Map();
  const packagesDir = path.join(root, "packages");
  if (!existsSync(packagesDir)) return byPackage;
  const changed = new Set(changedFiles(base, ["packages"], root).filter((f) => /^packages\/[^/]+\/api\/[^/]+\.api\.md$/.test(f)));
  for (const file of changed) {
    const dir = file.split("/")[1];
    const pkgFile = path.join(packagesDir, dir, "package.json");
    if (!existsSync(pkgFile)) continue;
    const pkg = JSON.parse(readFileSync(pkgFile, "utf8"));
    if (pkg.private) continue;
    const entry = path.basename(file, ".api.md");
    const headPath = path.join(root, file);
    const baseText = showFileAtRef(base, file, root);
    // A report without an earlier version records the surface for the first time: nothing to judge.
    if (baseText === undefined) continue;
    const changes = diffReports({
      entry,
      baseText,
      headText: existsSync(headPath) ? readFileSync(headPath, "utf8") : undefined,
      specChanged: specChangedFor(dir),
    });
    if (!changes.length) continue;
    const current = byPackage.get(pkg.name) ?? { name: pkg.name, dir, changes: [] };
    current.changes.push(...changes);
    byPackage.set(pkg.name, current);
  }
  return byPackage;
}
