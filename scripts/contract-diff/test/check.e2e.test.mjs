// End to end in scratch git repositories: a spec change with no changeset, with too small a
// changeset, and with the right one gives fail, fail, pass; --write-changeset drafts the right one;
// on a new branch the base is the merge base with main, and only changesets added or edited since
// the base count.
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseSpec } from "./fixtures.mjs";
import { scratchRepo } from "./scratch-repo.mjs";

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../src");
let repo, git, write, removeRepo;
const check = () => spawnSync(process.execPath, [path.join(src, "check-cli.mjs")], { cwd: repo, encoding: "utf8" });
const changeset = (bump) => write(".changeset/api-change.md", `---\n"@vendor-auth/acme": ${bump}\n---\n\nRemoved deleteItem.\n`);

beforeAll(() => {
  ({ dir: repo, git, put: write, remove: removeRepo } = scratchRepo("contract-check-e2e-"));
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
afterAll(() => removeRepo());

describe("pnpm contract-check in a scratch repository", () => {
  it("fails when the spec changed without a changeset", () => {
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("specs/acme.yaml changed (required bump: major) but no changeset added or edited since the base names @vendor-auth/acme");
    expect(result.stderr).toContain("exit status 1 = a changeset is missing or declares too small a bump");
    expect(result.stdout).toContain("the previous commit (HEAD~1)");
    expect(result.stdout).toContain("`operation-removed`");
  });

  it("fails when the changeset's bump is too small", () => {
    changeset("minor");
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("the changesets added or edited since the base (or the version bump since it) declare a minor bump, but the contract changes in specs/acme.yaml require major (rule bump-too-small)");
  });

  it("passes with the right changeset", () => {
    changeset("major");
    const result = check();
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("every changed spec and API report has a changeset with a large enough bump");
  });

  it("--write-changeset drafts a changeset with the required bump and the summary as its text", () => {
    rmSync(path.join(repo, ".changeset/api-change.md"));
    expect(check().status).toBe(1);
    const draft = spawnSync(process.execPath, [path.join(src, "cli.mjs"), "--write-changeset"], { cwd: repo, encoding: "utf8" });
    expect(draft.status).toBe(1); // the diff itself is breaking, and says that 1 is its answer
    expect(draft.stderr).toContain("exit status 1 = the contract changes are breaking");
    const files = readdirSync(path.join(repo, ".changeset")).filter((f) => f.startsWith("contract-acme-"));
    expect(files).toHaveLength(1);
    const text = readFileSync(path.join(repo, ".changeset", files[0]), "utf8");
    expect(text).toMatch(/^---\n"@vendor-auth\/acme": major\n---\n/);
    expect(text).toContain("BREAKING:\n- `ItemsApi.deleteItem()`, `DELETE /items/{itemId}`: operation deleteItem removed\n");
    expect(check().status).toBe(0);
  });
});

describe("the base and the changesets on a new branch", () => {
  let repo2, git2, put, removeRepo2;
  const run2 = (script, ...args) => spawnSync(process.execPath, [path.join(src, script), ...args], { cwd: repo2, encoding: "utf8" });

  beforeAll(() => {
    ({ dir: repo2, git: git2, put, remove: removeRepo2 } = scratchRepo("contract-check-branch-"));
    for (const vendor of ["acme", "other"]) {
      put(`specs/${vendor}.yaml`, stringify(baseSpec()));
      put(`packages/${vendor}/package.json`, JSON.stringify({ name: `@vendor-auth/${vendor}`, version: "1.0.0" }));
    }
    put(".changeset/config.json", "{}");
    git2("add", "-A");
    git2("commit", "-qm", "base");
    // Earlier work on main: another package's breaking change, with its changeset (not yet released),
    // and an old acme changeset that was written for something else.
    const other = baseSpec();
    delete other.paths["/pets"];
    put("specs/other.yaml", stringify(other));
    put(".changeset/other-change.md", '---\n"@vendor-auth/other": major\n---\n\nRemoved createPet.\n');
    put(".changeset/acme-docs.md", '---\n"@vendor-auth/acme": major\n---\n\nAn earlier acme change.\n');
    git2("commit", "-qam", "other: remove createPet");
    git2("add", "-A");
    git2("commit", "-qm", "changesets");
    // A new branch, and an uncommitted edit to acme's spec: a breaking change and an addition.
    git2("checkout", "-q", "-b", "feature");
    const acme = baseSpec();
    delete acme.paths["/items/{itemId}"].delete;
    delete acme.components.schemas.Item.properties.nickname;
    acme.paths["/items"].get.parameters.push({ name: "q", in: "query", schema: { type: "string" } });
    put("specs/acme.yaml", stringify(acme));
  });
  afterAll(() => removeRepo2());

  it("compares with the merge base (HEAD here), judges acme only, and ignores the older acme changeset", () => {
    const result = run2("check-cli.mjs");
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("the merge base with main (HEAD: only uncommitted edits)");
    expect(result.stdout).toContain("specs/acme.yaml, changed");
    expect(result.stdout).not.toContain("specs/other.yaml");
    expect(result.stderr).toContain("no changeset added or edited since the base names @vendor-auth/acme");
  });

  it("--write-changeset drafts one changeset, for acme, in package terms, with a blank line before Added:", () => {
    const draft = run2("cli.mjs", "--write-changeset");
    expect(draft.status).toBe(1);
    const files = readdirSync(path.join(repo2, ".changeset")).filter((f) => f.startsWith("contract-"));
    expect(files).toEqual([expect.stringMatching(/^contract-acme-[0-9a-f]{8}\.md$/)]);
    const text = readFileSync(path.join(repo2, ".changeset", files[0]), "utf8");
    expect(text).toMatch(/^---\n"@vendor-auth\/acme": major\n---\n/);
    // A change to a shared schema is listed under every operation that uses it, with model and field.
    for (const op of ["`ItemsApi.listItems()`, `GET /items`", "`ItemsApi.getItem()`, `GET /items/{itemId}`", "`ItemsApi.createItem()`, `POST /items`"]) {
      expect(text).toContain(`- ${op}: \`Item.nickname\`: property "nickname" removed\n`);
    }
    expect(text).toContain('\n\nAdded:\n- `ItemsApi.listItems()`, `GET /items`: optional query parameter "q" added');
    expect(text).not.toMatch(/#\/|`[a-z]+-[a-z-]+`\)/); // no JSON pointers, no rule ids
    expect(run2("check-cli.mjs").status).toBe(0);
  });
});

describe("on a release commit", () => {
  it("the version bump since the base stands for the changesets it consumed", () => {
    const { dir: repo3, git: git3, put, remove } = scratchRepo("contract-check-release-");
    try {
      put("specs/acme.yaml", stringify(baseSpec()));
      put("packages/acme/package.json", JSON.stringify({ name: "@vendor-auth/acme", version: "1.2.0" }));
      git3("add", "-A");
      git3("commit", "-qm", "release 1.2.0");
      git3("tag", "@vendor-auth/acme@1.2.0");
      const head = baseSpec();
      delete head.paths["/items/{itemId}"].delete;
      put("specs/acme.yaml", stringify(head));
      put("packages/acme/package.json", JSON.stringify({ name: "@vendor-auth/acme", version: "1.3.0" })); // `changeset version` consumed a minor changeset
      git3("commit", "-qam", "remove deleteItem; Version packages");
      const tooSmall = spawnSync(process.execPath, [path.join(src, "check-cli.mjs")], { cwd: repo3, encoding: "utf8" });
      expect(tooSmall.stdout).toContain("the last release tag");
      expect(tooSmall.stderr).toContain("declare a minor bump, but the contract changes in specs/acme.yaml require major (rule bump-too-small)");
      put("packages/acme/package.json", JSON.stringify({ name: "@vendor-auth/acme", version: "2.0.0" }));
      git3("commit", "-qam", "Version packages: 2.0.0");
      expect(spawnSync(process.execPath, [path.join(src, "check-cli.mjs")], { cwd: repo3, encoding: "utf8" }).status).toBe(0);
    } finally {
      remove();
    }
  });
});
