// The generated facts of an operation (each vendor's `src/generated/operations.gen.ts`, written by
// scripts/generate/operations.mjs) and the one validator that checks a call's input against them
// before anything is sent. Errors name the field by where it goes on the wire ("path.session_id",
// "query.limit", "body.spec.user_id") and never echo its value (it may be a secret).
import { ValidationError } from "./errors.js";
import type { RequiredShape } from "./required-fields.js";

/** A subset of JSON Schema: the constraints the validator checks. */
export interface SchemaFacts {
  readonly $ref?: string;
  readonly type?: string;
  readonly format?: string;
  readonly nullable?: boolean;
  readonly enum?: readonly unknown[];
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number | boolean;
  readonly exclusiveMaximum?: number | boolean;
  readonly multipleOf?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minProperties?: number;
  readonly maxProperties?: number;
  readonly items?: SchemaFacts;
  readonly properties?: Readonly<Record<string, SchemaFacts>>;
  readonly required?: readonly string[];
  readonly allOf?: readonly SchemaFacts[];
  readonly oneOf?: readonly SchemaFacts[];
  readonly anyOf?: readonly SchemaFacts[];
  readonly discriminator?: { readonly propertyName: string; readonly mapping?: Readonly<Record<string, string>> };
}

export interface ParameterFacts {
  readonly in: string;
  readonly name: string;
  readonly required: boolean;
  readonly schema: SchemaFacts;
  readonly secret?: boolean;
  /** The spec's default, when it gives one. */
  readonly default?: unknown;
}

export type HttpMethodName = "GET" | "PUT" | "POST" | "DELETE" | "PATCH" | "HEAD" | "OPTIONS" | "TRACE";

/** The generated facts of one operation. */
export interface OperationFacts {
  readonly method: HttpMethodName;
  readonly path: string;
  readonly tag?: string | null;
  /** Safe to repeat after a transient failure. */
  readonly idempotent: boolean;
  /** Security alternatives: each lists the schemes that must all be present; `[]` = none needed. */
  readonly security: readonly (readonly string[])[];
  readonly parameters: readonly ParameterFacts[];
  readonly body: { readonly required: boolean; readonly schema: SchemaFacts } | null;
  readonly response: {
    /** Every documented success response has a body. */
    readonly body: boolean;
    /** The JSON type every success body has, or null. */
    readonly type: string | null;
    /** Top-level secret strings a success body must carry. */
    readonly requiredSecrets?: readonly string[];
    /** The fields a success body requires, nested (see required-fields.ts). */
    readonly required?: RequiredShape;
  };
  /** Paths of the secret values sent ("body.clientSecret", "query.access_token") and received. */
  readonly secrets: { readonly request: readonly string[]; readonly response: readonly string[] };
  /** The documented error statuses: the spec's description and error schema name. */
  readonly errors: Readonly<Record<string, { readonly description: string; readonly schema: string | null }>>;
  readonly servers?: readonly string[] | null;
  readonly seedOperations?: readonly unknown[] | null;
}

export type OperationTable = Readonly<Record<string, OperationFacts>>;
export type SchemaTable = Readonly<Record<string, SchemaFacts>>;
export type SecuritySchemeFacts = { readonly type: "http"; readonly scheme: string } | { readonly type: "apiKey"; readonly in: string; readonly name: string } | { readonly type: string };

/** What a call hands the operation, as openapi-fetch takes it. */
export interface OperationInput {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown>; cookie?: Record<string, unknown> };
  body?: unknown;
  [key: string]: unknown;
}

const LOCATIONS = ["path", "query", "header", "cookie"] as const;
const kind = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);
const patterns = new Map<string, RegExp>();
const compiled = (pattern: string) => {
  let regex = patterns.get(pattern);
  if (!regex) {
    regex = new RegExp(pattern, "u");
    patterns.set(pattern, regex);
  }
  return regex;
};

/**
 * Checks a call's input against the operation's facts and returns the input to send: the same,
 * with `Date`s in date-time parameters as ISO strings and no `undefined` parameters. Throws
 * ValidationError naming the first problem.
 */
