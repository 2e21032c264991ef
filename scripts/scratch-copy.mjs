// A scratch copy of this tree for the scripts that change it to prove something (propagation, the
// release end to end, the new-vendor scaffold): the tracked and untracked (not ignored) files, as a
// fresh git repository with one commit.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Copies the tree into `dest` and commits it there as `author`; returns the number of files. */
export function copyTree(dest, author) {
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" }).split("\0").filter(Boolean);
  let copied = 0;
  for (const file of files) {
    if (!existsSync(path.join(ROOT, file))) continue; // deleted in the working tree
    mkdirSync(path.dirname(path.join(dest, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(dest, file));
    copied++;
  }
  const env = { ...process.env, ...gitIdentity(author) };
  for (const args of [["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "The tree as it is"]]) execFileSync("git", args, { cwd: dest, env, stdio: "pipe" });
  return copied;
}

/** The git author and committer environment of a script's commits in its scratch copy. */
export const gitIdentity = (author) => ({ GIT_AUTHOR_NAME: author, GIT_AUTHOR_EMAIL: `${author}@example.com`, GIT_COMMITTER_NAME: author, GIT_COMMITTER_EMAIL: `${author}@example.com` });
