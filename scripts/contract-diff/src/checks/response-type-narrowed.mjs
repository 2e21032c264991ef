import { responseNarrows, typeMessage } from "./effects.mjs";

export default {
  id: "response-type-narrowed", level: "patch", direction: "response", layer: "wire+sdk",
  title: "response type narrowed",
  on: ["type-changed", "nullable-changed", "format-changed", "combinator-changed"],
  check: (d) => d.direction === "response" && d.part !== "param" && responseNarrows(d) && { message: typeMessage(d) },
};
