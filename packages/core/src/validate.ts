// Input checks run before any request is sent. They throw ValidationError naming the field and
// the problem, never echoing the value (it may be a secret).
import { ValidationError } from "./errors.js";

export interface StringRule {
  minLength?: number;
  maxLength?: number;
  pattern?: RegExp;
}

/** Asserts a required, non-empty string within the given limits. */
export function requireString(field: string, value: unknown, rule: StringRule = {}): string {
  if (value === undefined || value === null) throw new ValidationError(field, "is required");
  if (typeof value !== "string") throw new ValidationError(field, `must be a string, got ${typeof value}`);
  if (value.length === 0 || value.trim().length === 0) throw new ValidationError(field, "must not be empty");
  return checkString(field, value, rule);
}

/** Asserts an optional string within limits (undefined passes). */
export function optionalString(field: string, value: unknown, rule: StringRule = {}): string | undefined {
  if (value === undefined) return undefined;
  return requireString(field, value, rule);
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

/** Asserts a positive finite number of milliseconds (or undefined). */
export function optionalTimeout(field: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new ValidationError(field, "must be a positive number of milliseconds");
  }
  return value;
}
