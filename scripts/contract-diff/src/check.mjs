// contract-check: every spec changed since the base must come with a changeset for its package
// whose bump is at least the bump the contract change requires.
import { compareSpecs } from "./compare.mjs";
import { changedFiles, defaultBase, revisionExists } from "./git.mjs";
import { BUMP_ORDER } from "./rules.mjs";
import { toMarkdown } from "./report.mjs";
import { readDeclaredBumps, vendorOfSpec } from "./workspace.mjs";
import { InputError } from "./load.mjs";

/**
 * @returns {{ ok: boolean, base: string|undefined, problems: string[], markdown: string, results: object[] }}
 */
export function checkContracts({ root, base = defaultBase(root), now } = {}) {
  if (!base) return { ok: true, base, problems: [], markdown: "No base revision (first commit): nothing to compare.\n", results: [] };
  if (!revisionExists(base, root)) throw new InputError(`base revision "${base}" does not exist`);
  const specs = changedFiles(base, ["specs"], root).filter((f) => vendorOfSpec(f));
  const results = compareSpecs({ root, base, specs, now });
  const declared = readDeclaredBumps(root);
  const problems = [];
  for (const result of results) {
    result.declared = declared.get(result.name);
    if (result.requiredBump === "none") continue;
    if (!result.pkg) {
      result.note = `No package generated from ${result.spec} yet: nothing to release.`;
      continue;
    }
    if (result.declared === undefined) {
      problems.push(`${result.spec} changed (required bump: ${result.requiredBump}) but no pending changeset names ${result.name}. Run \`pnpm contract-diff --write-changeset\` or \`pnpm changeset\`.`);
    } else if (BUMP_ORDER[result.declared] < BUMP_ORDER[result.requiredBump]) {
      problems.push(`${result.name}: the changesets declare a ${result.declared} bump, but the contract changes in ${result.spec} require ${result.requiredBump} (rule bump-too-small).`);
    }
  }
  const markdown = toMarkdown(results.map((r) => ({ ...r, label: `${r.spec}, ${r.status}` })));
  return { ok: problems.length === 0, base, problems, markdown, results };
}
