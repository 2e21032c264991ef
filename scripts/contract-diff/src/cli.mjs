#!/usr/bin/env node
// pnpm contract-diff: what changed in the API contract, what it breaks, which bump it needs.
//
//   pnpm contract-diff --base <file|git-ref|ref:path> --head <file> [--format markdown|json]
//   pnpm contract-diff [--since <git-ref>] [--format markdown|json] [--write-changeset]
//
// Exit status: 0 nothing breaking; 1 a change is major or warn; 2 an input cannot be read or is not
// a valid OpenAPI document (with a one-line reason naming the file).
import path from "node:path";
import { parseArgs } from "./args.mjs";
import { diffDocuments } from "./diff.mjs";
import { InputError, loadDocument } from "./load.mjs";
import { apiSummary, applyIgnores, requiredBump, toJson, toMarkdown } from "./report.mjs";
import { addApiChanges, compareSpecs } from "./compare.mjs";
import { changedFiles, defaultBaseOf, repoRoot, revisionExists } from "./git.mjs";
import { BUMP_ORDER, isBreaking } from "./rules.mjs";
import { SPECS_DIR, packageOfVendor, readIgnoreList, vendorOfSpec } from "./workspace.mjs";
import { writeChangeset } from "./changeset-writer.mjs";

const USAGE = `usage: contract-diff --base <file|git-ref> --head <file> [--format markdown|json] [--ignore <file>] [--write-changeset]
       contract-diff [--since <git-ref>] [--format markdown|json] [--write-changeset]`;

// pnpm reports any non-zero exit as "ELIFECYCLE Command failed": say first that 1 is an answer.
const EXIT_1 = "contract-diff: exit status 1 = the contract changes are breaking (a major or warn finding, see the report above). This is the tool's answer, not a crash; pnpm reports any non-zero status as ELIFECYCLE.";

async function main(argv) {
  let options;
  try {
    options = parseArgs(argv, { booleans: ["write-changeset", "help"], strings: ["base", "head", "since", "format", "ignore"] });
  } catch (error) {
    console.error(`contract-diff: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const format = options.format ?? "markdown";
  if (!["markdown", "json"].includes(format)) {
    console.error(`contract-diff: --format must be markdown or json\n${USAGE}`);
    return 2;
  }
  const root = repoRoot(process.cwd()) ?? process.cwd();
  try {
    const status = options.base || options.head ? await comparePair(options, format, root) : compareSince(options, format, root);
    if (status === 1) console.error(EXIT_1);
    return status;
  } catch (error) {
    if (error instanceof InputError) {
      console.error(`contract-diff: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

async function comparePair(options, format, root) {
  if (!options.base || !options.head) throw new InputError("--base and --head go together");
  const head = await loadDocument(options.head, { cwd: root });
  const relativeHead = path.relative(root, path.resolve(options.head)).split(path.sep).join("/");
  const base = await loadDocument(options.base, { defaultPath: relativeHead, cwd: root });
  const vendor = vendorOfSpec(relativeHead);
  const ignoreEntries = options.ignore ? readIgnoreList(root, vendor ?? "", path.resolve(options.ignore)) : vendor ? readIgnoreList(root, vendor) : [];
  const { kept, ignored } = applyIgnores(diffDocuments(base.doc, head.doc), ignoreEntries);
  const name = (vendor && packageOfVendor(root, vendor)?.name) ?? relativeHead;
  if (format === "json") console.log(JSON.stringify(toJson({ changes: kept, ignored }), null, 2));
  else console.log(toMarkdown([{ name, label: `${base.label} → ${head.label}`, changes: kept, ignored }]));
  if (options["write-changeset"]) {
    if (!vendor) throw new InputError(`${options.head}: --write-changeset needs a vendor spec under specs/`);
    if (requiredBump(kept) !== "none") console.error(`wrote ${writeChangeset(root, { name, vendor, requiredBump: requiredBump(kept), changes: kept, spec: relativeHead, baseDoc: base.doc, headDoc: head.doc })}`);
  }
  return kept.some((c) => isBreaking(c.level)) ? 1 : 0;
}

function compareSince(options, format, root) {
  const chosen = options.since ? { ref: options.since, reason: "given with --since" } : defaultBaseOf(root);
  if (!chosen) {
    console.error("contract-diff: no base revision (first commit); pass --since <git-ref>");
    return 0;
  }
  const base = chosen.ref;
  if (!revisionExists(base, root)) throw new InputError(`git revision "${base}" does not exist`);
  // Only the specs changed since the base are judged (committed, staged, unstaged or new).
  const specs = changedFiles(base, [SPECS_DIR], root).filter((f) => vendorOfSpec(f));
  const results = addApiChanges({ root, base, specs, results: compareSpecs({ root, base, specs }) }).filter((r) => r.status !== "changed" || r.changes.length || r.ignored.length || r.apiChanges?.length);
  const all = results.flatMap((r) => r.changes);
  if (format === "json") {
    const packages = results.map((r) => ({ name: r.name, spec: r.spec, status: r.status, ...toJson({ changes: r.changes, ignored: r.ignored }), ...(r.apiChanges ? { apiChanges: r.apiChanges } : {}), requiredBump: r.requiredBump }));
    const overall = packages.reduce((max, p) => (BUMP_ORDER[p.requiredBump] > BUMP_ORDER[max] ? p.requiredBump : max), "none");
    console.log(JSON.stringify({ base, requiredBump: overall, changes: toJson({ changes: all }).changes, packages }, null, 2));
  } else {
    console.log(`Base: \`${base}\` (${chosen.reason})\n`);
    console.log(toMarkdown(results.map((r) => ({ ...r, label: `${r.spec}, ${r.status}` }))));
  }
  if (options["write-changeset"]) {
    for (const r of results) {
      if (r.requiredBump === "none" || !r.pkg) continue;
      console.error(`wrote ${writeChangeset(root, { name: r.name, vendor: r.vendor, requiredBump: r.requiredBump, changes: r.changes, spec: r.spec, baseDoc: r.baseDoc, headDoc: r.headDoc, extra: [apiSummary(r.apiChanges)] })}`);
    }
  }
  return all.some((c) => isBreaking(c.level)) || results.some((r) => r.status === "removed" || r.apiChanges?.some((c) => isBreaking(c.level))) ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
