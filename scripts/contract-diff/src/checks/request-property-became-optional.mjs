export default {
  id: "request-property-became-optional", level: "minor", direction: "request", layer: "wire+sdk",
  title: "request property became optional",
  on: ["property-required-changed"],
  check: (d) => d.direction === "request" && !d.required && { message: `property "${d.name}" became optional` },
};
