// Success answers that lack a field the spec requires. openapi-fetch hands back whatever JSON
// arrived, typed as the spec's model; when the spec says a field is required (UniCourt's decision
// response-fields-required, say) and the answer has none, a helper would carry `undefined` on as if
// it were a token. `op()` makes such an answer a ResponseParseError naming the missing fields
// instead. The shapes come from the spec, through each package's generated operations.gen.ts
// (`response.required`, written by scripts/generate/operations.mjs).
import { ResponseParseError } from "./errors.js";

/** The fields a schema requires, nested as the generator writes them. */
export interface RequiredShape {
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, RequiredShape>>;
  readonly items?: RequiredShape;
}

/** The paths of the required fields `value` lacks, e.g. `["tokenId", "AccessTokenIdArray[0].issuedDate"]`. */
export function missingRequiredFields(value: unknown, shape: RequiredShape, path = ""): string[] {
  if (Array.isArray(value)) return shape.items ? value.flatMap((item, i) => missingRequiredFields(item, shape.items!, `${path}[${i}]`)) : [];
  if (value === null || typeof value !== "object") return [];
  const object = value as Record<string, unknown>;
  const at = (name: string) => (path ? `${path}.${name}` : name);
  const missing = (shape.required ?? []).filter((name) => object[name] === undefined).map(at);
  for (const [name, nested] of Object.entries(shape.properties ?? {})) {
    if (object[name] !== undefined) missing.push(...missingRequiredFields(object[name], nested, at(name)));
  }
  return missing;
}

/** Whether `value` has every required field of `shape` (what `missingRequiredFields` finds empty), without building paths. */
function hasRequiredFields(value: unknown, shape: RequiredShape): boolean {
  if (Array.isArray(value)) {
    if (shape.items) for (const item of value) if (!hasRequiredFields(item, shape.items)) return false;
    return true;
  }
  if (value === null || typeof value !== "object") return true;
  const object = value as Record<string, unknown>;
  for (const name of shape.required ?? []) if (object[name] === undefined) return false;
  const properties = shape.properties;
  if (properties) for (const name in properties) if (object[name] !== undefined && !hasRequiredFields(object[name], properties[name]!)) return false;
  return true;
}

/**
 * Throws a ResponseParseError when a success body lacks a field the spec requires. The error names
 * the fields and carries no excerpt: the call's own secrets (its token) are no longer registered
 * with the redactor once the call has returned, and the body may echo them.
 */
export function requireResponseFields(data: unknown, shape: RequiredShape, fields: { vendor: string; operation: string }): void {
  // Every success is checked: the check allocates nothing; the paths are built only for an error.
  if (hasRequiredFields(data, shape)) return;
  const missing = missingRequiredFields(data, shape);
  if (missing.length === 0) return;
  const { vendor, operation } = fields;
  throw new ResponseParseError(`The ${operation} answer lacks fields the spec requires: ${missing.join(", ")}`, { vendor, operation, status: 200, excerpt: "" });
}

/**
 * The fields an operation's success body is guaranteed to carry as non-empty strings (its
 * generated `response.requiredSecrets`, which `op()` checks at runtime): `{ authToken: string }`
 * for Laserfiche's createAccessToken, say. Intersected with the body type, so the spec, not
 * hand-written code, says which fields are guaranteed.
 */
export type GuaranteedFields<F> = F extends { readonly response: { readonly requiredSecrets: readonly (infer K extends string)[] } } ? { [P in K]: string } : {};
