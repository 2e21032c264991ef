export default {
  id: "response-property-added", level: "minor", direction: "response", layer: "wire+sdk",
  title: "response property added",
  on: ["property-added", "property-visibility-changed"],
  check: (d) => d.direction === "response" && (d.what === "property-added" || d.visible) && { message: d.what === "property-added" ? `property "${d.name}" added` : `property "${d.name}" is no longer writeOnly: responses may contain it` },
};
