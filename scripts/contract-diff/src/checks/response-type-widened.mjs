// The client may receive values its types do not describe: type or format changed or generalised,
// a oneOf/anyOf branch added, wrapped in oneOf, an allOf branch removed.
import { responseWidens, typeMessage } from "./effects.mjs";

export default {
  id: "response-type-widened", n: 31, level: "major", direction: "response", layer: "wire+sdk",
  title: "response type widened",
  on: ["type-changed", "nullable-changed", "format-changed", "combinator-changed"],
  check: (d) => d.direction === "response" && d.part === "body" && responseWidens(d) && { message: typeMessage(d) },
};
