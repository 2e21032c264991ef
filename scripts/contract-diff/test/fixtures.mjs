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

const itemOp = (doc) => doc.paths["/items/{itemId}"].get;
const webhookBase = (d) => {
  d.openapi = "3.1.0";
  d.components.schemas.ItemEvent = { type: "object", required: ["id"], properties: { id: { type: "string" }, note: { type: "string" } } };
  d.webhooks = { itemChanged: { post: { operationId: "itemChanged", requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/ItemEvent" } } } }, responses: { 200: { description: "Received" } } } } };
};
const sunsetBase = (d) => Object.assign(d.paths["/items/{itemId}"].delete, { deprecated: true, "x-sunset": "2999-01-01" });

/** The findings that keep changelogs precise, and the rules added after the first 36: one pair each at least. */
RULE_FIXTURES.push(
  { rule: "operation-added", level: "minor", direction: "none", mutate: (d) => (d.paths["/items/{itemId}"].put = { operationId: "replaceItem", tags: ["Items"], responses: { 200: { description: "OK" } } }) },
  { rule: "operation-deprecated", level: "minor", direction: "none", mutate: (d) => Object.assign(listItems(d), { deprecated: true, "x-sunset": "2030-01-01" }) },
  { rule: "operation-id-respelled", level: "patch", direction: "none", mutate: (d) => (listItems(d).operationId = "list_items") },
  { rule: "tag-respelled", level: "patch", direction: "none", mutate: (d) => (listItems(d).tags = ["items"]) },
  { rule: "param-added-optional", level: "minor", direction: "request", mutate: (d) => listItems(d).parameters.push({ name: "q", in: "query", schema: { type: "string" } }) },
  { rule: "param-became-optional", level: "minor", direction: "request", mutate: (d) => (param(d, "X-Trace").required = false), base: (d) => (param(d, "X-Trace").required = true) },
  { rule: "param-deprecated", level: "minor", direction: "request", mutate: (d) => Object.assign(param(d, "filter"), { deprecated: true, "x-sunset": "2030-01-01" }) },
  { rule: "request-body-added-optional", level: "minor", direction: "request", mutate: (d) => (d.paths["/items/{itemId}"].delete.requestBody = { content: { "application/json": { schema: { type: "object" } } } }) },
  { rule: "request-body-became-optional", level: "minor", direction: "request", mutate: (d) => (d.paths["/pets"].post.requestBody.required = false) },
  { rule: "request-property-added-optional", level: "minor", direction: "request", mutate: (d) => (s(d).NewItem.properties.note = { type: "string" }) },
  { rule: "request-property-became-optional", level: "minor", direction: "request", mutate: (d) => (s(d).NewItem.required = []) },
  { rule: "request-type-widened", level: "minor", direction: "request", mutate: (d) => (s(d).NewItem.properties.size.type = "number") },
  { rule: "request-enum-widened", level: "minor", direction: "request", mutate: (d) => s(d).NewItem.properties.kind.enum.push("z") },
  { rule: "request-constraint-loosened", level: "minor", direction: "request", mutate: (d) => (s(d).NewItem.properties.name.maxLength = 100) },
  { rule: "response-property-added", level: "minor", direction: "response", mutate: (d) => (s(d).Item.properties.note = { type: "string" }) },
  { rule: "response-property-became-required", level: "patch", direction: "response", mutate: (d) => s(d).Item.required.push("nickname") },
  { rule: "response-type-narrowed", level: "patch", direction: "response", mutate: (d) => (s(d).Item.properties.ratio.type = "integer") },
  { rule: "response-enum-narrowed", level: "patch", direction: "response", mutate: (d) => (s(d).Item.properties.status.enum = ["active"]) },
  { rule: "response-constraint-tightened", level: "patch", direction: "response", mutate: (d) => (s(d).Item.properties.count.maximum = 5) },
  { rule: "response-status-added", level: "minor", direction: "response", mutate: (d) => (itemOp(d).responses[404] = { description: "Not found" }) },
  { rule: "response-status-removed", level: "patch", direction: "response", mutate: (d) => delete listItems(d).responses[400] },
  { rule: "response-header-added", level: "minor", direction: "response", mutate: (d) => (d.paths["/items"].post.responses[201].headers["X-New"] = { schema: { type: "string" } }) },
  { rule: "media-type-added", level: "minor", direction: "response", mutate: (d) => (listItems(d).responses[200].content["application/xml"] = { schema: { type: "string" } }) },
  { rule: "security-loosened", level: "minor", direction: "request", mutate: (d) => (itemOp(d).security = [{ bearerAuth: [] }, { apiKey: [] }]) },
  { rule: "security-scheme-added", level: "minor", direction: "none", mutate: (d) => (d.components.securitySchemes.basic = { type: "http", scheme: "basic" }) },
  { rule: "server-changed", level: "patch", direction: "none", mutate: (d) => d.servers.push({ url: "https://eu.example.com" }) },
  { rule: "component-schema-added", level: "minor", direction: "none", mutate: (d) => (s(d).Extra = { type: "string" }) },
  { rule: "discriminator-changed", level: "patch", direction: "response", base: (d) => (s(d).PetResult.properties.result.discriminator = { propertyName: "petType" }), mutate: (d) => (s(d).PetResult.properties.result.discriminator = { propertyName: "kind" }) },
  { rule: "docs-changed", level: "patch", direction: "none", mutate: (d) => (listItems(d).summary = "List every item") },
  { rule: "schema-deprecated", level: "minor", direction: "none", mutate: (d) => Object.assign(s(d).Item.properties.nickname, { deprecated: true, "x-sunset": "2030-01-01" }) },
  { rule: "deprecation-withdrawn", level: "patch", direction: "none", base: sunsetBase, mutate: (d) => delete d.paths["/items/{itemId}"].delete.deprecated },
  { rule: "stability-decreased", level: "major", direction: "none", mutate: (d) => (listItems(d)["x-stability-level"] = "beta") },
  { rule: "stability-decreased", level: "warn", direction: "none", mutate: (d) => (listItems(d)["x-stability-level"] = "ga") },
  { rule: "stability-raised", level: "patch", direction: "none", base: (d) => (listItems(d)["x-stability-level"] = "beta"), mutate: (d) => delete listItems(d)["x-stability-level"] },
  { rule: "schema-keyword-unmodelled", level: "warn", direction: "response", mutate: (d) => (s(d).Item.properties.name["x-not-an-extension"] = 1, (s(d).Item.properties.name.$dynamicRef = "#meta")) },
  { rule: "webhook-added", level: "minor", direction: "none", base: (d) => (d.openapi = "3.1.0"), mutate: webhookBase },
  { rule: "webhook-removed", level: "major", direction: "none", base: webhookBase, mutate: (d) => delete d.webhooks.itemChanged },
  { rule: "webhook-body-changed", level: "major", direction: "response", base: webhookBase, mutate: (d) => (d.webhooks.itemChanged.post.requestBody.required = false) },
);

/**
 * The gaps of issue 13, each with the exact findings (rule:level) expected. The engine before them
 * judged 34 of these 38 pairs differently; the other four are controls (a sunset moved later, an
 * array's explode, a real rename, a null branch added to a request), which it already got right.
 */
export const GAP_FIXTURES = [
  // Security requirement alternatives compared as sets.
  { name: "an operation's security removed (anyone may call it now)", mutate: (d) => (itemOp(d).security = []), expect: ["security-loosened:minor"] },
  { name: "global security removed", mutate: (d) => delete d.security, expect: ["security-loosened:minor"] },
  { name: "one of two alternatives removed when the other is still accepted by the same credentials", base: (d) => (itemOp(d).security = [{ bearerAuth: [] }, { bearerAuth: [], apiKey: [] }]), mutate: (d) => (itemOp(d).security = [{ bearerAuth: [] }]), expect: [] },
  { name: "a scope dropped", base: (d) => (d.security = [{ bearerAuth: ["items:read", "items:write"] }]), mutate: (d) => (d.security = [{ bearerAuth: ["items:read"] }]), expect: ["security-loosened:minor"] },
  { name: "a scope added", base: (d) => (d.security = [{ bearerAuth: ["items:read"] }]), mutate: (d) => (d.security = [{ bearerAuth: ["items:read", "items:write"] }]), expect: ["security-tightened:major"] },
  { name: "security added where there was none", base: (d) => delete d.security, mutate: (d) => (d.security = [{ bearerAuth: [] }]), expect: ["security-tightened:major"] },
  // x-sunset beyond the moment of deprecation.
  { name: "the sunset of a deprecated operation deleted", base: sunsetBase, mutate: (d) => delete d.paths["/items/{itemId}"].delete["x-sunset"], expect: ["removed-before-sunset:major"] },
  { name: "the sunset of a deprecated operation made invalid", base: sunsetBase, mutate: (d) => (d.paths["/items/{itemId}"].delete["x-sunset"] = "next spring"), expect: ["removed-before-sunset:major"] },
  { name: "the sunset of a deprecated operation brought forward", base: sunsetBase, mutate: (d) => (d.paths["/items/{itemId}"].delete["x-sunset"] = "2998-01-01"), expect: ["removed-before-sunset:major"] },
  { name: "the sunset of a deprecated operation moved later", base: sunsetBase, mutate: (d) => (d.paths["/items/{itemId}"].delete["x-sunset"] = "3000-01-01"), expect: [] },
  { name: "a parameter deprecated without a sunset", mutate: (d) => (param(d, "filter").deprecated = true), expect: ["param-deprecated:minor", "removed-before-sunset:major"] },
  { name: "a property deprecated without a sunset", mutate: (d) => (s(d).Item.properties.nickname.deprecated = true), expect: ["schema-deprecated:minor", "removed-before-sunset:major"] },
  { name: "a deprecated parameter removed before its sunset", base: (d) => Object.assign(param(d, "filter"), { deprecated: true, "x-sunset": "2999-01-01" }), mutate: (d) => (listItems(d).parameters = listItems(d).parameters.filter((p) => p.name !== "filter")), expect: ["param-removed:major", "removed-before-sunset:major"] },
  // Serialisation: explode means nothing for a scalar.
  { name: "explode changed on a scalar query parameter", mutate: (d) => (param(d, "filter").explode = false), expect: [] },
  { name: "explode changed on an array query parameter", mutate: (d) => (param(d, "ids").explode = false), expect: ["param-serialization-changed:major"] },
  // operationIds and tags as the generators see them.
  { name: "operationId respelled to the same method name", mutate: (d) => (listItems(d).operationId = "list-items"), expect: ["operation-id-respelled:patch"] },
  { name: "operationId renamed", mutate: (d) => (listItems(d).operationId = "listAllItems"), expect: ["operation-id-changed:major"] },
  // JSON Schema keywords.
  { name: "contains added to a request array", base: (d) => (s(d).NewItem.properties.labels = { type: "array", items: { type: "string" } }), mutate: (d) => (s(d).NewItem.properties.labels.contains = { const: "x" }), expect: ["request-constraint-tightened:major"] },
  { name: "minContains raised in a request", base: (d) => (s(d).NewItem.properties.labels = { type: "array", contains: { const: "x" }, minContains: 1 }), mutate: (d) => (s(d).NewItem.properties.labels.minContains = 2), expect: ["request-constraint-tightened:major"] },
  { name: "maxContains raised in a response", base: (d) => (s(d).Item.properties.labels = { type: "array", contains: { const: "x" }, maxContains: 2 }), mutate: (d) => (s(d).Item.properties.labels.maxContains = 3), expect: ["response-constraint-loosened:warn"] },
  { name: "dependentRequired added to a request", mutate: (d) => (s(d).NewItem.dependentRequired = { tag: ["kind"] }), expect: ["request-constraint-tightened:major"] },
  { name: "unevaluatedProperties: false added to a request", mutate: (d) => (s(d).NewItem.unevaluatedProperties = false), expect: ["request-constraint-tightened:major"] },
  { name: "unevaluatedItems removed from a response", base: (d) => (s(d).Item.properties.tags = { type: "array", prefixItems: [{ type: "string" }], unevaluatedItems: false }), mutate: (d) => delete s(d).Item.properties.tags.unevaluatedItems, expect: ["response-constraint-loosened:warn"] },
  { name: "a keyword the engine does not model changed", mutate: (d) => (s(d).NewItem.properties.name.$dynamicRef = "#meta"), expect: ["schema-keyword-unmodelled:warn"] },
  // Equivalent rewrites.
  { name: "a $ref wrapped in an annotation-only allOf", mutate: (d) => (listItems(d).responses[400].content["application/json"].schema = { allOf: [{ $ref: "#/components/schemas/Error" }], description: "The error." }), expect: ["docs-changed:patch"] },
  { name: "an allOf with an annotation-only branch added", mutate: (d) => (listItems(d).responses[400].content["application/json"].schema = { allOf: [{ $ref: "#/components/schemas/Error" }, { description: "The error." }] }), expect: ["docs-changed:patch"] },
  { name: "an enum rewritten as a oneOf of consts", mutate: (d) => (s(d).Item.properties.status = { oneOf: [{ const: "active" }, { const: "archived" }], type: "string" }), expect: [] },
  { name: "an enum rewritten as an anyOf of one-value enums", mutate: (d) => (s(d).NewItem.properties.kind = { type: "string", anyOf: [{ enum: ["x"] }, { enum: ["y"] }] }), expect: [] },
  { name: "a oneOf of consts that adds a value in a response", base: (d) => (s(d).Item.properties.status = { type: "string", oneOf: [{ const: "active" }, { const: "archived" }] }), mutate: (d) => s(d).Item.properties.status.oneOf.push({ const: "pending" }), expect: ["response-enum-widened:major"] },
  // The three nullable forms are one.
  { name: "a response property wrapped in oneOf with {type: null}: one nullability change", mutate: (d) => (s(d).Item.properties.nickname = { oneOf: [{ type: "string" }, { type: "null" }] }), expect: ["response-became-nullable:major"] },
  { name: "nullable: true rewritten as a oneOf with {type: null}", base: (d) => (s(d).Item.properties.nickname.nullable = true), mutate: (d) => (s(d).Item.properties.nickname = { oneOf: [{ type: "string" }, { type: "null" }] }), expect: [] },
  { name: "a {type: null} branch added to a request oneOf", base: (d) => (s(d).NewItem.properties.tag = { oneOf: [{ type: "string" }, { type: "integer" }] }), mutate: (d) => s(d).NewItem.properties.tag.oneOf.push({ type: "null" }), expect: ["request-type-widened:minor"] },
  // Trivial patterns.
  { name: "a pattern that matches everything added to a request property", mutate: (d) => (s(d).NewItem.properties.tag.pattern = ".*"), expect: [] },
  { name: "an empty pattern replaced by ^.*$", base: (d) => (s(d).NewItem.properties.tag.pattern = ""), mutate: (d) => (s(d).NewItem.properties.tag.pattern = "^.*$"), expect: [] },
  { name: "a trivial pattern replaced by a real one in a request", base: (d) => (s(d).NewItem.properties.tag.pattern = ".*"), mutate: (d) => (s(d).NewItem.properties.tag.pattern = "^[a-z]+$"), expect: ["request-constraint-tightened:major"] },
  // Webhooks (3.1).
  { name: "a property added to a webhook's payload (received by its consumer)", base: webhookBase, mutate: (d) => (s(d).ItemEvent.properties.kind = { type: "string" }), expect: ["response-property-added:minor"] },
  { name: "a property removed from a webhook's payload", base: webhookBase, mutate: (d) => delete s(d).ItemEvent.properties.note, expect: ["response-property-removed:major"] },
  { name: "a webhook's payload property became required (the consumer now always gets it)", base: webhookBase, mutate: (d) => s(d).ItemEvent.required.push("note"), expect: ["response-property-became-required:patch"] },
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
