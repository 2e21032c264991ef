export default {
  id: "request-body-added-optional", level: "minor", direction: "request", layer: "wire+sdk",
  title: "optional request body added",
  on: ["request-body-added"],
  check: (d) => d.direction === "request" && !d.required && { message: "optional request body added" },
};