export function checkOperationInput(facts: OperationFacts, input: unknown, schemas: SchemaTable): OperationInput {
  if (input !== undefined && (input === null || typeof input !== "object" || Array.isArray(input))) throw new ValidationError("input", `must be an object, got ${kind(input)}`);
  const given = (input ?? {}) as OperationInput;
  const params = given.params;
  if (params !== undefined && (params === null || typeof params !== "object")) throw new ValidationError("params", `must be an object, got ${kind(params)}`);
  const out: Record<string, Record<string, unknown>> = {};
  for (const location of LOCATIONS) {
    const values = params?.[location];
    if (values === undefined) continue;
    if (values === null || typeof values !== "object" || Array.isArray(values)) throw new ValidationError(location, `must be an object, got ${kind(values)}`);
    const declared = new Set(facts.parameters.filter((p) => p.in === location).map((p) => p.name.toLowerCase()));
    for (const name of Object.keys(values)) {
      // A misplaced option (`{ signal }` in a query) is caught instead of being sent.
      if (!declared.has(name.toLowerCase())) throw new ValidationError(`${location}.${name}`, `is not a ${location} parameter of this operation${declared.size ? ` (allowed: ${[...declared].join(", ")})` : ""}`);
    }
  }
  for (const parameter of facts.parameters) {
    const field = `${parameter.in}.${parameter.name}`;
    const values = params?.[parameter.in as (typeof LOCATIONS)[number]] as Record<string, unknown> | undefined;
    let value = values?.[parameter.name];
    if (value === undefined) {
      if (parameter.required) throw new ValidationError(field, "is required");
      continue;
    }
    if (value instanceof Date && parameter.schema.format === "date-time") {
      if (Number.isNaN(value.getTime())) throw new ValidationError(field, "is an invalid Date");
      value = value.toISOString();
    }
    checkValue(field, value, parameter.schema, schemas, 0);
    if (parameter.in === "path") checkPathSegment(field, value);
    (out[parameter.in] ??= {})[parameter.name] = value;
  }
  const checked: OperationInput = { ...given };
  if (Object.keys(out).length > 0 || params !== undefined) checked.params = out;
  if (facts.body === null) {
    if (given.body !== undefined) throw new ValidationError("body", "must not be given: this operation takes no request body");
  } else if (given.body === undefined) {
    if (facts.body.required) throw new ValidationError("body", "is required");
  } else checkValue("body", given.body, facts.body.schema, schemas, 0);
  return checked;
}

/**
 * Checks values meant for an operation's parameters in one location (client options named like the
 * parameters, checked when the client is created) against the parameters' schemas. Undefined values
 * pass; a name the operation does not have is a ValidationError.
 */
export function checkParameters(facts: OperationFacts, location: string, values: Readonly<Record<string, unknown>>, schemas: SchemaTable): void {
  for (const [name, value] of Object.entries(values)) {
    const parameter = facts.parameters.find((p) => p.in === location && p.name === name);
    if (!parameter) throw new ValidationError(name, `is not a ${location} parameter of this operation`);
    if (value !== undefined) checkValue(name, value, parameter.schema, schemas, 0);
  }
}

/** "." and ".." (encoded or not) would be resolved away by URL parsing and change the request path. */
function checkPathSegment(field: string, value: unknown): void {
  const text = String(value);
  if (text.length === 0) throw new ValidationError(field, "must not be empty (it is a segment of the request path)");
  if (/^(?:\.|%2e){1,2}$/i.test(text)) throw new ValidationError(field, 'must not be "." or ".." (a dot segment would change the request path)');
}

/**
 * Checks one value against a constraint schema (e.g. a client option against the spec's schema of
 * the request field it becomes). Throws ValidationError naming `field` (or the nested field).
 */
export function checkSchema(field: string, value: unknown, schema: SchemaFacts, schemas: SchemaTable): void {
  checkValue(field, value, schema, schemas, 0);
}

const join = (field: string, name: string) => (field ? `${field}.${name}` : name);

