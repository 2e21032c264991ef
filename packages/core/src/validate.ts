// Input checks run before any request is sent. They throw ValidationError naming the field and
// the problem, never echoing the value (it may be a secret). Types are checked before values are
// touched: a 10 MB string where an object belongs is refused at once, not spread into 10 million
// properties.
import { ValidationError } from "./errors.js";

export interface StringRule {
  minLength?: number | undefined;
  maxLength?: number | undefined;
  pattern?: RegExp | undefined;
}

/** The longest delay a JavaScript timer can wait (setTimeout fires at once beyond it). */
export const MAX_TIMER_MS = 2 ** 31 - 1;
/** The most retries a call may ask for (with the default backoff, about a minute of waiting). */
export const MAX_RETRIES = 10;

const typeName = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "an array" : typeof value);

/** Asserts a plain object (options, a JSON body or a nested object of one). */
export function requireObject(field: string, value: unknown): Record<string, unknown> {
  if (value === undefined || value === null) throw new ValidationError(field, "is required");
  if (typeof value !== "object" || Array.isArray(value)) throw new ValidationError(field, `must be an object, got ${typeName(value)}`);
  return value as Record<string, unknown>;
}

/** Asserts an optional plain object (undefined passes). */
export function optionalObject(field: string, value: unknown): Record<string, unknown> | undefined {
  return value === undefined ? undefined : requireObject(field, value);
}

/** Asserts a required, non-empty string within the given limits. */
export function requireString(field: string, value: unknown, rule: StringRule = {}): string {
  if (value === undefined || value === null) throw new ValidationError(field, "is required");
  if (typeof value !== "string") throw new ValidationError(field, `must be a string, got ${typeName(value)}`);
  if (value.length === 0 || value.trim().length === 0) throw new ValidationError(field, "must not be empty");
  return checkString(field, value, rule);
}

/** Asserts an optional string within limits (undefined passes). */
export function optionalString(field: string, value: unknown, rule: StringRule = {}): string | undefined {
  if (value === undefined) return undefined;
  return requireString(field, value, rule);
}

/**
 * A value that becomes one segment of a request path: a non-empty string that is not a dot segment.
 * "." and ".." survive percent-encoding (%2E%2E) and are resolved away by URL parsing, which would
 * send the request, with its credentials, to another path.
 */
export function requirePathSegment(field: string, value: unknown, rule: StringRule = {}): string {
  const segment = requireString(field, value, rule);
  if (/^(?:\.|%2e){1,2}$/i.test(segment)) throw new ValidationError(field, 'must not be "." or ".." (a dot segment would change the request path)');
  return segment;
}

/** Asserts an absolute URL of any scheme (an OAuth redirect may use an app's own scheme). */
export function requireAbsoluteUrl(field: string, value: unknown, problem = "must be an absolute URL"): string {
  const text = requireString(field, value);
  try {
    new URL(text);
  } catch {
    throw new ValidationError(field, problem);
  }
  return text;
}

/** Asserts an optional boolean (undefined passes). */
export function optionalBoolean(field: string, value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "boolean") throw new ValidationError(field, `must be a boolean, got ${typeName(value)}`);
  return value;
}

/** Asserts an optional function (undefined passes). */
export function optionalFunction<F extends (...args: never[]) => unknown>(field: string, value: unknown): F | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "function") throw new ValidationError(field, `must be a function, got ${typeName(value)}`);
  return value as F;
}

/** Asserts an optional number in [min, max] (undefined passes); `integer` also refuses fractions. */
export function optionalNumber(field: string, value: unknown, range: { min: number; max: number; integer?: boolean; unit?: string }): number | undefined {
  if (value === undefined) return undefined;
  const { min, max, integer = false, unit = "" } = range;
  const what = `${integer ? "an integer" : "a number"}${unit ? ` of ${unit}` : ""} from ${min} to ${max}`;
  if (typeof value !== "number" || Number.isNaN(value)) throw new ValidationError(field, `must be ${what}, got ${typeName(value)}`);
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) throw new ValidationError(field, `must be ${what}`);
  return value;
}

