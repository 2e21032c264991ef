#!/usr/bin/env node
// Synthetic OpenAPI 3.0.3 specs of any size, for the scaling benchmark (scaling.mjs), shaped like
// the vendor specs: resources with list/create/get/update/delete operations, path parameters,
// query parameters (shared and inline, one enum), JSON request bodies, shared component schemas
// ($ref'd from several places), shared error responses, bearer security, one tag per five
// resources (one generated API class per 25 operations). Deterministic for a given size and seed.
//
//   node scripts/bench/synthetic-spec.mjs --operations 1000 [--seed 1] [--mutate] [--out spec.yaml]
//
// `--mutate` applies mutateSpec(): about 2% of the operations get an edit, half of them breaking
// (operation removed, required query parameter added, response property type changed, request
// property made required), half not (optional query parameter, new operation, description edit,
// optional request property).
import { writeFileSync } from "node:fs";
import { stringify } from "yaml";

/** A small seeded PRNG (mulberry32), so a size and a seed always give the same spec. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = ["account", "invoice", "session", "token", "device", "policy", "report", "ticket", "member", "project", "webhook", "document", "license", "payment", "region"];
const ref = (name) => ({ $ref: `#/components/schemas/${name}` });
const pad = (n) => String(n).padStart(4, "0");

/** One resource's schemas: the model, its create/update input, its list page. */
function resourceSchemas(name, rand) {
  const extra = {};
  const count = 3 + Math.floor(rand() * 6);
  for (let i = 0; i < count; i++) {
    const kind = Math.floor(rand() * 6);
    extra[`field${i}`] =
      kind === 0 ? { type: "string", maxLength: 256, description: `Free text ${i}.` }
      : kind === 1 ? { type: "integer", format: "int32", minimum: 0 }
      : kind === 2 ? { type: "number", format: "double" }
      : kind === 3 ? { type: "boolean", default: false }
      : kind === 4 ? { type: "array", items: { type: "string" }, maxItems: 50 }
      : { type: "string", format: "date-time" };
  }
  return {
    [name]: {
      type: "object",
      description: `A ${name}.`,
      required: ["id", "name", "status", "createdAt"],
      properties: {
        id: { type: "string", format: "uuid", readOnly: true },
        name: { type: "string", minLength: 1, maxLength: 100 },
        status: ref("Status"),
        createdAt: { type: "string", format: "date-time", readOnly: true },
        owner: ref("Owner"),
        metadata: ref("Metadata"),
        ...extra,
      },
    },
    [`${name}Input`]: {
      type: "object",
      required: ["name"],
      properties: { name: { type: "string", minLength: 1, maxLength: 100 }, status: ref("Status"), metadata: ref("Metadata"), ...extra },
    },
    [`${name}Page`]: {
      type: "object",
      required: ["items", "page"],
      properties: { items: { type: "array", items: ref(name) }, page: ref("Page") },
    },
  };
}

const SHARED_SCHEMAS = {
  Status: { type: "string", enum: ["active", "suspended", "deleted"], description: "Lifecycle state." },
  Owner: { type: "object", required: ["id"], properties: { id: { type: "string" }, email: { type: "string", format: "email" } } },
  Metadata: { type: "object", additionalProperties: { type: "string" }, description: "Free-form labels." },
  Page: { type: "object", required: ["limit"], properties: { limit: { type: "integer", minimum: 1, maximum: 500 }, nextCursor: { type: "string", nullable: true } } },
  Error: { type: "object", required: ["code", "message"], properties: { code: { type: "string" }, message: { type: "string" }, requestId: { type: "string" } } },
};

const json = (schema) => ({ "application/json": { schema } });

