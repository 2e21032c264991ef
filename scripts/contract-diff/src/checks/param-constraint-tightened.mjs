// A parameter accepts fewer values: a limit tightened, a pattern added, an applicator added. A limit
// set for the first time is warn (the document did not say before); a changed pattern, `if` or
// `not` cannot be judged without analysing it: warn.
import { constraintEffect } from "./effects.mjs";

export default {
  id: "param-constraint-tightened", n: 16, level: "major", direction: "request", layer: "wire",
  title: "parameter constraint tightened",
  on: ["limit-changed", "pattern-changed", "keyword-changed"],
  check: (d) => {
    const c = d.direction === "request" && d.part === "param" && constraintEffect(d);
    if (!c || c.effect === "looser") return undefined;
    return { message: c.message, ...(c.first || c.effect === "unknown" ? { level: "warn" } : {}) };
  },
};
