export default {
  id: "request-property-became-required", n: 22, level: "major", direction: "request", layer: "wire+sdk",
  title: "request property became required",
  on: ["property-required-changed"],
  check: (d) => d.direction === "request" && d.required && { message: `property "${d.name}" became required` },
};
