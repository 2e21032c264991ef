export default {
  id: "server-changed", level: "patch", direction: "none", layer: "sdk",
  title: "non-default server added, removed or changed",
  on: ["servers-changed"],
  check: (d) => ({ message: `servers [${d.from.join(", ")}] → [${d.to.join(", ")}]` }),
};
