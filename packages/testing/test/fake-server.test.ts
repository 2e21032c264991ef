// The shared machinery of the fakes (@vendor-auth/testing) against a small spec of its own:
// routing by operationId, spec validation with the vendor's error shape, security schemes, the
// request log, the fake's own answers checked against the spec, and the helpers.
import { afterEach, describe, expect, it } from "vitest";
import {
  createManualClock,
  fakeSecret,
  nodeHttpFetch,
  queryBoolean,
  randomAlphanumeric,
  randomHex,
  startFakeServer,
  type FakeServer,
  type FakeServerOptions,
} from "../src/index.js";

const spec = {
  openapi: "3.0.3",
  info: { title: "fake-test", version: "1" },
  security: [{ bearer: [] }],
  paths: {
    "/items/{id}": {
      get: {
        operationId: "getItem",
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string", minLength: 2 } },
          { name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 5 } },
          { name: "flag", in: "query", required: false, schema: { type: "boolean" } },
        ],
        responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } } } },
      },
    },
    "/items": {
      post: {
        operationId: "createItem",
        security: [],
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } } },
        responses: { "201": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } } } },
      },
      get: {
        operationId: "listItems",
        security: [{ key: [] }],
        responses: { "200": { description: "ok" } },
      },
    },
    "/open": {
      get: {
        operationId: "getOpen",
        // The key is optional: anonymous calls pass, and so do calls that carry one.
        security: [{}, { key: [] }],
        responses: { "200": { description: "ok" } },
      },
    },
  },
  components: {
    securitySchemes: { bearer: { type: "http", scheme: "bearer" }, key: { type: "apiKey", in: "query", name: "access_token" } },
    schemas: {
      Item: { type: "object", required: ["name"], properties: { name: { type: "string" }, created: { type: "string", format: "date-time" } } },
      Error: { type: "object", properties: { message: { type: "string" } } },
    },
  },
};

let fake: FakeServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const start = (extra: Partial<FakeServerOptions> = {}) =>
  startFakeServer({
    vendor: "test",
    spec,
    errorBody: (problem) => ({ error: problem.kind, message: problem.message, details: problem.details }),
    authenticate: (credential) => credential.value === "test-good-token",
    handlers: {
      getItem: (request) => ({ body: { name: `item ${request.params["id"]}` } }),
      createItem: (request) => ({ status: 201, body: request.body }),
    },
    ...extra,
  }).then((server) => (fake = server));

