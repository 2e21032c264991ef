export default {
  id: "schema-deprecated", level: "minor", direction: "none", layer: "sdk",
  title: "property or schema deprecated",
  on: ["deprecation-changed"],
  check: (d) => d.target === "schema" && !d.from && d.to && { message: `${d.subject} deprecated${d.sunset ? ` (sunset ${d.sunset})` : ""}` },
};