function checkValue(field: string, value: unknown, schema: SchemaFacts, schemas: SchemaTable, depth: number): void {
  if (depth > 64) return;
  if (schema.$ref !== undefined) {
    const target = schemas[schema.$ref];
    if (target) checkValue(field, value, target, schemas, depth + 1);
    return;
  }
  if (value === null && schema.nullable) return;
  for (const branch of schema.allOf ?? []) checkValue(field, value, branch, schemas, depth + 1);
  const union = schema.oneOf ?? schema.anyOf;
  if (union) checkUnion(field, value, schema, union, schemas, depth);
  if (schema.type !== undefined) checkType(field, value, schema.type);
  if (schema.enum && !schema.enum.some((allowed) => allowed === value)) {
    throw new ValidationError(field, `must be one of: ${schema.enum.map((allowed) => JSON.stringify(allowed)).join(", ")}`);
  }
  if (typeof value === "string") checkString(field, value, schema);
  else if (typeof value === "number") checkNumber(field, value, schema);
  else if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) throw new ValidationError(field, `must have at least ${schema.minItems} items, got ${value.length}`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) throw new ValidationError(field, `must have at most ${schema.maxItems} items, got ${value.length}`);
    if (schema.items) for (let index = 0; index < value.length; index++) checkValue(`${field}[${index}]`, value[index], schema.items, schemas, depth + 1);
  } else if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const name of schema.required ?? []) if (record[name] === undefined) throw new ValidationError(join(field, name), "is required");
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (record[name] !== undefined) checkValue(join(field, name), record[name], property, schemas, depth + 1);
    }
  }
}

function checkUnion(field: string, value: unknown, schema: SchemaFacts, branches: readonly SchemaFacts[], schemas: SchemaTable, depth: number): void {
  const discriminator = schema.discriminator;
  if (discriminator && value !== null && typeof value === "object" && !Array.isArray(value)) {
    const tag = (value as Record<string, unknown>)[discriminator.propertyName];
    const mapping = discriminator.mapping ?? {};
    const target = typeof tag === "string" ? mapping[tag] : undefined;
    if (target === undefined) {
      throw new ValidationError(join(field, discriminator.propertyName), `must be one of: ${Object.keys(mapping).map((v) => JSON.stringify(v)).join(", ")}`);
    }
    checkValue(field, value, { $ref: target }, schemas, depth + 1);
    return;
  }
  let first: unknown;
  for (const branch of branches) {
    try {
      checkValue(field, value, branch, schemas, depth + 1);
      return;
    } catch (error) {
      first ??= error;
    }
  }
  throw first;
}

function checkType(field: string, value: unknown, type: string): void {
  const actual = kind(value);
  const ok =
    type === "integer" ? typeof value === "number" && Number.isInteger(value) : type === "number" ? typeof value === "number" && Number.isFinite(value) : type === "array" ? Array.isArray(value) : actual === type;
  if (!ok) throw new ValidationError(field, `must be ${type === "integer" || type === "array" || type === "object" ? "an" : "a"} ${type}, got ${typeof value === "number" && type === "integer" ? "a fraction" : actual}`);
}

// `format: date-time`: RFC 3339, leniently (a missing offset, as Python clients send, or a space for
// the T): what the services accept. A Date given for such a parameter is sent as its ISO string.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})?$/;

function checkString(field: string, value: string, schema: SchemaFacts): void {
  const { minLength, maxLength, pattern } = schema;
  if (schema.format === "date-time" && !DATE_TIME.test(value)) throw new ValidationError(field, "must be an RFC 3339 date-time (e.g. 2021-03-23T10:00:00Z) or a Date");
  if (minLength !== undefined && minLength === maxLength && value.length !== minLength) throw new ValidationError(field, `must be exactly ${minLength} characters, got ${value.length}`);
  if (minLength !== undefined && value.length < minLength) throw new ValidationError(field, `must be at least ${minLength} characters, got ${value.length}`);
  if (maxLength !== undefined && value.length > maxLength) throw new ValidationError(field, `must be at most ${maxLength} characters, got ${value.length}`);
  if (pattern !== undefined && !compiled(pattern).test(value)) throw new ValidationError(field, `does not match the pattern ${pattern}`);
}

