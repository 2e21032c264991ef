// Input checks of the Agilicus helper layer, run before any request is sent. Limits come from
// specs/agilicus.yaml. Errors name the field and never echo the value (it may be a token).
import { ValidationError, optionalString, requireObject, requireString, type StringRule } from "@vendor-auth/core";
import type { QueryType } from "./operation-facts.js";

/** Required string properties of an object, with optional per-property limits. */
export function requireFields(field: string, value: unknown, required: Record<string, StringRule>, optional: Record<string, StringRule> = {}): void {
  const object = requireObject(field, value);
  for (const [name, rule] of Object.entries(required)) requireString(`${field}.${name}`, object[name], rule);
  for (const [name, rule] of Object.entries(optional)) optionalString(`${field}.${name}`, object[name], rule);
}

/** `limit`: an integer from 1 to the operation's maximum (500, or 100 for listTokens). */
export function checkLimit(field: string, value: unknown, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > max) {
    throw new ValidationError(field, `must be an integer from 1 to ${max}`);
  }
  return value;
}

// RFC 3339 date-time, what `format: date-time` means in OpenAPI.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/** A date-time query value: an RFC 3339 string, or a Date (sent as its ISO string). */
export function dateTime(field: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new ValidationError(field, "is an invalid Date");
    return value.toISOString();
  }
  if (typeof value !== "string" || !DATE_TIME.test(value)) {
    throw new ValidationError(field, "must be an RFC 3339 date-time string (e.g. 2021-03-23T10:00:00Z) or a Date");
  }
  return value;
}

/**
 * Checks a query object: only the operation's own parameters (so a misplaced `{ signal }` is caught
 * instead of being sent), strings non-empty (pagination keys may be ""), date-times RFC 3339 (a Date
 * is sent as its ISO string), booleans boolean; `limit` is left to checkLimit. Returns a copy without undefined values.
 */
export function checkQuery(field: string, query: unknown, types: Readonly<Record<string, QueryType>>): Record<string, unknown> {
  if (query === undefined) return {};
  const object = requireObject(field, query);
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(object)) {
    const type = types[name];
    if (type === undefined) throw new ValidationError(`${field}.${name}`, `is not a query parameter of this operation (allowed: ${Object.keys(types).join(", ")})`);
    if (value === undefined) continue;
    if (type === "string") out[name] = requireString(`${field}.${name}`, value);
    else if (type === "cursor") {
      // A pagination key: the vendor documents "" as "from the start".
      if (typeof value !== "string") throw new ValidationError(`${field}.${name}`, `must be a string, got ${typeof value}`);
      out[name] = value;
    }    else if (type === "date-time") out[name] = dateTime(`${field}.${name}`, value);
    else if (type === "boolean") {
      if (typeof value !== "boolean") throw new ValidationError(`${field}.${name}`, `must be a boolean, got ${typeof value}`);
      out[name] = value;
    } else out[name] = value; // integers: `limit`, checked by checkLimit with its maximum
  }
  return out;
}
