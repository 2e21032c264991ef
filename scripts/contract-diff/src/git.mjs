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
 * The default base: the merge base with main; on main itself (or when that is HEAD), the
 * previous commit. Undefined when there is none (a first commit).
 */
export function defaultBase(cwd) {
  const head = git(["rev-parse", "HEAD"], cwd)?.trim();
  if (!head) return undefined;
  for (const main of ["origin/main", "main"]) {
    const mergeBase = git(["merge-base", "HEAD", main], cwd)?.trim();
    if (mergeBase && mergeBase !== head) return mergeBase;
  }
  return git(["rev-parse", "--verify", "--quiet", "HEAD~1"], cwd)?.trim() || undefined;
}

/** Paths (relative to the repository root) changed between `base` and the working tree. */
export function changedFiles(base, pathspec, cwd) {
  const tracked = git(["diff", "--name-only", base, "--", ...pathspec], cwd) ?? "";
  const untracked = git(["ls-files", "--others", "--exclude-standard", "--", ...pathspec], cwd) ?? "";
  return [...new Set([...tracked.split("\n"), ...untracked.split("\n")].filter(Boolean))].sort();
}

export function repoRoot(cwd) {
  return git(["rev-parse", "--show-toplevel"], cwd)?.trim();
}
