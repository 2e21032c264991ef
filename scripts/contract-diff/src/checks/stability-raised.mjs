import { stabilityRank } from "./effects.mjs";

export default {
  id: "stability-raised", level: "patch", direction: "none", layer: "policy",
  title: "x-stability-level raised",
  on: ["stability-changed"],
  check: (d) => stabilityRank(d.from) !== -1 && stabilityRank(d.to) !== -1 && stabilityRank(d.to) > stabilityRank(d.from) && { message: `x-stability-level ${d.from ?? "(stable)"} → ${d.to ?? "(stable)"}` },
};
