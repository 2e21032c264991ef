// Something the client sends accepts fewer values: max/min/length/items/contains tightened, pattern
// added, additionalProperties: false, an applicator added (dependentRequired, prefixItems,
// propertyNames, patternProperties, unevaluated*, contentSchema, then/else). First-time limits and
// changes that cannot be judged (a changed pattern, if, not, content encoding) are warn.
import { constraintEffect } from "./effects.mjs";

export default {
  id: "request-constraint-tightened", n: 26, level: "major", direction: "request", layer: "wire",
  title: "request constraint tightened",
  on: ["limit-changed", "pattern-changed", "keyword-changed"],
  check: (d) => {
    const c = d.direction === "request" && d.part !== "param" && constraintEffect(d);
    if (!c || c.effect === "looser") return undefined;
    return { message: c.message, ...(c.first || c.effect === "unknown" ? { level: "warn" } : {}) };
  },
};
