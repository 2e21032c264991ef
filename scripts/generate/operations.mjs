// operations.gen.ts: every fact of a spec that the helper layer acts on at run time, so that the
// hand-written code holds only what the spec cannot say (aws-sdk-js-v3 and hey-api generate their
// commands the same way: url, method, security and sensitive fields come from the model).
//
// Per operation: method, path, tag, idempotency (GET/HEAD/OPTIONS/PUT/DELETE, or a POST marked
// `x-idempotent: true`), security alternatives, parameters with their constraints, the request body
// and its constraints, what a success response must be, the documented error statuses with their
// descriptions and schemas, the fields a success body requires, operation-level servers, the vendor's seed operations
// (`x-seed-operations`), and the secret fields (`x-secret: true` on properties and parameters;
// every security scheme is secret) as paths into the request and the response.
//
// Constraint schemas are a subset of JSON Schema, the keywords core's validator checks (types,
// required, lengths, patterns, ranges, enums, items, formats, oneOf with its discriminator), kept
// once per component schema in `schemas` and referenced by name: the facts stay small enough to
// ship in the helper bundle.
import { readFile } from "node:fs/promises";
import { parse } from "yaml";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);
const CONSTRAINT_KEYWORDS = ["type", "format", "minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "uniqueItems", "nullable", "minProperties", "maxProperties"];
const REF_PREFIX = "#/components/schemas/";

const pointer = (spec, ref) =>
  ref
    .slice(2)
    .split("/")
    .reduce((at, key) => at?.[key.replaceAll("~1", "/").replaceAll("~0", "~")], spec);

/** Follows `$ref`s (components other than schemas: parameters, responses, request bodies). */
const resolve = (spec, node) => {
  let current = node;
  for (let hops = 0; current?.$ref && hops < 20; hops++) current = pointer(spec, current.$ref);
  return current;
};

/** The facts of one spec. Exported for the generator's own tests. */
export function operationFacts(spec) {
  const schemas = {};
  const wanted = new Set();

  /** A constraint schema for `node`; component schemas become `{ $ref: Name }` and are collected once. */
  function constraints(node, direction, depth = 0) {
    if (!node || typeof node !== "object" || depth > 64) return {};
    if (node.$ref) {
      if (node.$ref.startsWith(REF_PREFIX)) {
        const name = node.$ref.slice(REF_PREFIX.length);
        if (!wanted.has(name)) {
          wanted.add(name);
          schemas[name] = constraints(pointer(spec, node.$ref), direction, depth + 1);
        }
        return { $ref: name };
      }
      return constraints(resolve(spec, node), direction, depth + 1);
    }
    const out = {};
    for (const keyword of CONSTRAINT_KEYWORDS) if (node[keyword] !== undefined) out[keyword] = node[keyword];
    if (node.enum) out.enum = node.enum;
    if (node.const !== undefined) out.enum = [node.const];
    if (node.items) out.items = constraints(node.items, direction, depth + 1);
    if (node.allOf) out.allOf = node.allOf.map((branch) => constraints(branch, direction, depth + 1));
    for (const keyword of ["oneOf", "anyOf"]) if (node[keyword]) out[keyword] = node[keyword].map((branch) => constraints(branch, direction, depth + 1));
    if (node.discriminator) {
      out.discriminator = { propertyName: node.discriminator.propertyName };
      if (node.discriminator.mapping) {
        out.discriminator.mapping = Object.fromEntries(Object.entries(node.discriminator.mapping).map(([value, ref]) => [value, ref.startsWith(REF_PREFIX) ? ref.slice(REF_PREFIX.length) : ref]));
      }
    }
    if (node.properties) {
      out.properties = {};
      for (const [name, property] of Object.entries(node.properties)) {
        const target = resolve(spec, property) ?? {};
        // A read-only property is never sent: it has no request constraints (and is not required there).
        if (target.readOnly) continue;
        out.properties[name] = constraints(property, direction, depth + 1);
      }
      const required = (node.required ?? []).filter((name) => name in out.properties);
      if (required.length) out.required = required;
    } else if (node.required?.length) out.required = node.required;
    return out;
  }

  /** Paths to the `x-secret` fields of a schema ("clientSecret", "status.api_key", "tokens[].token"). */
  function secretPaths(node, prefix, seen = new Set(), depth = 0) {
    if (!node || typeof node !== "object" || depth > 32) return [];
    if (node.$ref) {
      if (seen.has(node.$ref)) return [];
      return secretPaths(pointer(spec, node.$ref), prefix, new Set([...seen, node.$ref]), depth + 1);
    }
    const found = [];
    if (node["x-secret"] === true && prefix) found.push(prefix);
    for (const [name, property] of Object.entries(node.properties ?? {})) found.push(...secretPaths(property, prefix ? `${prefix}.${name}` : name, seen, depth + 1));
    if (node.items) found.push(...secretPaths(node.items, `${prefix}[]`, seen, depth + 1));
    for (const keyword of ["allOf", "oneOf", "anyOf"]) for (const branch of node[keyword] ?? []) found.push(...secretPaths(branch, prefix, seen, depth + 1));
    return [...new Set(found)];
  }

  /**
   * The non-empty string fields a success response must carry: secret (the token of a token
   * response), and required by the schema or marked `x-required-in-response: true` (a field the
   * vendor's model leaves optional that a usable response still always has).
   */
  function requiredSecrets(node, seen = new Set()) {
    const schema = node?.$ref ? (seen.has(node.$ref) ? undefined : pointer(spec, node.$ref)) : node;
    if (!schema || typeof schema !== "object") return [];
    const out = [];
    const marked = Object.keys(schema.properties ?? {}).filter((name) => resolve(spec, schema.properties[name])?.["x-required-in-response"] === true);
    for (const name of new Set([...(schema.required ?? []), ...marked])) {
      const property = resolve(spec, schema.properties?.[name]);
      if (property?.["x-secret"] === true && property.type === "string") out.push(name);
    }
    // Every branch of a union must carry it for it to be required.
    const branches = schema.oneOf ?? schema.anyOf;
    if (branches?.length) {
      const lists = branches.map((branch) => requiredSecrets(branch, new Set([...seen, node?.$ref].filter(Boolean))));
      out.push(...lists[0].filter((name) => lists.every((list) => list.includes(name))));
    }
    return [...new Set(out)];
  }

  /**
   * The fields a response schema requires, nested: `{ required, properties: { name: shape }, items:
   * shape }`, keeping only the parts that require something (undefined when nothing is). A union
   * (oneOf/anyOf) says nothing certain about its fields and is left out.
   */
  function requiredShape(node, depth = 0) {
    const schema = resolve(spec, node);
    if (!schema || typeof schema !== "object" || depth > 20 || schema.oneOf || schema.anyOf) return undefined;
    if (schema.type === "array") {
      const items = requiredShape(schema.items, depth + 1);
      return items ? { items } : undefined;
    }
    const shape = {};
    if (Array.isArray(schema.required) && schema.required.length > 0) shape.required = schema.required;
    const properties = {};
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const nested = requiredShape(property, depth + 1);
      if (nested) properties[name] = nested;
    }
    if (Object.keys(properties).length > 0) shape.properties = properties;
    return Object.keys(shape).length > 0 ? shape : undefined;
  }

  function successType(success) {
    const types = new Set();
    for (const [, node] of success) {
      const content = resolve(spec, node)?.content;
      if (!content) return null;
      for (const media of Object.values(content)) {
        const schema = resolve(spec, media.schema ?? {});
        if (!schema || schema.nullable) return null;
        // A union whose branches all have one type (BlueJeans' grant responses) has that type.
        const branches = schema.type ? [schema] : (schema.oneOf ?? schema.anyOf ?? []).map((branch) => resolve(spec, branch));
        if (branches.length === 0 || branches.some((branch) => !branch?.type || branch.nullable)) return null;
        for (const branch of branches) types.add(branch.type);
      }
    }
    return types.size === 1 ? [...types][0] : null;
  }

  const jsonSchemaOf = (content) => {
    if (!content) return undefined;
    const media = content["application/json"] ?? Object.entries(content).find(([type]) => /json/i.test(type))?.[1];
    return media?.schema;
  };

  const securitySchemes = {};
  for (const [name, scheme] of Object.entries(spec.components?.securitySchemes ?? {})) {
    if (scheme.type === "http") securitySchemes[name] = { type: "http", scheme: String(scheme.scheme ?? "bearer").toLowerCase() };
    else if (scheme.type === "apiKey") securitySchemes[name] = { type: "apiKey", in: scheme.in, name: scheme.name };
    else securitySchemes[name] = { type: scheme.type };
  }

  const operations = {};
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const upper = method.toUpperCase();
      const security = (op.security ?? spec.security ?? []).map((requirement) => Object.keys(requirement));
      const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])]
        .map((parameter) => resolve(spec, parameter))
        .map((parameter) => ({
          in: parameter.in,
          name: parameter.name,
          required: parameter.required === true || parameter.in === "path",
          schema: constraints(parameter.schema ?? {}, "request"),
          ...(resolve(spec, parameter.schema)?.default !== undefined ? { default: resolve(spec, parameter.schema).default } : {}),
          ...(parameter["x-secret"] === true ? { secret: true } : {}),
        }));
      const requestBody = resolve(spec, op.requestBody);
      const bodySchema = jsonSchemaOf(requestBody?.content);
      const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2/.test(status));
      const responseSchemas = success.map(([, response]) => jsonSchemaOf(resolve(spec, response)?.content)).filter(Boolean);
      const errors = {};
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        if (!/^[45]/.test(status)) continue;
        const resolved = resolve(spec, response) ?? {};
        const schema = jsonSchemaOf(resolved.content);
        errors[status] = {
          description: String(resolved.description ?? "").trim(),
          schema: schema?.$ref?.startsWith(REF_PREFIX) ? schema.$ref.slice(REF_PREFIX.length) : null,
        };
      }
      const requestSecrets = [
        ...parameters.filter((parameter) => parameter.secret).map((parameter) => `${parameter.in}.${parameter.name}`),
        ...(bodySchema ? secretPaths(bodySchema, "body") : []),
      ];
      const responseSecrets = [...new Set(responseSchemas.flatMap((schema) => secretPaths(schema, "")))];
      const mustCarry = responseSchemas.length ? responseSchemas.map((schema) => requiredSecrets(schema)).reduce((a, b) => a.filter((name) => b.includes(name))) : [];
      operations[op.operationId] = {
        method: upper,
        path,
        tag: op.tags?.[0] ?? null,
        idempotent: IDEMPOTENT.has(upper) || op["x-idempotent"] === true,
        security,
        parameters,
        body: bodySchema ? { required: requestBody.required === true, schema: constraints(bodySchema, "request") } : null,
        response: {
          // Every documented success response has a body: an empty one is a broken response.
          body: success.length > 0 && success.every(([, response]) => resolve(spec, response)?.content),
          // The JSON type every success body has (null when they differ or the schema does not say).
          type: successType(success),
          // Top-level secret strings every success body must carry (a token response without its token is broken).
          requiredSecrets: mustCarry,
          // The fields the success body requires (one JSON schema only), checked by op().
          ...(responseSchemas.length === 1 && requiredShape(responseSchemas[0]) ? { required: requiredShape(responseSchemas[0]) } : {}),
        },
        secrets: { request: requestSecrets, response: responseSecrets },
        errors,
        servers: op.servers?.map((server) => server.url) ?? null,
        seedOperations: op["x-seed-operations"] ?? null,
      };
    }
  }
  // Every property and parameter name the spec marks secret: redacted by key wherever it appears.
  const secretKeys = new Set();
  const collect = (node, depth = 0) => {
    if (!node || typeof node !== "object" || depth > 32) return;
    for (const [name, property] of Object.entries(node.properties ?? {})) {
      if (property?.["x-secret"] === true) secretKeys.add(name);
      collect(property, depth + 1);
    }
    collect(node.items, depth + 1);
    for (const keyword of ["allOf", "oneOf", "anyOf"]) for (const branch of node[keyword] ?? []) collect(branch, depth + 1);
  };
  for (const schema of Object.values(spec.components?.schemas ?? {})) collect(schema);
  for (const facts of Object.values(operations)) for (const parameter of facts.parameters) if (parameter.secret) secretKeys.add(parameter.name);
  return { operations, schemas: Object.fromEntries(Object.keys(schemas).sort().map((name) => [name, schemas[name]])), securitySchemes, secretKeys: [...secretKeys].sort() };
}

