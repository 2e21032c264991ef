// End to end in a scratch git repository: a spec change with no changeset, with too small a
// changeset, and with the right one gives fail, fail, pass; --write-changeset drafts the right one.
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseSpec } from "./fixtures.mjs";

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../src");
let repo;
const git = (...args) => execFileSync("git", args, { cwd: repo, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" } });
const write = (file, content) => {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), content);
};
const check = () => spawnSync(process.execPath, [path.join(src, "check-cli.mjs")], { cwd: repo, encoding: "utf8" });
const changeset = (bump) => write(".changeset/api-change.md", `---\n"@vendor-auth/acme": ${bump}\n---\n\nRemoved deleteItem.\n`);

beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), "contract-check-e2e-"));
  git("init", "-q", "-b", "main");
  write("specs/acme.yaml", stringify(baseSpec()));
  write("packages/acme/package.json", JSON.stringify({ name: "@vendor-auth/acme", version: "1.0.0" }));
  write(".changeset/config.json", "{}");
  git("add", "-A");
  git("commit", "-qm", "base");
  // The spec change under review: an operation removed (major).
  const head = baseSpec();
  delete head.paths["/items/{itemId}"].delete;
  write("specs/acme.yaml", stringify(head));
  git("commit", "-qam", "remove deleteItem");
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("pnpm contract-check in a scratch repository", () => {
  it("fails when the spec changed without a changeset", () => {
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("specs/acme.yaml changed (required bump: major) but no pending changeset names @vendor-auth/acme");
    expect(result.stdout).toContain("`operation-removed`");
  });

  it("fails when the changeset's bump is too small", () => {
    changeset("minor");
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("the changesets declare a minor bump, but the contract changes in specs/acme.yaml require major (rule bump-too-small)");
  });

  it("passes with the right changeset", () => {
    changeset("major");
    const result = check();
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("every changed spec has a changeset with a large enough bump");
  });

  it("--write-changeset drafts a changeset with the required bump and the summary as its text", () => {
    rmSync(path.join(repo, ".changeset/api-change.md"));
    expect(check().status).toBe(1);
    const draft = spawnSync(process.execPath, [path.join(src, "cli.mjs"), "--write-changeset"], { cwd: repo, encoding: "utf8" });
    expect(draft.status).toBe(1); // the diff itself is breaking
    const files = readdirSync(path.join(repo, ".changeset")).filter((f) => f.startsWith("contract-acme-"));
    expect(files).toHaveLength(1);
    const text = readFileSync(path.join(repo, ".changeset", files[0]), "utf8");
    expect(text).toMatch(/^---\n"@vendor-auth\/acme": major\n---\n/);
    expect(text).toContain("BREAKING:\n- `DELETE /items/{itemId}`: operation deleteItem removed (`operation-removed`)");
    expect(check().status).toBe(0);
  });
});
