// Small fixture pairs: one base document and, per rule, the edit that should trigger it. Each pair
// is (base, mutate(clone(base))). Shared with the engine comparison script (bench/compare-engines.mjs).

export const baseSpec = () => ({
  openapi: "3.0.3",
  info: { title: "Fixture API", version: "1.0.0", description: "A small API for contract-diff fixtures." },
  servers: [{ url: "https://api.example.com" }, { url: "https://staging.example.com" }],
  tags: [{ name: "Items", description: "Items." }],
  security: [{ bearerAuth: [] }],
  paths: {
    "/items": {
      get: {
        operationId: "listItems",
        tags: ["Items"],
        summary: "List items",
        parameters: [
          { name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } },
          { name: "filter", in: "query", schema: { type: "string", enum: ["a", "b"] } },
          { name: "ids", in: "query", schema: { type: "array", items: { type: "string" } } },
          { name: "X-Trace", in: "header", schema: { type: "string", maxLength: 64 } },
        ],
        responses: {
          200: { description: "OK", content: { "application/json": { schema: { type: "array", items: { $ref: "#/components/schemas/Item" } } } } },
          400: { description: "Bad request", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        },
      },
      post: {
        operationId: "createItem",
        tags: ["Items"],
        requestBody: { required: false, content: { "application/json": { schema: { $ref: "#/components/schemas/NewItem" } } } },
        responses: {
          201: {
            description: "Created",
            headers: { "X-Rate": { required: true, schema: { type: "integer" } }, "X-Hint": { schema: { type: "string" } } },
            content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } },
          },
        },
      },
    },
    "/items/{itemId}": {
      get: {
        operationId: "getItem",
        tags: ["Items"],
        parameters: [{ name: "itemId", in: "path", required: true, schema: { type: "string" } }],
        responses: { 200: { description: "OK", content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } } } },
      },
      delete: {
        operationId: "deleteItem",
        tags: ["Items"],
        parameters: [{ name: "itemId", in: "path", required: true, schema: { type: "string" } }],
        responses: { 204: { description: "Deleted" } },
      },
    },
    "/pets": {
      post: {
        operationId: "createPet",
        tags: ["Items"],
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } },
        responses: { 200: { description: "OK", content: { "application/json": { schema: { $ref: "#/components/schemas/PetResult" } } } } },
      },
    },
  },
  components: {
    securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" }, apiKey: { type: "apiKey", in: "header", name: "X-Key" } },
    schemas: {
      NewItem: {
        type: "object",
        required: ["name"],
        properties: {
          name: { type: "string", maxLength: 50 },
          tag: { type: "string" },
          kind: { type: "string", enum: ["x", "y"] },
          size: { type: "integer", minimum: 1 },
          id: { type: "string", readOnly: true },
        },
      },
      Item: {
        type: "object",
        required: ["id", "name"],
        properties: {
          id: { type: "string" },
          name: { type: "string" },
          nickname: { type: "string" },
          status: { type: "string", enum: ["active", "archived"] },
          count: { type: "integer", maximum: 10 },
          ratio: { type: "number", format: "float" },
        },
      },
      Error: { type: "object", properties: { code: { type: "string" }, message: { type: "string" } } },
      Cat: { type: "object", required: ["petType"], properties: { petType: { type: "string" }, lives: { type: "integer" } } },
      Dog: { type: "object", required: ["petType"], properties: { petType: { type: "string" }, bark: { type: "boolean" } } },
      Pet: { oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }], discriminator: { propertyName: "petType", mapping: { cat: "#/components/schemas/Cat", dog: "#/components/schemas/Dog" } } },
      PetResult: { type: "object", properties: { result: { oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }] } } },
    },
  },
});

const s = (doc) => doc.components.schemas;
const listItems = (doc) => doc.paths["/items"].get;
const param = (doc, name) => listItems(doc).parameters.find((p) => p.name === name);

