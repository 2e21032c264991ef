export default {
  id: "response-property-became-required", level: "patch", direction: "response", layer: "wire+sdk",
  title: "response property became required",
  on: ["property-required-changed"],
  check: (d) => d.direction === "response" && d.required && { message: `property "${d.name}" became required` },
};
