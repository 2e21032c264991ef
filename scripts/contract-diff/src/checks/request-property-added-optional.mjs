export default {
  id: "request-property-added-optional", level: "minor", direction: "request", layer: "wire+sdk",
  title: "optional request property added",
  on: ["property-added", "property-visibility-changed"],
  check: (d) => d.direction === "request" && !d.required && (d.what === "property-added" || d.visible) && { message: d.what === "property-added" ? `property "${d.name}" added` : `property "${d.name}" is no longer readOnly: requests may send it` },
};
