// A new way to call the operation with fewer credentials: an alternative added, a scope dropped,
// or security removed altogether.
import { asksNoMoreThan } from "./effects.mjs";

export default {
  id: "security-loosened", level: "minor", direction: "request", layer: "wire",
  title: "security requirement loosened (an alternative, fewer scopes or no security)",
  on: ["security-changed"],
  check: (d) => {
    const gained = d.after.filter((asked) => !d.before.some((held) => asksNoMoreThan(held, asked)));
    return gained.length > 0 && { message: `now accepted: ${gained.map(d.show).join(" or ")} (was: ${d.before.map(d.show).join(" or ")})` };
  },
};
