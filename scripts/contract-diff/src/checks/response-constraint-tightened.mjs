import { constraintEffect } from "./effects.mjs";

export default {
  id: "response-constraint-tightened", level: "patch", direction: "response", layer: "wire",
  title: "response constraint tightened",
  on: ["limit-changed", "pattern-changed", "keyword-changed"],
  check: (d) => {
    const c = d.direction === "response" && constraintEffect(d);
    return c && c.effect === "tighter" && { message: c.message };
  },
};