/** One pair per rule of the 36-rule set (bump-too-small is exercised by the end-to-end check test). */
export const RULE_FIXTURES = [
  { rule: "operation-removed", level: "major", direction: "none", mutate: (d) => delete d.paths["/items/{itemId}"].delete },
  { rule: "operation-id-changed", level: "major", direction: "none", mutate: (d) => (listItems(d).operationId = "listAllItems") },
  { rule: "tag-changed", level: "major", direction: "none", mutate: (d) => (listItems(d).tags = ["Catalog"]) },
  { rule: "success-response-removed", level: "major", direction: "response", mutate: (d) => { const r = d.paths["/items/{itemId}"].get.responses; r[202] = r[200]; delete r[200]; } },
  { rule: "media-type-removed", level: "major", direction: "response", mutate: (d) => { const c = listItems(d).responses[200].content; c["application/xml"] = c["application/json"]; delete c["application/json"]; } },
  { rule: "media-type-removed", level: "major", direction: "request", mutate: (d) => { const c = d.paths["/items"].post.requestBody.content; c["text/plain"] = c["application/json"]; delete c["application/json"]; } },
  { rule: "security-tightened", level: "major", direction: "request", mutate: (d) => (d.paths["/items/{itemId}"].get.security = [{ bearerAuth: [], apiKey: [] }]) },
  { rule: "security-scheme-changed", level: "major", direction: "none", mutate: (d) => (d.components.securitySchemes.apiKey.name = "X-Api-Key") },
  { rule: "server-url-changed", level: "warn", direction: "none", mutate: (d) => (d.servers[0].url = "https://api2.example.com") },
  { rule: "component-schema-removed", level: "major", direction: "none", mutate: (d) => { s(d).Failure = s(d).Error; delete s(d).Error; listItems(d).responses[400].content["application/json"].schema.$ref = "#/components/schemas/Failure"; } },
  { rule: "param-added-required", level: "major", direction: "request", mutate: (d) => listItems(d).parameters.push({ name: "org", in: "query", required: true, schema: { type: "string" } }) },
  { rule: "param-became-required", level: "major", direction: "request", mutate: (d) => (param(d, "limit").required = true) },
  { rule: "param-removed", level: "major", direction: "request", mutate: (d) => (listItems(d).parameters = listItems(d).parameters.filter((p) => p.name !== "filter")) },
  { rule: "path-param-renamed", level: "major", direction: "request", mutate: (d) => { const item = d.paths["/items/{itemId}"]; delete d.paths["/items/{itemId}"]; for (const op of [item.get, item.delete]) op.parameters[0].name = "id"; d.paths["/items/{id}"] = item; } },
  { rule: "param-type-narrowed", level: "major", direction: "request", mutate: (d) => (param(d, "X-Trace").schema.format = "uuid") },
  { rule: "param-enum-narrowed", level: "major", direction: "request", mutate: (d) => (param(d, "filter").schema.enum = ["a"]) },
  { rule: "param-constraint-tightened", level: "major", direction: "request", mutate: (d) => (param(d, "limit").schema.maximum = 50) },
  { rule: "param-serialization-changed", level: "major", direction: "request", mutate: (d) => (param(d, "ids").explode = false) },
  { rule: "param-default-changed", level: "warn", direction: "request", mutate: (d) => (param(d, "limit").schema.default = 50) },
  { rule: "request-body-required", level: "major", direction: "request", mutate: (d) => (d.paths["/items"].post.requestBody.required = true) },
  { rule: "request-body-removed", level: "major", direction: "request", mutate: (d) => delete d.paths["/items"].post.requestBody },
  { rule: "request-property-added-required", level: "major", direction: "request", mutate: (d) => { s(d).NewItem.properties.owner = { type: "string", default: "me" }; s(d).NewItem.required.push("owner"); } },
  { rule: "request-property-became-required", level: "major", direction: "request", mutate: (d) => s(d).NewItem.required.push("tag") },
  { rule: "request-property-removed", level: "major", direction: "request", mutate: (d) => delete s(d).NewItem.properties.tag },
  { rule: "request-type-narrowed", level: "major", direction: "request", mutate: (d) => (s(d).NewItem.properties.size.type = "string") },
  { rule: "request-enum-narrowed", level: "major", direction: "request", mutate: (d) => (s(d).NewItem.properties.kind.enum = ["x"]) },
  { rule: "request-constraint-tightened", level: "major", direction: "request", mutate: (d) => (s(d).NewItem.properties.name.maxLength = 20) },
  { rule: "request-constraint-tightened", level: "warn", direction: "request", mutate: (d) => (s(d).NewItem.properties.tag.maxLength = 20) },
  { rule: "request-discriminator-changed", level: "warn", direction: "request", mutate: (d) => (s(d).Pet.discriminator.mapping.kitty = "#/components/schemas/Cat") },
  { rule: "response-property-removed", level: "major", direction: "response", mutate: (d) => delete s(d).Item.properties.nickname },
  { rule: "response-property-became-optional", level: "major", direction: "response", mutate: (d) => (s(d).Item.required = ["id"]) },
  { rule: "response-became-nullable", level: "major", direction: "response", mutate: (d) => (s(d).Item.properties.nickname.nullable = true) },
  { rule: "response-type-widened", level: "major", direction: "response", mutate: (d) => (s(d).Item.properties.count.type = "number") },
  { rule: "response-type-widened", level: "major", direction: "response", mutate: (d) => s(d).PetResult.properties.result.oneOf.push({ type: "string" }) },
  { rule: "response-enum-widened", level: "major", direction: "response", mutate: (d) => s(d).Item.properties.status.enum.push("pending") },
  { rule: "response-constraint-loosened", level: "warn", direction: "response", mutate: (d) => (s(d).Item.properties.count.maximum = 1000) },
  { rule: "response-header-weakened", level: "major", direction: "response", mutate: (d) => delete d.paths["/items"].post.responses[201].headers["X-Rate"] },
  { rule: "response-header-weakened", level: "warn", direction: "response", mutate: (d) => delete d.paths["/items"].post.responses[201].headers["X-Hint"] },
  { rule: "removed-before-sunset", level: "major", direction: "none", mutate: (d) => (d.paths["/items/{itemId}"].delete.deprecated = true) },
  {
    rule: "removed-before-sunset",
    level: "major",
    direction: "none",
    base: (d) => Object.assign(d.paths["/items/{itemId}"].delete, { deprecated: true, "x-sunset": "2999-01-01" }),
    mutate: (d) => delete d.paths["/items/{itemId}"].delete,
  },
];

