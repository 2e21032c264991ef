// A new required property in something the client sends, even with a `default` (a default is the
// server's fallback, not part of what a valid request must contain).
export default {
  id: "request-property-added-required", n: 21, level: "major", direction: "request", layer: "wire+sdk",
  title: "required request property added",
  on: ["property-added", "property-visibility-changed"],
  check: (d) => d.direction === "request" && d.required && (d.what === "property-added" || d.visible) && { message: d.what === "property-added" ? `property "${d.name}" added as required` : `required property "${d.name}" is no longer readOnly: requests must send it` },
};
