// Required or optional: code reading it stops compiling (and, if it was required, finds it missing).
export default {
  id: "response-property-removed", n: 28, level: "major", direction: "response", layer: "wire+sdk",
  title: "response property removed (or became writeOnly)",
  on: ["property-removed", "property-visibility-changed"],
  check: (d) => d.direction === "response" && (d.what === "property-removed" || !d.visible) && { message: d.what === "property-removed" ? `property "${d.name}" removed${d.deprecated ? " (it was deprecated)" : ""}` : `property "${d.name}" became writeOnly: responses no longer contain it` },
};