function checkNumber(field: string, value: number, schema: SchemaFacts): void {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf } = schema;
  const low = typeof exclusiveMinimum === "number" ? exclusiveMinimum : minimum;
  const high = typeof exclusiveMaximum === "number" ? exclusiveMaximum : maximum;
  const lowOpen = typeof exclusiveMinimum === "number" || exclusiveMinimum === true;
  const highOpen = typeof exclusiveMaximum === "number" || exclusiveMaximum === true;
  const range = () => `must be ${schema.type === "integer" ? "an integer" : "a number"}${low !== undefined ? ` ${lowOpen ? "above" : "from"} ${low}` : ""}${high !== undefined ? ` ${low !== undefined ? (highOpen ? "and below" : "to") : highOpen ? "below" : "up to"} ${high}` : ""}`;
  if (low !== undefined && (lowOpen ? value <= low : value < low)) throw new ValidationError(field, range());
  if (high !== undefined && (highOpen ? value >= high : value > high)) throw new ValidationError(field, range());
  if (multipleOf !== undefined && Math.abs(value / multipleOf - Math.round(value / multipleOf)) > 1e-9) throw new ValidationError(field, `must be a multiple of ${multipleOf}`);
}

/** The string values at `paths` ("body.clientSecret", "tokens[].token", "query.access_token") of `value`. */
export function valuesAt(value: unknown, paths: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (current: unknown, segments: readonly string[]) => {
    if (current === undefined || current === null) return;
    if (segments.length === 0) {
      if (typeof current === "string" && current.length > 0) found.push(current);
      return;
    }
    const [head, ...rest] = segments as [string, ...string[]];
    if (head.endsWith("[]")) {
      const list = head === "[]" ? current : (current as Record<string, unknown>)[head.slice(0, -2)];
      if (Array.isArray(list)) for (const item of list) walk(item, rest);
      return;
    }
    if (typeof current === "object" && Object.prototype.hasOwnProperty.call(current, head)) walk((current as Record<string, unknown>)[head], rest);
  };
  for (const path of paths) walk(value, path.split(".").filter(Boolean));
  return found;
}

/**
 * The properties of `value` that `schema` declares (a component `$ref`, a discriminated union or an
 * object), in the model's order, for sending exactly a model's fields: read-only properties (never
 * sent) and anything else the caller's object carries are left out.
 */
export function pickProperties(value: Readonly<Record<string, unknown>>, schema: SchemaFacts, schemas: SchemaTable): Record<string, unknown> {
  let target: SchemaFacts | undefined = schema;
  for (let hops = 0; target && hops < 16; hops++) {
    if (target.$ref !== undefined) target = schemas[target.$ref];
    else if (target.discriminator?.mapping) {
      const tag = value[target.discriminator.propertyName];
      const name = typeof tag === "string" ? target.discriminator.mapping[tag] : undefined;
      target = name === undefined ? undefined : schemas[name];
    } else break;
  }
  const declared = target?.properties;
  if (!declared) return { ...value };
  // In the model's order: the body reads as the spec writes it.
  return Object.fromEntries(Object.keys(declared).filter((name) => value[name] !== undefined).map((name) => [name, value[name]]));
}

/**
 * The URL of an operation that is opened rather than called (a browser redirect such as an OAuth
 * authorize page): its first server (or `baseUrl`), its path, and its query parameters checked
 * against the spec, in the spec's order, the spec's defaults filled in. Sends nothing.
 */
export function operationUrl(facts: OperationFacts, query: Readonly<Record<string, unknown>>, schemas: SchemaTable, baseUrl?: string): string {
  const withDefaults: Record<string, unknown> = {};
  for (const parameter of facts.parameters) {
    if (parameter.in !== "query") continue;
    const value = query[parameter.name] ?? parameter.default;
    if (value !== undefined) withDefaults[parameter.name] = value;
  }
  checkOperationInput(facts, { params: { query: { ...query, ...withDefaults } } }, schemas);
  const base = (baseUrl ?? facts.servers?.[0] ?? "").replace(/\/+$/, "");
  const search = Object.entries(withDefaults)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
    .join("&");
  return `${base}${facts.path}${search ? `?${search}` : ""}`;
}
