export default {
  id: "response-property-became-optional", n: 29, level: "major", direction: "response", layer: "wire+sdk",
  title: "response property became optional",
  on: ["property-required-changed"],
  check: (d) => d.direction === "response" && !d.required && { message: `property "${d.name}" became optional` },
};
