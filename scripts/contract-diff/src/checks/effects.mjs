// Shared readings of schema differences, used by the type, enum and constraint checks: which way a
// difference moves the set of accepted values.
import { parseSunset } from "../structure/document.mjs";

/**
 * @typedef {{ id: string, n?: number, level: import("../rules.mjs").Level, direction: import("../rules.mjs").Direction,
 *   layer: "wire"|"sdk"|"wire+sdk"|"policy", title: string, on: string[],
 *   check: (difference: object, ctx: { now: Date }) => Finding | Finding[] | false | undefined }} Check
 * @typedef {{ message: string, level?: string, pointer?: string }} Finding
 */

const fmt = (v) => (v === undefined ? "(unset)" : typeof v === "string" ? v : JSON.stringify(v));
const fmtTypes = (list) => (list.length ? [...list].sort().join("|") : "any");

/**
 * The effect of a type-like difference on the values a schema accepts: "wider", "narrower",
 * "changed" (incompatible both ways) or undefined when the difference is not type-like.
 */
export function typeEffect(d) {
  switch (d.what) {
    case "type-changed":
      return d.wider ? "wider" : d.narrower ? "narrower" : "changed";
    case "nullable-changed":
      return d.nullable ? "wider" : "narrower";
    case "format-changed":
      return d.from === undefined ? "narrower" : d.to === undefined ? "wider" : "changed";
    case "combinator-changed":
      if (d.keyword === "allOf") return d.change === "added" ? "narrower" : "wider";
      return { added: "wider", removed: "narrower", wrapped: "changed", unwrapped: "wider" }[d.change];
    default:
      return undefined;
  }
}

export function typeMessage(d) {
  switch (d.what) {
    case "type-changed":
      return `type ${fmtTypes(d.from)} → ${fmtTypes(d.to)}`;
    case "nullable-changed":
      return d.nullable ? "became nullable" : "became not nullable";
    case "format-changed":
      return `format ${d.from ?? "(none)"} → ${d.to ?? "(none)"}`;
    case "combinator-changed":
      return d.change === "wrapped" ? `wrapped in ${d.keyword}` : d.change === "unwrapped" ? `${d.keyword} removed` : `${d.keyword} branch ${d.branch} ${d.change}`;
    default:
      return d.what;
  }
}

/** A request-side reading: does the difference reject something the client may send? */
export const requestNarrows = (d) => ["narrower", "changed"].includes(typeEffect(d));
export const requestWidens = (d) => typeEffect(d) === "wider";
/** A response-side reading: may the client now receive something it did not expect? */
export const responseWidens = (d) => ["wider", "changed"].includes(typeEffect(d)) && !(d.what === "nullable-changed");
export const responseNarrows = (d) => typeEffect(d) === "narrower";

/**
 * The effect of a constraint-like difference: "tighter", "looser" or "unknown" (cannot be judged
 * without analysing it, such as a changed pattern or `if`), with its description; undefined otherwise.
 */
export function constraintEffect(d) {
  switch (d.what) {
    case "limit-changed":
      return { effect: d.tighter ? "tighter" : "looser", first: d.first, message: `${d.keyword} ${fmt(d.from)} → ${fmt(d.to)}` };
    case "pattern-changed":
      return { effect: d.from === undefined ? "tighter" : d.to === undefined ? "looser" : "unknown", first: false, message: `pattern ${fmt(d.from)} → ${fmt(d.to)}` };
    case "keyword-changed": {
      const what = d.keys ? `${d.keyword} ${d.keys.join(", ")}${d.properties ? `: ${d.properties.join(", ")}` : ""}` : d.keyword;
      const verb = d.effect === "tighter" ? (d.from === undefined || d.keys ? "added" : "set") : d.effect === "looser" ? "removed" : "changed";
      return { effect: d.effect, first: false, message: `${what} ${verb}${d.keyword === "additionalProperties" ? ` (${d.effect === "tighter" ? "now false" : "now allowed"})` : ""}` };
    }
    default:
      return undefined;
  }
}

export function enumMessage(d, side) {
  const key = (v) => JSON.stringify(v);
  if (d.became === "enum") return `became an enum (${d.values.map(key).join(", ")})`;
  if (d.became === "open") return "enum removed: any value is now allowed";
  const values = side === "removed" ? d.removed : d.added;
  return `${d.extensible ? "x-extensible-enum" : "enum"} value${values.length > 1 ? "s" : ""} ${side}: ${values.map(key).join(", ")}`;
}

export { parseSunset };

/**
 * Security requirement alternatives are compared as sets: a client holding the credentials of an
 * alternative (its schemes, with their scopes) can still call the operation when some alternative
 * of the new document asks for no more than that. `weaker` ⊆ `stronger`: every scheme of `weaker`
 * is in `stronger`, with no scope that `stronger` lacks.
 */
export function asksNoMoreThan(weaker, stronger) {
  for (const [scheme, scopes] of weaker) {
    const held = stronger.get(scheme);
    if (!held) return false;
    for (const scope of scopes) if (!held.has(scope)) return false;
  }
  return true;
}

/** `x-stability-level`, lowest first; an operation without one is stable. */
export const STABILITY = ["draft", "alpha", "beta", "stable"];
export const stabilityRank = (value) => (value === undefined ? STABILITY.length - 1 : STABILITY.indexOf(value));
