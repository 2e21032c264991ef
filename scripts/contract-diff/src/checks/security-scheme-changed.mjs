// A security scheme was removed or its type, location, name or flows changed: credentials are sent
// differently, and the SDK's auth configuration changes.
const fmt = (v) => JSON.stringify(v ?? null);
export default {
  id: "security-scheme-changed", n: 7, level: "major", direction: "none", layer: "wire+sdk",
  title: "security scheme changed or removed",
  on: ["security-scheme-removed", "security-scheme-changed"],
  check: (d) => ({ message: d.what === "security-scheme-removed" ? `security scheme ${d.name} removed` : `security scheme ${d.name}: ${d.changed.map((c) => `${c.field} ${fmt(c.from)} → ${fmt(c.to)}`).join(", ")}` }),
};
