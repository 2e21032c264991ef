import { enumMessage } from "./effects.mjs";

export default {
  id: "request-enum-narrowed", n: 25, level: "major", direction: "request", layer: "wire+sdk",
  title: "request enum narrowed (value removed, became an enum, const changed)",
  on: ["enum-changed"],
  check: (d) => d.direction === "request" && d.part !== "param" && (d.became === "enum" || d.removed.length > 0) && { message: enumMessage(d, "removed") },
};
