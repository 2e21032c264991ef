// Every component schema is an exported type (components["schemas"]["X"] and the SDK model X).
export default {
  id: "component-schema-removed", n: 9, level: "major", direction: "none", layer: "sdk",
  title: "component schema removed or renamed",
  on: ["component-schema-removed"],
  check: (d) => ({ message: `schema ${d.name} removed (the exported type ${d.name} is gone)` }),
};
