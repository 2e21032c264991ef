export default {
  id: "docs-changed", level: "patch", direction: "none", layer: "wire",
  title: "documentation changed (summary, description, example, title)",
  on: ["docs-changed"],
  check: (d) => ({ message: d.subject ? `${d.subject} changed` : "description, title or example changed" }),
};
