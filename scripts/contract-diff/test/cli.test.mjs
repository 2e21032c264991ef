// The CLI's contract: output formats and exit statuses 0 (nothing breaking), 1 (breaking), 2 (bad input).
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { baseSpec } from "./fixtures.mjs";

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../src/cli.mjs");
const dir = mkdtempSync(path.join(tmpdir(), "contract-diff-cli-"));
const write = (name, content) => {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof content === "string" ? content : stringify(content));
  return file;
};
const run = (...args) => spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: "utf8" });

const base = write("base.yaml", baseSpec());
const additive = baseSpec();
additive.paths["/items"].get.parameters.push({ name: "q", in: "query", schema: { type: "string" } });
const breaking = baseSpec();
delete breaking.paths["/items/{itemId}"].delete;

describe("contract-diff CLI", () => {
  it("exits 0 with a minor bump for an additive change (JSON)", () => {
    const result = run("--base", base, "--head", write("additive.yaml", additive), "--format", "json");
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.requiredBump).toBe("minor");
    expect(report.changes).toEqual([{ rule: "param-added-optional", level: "minor", direction: "request", operation: "GET /items", pointer: "#/paths/~1items/get/parameters/4", message: 'optional query parameter "q" added' }]);
  });

  it("exits 1 and prints a Markdown table for a breaking change, saying that 1 is its answer", () => {
    const result = run("--base", base, "--head", write("breaking.yaml", breaking));
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe("contract-diff: exit status 1 = the contract changes are breaking (a major or warn finding, see the report above). This is the tool's answer, not a crash; pnpm reports any non-zero status as ELIFECYCLE.");
    expect(result.stdout).toContain("Required bump: **major**");
    expect(result.stdout).toMatch(/\| \*\*major\*\* \| `operation-removed` \| DELETE \/items\/\{itemId\} \|/);
  });

  it("exits 2 with a one-line reason naming the file for unreadable or invalid input", () => {
    const missing = run("--base", path.join(dir, "nope.yaml"), "--head", base);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).toContain("nope.yaml");
    const notOpenApi = run("--base", write("plain.yaml", { hello: "world" }), "--head", base);
    expect(notOpenApi.status).toBe(2);
    expect(notOpenApi.stderr).toMatch(/plain\.yaml: not an OpenAPI 3\.0\/3\.1 document/);
    const badYaml = run("--base", write("bad.yaml", "openapi: [unclosed"), "--head", base);
    expect(badYaml.status).toBe(2);
    expect(badYaml.stderr).toMatch(/bad\.yaml: not valid YAML/);
    const dangling = baseSpec();
    dangling.paths["/items"].get.responses[200].content["application/json"].schema = { $ref: "#/components/schemas/Nope" };
    const danglingResult = run("--base", base, "--head", write("dangling.yaml", dangling));
    expect(danglingResult.status).toBe(2);
    expect(danglingResult.stderr).toMatch(/dangling\.yaml: \$ref "#\/components\/schemas\/Nope"/);
  });

  it("an ignore entry (with its reason) accepts a break: exit 0, listed as accepted", () => {
    const ignore = write("ignore.yaml", { accepted: [{ rule: "operation-removed", operation: "DELETE /items/{itemId}", reason: "Never worked on the vendor side; removed on the vendor's request." }] });
    const result = run("--base", base, "--head", write("breaking2.yaml", breaking), "--ignore", ignore, "--format", "json");
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.changes).toEqual([]);
    expect(report.ignored).toEqual([expect.objectContaining({ rule: "operation-removed", ignoredBecause: expect.stringContaining("vendor") })]);
    const noReason = write("ignore-bad.yaml", { accepted: [{ rule: "operation-removed" }] });
    expect(run("--base", base, "--head", write("breaking3.yaml", breaking), "--ignore", noReason).status).toBe(2);
  });

  it("exits 2 on bad usage", () => {
    expect(run("--format", "xml", "--base", base, "--head", base).status).toBe(2);
    expect(run("--bogus").status).toBe(2);
  });

  it("resolves external $refs to local files relative to the document that holds them", () => {
    const spec = (folder) => {
      const doc = baseSpec();
      doc.components.schemas.Item = { $ref: "./models/item.yaml#/Item" };
      return write(`${folder}/api.yaml`, doc);
    };
    const item = baseSpec().components.schemas.Item;
    const baseFile = spec("ext-base");
    write("ext-base/models/item.yaml", { Item: { ...item, properties: { ...item.properties, owner: { $ref: "./common.yaml#/Owner" } } } });
    write("ext-base/models/common.yaml", { Owner: { type: "string" } });
    const headFile = spec("ext-head");
    write("ext-head/models/item.yaml", { Item: { ...item, properties: { ...item.properties, owner: { $ref: "./common.yaml#/Owner" } } } });
    write("ext-head/models/common.yaml", { Owner: { type: "integer" } });
    const result = run("--base", baseFile, "--head", headFile, "--format", "json");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^contract-diff: exit status 1 = the contract changes are breaking/);
    expect(JSON.parse(result.stdout).changes).toEqual([expect.objectContaining({ rule: "response-type-widened", pointer: "models/common.yaml#/Owner", message: "type string → integer" })]);
    const missing = write("ext-missing/api.yaml", { ...baseSpec(), components: { schemas: { Item: { $ref: "./nope.yaml#/Item" } } } });
    const refused = run("--base", missing, "--head", headFile);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/external \$ref "\.\/nope\.yaml#\/Item" names a file that cannot be read \(nope\.yaml\)/);
  });

  it("resolves external $refs at the same git revision for a <ref>:<path> input", () => {
    const repo = path.join(dir, "repo");
    mkdirSync(repo, { recursive: true });
    const git = (...args) => execFileSync("git", args, { cwd: repo, env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" } });
    git("init", "-q", "-b", "main");
    const doc = baseSpec();
    doc.components.schemas.Error = { $ref: "shared/error.yaml" };
    write("repo/specs/api.yaml", doc);
    write("repo/specs/shared/error.yaml", { type: "object", required: ["code"], properties: { code: { type: "string" } } });
    git("add", "-A");
    git("commit", "-qm", "base");
    write("repo/specs/shared/error.yaml", { type: "object", properties: { code: { type: "string" } } });
    const result = spawnSync(process.execPath, [cli, "--base", "HEAD:specs/api.yaml", "--head", "specs/api.yaml", "--format", "json"], { cwd: repo, encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).changes).toEqual([expect.objectContaining({ rule: "response-property-became-optional", pointer: "shared/error.yaml#/properties/code" })]);
  });

  it("reads documents without info and with paths: null as oasdiff does", () => {
    const noInfo = baseSpec();
    delete noInfo.info;
    const result = run("--base", base, "--head", write("no-info.yaml", noInfo), "--format", "json");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).changes).toEqual([expect.objectContaining({ rule: "docs-changed", pointer: "#/info" })]);
    const empty = write("paths-null.yaml", "openapi: 3.0.3\ninfo:\n  title: Empty\n  version: 1.0.0\npaths:\n");
    const removedAll = run("--base", base, "--head", empty, "--format", "json");
    expect(removedAll.status).toBe(1);
    expect(JSON.parse(removedAll.stdout).changes.filter((c) => c.rule === "operation-removed")).toHaveLength(5);
  });

  it("refuses conflicting and duplicate paths with a message that says what to fix", () => {
    const conflicting = baseSpec();
    conflicting.paths["/items/{id}"] = conflicting.paths["/items/{itemId}"];
    const result = run("--base", base, "--head", write("conflict.yaml", conflicting));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/conflict\.yaml: paths "\/items\/\{itemId\}" and "\/items\/\{id\}" are the same endpoint/);
    const duplicate = write("duplicate.yaml", "openapi: 3.0.3\ninfo:\n  title: Dup\n  version: 1.0.0\npaths:\n  /a:\n    get:\n      responses: {}\n  /a:\n    post:\n      responses: {}\n");
    const dup = run("--base", base, "--head", duplicate);
    expect(dup.status).toBe(2);
    expect(dup.stderr).toMatch(/duplicate\.yaml: a key appears twice/);
  });
});
