// An operation, parameter or property is no longer deprecated: nothing to migrate away from.
export default {
  id: "deprecation-withdrawn", level: "patch", direction: "none", layer: "sdk",
  title: "deprecation withdrawn",
  on: ["deprecation-changed"],
  check: (d) => d.from && !d.to && { message: `${d.subject} no longer deprecated` },
};
