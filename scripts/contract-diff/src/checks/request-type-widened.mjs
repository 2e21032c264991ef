import { requestWidens, typeMessage } from "./effects.mjs";

export default {
  id: "request-type-widened", level: "minor", direction: "request", layer: "wire+sdk",
  title: "request or parameter type widened",
  on: ["type-changed", "nullable-changed", "format-changed", "combinator-changed"],
  check: (d) => d.direction === "request" && requestWidens(d) && { message: typeMessage(d) },
};
