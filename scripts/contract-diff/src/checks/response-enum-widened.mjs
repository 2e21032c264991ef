// Exhaustive switches over the old values stop covering what arrives. Values added to an
// x-extensible-enum are announced as open-ended and are not breaking.
import { enumMessage } from "./effects.mjs";

export default {
  id: "response-enum-widened", n: 32, level: "major", direction: "response", layer: "wire+sdk",
  title: "response enum value added",
  on: ["enum-changed"],
  check: (d) => d.direction === "response" && (d.became === "open" || (d.added.length > 0 && !d.extensible)) && { message: enumMessage(d, "added") },
};
