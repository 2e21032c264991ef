export default {
  id: "param-added-optional", level: "minor", direction: "request", layer: "wire+sdk",
  title: "optional parameter added",
  on: ["param-added"],
  check: (d) => !d.required && { message: `optional ${d.param.in} parameter "${d.param.name}" added` },
};
