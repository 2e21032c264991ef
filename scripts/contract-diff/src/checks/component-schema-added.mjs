export default {
  id: "component-schema-added", level: "minor", direction: "none", layer: "sdk",
  title: "component schema added",
  on: ["component-schema-added"],
  check: (d) => ({ message: `schema ${d.name} added` }),
};
