import { constraintEffect } from "./effects.mjs";

export default {
  id: "request-constraint-loosened", level: "minor", direction: "request", layer: "wire",
  title: "request constraint loosened",
  on: ["limit-changed", "pattern-changed", "keyword-changed"],
  check: (d) => {
    const c = d.direction === "request" && constraintEffect(d);
    return c && c.effect === "looser" && { message: c.message };
  },
};