describe("failure injection: failNext, delayNext, resetNext", () => {
  const auth = { authorization: "Bearer test-good-token" };

  it("failNext answers the next matching request instead (vendor error body by default); the state is untouched", async () => {
    const server = await start();
    server.failNext({ status: 503 });
    server.failNext({ status: 429, headers: { "retry-after": "2" }, body: { message: "slow down" } }, { operationId: "createItem", times: 2 });
    const first = await fetch(`${server.url}/items/ab`, { headers: auth });
    expect(first.status).toBe(503);
    expect(await first.json()).toMatchObject({ error: "injected" });
    expect((await fetch(`${server.url}/items/ab`, { headers: auth })).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const limited = await fetch(`${server.url}/items`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "x" }) });
      expect(limited.status).toBe(429);
      expect(limited.headers.get("retry-after")).toBe("2");
      expect(await limited.json()).toEqual({ message: "slow down" });
    }
    expect((await fetch(`${server.url}/items`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "x" }) })).status).toBe(201);
  });

  it("a target by path reaches paths outside the spec too", async () => {
    const server = await start({ fallback: () => ({ body: { other: true } }) });
    server.failNext({ status: 401 }, { path: "/other" });
    expect((await fetch(`${server.url}/items/ab`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${server.url}/other`)).status).toBe(401);
    expect((await fetch(`${server.url}/other`)).status).toBe(200);
  });

  it("delayNext delays the answer; resetNext resets the connection", async () => {
    const server = await start();
    server.delayNext(150);
    const started = performance.now();
    expect((await fetch(`${server.url}/items/ab`, { headers: auth })).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    server.resetNext();
    await expect(fetch(`${server.url}/items/ab`, { headers: auth })).rejects.toThrow();
    expect((await fetch(`${server.url}/items/ab`, { headers: auth })).status).toBe(200);
    server.failNext({ status: 500 });
    server.clearFaults();
    expect((await fetch(`${server.url}/items/ab`, { headers: auth })).status).toBe(200);
  });

  it("refuses nonsense", async () => {
    const server = await start();
    expect(() => server.failNext({ status: 42 })).toThrow(TypeError);
    expect(() => server.delayNext(-1)).toThrow(TypeError);
    expect(() => server.resetNext({ times: 0 })).toThrow(TypeError);
  });
});

describe("startFakeServer", () => {
  it("routes by operationId with path parameters, checks the bearer, and logs every request", async () => {
    const server = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const ok = await fetch(`${server.url}/items/ab?limit=2`, { headers: { authorization: "Bearer test-good-token" } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ name: "item ab" });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: "GET", path: "/items/ab", operationId: "getItem", params: { id: "ab" }, status: 200, credentials: { bearer: "test-good-token" } });
    expect(server.violations).toEqual([]);
  });

  it("answers 401 with the vendor's error body: missing and invalid credentials", async () => {
    const server = await start();
    const missing = await fetch(`${server.url}/items/ab`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: "unauthorized", message: expect.stringContaining("Missing credentials") });
    const invalid = await fetch(`${server.url}/items/ab`, { headers: { authorization: "Bearer test-bad-token" } });
    expect(invalid.status).toBe(401);
    expect(await invalid.json()).toMatchObject({ message: "The credentials are invalid, expired or revoked" });
    expect(server.violations).toEqual([]);
  });

  it("rejects requests that break the spec with 400 and records them as violations", async () => {
    const server = await start();
    const auth = { authorization: "Bearer test-good-token" };
    const badQuery = await fetch(`${server.url}/items/ab?limit=9`, { headers: auth });
    expect(badQuery.status).toBe(400);
    expect(await badQuery.json()).toMatchObject({ error: "validation", details: [expect.stringContaining("limit")] });
    const unknownQuery = await fetch(`${server.url}/items/ab?colour=red`, { headers: auth });
    expect(unknownQuery.status).toBe(400);
    const badBody = await fetch(`${server.url}/items`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ nom: 1 }) });
    expect(badBody.status).toBe(400);
    const notJson = await fetch(`${server.url}/items`, { method: "POST", headers: { "content-type": "application/json" }, body: "{oops" });
    expect(notJson.status).toBe(400);
    expect(server.violations.map((v) => [v.kind, v.operationId])).toEqual([
      ["request", "getItem"],
      ["request", "getItem"],
      ["request", "createItem"],
      ["request", "createItem"],
    ]);
  });

  it("checks formats (ajv-formats) in responses too: a fake answer that breaks the spec is a violation", async () => {
    const server = await start({ handlers: { createItem: () => ({ status: 201, body: { name: "x", created: "yesterday" } }) } });
    const response = await fetch(`${server.url}/items`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "x" }) });
    expect(response.status).toBe(201);
    expect(server.violations).toEqual([expect.objectContaining({ kind: "response", operationId: "createItem", errors: [expect.stringContaining("date-time")] })]);
  });

  it("reads query booleans case-insensitively (Python clients send True/False); other values stay invalid", async () => {
    const seen: Array<boolean | undefined> = [];
    const server = await start({
      handlers: {
        getItem: (request) => {
          seen.push(queryBoolean(request, "flag"));
          return { body: { name: "x" } };
        },
      },
    });
    const auth = { authorization: "Bearer test-good-token" };
    for (const value of ["True", "FALSE", "true", "false"]) expect((await fetch(`${server.url}/items/ab?flag=${value}`, { headers: auth })).status).toBe(200);
    expect(seen).toEqual([true, false, true, false]);
    expect(server.requests[0]!.query.get("flag")).toBe("True");
    expect((await fetch(`${server.url}/items/ab?flag=yes`, { headers: auth })).status).toBe(400);
    expect(server.violations).toEqual([expect.objectContaining({ errors: [expect.stringContaining("boolean")] })]);
  });

  it("ignores an operation's valueless query markers (queryMarkers), and only those", async () => {
    const server = await start({ queryMarkers: (operationId) => (operationId === "createItem" ? ["Client"] : []) });
    const post = (query: string) => fetch(`${server.url}/items${query}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "x" }) });
    expect((await post("?Client")).status).toBe(201);
    expect(server.requests[0]!.query.has("Client")).toBe(true);
    expect((await post("?Client=1")).status).toBe(400);
    expect((await post("?Password")).status).toBe(400);
    expect((await fetch(`${server.url}/items/ab?Client`, { headers: { authorization: "Bearer test-good-token" } })).status).toBe(400);
    expect(server.violations.map((v) => v.operationId)).toEqual(["createItem", "createItem", "getItem"]);
  });

  it("formats replace ajv-formats' checks of the same name, for requests and answers", async () => {
    const offsetLess = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
    const server = await start({ formats: { "date-time": (value) => offsetLess.test(value) } });
    const post = (created: string) => fetch(`${server.url}/items`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "x", created }) });
    expect((await post("2030-01-01T00:00:00")).status).toBe(201);
    expect((await post("2030-01-01T00:00:00Z")).status).toBe(400);
    expect(server.violations.map((v) => v.kind)).toEqual(["request"]);
  });

  it("an optional security alternative ([{}, {key}]): anonymous, valid and invalid keys all pass; the key leaves the query", async () => {
    const server = await start({ handlers: { getOpen: (request) => ({ body: { credentials: request.credentials } }) } });
    expect(await (await fetch(`${server.url}/open`)).json()).toEqual({ credentials: {} });
    expect(await (await fetch(`${server.url}/open?access_token=test-good-token`)).json()).toEqual({ credentials: { key: "test-good-token" } });
    expect((await fetch(`${server.url}/open?access_token=test-bad-token`)).status).toBe(200);
    expect(server.violations).toEqual([]);
  });

  it("takes an apiKey query credential out of the query before validation; 404, 405 and 501 answers", async () => {
    const server = await start();
    const notImplemented = await fetch(`${server.url}/items?access_token=test-good-token`);
    expect(notImplemented.status).toBe(501);
    expect((await fetch(`${server.url}/items?access_token=test-bad-token`)).status).toBe(401);
    const notFound = await fetch(`${server.url}/nowhere`);
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toMatchObject({ error: "not-found" });
    expect((await fetch(`${server.url}/items`, { method: "DELETE" })).status).toBe(405);
    expect(server.violations.map((v) => v.kind)).toEqual(["not-found", "not-found"]);
  });

  it("hands unknown paths to the fallback, and turns a failing handler into a 500 and a violation", async () => {
    const server = await start({
      fallback: (request) => (request.path === "/other" ? { body: { other: true } } : undefined),
      handlers: {
        getItem: () => {
          throw new Error("handler bug");
        },
      },
    });
    expect(await (await fetch(`${server.url}/other`)).json()).toEqual({ other: true });
    const failed = await fetch(`${server.url}/items/ab`, { headers: { authorization: "Bearer test-good-token" } });
    expect(failed.status).toBe(500);
    expect(server.violations).toEqual([expect.objectContaining({ kind: "internal", errors: ["handler bug"] })]);
    server.clearLog();
    expect(server.requests).toEqual([]);
    expect(server.violations).toEqual([]);
  });

  it("refuses a body over 1 MiB with 413 and logs it", async () => {
    const server = await start();
    const response = await fetch(`${server.url}/items`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "x".repeat(1_100_000) }) });
    expect(response.status).toBe(413);
    expect(server.requests[0]).toMatchObject({ status: 413, rawBody: "" });
    expect(server.violations).toEqual([expect.objectContaining({ kind: "request", errors: ["request body over 1048576 bytes"] })]);
  });

  it("serves under a basePath; close() is idempotent; await using closes the server", async () => {
    const server = await start({ basePath: "/repository/" });
    expect(server.url).toMatch(/\/repository$/);
    expect((await fetch(`${server.url}/items/ab`, { headers: { authorization: "Bearer test-good-token" } })).status).toBe(200);
    let url: string;
    {
      await using scoped = await startFakeServer({ vendor: "test", spec, handlers: {}, errorBody: () => ({}) });
      url = scoped.url;
      expect((await fetch(`${url}/nowhere`)).status).toBe(404);
    }
    await expect(fetch(`${url}/nowhere`)).rejects.toThrow();
    await server.close();
    await server.close();
  });
});

