// x-stability-level (draft < alpha < beta < stable; none = stable) went down: users of a stable
// operation are told it may now change without notice. A value outside the four is warn: nothing
// can be promised about it.
import { STABILITY, stabilityRank } from "./effects.mjs";

export default {
  id: "stability-decreased", level: "major", direction: "none", layer: "policy",
  title: "x-stability-level decreased or not a known level",
  on: ["stability-changed"],
  check: (d) => {
    const invalid = [d.from, d.to].filter((v) => v !== undefined && stabilityRank(v) === -1);
    if (invalid.length) return { level: "warn", message: `x-stability-level ${JSON.stringify(invalid[0])} is not one of ${STABILITY.join(", ")}` };
    return stabilityRank(d.to) < stabilityRank(d.from) && { message: `x-stability-level ${d.from ?? "(stable)"} → ${d.to ?? "(stable)"}` };
  },
};
