// typescript-fetch groups operations into one API class per first tag: a new class name moves the method.
export default {
  id: "tag-changed", n: 3, level: "major", direction: "none", layer: "sdk",
  title: "first tag changed (the generated API class changes)",
  on: ["tag-changed"],
  check: (d) => d.fromClass !== d.toClass && { message: `first tag ${d.from ?? "(none)"} → ${d.to ?? "(none)"}: the method moves from ${d.fromClass} to ${d.toClass}` },
};
