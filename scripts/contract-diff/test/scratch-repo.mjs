// A throwaway git repository for the end-to-end tests: `git(...args)` and `put(file, text)` in it.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const GIT_ENV = { GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" };

export function scratchRepo(prefix) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const git = (...args) => execFileSync("git", args, { cwd: dir, encoding: "utf8", env: { ...process.env, ...GIT_ENV } });
  const put = (file, content) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  };
  git("init", "-q", "-b", "main");
  return { dir, git, put, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
