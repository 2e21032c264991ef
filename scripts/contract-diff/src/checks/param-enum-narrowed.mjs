// A parameter value the client may send is refused: an enum (or x-extensible-enum) value removed,
// or a free value became an enum.
import { enumMessage } from "./effects.mjs";

export default {
  id: "param-enum-narrowed", n: 15, level: "major", direction: "request", layer: "wire+sdk",
  title: "parameter enum narrowed",
  on: ["enum-changed"],
  check: (d) => d.direction === "request" && d.part === "param" && (d.became === "enum" || d.removed.length > 0) && { message: enumMessage(d, "removed") },
};
