// servers[0] is the generated default base URL.
export default {
  id: "server-url-changed", n: 8, level: "warn", direction: "none", layer: "sdk",
  title: "default server URL changed",
  on: ["server-default-changed"],
  check: (d) => ({ message: `default server ${d.from ?? "(none)"} → ${d.to ?? "(none)"}` }),
};
