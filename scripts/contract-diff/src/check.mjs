// contract-check: every spec changed since the base must come with a changeset for its package,
// added or edited since the base, whose bump is at least the bump the contract change requires.
import { addApiChanges, compareSpecs } from "./compare.mjs";
import { changedFiles, defaultBaseOf, revisionExists, showFileAtRef } from "./git.mjs";
import { BUMP_ORDER } from "./rules.mjs";
import { toMarkdown } from "./report.mjs";
import { CHANGESET_DIR, packageOfVendor, readDeclaredBumps, vendorOfSpec } from "./workspace.mjs";
import { InputError } from "./load.mjs";

/**
 * @returns {{ ok: boolean, base: string|undefined, baseReason?: string, problems: string[], markdown: string, results: object[] }}
 */
export function checkContracts({ root, base, now } = {}) {
  const chosen = base ? { ref: base, reason: "given with --base" } : defaultBaseOf(root);
  if (!chosen) return { ok: true, base: undefined, problems: [], markdown: "No base revision (first commit): nothing to compare.\n", results: [] };
  if (!revisionExists(chosen.ref, root)) throw new InputError(`base revision "${chosen.ref}" does not exist`);
  const specs = changedFiles(chosen.ref, ["specs"], root).filter((f) => vendorOfSpec(f));
  const results = compareSpecs({ root, base: chosen.ref, specs, now });
  addApiChanges({ root, base: chosen.ref, specs, results });
  // Only changesets added or edited since the base speak for these changes: an older pending
  // changeset of the package was written for another change.
  const declared = readDeclaredBumps(root, changedFiles(chosen.ref, [CHANGESET_DIR], root));
  // On a release commit the changesets are consumed: the version bump since the base declares it.
  for (const result of results) {
    const bump = versionBumpSince(root, chosen.ref, result.vendor);
    if (bump && (!declared.has(result.name) || BUMP_ORDER[bump] > BUMP_ORDER[declared.get(result.name)])) declared.set(result.name, bump);
  }
  const problems = [];
  for (const result of results) {
    result.declared = declared.get(result.name);
    if (result.requiredBump === "none") continue;
    if (!result.pkg) {
      result.note = `No package generated from ${result.spec} yet: nothing to release.`;
      continue;
    }
    if (result.declared === undefined) {
      problems.push(`${result.spec} changed (required bump: ${result.requiredBump}) but no changeset added or edited since the base names ${result.name}. Run \`pnpm contract-diff --write-changeset\` or \`pnpm changeset\`.`);
    } else if (BUMP_ORDER[result.declared] < BUMP_ORDER[result.requiredBump]) {
      problems.push(`${result.name}: the changesets added or edited since the base (or the version bump since it) declare a ${result.declared} bump, but the contract changes in ${result.spec}${result.apiChanges?.length ? " and its API reports" : ""} require ${result.requiredBump} (rule bump-too-small).`);
    }
  }
  const markdown = toMarkdown(results.map((r) => ({ ...r, label: `${r.spec}, ${r.status}` })));
  return { ok: problems.length === 0, base: chosen.ref, baseReason: chosen.reason, problems, markdown, results };
}

/** The bump from the package's version at the base to its version now ("none" when unchanged). */
function versionBumpSince(root, base, dir) {
  const head = packageOfVendor(root, dir)?.version;
  const text = showFileAtRef(base, `packages/${dir}/package.json`, root);
  if (!head || !text) return undefined;
  const parse = (v) => String(v).split("-")[0].split(".").map(Number);
  const [a, b] = [parse(JSON.parse(text).version), parse(head)];
  if (b[0] > a[0]) return "major";
  if (b[0] === a[0] && b[1] > a[1]) return "minor";
  if (b[0] === a[0] && b[1] === a[1] && b[2] > a[2]) return "patch";
  return undefined;
}
