export default {
  id: "request-body-became-optional", level: "minor", direction: "request", layer: "wire+sdk",
  title: "request body became optional",
  on: ["request-body-required-changed"],
  check: (d) => d.direction === "request" && !d.required && { message: "request body became optional" },
};
