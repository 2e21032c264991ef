// The deprecation policy: whatever is deprecated carries a valid `x-sunset` date, keeps it (the
// date may move later, never earlier, and is never deleted), and is not removed before that date.
// Applies to operations, parameters and properties alike.
import { parseSunset } from "./effects.mjs";

function onDeprecation(d) {
  if (!d.to) return undefined;
  const sunset = parseSunset(d.sunset);
  const pointer = d.sunsetPointer;
  if (!sunset) {
    if (d.sunset === undefined && d.from && parseSunset(d.baseSunset)) return { pointer, message: `the x-sunset of the deprecated ${d.subject} was deleted (was ${d.baseSunset})` };
    if (d.sunset !== undefined) return { pointer, message: `the x-sunset of the deprecated ${d.subject} is not a valid date (${JSON.stringify(d.sunset)}; use YYYY-MM-DD)` };
    return { pointer, message: `${d.subject} deprecated without a valid x-sunset date (YYYY-MM-DD)` };
  }
  const before = d.from ? parseSunset(d.baseSunset) : undefined;
  if (before && sunset < before) return { pointer, message: `the sunset of the deprecated ${d.subject} was brought forward from ${d.baseSunset} to ${d.sunset}` };
  return undefined;
}

function onRemoval(d, { now }) {
  const sunset = parseSunset(d.sunset);
  if (!sunset || sunset <= now || d.webhook) return undefined;
  const subject = d.what === "operation-removed" ? `operation ${d.operationId ?? d.operation}` : d.what === "param-removed" ? `${d.param.in} parameter "${d.param.name}"` : `property "${d.name}"`;
  return { message: `${subject} removed before its x-sunset date ${d.sunset}` };
}

export default {
  id: "removed-before-sunset", n: 35, level: "major", direction: "none", layer: "policy",
  title: "removed before its sunset date; deprecated without a valid x-sunset; sunset deleted or brought forward",
  on: ["deprecation-changed", "operation-removed", "param-removed", "property-removed"],
  check: (d, ctx) => (d.what === "deprecation-changed" ? onDeprecation(d) : onRemoval(d, ctx)),
};
