export default {
  id: "param-deprecated", level: "minor", direction: "request", layer: "sdk",
  title: "parameter deprecated",
  on: ["deprecation-changed"],
  check: (d) => d.target === "parameter" && !d.from && d.to && { message: `${d.subject} deprecated${d.sunset ? ` (sunset ${d.sunset})` : ""}` },
};
