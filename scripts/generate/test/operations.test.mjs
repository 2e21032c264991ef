// The operation facts the generator emits (operations.mjs) for a small spec written here.
import { describe, expect, it } from "vitest";
import { operationFacts } from "../operations.mjs";

const spec = {
  openapi: "3.0.3",
  info: { title: "generator test", version: "1" },
  security: [{ bearer: [] }],
  paths: {
    "/items/{id}": {
      parameters: [{ $ref: "#/components/parameters/Id" }],
      get: {
        operationId: "getItem",
        tags: ["Items"],
        parameters: [
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 50, default: 50 } },
          { name: "token", in: "query", required: true, "x-secret": true, schema: { type: "string" } },
        ],
        responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } } }, "404": { description: "No such item", content: { "application/json": { schema: { $ref: "#/components/schemas/Problem" } } } } },
      },
      put: { operationId: "putItem", security: [], requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } } }, responses: { "204": { description: "done" } } },
    },
    "/tokens": {
      post: {
        operationId: "createToken",
        "x-idempotent": false,
        security: [{}, { key: [] }],
        "x-seed-operations": [{ operationId: "createTokenByCode", grant: "code", requestSchema: "Grant", responseSchema: "Token" }],
        requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Grant" } } } },
        responses: { "201": { description: "created", content: { "application/json": { schema: { $ref: "#/components/schemas/Token" } } } } },
      },
    },
    "/check": { post: { operationId: "check", "x-idempotent": true, responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "array", items: { type: "string" } } } } } } } },
  },
  components: {
    parameters: { Id: { name: "id", in: "path", required: true, schema: { type: "string", pattern: "^[a-z]+$" } } },
    securitySchemes: { bearer: { type: "http", scheme: "Bearer" }, key: { type: "apiKey", in: "query", name: "api_key" } },
    schemas: {
      Item: {
        type: "object",
        required: ["name", "id"],
        properties: { id: { type: "string", readOnly: true }, name: { type: "string", maxLength: 10 }, tags: { type: "array", items: { $ref: "#/components/schemas/Tag" } }, owner: { allOf: [{ $ref: "#/components/schemas/Owner" }], description: "annotated" } },
      },
      Tag: { type: "string", enum: ["a", "b"] },
      Owner: { type: "object", properties: { password: { type: "string", "x-secret": true } } },
      Grant: { type: "object", required: ["grant", "secret"], properties: { grant: { type: "string", enum: ["code"] }, secret: { type: "string", "x-secret": true } } },
      Token: { type: "object", required: ["access_token"], properties: { access_token: { type: "string", "x-secret": true }, keys: { type: "array", items: { type: "object", properties: { value: { type: "string", "x-secret": true } } } } } },
      Problem: { type: "object", properties: { message: { type: "string" } } },
    },
  },
};

const { operations, schemas, securitySchemes, secretKeys } = operationFacts(spec);

describe("operationFacts", () => {
  it("method, path, tag, idempotency (methods and x-idempotent), security alternatives", () => {
    expect(operations.getItem).toMatchObject({ method: "GET", path: "/items/{id}", tag: "Items", idempotent: true, security: [["bearer"]] });
    expect(operations.putItem).toMatchObject({ method: "PUT", idempotent: true, security: [] });
    expect(operations.createToken).toMatchObject({ method: "POST", idempotent: false, security: [[], ["key"]] });
    expect(operations.check.idempotent).toBe(true);
  });

  it("parameters from the path item and the operation, $refs resolved, with their constraints, defaults and secrecy", () => {
    expect(operations.getItem.parameters).toEqual([
      { in: "path", name: "id", required: true, schema: { type: "string", pattern: "^[a-z]+$" } },
      { in: "query", name: "limit", required: false, schema: { type: "integer", minimum: 1, maximum: 50 }, default: 50 },
      { in: "query", name: "token", required: true, schema: { type: "string" }, secret: true },
    ]);
  });

  it("request constraints: component schemas once by name, read-only properties left out of properties and required", () => {
    expect(operations.putItem.body).toEqual({ required: true, schema: { $ref: "Item" } });
    expect(schemas.Item).toEqual({ type: "object", properties: { name: { type: "string", maxLength: 10 }, tags: { type: "array", items: { $ref: "Tag" } }, owner: { allOf: [{ $ref: "Owner" }] } }, required: ["name"] });
    expect(schemas.Tag).toEqual({ type: "string", enum: ["a", "b"] });
    expect(Object.keys(schemas).sort()).toEqual(["Grant", "Item", "Owner", "Tag"]);
  });

  it("secrets: request paths (parameters, body fields through allOf and arrays) and response paths", () => {
    expect(operations.getItem.secrets).toEqual({ request: ["query.token"], response: ["owner.password"] });
    expect(operations.putItem.secrets.request).toEqual(["body.owner.password"]);
    expect(operations.createToken.secrets).toEqual({ request: ["body.secret"], response: ["access_token", "keys[].value"] });
    expect(secretKeys).toEqual(["access_token", "password", "secret", "token", "value"]);
  });

  it("responses: body presence, JSON type, the token a success must carry, the fields a success requires; documented errors with their schema", () => {
    expect(operations.getItem.response).toEqual({ body: true, type: "object", requiredSecrets: [], required: { required: ["name", "id"] } });
    expect(operations.putItem.response).toEqual({ body: false, type: null, requiredSecrets: [] });
    expect(operations.check.response.type).toBe("array");
    expect(operations.createToken.response.requiredSecrets).toEqual(["access_token"]);
    expect(operations.getItem.errors).toEqual({ 404: { description: "No such item", schema: "Problem" } });
  });

  it("security schemes (scheme names lower-cased) and seed operations", () => {
    expect(securitySchemes).toEqual({ bearer: { type: "http", scheme: "bearer" }, key: { type: "apiKey", in: "query", name: "api_key" } });
    expect(operations.createToken.seedOperations).toEqual([{ operationId: "createTokenByCode", grant: "code", requestSchema: "Grant", responseSchema: "Token" }]);
  });
});
