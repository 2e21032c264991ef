export default {
  id: "param-became-optional", level: "minor", direction: "request", layer: "wire+sdk",
  title: "parameter became optional",
  on: ["param-required-changed"],
  check: (d) => !d.required && { message: `${d.param.in} parameter "${d.param.name}" became optional` },
};
