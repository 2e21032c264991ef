// The spec mock: a fake whose answers are the spec's own examples, every request and answer
// checked against the spec, and a request without credentials recorded as a violation.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSpecMockServer, type SpecMockServer } from "../src/index.js";

const item = { type: "object", required: ["id"], additionalProperties: false, properties: { id: { type: "string", minLength: 2 } }, example: { id: "test-item" } };
const spec = {
  openapi: "3.0.3",
  info: { title: "mock-test", version: "1" },
  security: [{ bearer: [] }],
  paths: {
    "/items/{id}": {
      get: {
        operationId: "getItem",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "ok", content: { "application/json": { schema: item } } } },
      },
      delete: { operationId: "deleteItem", parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }], responses: { "204": { description: "gone" } } },
    },
  },
  components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
};
const auth = { authorization: "Bearer test-token" };

describe("startSpecMockServer", () => {
  let mock: SpecMockServer;
  beforeAll(async () => {
    mock = await startSpecMockServer(spec, { basePath: "/api" });
  });
  afterAll(() => mock.close());
  afterEach(() => mock.clearLog());

  it("answers each operation with the spec's example, and a documented 204 without a body", async () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
    const got = await fetch(`${mock.url}/items/a1`, { headers: auth });
    expect([got.status, await got.json()]).toEqual([200, { id: "test-item" }]);
    const deleted = await fetch(`${mock.url}/items/a1`, { method: "DELETE", headers: auth });
    expect([deleted.status, await deleted.text()]).toEqual([204, ""]);
    expect(mock.requests.map((r) => [r.operationId, r.params])).toEqual([
      ["getItem", { id: "a1" }],
      ["deleteItem", { id: "a1" }],
    ]);
    expect(mock.violations).toEqual([]);
  });

  it("records a request without the required credentials as an unauthorized violation, and an unknown path as not-found", async () => {
    expect((await fetch(`${mock.url}/items/a1`)).status).toBe(401);
    expect((await fetch(`${mock.url}/nothing`, { headers: auth })).status).toBe(404);
    expect(mock.violations.map((v) => [v.kind, v.operationId])).toEqual([
      ["unauthorized", "getItem"],
      ["not-found", undefined],
    ]);
  });

  it("override() replaces an operation's answer, which is checked against the spec too; an unknown operationId is refused", async () => {
    mock.override("getItem", (request) => ({ body: { id: `test-${request.params["id"]}` } }));
    expect(await (await fetch(`${mock.url}/items/b2`, { headers: auth })).json()).toEqual({ id: "test-b2" });
    expect(mock.violations).toEqual([]);
    mock.override("getItem", { body: { id: "x", extra: true } });
    await fetch(`${mock.url}/items/b2`, { headers: auth });
    expect(mock.violations.map((v) => [v.kind, v.operationId])).toEqual([["response", "getItem"]]);
    expect(() => mock.override("getItems", { status: 200 })).toThrow(/no operationId of the spec/);
  });
});