/**
 * The types of the vendor's seed operations that spec operations stand for (`x-seed-operations`):
 * per seed operationId, the spec operation, its scalar fields as literal types, and the request and
 * response models named by `requestSchema` / `responseSchema`.
 */
function seedOperationTypes(operations) {
  const entries = [];
  for (const [operationId, facts] of Object.entries(operations)) {
    for (const seed of facts.seedOperations ?? []) {
      const fields = [`readonly operation: ${JSON.stringify(operationId)}`];
      for (const [key, value] of Object.entries(seed)) {
        if (key === "operationId" || key === "requestSchema" || key === "responseSchema") continue;
        if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") fields.push(`readonly ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
      }
      if (seed.requestSchema) fields.push(`readonly request: components["schemas"][${JSON.stringify(seed.requestSchema)}]`);
      if (seed.responseSchema) fields.push(`readonly response: components["schemas"][${JSON.stringify(seed.responseSchema)}]`);
      entries.push(`  ${JSON.stringify(seed.operationId)}: { ${fields.join("; ")} };`);
    }
  }
  if (entries.length === 0) return "";
  return `
/** The vendor's seed operations that spec operations stand for (\`x-seed-operations\`), with their models. */
export interface SeedOperations {
${entries.join("\n")}
}
`;
}

export async function generateOperations(specPath, header) {
  const spec = parse(await readFile(specPath, "utf8"));
  const { operations, schemas, securitySchemes, secretKeys } = operationFacts(spec);
  const json = (value) => JSON.stringify(value, null, 2);
  const seeds = seedOperationTypes(operations);
  return `${header}${seeds ? `\nimport type { components } from "./schema.gen.js";\n` : ""}
/** Per operationId: everything the helper layer acts on (see scripts/generate/operations.mjs). */
export const operations = ${json(operations)} as const;

export type OperationId = keyof typeof operations;

/** The constraints of the component schemas that requests use, by name (a subset of JSON Schema). */
export const schemas = ${json(schemas)} as const;

/** The spec's security schemes: where each credential goes on a request. */
export const securitySchemes = ${json(securitySchemes)} as const;

/** The property and parameter names the spec marks \`x-secret\`: redacted by key wherever they appear. */
export const secretKeys = ${json(secretKeys)} as const;
${seeds}`;
}