/** Pairs where nothing breaks: a false alarm on any of them is a bug. */
export const SAFE_FIXTURES = [
  { name: "docs-only edits", requiredBump: "patch", mutate: (d) => { listItems(d).summary = "List every item"; s(d).Item.properties.name.description = "The name."; d.info.description = "Changed."; } },
  { name: "a new optional parameter", requiredBump: "minor", mutate: (d) => listItems(d).parameters.push({ name: "q", in: "query", schema: { type: "string" } }) },
  { name: "a new operation", requiredBump: "minor", mutate: (d) => (d.paths["/items/{itemId}"].put = { operationId: "replaceItem", tags: ["Items"], responses: { 200: { description: "OK" } } }) },
  { name: "a new optional request property and a new response property", requiredBump: "minor", mutate: (d) => { s(d).NewItem.properties.note = { type: "string" }; s(d).Item.properties.note = { type: "string" }; } },
  { name: "a request enum value added and a request limit loosened", requiredBump: "minor", mutate: (d) => { s(d).NewItem.properties.kind.enum.push("z"); s(d).NewItem.properties.name.maxLength = 100; } },
  { name: "a response enum value removed and a response limit tightened", requiredBump: "patch", mutate: (d) => { s(d).Item.properties.status.enum = ["active"]; s(d).Item.properties.count.maximum = 5; } },
  { name: "path variable order of keys and YAML formatting only", requiredBump: "none", mutate: (d) => { d.paths = Object.fromEntries(Object.entries(d.paths).reverse()); } },
  { name: "an additional security alternative", requiredBump: "minor", mutate: (d) => (d.paths["/items/{itemId}"].get.security = [{ bearerAuth: [] }, { apiKey: [] }]) },
];
