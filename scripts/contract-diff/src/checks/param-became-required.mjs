export default {
  id: "param-became-required", n: 11, level: "major", direction: "request", layer: "wire+sdk",
  title: "parameter became required",
  on: ["param-required-changed"],
  check: (d) => d.required && { message: `${d.param.in} parameter "${d.param.name}" became required` },
};
