// What the server assumes when the client omits the parameter.
const fmt = (v) => JSON.stringify(v ?? null);
export default {
  id: "param-default-changed", n: 18, level: "warn", direction: "request", layer: "wire",
  title: "parameter default changed",
  on: ["param-default-changed"],
  check: (d) => ({ message: `${d.param.in} parameter "${d.param.name}" default ${fmt(d.from)} → ${fmt(d.to)}` }),
};
