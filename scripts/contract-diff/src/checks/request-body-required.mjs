export default {
  id: "request-body-required", n: 19, level: "major", direction: "request", layer: "wire+sdk",
  title: "request body added as required, or became required",
  on: ["request-body-added", "request-body-required-changed"],
  check: (d) => d.direction === "request" && d.required && { message: d.what === "request-body-added" ? "required request body added" : "request body became required" },
};
