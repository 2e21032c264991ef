// typescript-fetch's ToJSON/FromJSON dispatch on the discriminator's property and mapping.
const fmt = (v) => JSON.stringify(v ?? null);
export default {
  id: "request-discriminator-changed", n: 27, level: "warn", direction: "request", layer: "sdk",
  title: "request discriminator changed",
  on: ["discriminator-changed"],
  check: (d) => d.direction === "request" && { message: `discriminator ${fmt(d.from)} → ${fmt(d.to)}` },
};
