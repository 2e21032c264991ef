// A parameter accepts fewer values: type or format changed or specialised, became not nullable,
// a oneOf/anyOf branch removed, an allOf branch added, wrapped in oneOf.
import { requestNarrows, typeMessage } from "./effects.mjs";

export default {
  id: "param-type-narrowed", n: 14, level: "major", direction: "request", layer: "wire+sdk",
  title: "parameter type narrowed",
  on: ["type-changed", "nullable-changed", "format-changed", "combinator-changed"],
  check: (d) => d.direction === "request" && d.part === "param" && requestNarrows(d) && { message: typeMessage(d) },
};
