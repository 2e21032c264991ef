// A new required query/header/cookie parameter, or any new path parameter: existing calls lack it.
export default {
  id: "param-added-required", n: 10, level: "major", direction: "request", layer: "wire+sdk",
  title: "required parameter added",
  on: ["param-added"],
  check: (d) => d.required && { message: `required ${d.param.in} parameter "${d.param.name}" added` },
};
