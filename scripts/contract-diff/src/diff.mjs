// Compares two OpenAPI documents and returns every change with its rule, level and direction:
// the structural diff (src/structure/) lists the differences, and each check of the registry
// (src/checks/) that reads a difference's kind turns it into findings.
//
// Two layers are judged: the wire contract, and the surface of the generated TypeScript packages
// (operationIds become method names, tags become API classes, component schemas become exported
// types, path parameter names become keys of `params.path`).
import { Collector } from "./collector.mjs";
import { CHECKS } from "./checks/index.mjs";
import { diffStructure } from "./structure/document.mjs";

/** difference kind → the checks that read it */
const BY_KIND = new Map();
for (const check of CHECKS) for (const kind of check.on) BY_KIND.set(kind, [...(BY_KIND.get(kind) ?? []), check]);

/** @returns {import("./collector.mjs").Change[]} */
export function diffDocuments(baseDoc, headDoc, { now = new Date() } = {}) {
  const out = new Collector();
  const ctx = { now };
  diffStructure(baseDoc, headDoc, (difference) => {
    const checks = BY_KIND.get(difference.what);
    if (!checks) throw new Error(`no check reads the difference "${difference.what}"`);
    for (const check of checks) {
      const result = check.check(difference, ctx);
      if (!result) continue;
      for (const finding of Array.isArray(result) ? result : [result]) {
        out.add(check.id, {
          operation: difference.operation ?? null,
          pointer: finding.pointer ?? difference.pointer,
          message: finding.message,
          level: finding.level,
          direction: check.direction === "both" ? difference.direction : undefined,
        });
      }
    }
  });
  return out.changes;
}
