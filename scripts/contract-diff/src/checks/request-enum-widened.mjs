import { enumMessage } from "./effects.mjs";

export default {
  id: "request-enum-widened", level: "minor", direction: "request", layer: "wire+sdk",
  title: "request enum value added",
  on: ["enum-changed"],
  check: (d) => d.direction === "request" && (d.became === "open" || d.added.length > 0) && { message: enumMessage(d, "added") },
};
