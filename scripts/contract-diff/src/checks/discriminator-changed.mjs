const fmt = (v) => JSON.stringify(v ?? null);
export default {
  id: "discriminator-changed", level: "patch", direction: "response", layer: "sdk",
  title: "response discriminator changed",
  on: ["discriminator-changed"],
  check: (d) => d.direction === "response" && { message: `discriminator ${fmt(d.from)} → ${fmt(d.to)}` },
};
