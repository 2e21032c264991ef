export default {
  id: "operation-deprecated", level: "minor", direction: "none", layer: "sdk",
  title: "operation deprecated",
  on: ["deprecation-changed"],
  check: (d) => d.target === "operation" && !d.from && d.to && { message: `${d.subject} deprecated${d.sunset ? ` (sunset ${d.sunset})` : ""}` },
};
