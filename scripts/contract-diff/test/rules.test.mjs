// Every rule of the registry fires on a fixture pair with its id, level and direction; the gaps of
// issue 13 give exactly the findings expected; the safe pairs raise no alarm; the registry, the
// check files and the docs table agree.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { diffDocuments, isBreaking, requiredBump, RULES } from "../src/index.mjs";
import { CHECKS } from "../src/checks/index.mjs";
import { DOC, renderDoc } from "../src/rules-doc.mjs";
import { GAP_FIXTURES, RULE_FIXTURES, SAFE_FIXTURES, baseSpec } from "./fixtures.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const pair = (fixture) => {
  const base = baseSpec();
  fixture.base?.(base);
  const head = structuredClone(base);
  fixture.mutate(head);
  return diffDocuments(base, head, { now: new Date("2026-01-01") });
};

describe("the rule registry", () => {
  it("registers every check file of src/checks, once, in order", () => {
    const files = readdirSync(path.join(here, "../src/checks")).filter((f) => f.endsWith(".mjs") && !["index.mjs", "effects.mjs"].includes(f)).map((f) => f.replace(/\.mjs$/, ""));
    expect(CHECKS.map((c) => c.id)).toEqual(files.sort());
    for (const check of CHECKS) {
      expect(check, check.id).toMatchObject({ level: expect.stringMatching(/^(major|warn|minor|patch)$/), direction: expect.stringMatching(/^(request|response|both|none)$/), layer: expect.stringMatching(/^(wire|sdk|wire\+sdk|policy)$/), title: expect.any(String) });
      expect(Array.isArray(check.on) && typeof check.check === "function", check.id).toBe(true);
    }
  });

  it("keeps the 36 numbered rules of the reference rule set", () => {
    expect(Object.values(RULES).filter((r) => r.n).map((r) => r.n).sort((a, b) => a - b)).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
  });

  it("has a fixture for every registered rule (bump-too-small: the contract-check end-to-end test)", () => {
    const covered = new Set(RULE_FIXTURES.map((f) => f.rule));
    expect(Object.keys(RULES).filter((id) => !covered.has(id))).toEqual(["bump-too-small"]);
    expect(readFileSync(path.join(here, "check.e2e.test.mjs"), "utf8")).toContain("(rule bump-too-small)");
  });

  it("docs/contract-diff.md's rules tables are generated from the registry (node scripts/contract-diff/src/rules-doc.mjs --write)", () => {
    const text = readFileSync(DOC, "utf8");
    expect(renderDoc(text)).toBe(text);
  });
});

describe("every rule", () => {
  it.each(RULE_FIXTURES.map((f) => [`${f.rule} (${f.level}, ${f.direction})`, f]))("%s", (_name, fixture) => {
    const changes = pair(fixture);
    expect(changes).toContainEqual(expect.objectContaining({ rule: fixture.rule, level: fixture.level, direction: fixture.direction }));
    expect(requiredBump(changes)).toBe(isBreaking(fixture.level) ? "major" : changes.some((c) => isBreaking(c.level)) ? "major" : requiredBump(changes));
  });

  it("the base compared with itself has no changes", () => {
    expect(diffDocuments(baseSpec(), baseSpec())).toEqual([]);
  });
});

describe("the gaps of issue 13", () => {
  it.each(GAP_FIXTURES.map((f) => [f.name, f]))("%s", (_name, fixture) => {
    const found = [...new Set(pair(fixture).map((c) => `${c.rule}:${c.level}`))].sort();
    expect(found).toEqual([...fixture.expect].sort());
  });
});

describe("no false alarms", () => {
  it.each(SAFE_FIXTURES.map((f) => [f.name, f]))("%s", (_name, fixture) => {
    const changes = pair(fixture);
    expect(changes.filter((c) => isBreaking(c.level))).toEqual([]);
    expect(requiredBump(changes)).toBe(fixture.requiredBump);
  });
});

describe("direction-aware shared components", () => {
  it("a shared schema is judged in every direction it is used in, reported once per direction", () => {
    const base = baseSpec();
    // NewItem is used by a request only; make it a response too.
    base.paths["/items/{itemId}"].get.responses[200].content["application/json"].schema = { $ref: "#/components/schemas/NewItem" };
    const head = structuredClone(base);
    head.components.schemas.NewItem.properties.kind.enum.push("z");
    const changes = diffDocuments(base, head);
    expect(changes.map((c) => [c.rule, c.direction, c.operation]).sort()).toEqual([
      ["request-enum-widened", "request", "POST /items"],
      ["response-enum-widened", "response", "GET /items/{itemId}"],
    ]);
  });

  it("reports a change in a component once, at the first operation that uses it", () => {
    const base = baseSpec();
    const head = structuredClone(base);
    delete head.components.schemas.Item.properties.nickname;
    const removed = diffDocuments(base, head).filter((c) => c.rule === "response-property-removed");
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatchObject({ operation: "GET /items", pointer: "#/components/schemas/Item/properties/nickname" });
  });

  it("ignores readOnly properties in requests and writeOnly ones in responses", () => {
    const base = baseSpec();
    const head = structuredClone(base);
    delete head.components.schemas.NewItem.properties.id;
    expect(diffDocuments(base, head)).toEqual([]);
  });
});
