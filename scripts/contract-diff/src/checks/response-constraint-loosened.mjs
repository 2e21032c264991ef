// The client may receive values outside the old limits (its types do not change, hence warn); a
// change that cannot be judged (a changed pattern, if, not, content encoding) is warn too. An object
// that now allows additional properties only adds keys the client ignores: patch.
import { constraintEffect } from "./effects.mjs";

export default {
  id: "response-constraint-loosened", n: 33, level: "warn", direction: "response", layer: "wire",
  title: "response constraint loosened",
  on: ["limit-changed", "pattern-changed", "keyword-changed"],
  check: (d) => {
    const c = d.direction === "response" && constraintEffect(d);
    if (!c || c.effect === "tighter") return undefined;
    return { message: c.message, ...(d.keyword === "additionalProperties" ? { level: "patch" } : {}) };
  },
};