describe("helpers", () => {
  it("createManualClock moves only when told to", () => {
    const clock = createManualClock(1_000);
    expect(clock.now()).toBe(1_000);
    clock.advance(500);
    expect(clock.now()).toBe(1_500);
    clock.set(new Date(10_000));
    expect(clock.now()).toBe(10_000);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(createManualClock().now()).toBe(Date.UTC(2030, 0, 1));
  });

  it("queryBoolean: true and 1 in any case are true, other values false, absent or empty undefined", () => {
    const read = (query: string) => queryBoolean({ query: new URLSearchParams(query) }, "flag");
    expect([read("flag=True"), read("flag=TRUE"), read("flag=true"), read("flag=1")]).toEqual([true, true, true, true]);
    expect([read("flag=False"), read("flag=false"), read("flag=0"), read("flag=no")]).toEqual([false, false, false, false]);
    expect([read(""), read("flag=")]).toEqual([undefined, undefined]);
  });

  it("ids have the requested lengths and prefixes", () => {
    expect(randomAlphanumeric(14)).toMatch(/^[A-Za-z0-9]{14}$/);
    expect(randomHex(32)).toMatch(/^[0-9a-f]{32}$/);
    const secret = fakeSecret("test-secret-", 40);
    expect(secret).toHaveLength(40);
    expect(secret.startsWith("test-secret-")).toBe(true);
  });

  it("nodeHttpFetch sends a Keep-Alive header that the built-in fetch refuses", async () => {
    const server = await start({ fallback: (request) => ({ body: { keepAlive: request.headers["keep-alive"] ?? null } }) });
    await expect(fetch(`${server.url}/echo`, { headers: { "keep-alive": "600" } })).rejects.toThrow();
    const response = await nodeHttpFetch(`${server.url}/echo`, { headers: { "keep-alive": "600" } });
    expect(await response.json()).toEqual({ keepAlive: "600" });
  });

  it("a handler for an operationId the spec does not have is refused at start (a fake that drifted from its spec)", async () => {
    await expect(startFakeServer({ vendor: "test", spec, handlers: { getItems: () => ({}) }, errorBody: () => ({}) })).rejects.toThrow(/"getItems", which is no operationId of the spec/);
  });

  it("a fake is disposable under the native Symbol.asyncDispose and the registered one transpilers use on Node 18", async () => {
    const server = await start();
    expect(typeof (server as unknown as Record<symbol, unknown>)[Symbol.for("Symbol.asyncDispose")]).toBe("function");
    expect(typeof server[Symbol.asyncDispose]).toBe("function");
  });
});
