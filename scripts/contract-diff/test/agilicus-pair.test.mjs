// The real-world pair: Agilicus seed 002 (older) → seed 004 (current). The expected reports are
// checked in; a change to the engine or either spec that alters them must be reviewed.
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const cli = path.join(root, "scripts/contract-diff/src/cli.mjs");
const expected = (file) => readFileSync(path.join(root, "scripts/contract-diff/test/expected", file), "utf8");
const run = (format) => spawnSync(process.execPath, [cli, "--base", "specs/fixtures/agilicus.seed-002.yaml", "--head", "specs/agilicus.yaml", "--format", format], { cwd: root, encoding: "utf8" });

describe("Agilicus seed 002 → seed 004", () => {
  it("matches the checked-in JSON report and exits 1 (one breaking change)", () => {
    const result = run("json");
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(expected("agilicus-seed-002-to-004.json")));
  });

  it("finds what the reference's §2 diff lists, plus the two model differences of the older SDK", () => {
    const report = JSON.parse(run("json").stdout);
    const byRule = (rule) => report.changes.filter((c) => c.rule === rule);
    expect(report.requiredBump).toBe("major");
    expect(byRule("operation-added")).toHaveLength(20);
    expect(byRule("param-added-optional")).toEqual([expect.objectContaining({ operation: "GET /v1/tokens", message: 'optional query parameter "session" added' })]);
    expect(byRule("response-status-added")).toEqual([expect.objectContaining({ operation: "POST /v1/tokens/reissue", message: "response 400 added (error)" })]);
    expect(byRule("operation-removed")).toEqual([]);
    // RenderedRule.methods gained seven WebDAV verbs: breaking where clients receive it, additive where they send it.
    expect(byRule("response-enum-widened")).toEqual([expect.objectContaining({ level: "major", direction: "response", operation: "GET /v1/tokens" })]);
    expect(byRule("request-enum-widened")).toEqual([expect.objectContaining({ level: "minor", direction: "request", operation: "POST /v1/tokens" })]);
    expect(byRule("request-property-added-optional").map((c) => c.pointer)).toEqual(["#/components/schemas/TokenValidity/properties/does_not_expire"]);
  });

  it("matches the checked-in Markdown report", () => {
    expect(run("markdown").stdout).toBe(expected("agilicus-seed-002-to-004.md"));
  });
});
