// Some client that could call the operation cannot any more: a requirement alternative it met is
// gone, or now asks for another scheme or scope. Removing security, an alternative that others
// cover, or a scope is not tightening (see security-loosened).
import { asksNoMoreThan } from "./effects.mjs";

export default {
  id: "security-tightened", n: 6, level: "major", direction: "request", layer: "wire",
  title: "security requirement added or tightened (some credentials no longer suffice)",
  on: ["security-changed"],
  check: (d) => {
    const lost = d.before.filter((held) => !d.after.some((asked) => asksNoMoreThan(asked, held)));
    return lost.length > 0 && { message: `${lost.map(d.show).join(" or ")} no longer enough (now: ${d.after.map(d.show).join(" or ")})` };
  },
};
