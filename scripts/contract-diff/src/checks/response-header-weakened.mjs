// A response header the client may rely on is gone (major if it was required, warn if optional),
// became optional, or its value changed type, format or became nullable.
import { responseWidens, typeMessage } from "./effects.mjs";

export default {
  id: "response-header-weakened", n: 34, level: "major", direction: "response", layer: "wire",
  title: "response header removed or weakened",
  on: ["header-removed", "header-required-changed", ...["type-changed", "nullable-changed", "format-changed", "combinator-changed"]],
  check: (d) => {
    if (d.what === "header-removed") return d.direction === "response" && { message: `${d.required ? "required" : "optional"} response header ${d.name} removed`, level: d.required ? "major" : "warn" };
    if (d.what === "header-required-changed") return d.direction === "response" && !d.required && { message: `response header ${d.name} became optional` };
    return d.direction === "response" && d.part === "header" && (responseWidens(d) || (d.what === "nullable-changed" && d.nullable)) && { message: `response header: ${typeMessage(d)}` };
  },
};
