// The CLI's contract: output formats and exit statuses 0 (nothing breaking), 1 (breaking), 2 (bad input).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { baseSpec } from "./fixtures.mjs";

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../src/cli.mjs");
const dir = mkdtempSync(path.join(tmpdir(), "contract-diff-cli-"));
const write = (name, content) => {
  const file = path.join(dir, name);
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

  it("exits 1 and prints a Markdown table for a breaking change", () => {
    const result = run("--base", base, "--head", write("breaking.yaml", breaking));
    expect(result.status).toBe(1);
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
});
