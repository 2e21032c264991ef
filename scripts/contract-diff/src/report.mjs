// Turns changes into a report: the ignore list, the required bump, JSON and Markdown renderings.
import { BUMP_ORDER, RULES, bumpForLevel, isBreaking } from "./rules.mjs";

/** @typedef {import("./collector.mjs").Change} Change */
/** @typedef {{ rule: string, operation?: string, pointer?: string, reason: string }} IgnoreEntry */

/** Drops the changes an ignore entry accepts (rule + optional operation + optional pointer). */
export function applyIgnores(changes, entries = []) {
  const kept = [];
  const ignored = [];
  for (const change of changes) {
    const entry = entries.find((e) => e.rule === change.rule && (e.operation === undefined || e.operation === change.operation) && (e.pointer === undefined || e.pointer === change.pointer));
    if (entry) ignored.push({ ...change, ignoredBecause: entry.reason });
    else kept.push(change);
  }
  return { kept, ignored };
}

/** The highest bump any change needs ("none" when nothing changed). */
export function requiredBump(changes) {
  let bump = "none";
  for (const change of changes) {
    const needed = bumpForLevel(change.level);
    if (BUMP_ORDER[needed] > BUMP_ORDER[bump]) bump = needed;
  }
  return bump;
}

const LEVEL_RANK = { major: 0, warn: 1, minor: 2, patch: 3 };
export const sortChanges = (changes) =>
  [...changes].sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || (RULES[a.rule].n ?? 99) - (RULES[b.rule].n ?? 99) || (a.operation ?? "").localeCompare(b.operation ?? "") || a.pointer.localeCompare(b.pointer));

/** @param {{ changes: Change[], ignored?: Change[] }} result */
export function toJson({ changes, ignored = [] }) {
  return { requiredBump: requiredBump(changes), changes: sortChanges(changes), ...(ignored.length ? { ignored } : {}) };
}

const escapeCell = (text) => String(text ?? "").replaceAll("|", "\\|").replaceAll("\n", " ");
const LEVEL_LABEL = { major: "**major**", warn: "**warn**", minor: "minor", patch: "patch" };

/**
 * One section per package (breaking changes first), suitable for a CI job summary or PR comment.
 * @param {Array<{ name: string, label?: string, changes: Change[], ignored?: Change[], declared?: string, note?: string }>} packages
 */
export function toMarkdown(packages) {
  const lines = ["## API contract changes", ""];
  if (packages.every((p) => p.changes.length === 0 && !p.note && !p.apiChanges?.length)) return [...lines, "No contract changes.", ""].join("\n");
  for (const pkg of packages) {
    const all = [...pkg.changes, ...(pkg.apiChanges ?? [])];
    const bump = requiredBump(all);
    const breaking = all.filter((c) => isBreaking(c.level)).length;
    lines.push(`### ${pkg.name}${pkg.label ? ` (${pkg.label})` : ""}`, "");
    lines.push(`Required bump: **${bump}**${pkg.declared !== undefined ? ` · declared by changesets: **${pkg.declared}**` : ""} · ${all.length} change${all.length === 1 ? "" : "s"}, ${breaking} breaking`, "");
    if (pkg.note) lines.push(pkg.note, "");
    if (pkg.changes.length) {
      lines.push("| level | rule | operation | change | where |", "| --- | --- | --- | --- | --- |");
      for (const c of sortChanges(pkg.changes)) lines.push(`| ${LEVEL_LABEL[c.level]} | \`${c.rule}\` | ${escapeCell(c.operation ?? "")} | ${escapeCell(c.message)} | \`${escapeCell(c.pointer)}\` |`);
      lines.push("");
    }
    if (pkg.apiChanges?.length) {
      lines.push("TypeScript surface (API reports):", "", "| level | rule | entry | change |", "| --- | --- | --- | --- |");
      for (const c of pkg.apiChanges) lines.push(`| ${LEVEL_LABEL[c.level]} | \`${c.rule}\` | \`${c.entry}\` | ${escapeCell(c.message)} |`);
      lines.push("");
    }
    if (pkg.ignored?.length) {
      lines.push(`<details><summary>${pkg.ignored.length} accepted by the ignore list</summary>`, "");
      for (const c of pkg.ignored) lines.push(`- \`${c.rule}\` ${escapeCell(c.operation ?? "")} ${escapeCell(c.message)}: ${escapeCell(c.ignoredBecause)}`);
      lines.push("", "</details>", "");
    }
  }
  return lines.join("\n");
}

/**
 * A changelog-ready summary for a drafted changeset, in the package's terms: one bullet per change
 * and affected operation (SDK method, helper methods, endpoint), naming the model and field. Groups
 * are separated by blank lines, so that the rendered CHANGELOG keeps "Added:" out of the breaking list.
 * @param {(change: Change) => { operations: string[], subject?: string }} [describe] from terms.mjs
 */
export function changesetSummary(changes, describe = (c) => ({ operations: c.operation ? [`\`${c.operation}\``] : [] })) {
  const sorted = sortChanges(changes);
  const head = (level) => ({ major: "BREAKING:", warn: "BREAKING (needs review):", minor: "Added:", patch: "Changed:" })[level];
  const groups = [];
  for (const level of ["major", "warn", "minor", "patch"]) {
    const group = sorted.filter((c) => c.level === level);
    if (!group.length) continue;
    const bullets = new Set();
    for (const c of group) {
      const { operations, subject } = describe(c);
      const what = `${subject ? `\`${subject}\`: ` : ""}${c.message}`;
      if (!operations.length) bullets.add(`- ${what}`);
      for (const op of operations) bullets.add(`- ${op}: ${what}`);
    }
    groups.push([head(level), ...bullets].join("\n"));
  }
  return groups.join("\n\n");
}

/** The TypeScript-surface part of a drafted changeset: one bullet per changed export. */
export function apiSummary(apiChanges = []) {
  if (!apiChanges.length) return "";
  const order = { major: 0, warn: 1, minor: 2, patch: 3 };
  const sorted = [...apiChanges].filter((c) => c.level !== "patch").sort((a, b) => order[a.level] - order[b.level] || a.entry.localeCompare(b.entry) || a.name.localeCompare(b.name));
  if (!sorted.length) return "";
  return ["TypeScript API:", ...sorted.map((c) => `- ${c.level === "major" ? "BREAKING: " : ""}\`${c.name}\` (\`${c.entry}\`): ${c.message.replace(/^export \S+ /, "")}`)].join("\n");
}
