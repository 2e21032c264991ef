// Callers that set the property get an excess-property compile error (and the server may reject it).
export default {
  id: "request-property-removed", n: 23, level: "major", direction: "request", layer: "sdk",
  title: "request property removed (or became readOnly)",
  on: ["property-removed", "property-visibility-changed"],
  check: (d) => d.direction === "request" && (d.what === "property-removed" || !d.visible) && { message: d.what === "property-removed" ? `property "${d.name}" removed${d.deprecated ? " (it was deprecated)" : ""}` : `property "${d.name}" became readOnly: requests can no longer send it` },
};
