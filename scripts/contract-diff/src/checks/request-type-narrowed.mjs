// Something the client sends accepts fewer values (see param-type-narrowed for the cases).
import { requestNarrows, typeMessage } from "./effects.mjs";

export default {
  id: "request-type-narrowed", n: 24, level: "major", direction: "request", layer: "wire+sdk",
  title: "request type narrowed",
  on: ["type-changed", "nullable-changed", "format-changed", "combinator-changed"],
  check: (d) => d.direction === "request" && d.part !== "param" && requestNarrows(d) && { message: typeMessage(d) },
};
