export default {
  id: "security-scheme-added", level: "minor", direction: "none", layer: "sdk",
  title: "security scheme added",
  on: ["security-scheme-added"],
  check: (d) => ({ message: `security scheme ${d.name} added` }),
};
