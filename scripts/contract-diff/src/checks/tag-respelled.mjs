// A first tag spelled differently but generating the same API class name.
export default {
  id: "tag-respelled", level: "patch", direction: "none", layer: "sdk",
  title: "first tag respelled, same generated API class",
  on: ["tag-changed"],
  check: (d) => d.fromClass === d.toClass && { message: `first tag ${d.from} → ${d.to} (the API class stays ${d.toClass})` },
};