/** Asserts a positive number of milliseconds a timer can wait (or undefined). */
export function optionalTimeout(field: string, value: unknown): number | undefined {
  return optionalNumber(field, value, { min: 1, max: MAX_TIMER_MS, unit: "milliseconds" });
}

/** An AbortSignal from any realm or runtime (checked by shape: `instanceof` fails across copies). */
export function optionalSignal(field: string, value: unknown): AbortSignal | undefined {
  if (value === undefined) return undefined;
  const signal = value as Partial<AbortSignal> | null;
  if (signal === null || typeof signal !== "object" || typeof signal.aborted !== "boolean" || typeof signal.addEventListener !== "function" || typeof signal.removeEventListener !== "function") {
    throw new ValidationError(field, `must be an AbortSignal, got ${typeName(value)}`);
  }
  return value as AbortSignal;
}

// RFC 9110 token characters of a header name; a value must not hold CR, LF or NUL.
export const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const BAD_HEADER_VALUE = /[\r\n\0]/;

/** Asserts an optional record of header names to string values (undefined passes). */
export function optionalHeaders(field: string, value: unknown): Record<string, string> | undefined {
  const headers = optionalObject(field, value);
  if (headers === undefined) return undefined;
  for (const name of Object.keys(headers)) {
    const item = headers[name];
    if (!HEADER_NAME.test(name)) throw new ValidationError(field, "has a header name that is not a valid HTTP token");
    if (typeof item !== "string") throw new ValidationError(`${field}.${name}`, `must be a string, got ${typeName(item)}`);
    if (BAD_HEADER_VALUE.test(item)) throw new ValidationError(`${field}.${name}`, "must not contain CR, LF or NUL characters");
  }
  return headers as Record<string, string>;
}

function checkString(field: string, value: string, rule: StringRule): string {
  const { minLength, maxLength, pattern } = rule;
  if (minLength !== undefined && minLength === maxLength && value.length !== minLength) {
    throw new ValidationError(field, `must be exactly ${minLength} characters, got ${value.length}`);
  }
  if (minLength !== undefined && value.length < minLength) {
    throw new ValidationError(field, `must be at least ${minLength} characters, got ${value.length}`);
  }
  if (maxLength !== undefined && value.length > maxLength) {
    throw new ValidationError(field, `must be at most ${maxLength} characters, got ${value.length}`);
  }
  if (pattern && !pattern.test(value)) throw new ValidationError(field, `does not match ${pattern}`);
  return value;
}

/**
 * The one of `fields` that `options` sets (not undefined), for options that are alternatives (a
 * token, a token provider or an API key, say); a ValidationError naming them when none or several are.
 */
export function exactlyOneOf<K extends string>(options: Readonly<Partial<Record<K, unknown>>>, fields: readonly [K, ...K[]]): K {
  const given = fields.filter((field) => options[field] !== undefined);
  const alternatives = fields.join(", ");
  if (given.length === 0) throw new ValidationError(fields[0], `is required: pass one of ${alternatives}`);
  if (given.length > 1) throw new ValidationError(given[1]!, `pass only one of ${alternatives} (got ${given.join(" and ")})`);
  return given[0]!;
}

/** Scopes to send joined by spaces (RFC 6749 §3.3): strings without whitespace; none when absent. */
export function optionalScopes(field: string, value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ValidationError(field, "must be an array of strings");
  return value.map((scope, i) => {
    const checked = requireString(`${field}[${i}]`, scope);
    if (/\s/.test(checked)) throw new ValidationError(`${field}[${i}]`, "must not contain whitespace (the scopes are sent joined by spaces)");
    return checked;
  });
}

/** The entries of `values` that are set (a request body or query without its absent fields). */
export function defined<T extends Record<string, unknown>>(values: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