/** A valid OpenAPI 3.0.3 document with exactly `operations` operations. */
export function syntheticSpec(operations, { seed = 1 } = {}) {
  const rand = random(seed);
  const schemas = { ...SHARED_SCHEMAS };
  const paths = {};
  const tags = [];
  const resources = Math.ceil(operations / 5);
  let made = 0;
  for (let r = 0; r < resources; r++) {
    const noun = NOUNS[r % NOUNS.length];
    const name = `${noun[0].toUpperCase()}${noun.slice(1)}${pad(r)}`;
    const tag = `Group${pad(Math.floor(r / 5))}`;
    if (r % 5 === 0) tags.push({ name: tag, description: `Resources ${r} to ${r + 4}.` });
    Object.assign(schemas, resourceSchemas(name, rand));
    const collection = `/v1/${noun}s-${pad(r)}`;
    const item = `${collection}/{${noun}Id}`;
    const idParam = { name: `${noun}Id`, in: "path", required: true, schema: { type: "string", format: "uuid" } };
    const ops = [
      [collection, "get", {
        operationId: `list${name}`,
        summary: `List ${name} objects.`,
        parameters: [
          { $ref: "#/components/parameters/Limit" },
          { $ref: "#/components/parameters/Cursor" },
          { name: "status", in: "query", required: false, schema: ref("Status") },
          { name: "q", in: "query", required: false, schema: { type: "string", maxLength: 100 } },
        ],
        responses: { 200: { description: "A page.", content: json(ref(`${name}Page`)) }, 400: { $ref: "#/components/responses/BadRequest" } },
      }],
      [collection, "post", {
        operationId: `create${name}`,
        summary: `Create a ${name}.`,
        requestBody: { required: true, content: json(ref(`${name}Input`)) },
        responses: { 201: { description: "Created.", content: json(ref(name)) }, 400: { $ref: "#/components/responses/BadRequest" } },
      }],
      [item, "get", {
        operationId: `get${name}`,
        summary: `Get a ${name}.`,
        parameters: [idParam],
        responses: { 200: { description: "The object.", content: json(ref(name)) }, 404: { $ref: "#/components/responses/NotFound" } },
      }],
      [item, "put", {
        operationId: `replace${name}`,
        summary: `Replace a ${name}.`,
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(`${name}Input`)) },
        responses: { 200: { description: "Replaced.", content: json(ref(name)) }, 400: { $ref: "#/components/responses/BadRequest" }, 404: { $ref: "#/components/responses/NotFound" } },
      }],
      [item, "delete", {
        operationId: `delete${name}`,
        summary: `Delete a ${name}.`,
        parameters: [idParam],
        responses: { 204: { description: "Deleted." }, 404: { $ref: "#/components/responses/NotFound" } },
      }],
    ];
    for (const [path, method, operation] of ops) {
      if (made === operations) break;
      (paths[path] ??= {})[method] = { tags: [tag], ...operation };
      made++;
    }
  }
  return {
    openapi: "3.0.3",
    info: { title: `Synthetic API (${operations} operations)`, version: "1.0.0", description: "Generated by scripts/bench/synthetic-spec.mjs for the scaling benchmark." },
    servers: [{ url: "https://api.example.com" }],
    security: [{ bearerAuth: [] }],
    tags,
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } },
      parameters: {
        Limit: { name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 500, default: 50 } },
        Cursor: { name: "cursor", in: "query", required: false, schema: { type: "string" } },
      },
      responses: {
        BadRequest: { description: "Bad request.", content: json(ref("Error")) },
        NotFound: { description: "Not found.", content: json(ref("Error")) },
      },
      schemas,
    },
  };
}

/**
 * A copy of `spec` with edits spread over it: about 2% of the operations, at least 8, half
 * breaking. Returns the new document; `spec` is not changed.
 */
export function mutateSpec(spec, { seed = 2 } = {}) {
  const doc = structuredClone(spec);
  const rand = random(seed);
  const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => ({ path, method })));
  const edits = Math.max(8, Math.round(operations.length * 0.02));
  const picked = new Set();
  while (picked.size < Math.min(edits, operations.length)) picked.add(Math.floor(rand() * operations.length));
  let i = 0;
  for (const index of picked) {
    const { path, method } = operations[index];
    const operation = doc.paths[path]?.[method];
    if (!operation) continue;
    const model = (operation.operationId.match(/[A-Z][a-z]+\d{4}$/) ?? [])[0];
    switch (i++ % 8) {
      case 0: // breaking: operation removed
        delete doc.paths[path][method];
        break;
      case 1: // breaking: required query parameter added
        (operation.parameters ??= []).push({ name: "region", in: "query", required: true, schema: { type: "string" } });
        break;
      case 2: // breaking (for clients reading it): a response property changes type
        if (model && doc.components.schemas[model]) doc.components.schemas[model].properties.name = { type: "integer" };
        break;
      case 3: // breaking: a request property becomes required
        if (model && doc.components.schemas[`${model}Input`]) doc.components.schemas[`${model}Input`].required.push("status");
        break;
      case 4: // not breaking: optional query parameter added
        (operation.parameters ??= []).push({ name: "expand", in: "query", required: false, schema: { type: "boolean" } });
        break;
      case 5: // not breaking: new operation
        doc.paths[`${path.replace(/\/\{[^}]+\}$/, "")}/export`] = {
          post: { tags: operation.tags, operationId: `${operation.operationId}Export`, summary: "Export.", responses: { 202: { description: "Accepted." } } },
        };
        break;
      case 6: // not breaking: description edited
        operation.description = "Now with a description.";
        break;
      case 7: // not breaking: optional request property added
        if (model && doc.components.schemas[`${model}Input`]) doc.components.schemas[`${model}Input`].properties.note = { type: "string", maxLength: 500 };
        break;
    }
  }
  for (const [path, item] of Object.entries(doc.paths)) if (Object.keys(item).length === 0) delete doc.paths[path];
  return doc;
}

/** YAML text of a spec (what the vendor specs are written in). */
export const toYaml = (spec) => stringify(spec, { aliasDuplicateObjects: false, lineWidth: 0 });

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const value = (flag, fallback) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : fallback);
  const operations = Number(value("--operations", "100"));
  if (!Number.isInteger(operations) || operations < 1) {
    console.error("usage: node scripts/bench/synthetic-spec.mjs --operations <n> [--seed <n>] [--mutate] [--out <file>]");
    process.exit(2);
  }
  let spec = syntheticSpec(operations, { seed: Number(value("--seed", "1")) });
  if (args.includes("--mutate")) spec = mutateSpec(spec);
  const text = toYaml(spec);
  const out = value("--out");
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}
