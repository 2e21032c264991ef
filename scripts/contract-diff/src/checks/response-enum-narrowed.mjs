import { enumMessage } from "./effects.mjs";

export default {
  id: "response-enum-narrowed", level: "patch", direction: "response", layer: "wire+sdk",
  title: "response enum value removed",
  on: ["enum-changed"],
  check: (d) => d.direction === "response" && (d.became === "enum" || d.removed.length > 0) && { message: enumMessage(d, "removed") },
};
