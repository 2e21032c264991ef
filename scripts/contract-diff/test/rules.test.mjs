// Every rule of the 36-rule set fires on its fixture pair with its id, level and direction; the
// safe pairs raise no alarm.
import { describe, expect, it } from "vitest";
import { diffDocuments, isBreaking, requiredBump, RULES } from "../src/index.mjs";
import { RULE_FIXTURES, SAFE_FIXTURES, baseSpec } from "./fixtures.mjs";

const pair = (fixture) => {
  const base = baseSpec();
  fixture.base?.(base);
  const head = structuredClone(base);
  fixture.mutate(head);
  return diffDocuments(base, head, { now: new Date("2026-01-01") });
};

describe("the 36 rules", () => {
  it("has a fixture for every numbered rule except the changeset check", () => {
    const numbered = Object.entries(RULES).filter(([, r]) => r.n).map(([id]) => id);
    expect(numbered).toHaveLength(36);
    const covered = new Set(RULE_FIXTURES.map((f) => f.rule));
    expect(numbered.filter((id) => !covered.has(id))).toEqual(["bump-too-small"]);
  });

  it.each(RULE_FIXTURES.map((f) => [`${f.rule} (${f.level}, ${f.direction})`, f]))("%s", (_name, fixture) => {
    const changes = pair(fixture);
    expect(changes).toContainEqual(expect.objectContaining({ rule: fixture.rule, level: fixture.level, direction: fixture.direction }));
    expect(requiredBump(changes)).toBe(isBreaking(fixture.level) ? "major" : fixture.level);
  });

  it("the base compared with itself has no changes", () => {
    expect(diffDocuments(baseSpec(), baseSpec())).toEqual([]);
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
