// The few git queries the contract tools need, run with execFileSync (no shell).
import { execFileSync } from "node:child_process";

function git(args, cwd) {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/** The file's text at a revision, or undefined when the revision or file does not exist. */
export function showFileAtRef(ref, path, cwd) {
  return git(["show", `${ref}:${path}`], cwd);
}

export function revisionExists(ref, cwd) {
  return git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], cwd) !== undefined;
}

/**
 * The default base, and why it is the base:
 * - on a branch other than main: the merge base with main (origin/main first), which is HEAD itself
 *   on a new branch without commits (then only the uncommitted edits are judged);
 * - on main: the last release tag (changesets tags releases `<package>@<version>`), else HEAD~1.
 * Undefined when there is none (a first commit).
 * @returns {{ ref: string, reason: string } | undefined}
 */
export function defaultBaseOf(cwd) {
  const head = git(["rev-parse", "HEAD"], cwd)?.trim();
  if (!head) return undefined;
  const branch = git(["rev-parse", "--abbrev-ref", "HEAD"], cwd)?.trim();
  const mains = ["origin/main", "main"].filter((m) => git(["rev-parse", "--verify", "--quiet", `${m}^{commit}`], cwd) !== undefined);
  const onMain = branch === "main" || (branch === "HEAD" && mains.some((m) => git(["rev-parse", m], cwd)?.trim() === head));
  if (!onMain) {
    for (const main of mains) {
      const mergeBase = git(["merge-base", "HEAD", main], cwd)?.trim();
      if (mergeBase) return { ref: mergeBase, reason: mergeBase === head ? `the merge base with ${main} (HEAD: only uncommitted edits)` : `the merge base with ${main}` };
    }
  }
  const tag = git(["describe", "--tags", "--abbrev=0", "--match", "*@[0-9]*", "HEAD"], cwd)?.trim();
  if (tag) return { ref: tag, reason: `the last release tag` };
  const previous = git(["rev-parse", "--verify", "--quiet", "HEAD~1"], cwd)?.trim();
  return previous ? { ref: previous, reason: "the previous commit (HEAD~1)" } : undefined;
}

export const defaultBase = (cwd) => defaultBaseOf(cwd)?.ref;

/** Paths (relative to the repository root) changed between `base` and the working tree. */
export function changedFiles(base, pathspec, cwd) {
  const tracked = git(["diff", "--name-only", base, "--", ...pathspec], cwd) ?? "";
  const untracked = git(["ls-files", "--others", "--exclude-standard", "--", ...pathspec], cwd) ?? "";
  return [...new Set([...tracked.split("\n"), ...untracked.split("\n")].filter(Boolean))].sort();
}

export function repoRoot(cwd) {
  return git(["rev-parse", "--show-toplevel"], cwd)?.trim();
}
