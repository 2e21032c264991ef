// The operation runner (`api.op`) and the generic validator against small hand-made facts and a
// real loopback server: input checked before anything is sent, credentials placed per the
// operation's security, secrets redacted while the call runs and remembered when received, a 401
// re-authenticated once through the client's token source.
import { describe, expect, it } from "vitest";
import { useLoopbackServer, serialisedForms } from "@vendor-auth/testing/suite";
import {
  ProvidedTokens,
  Redactor,
  ResponseParseError,
  TokenCache,
  ValidationError,
  checkOperationInput,
  checkParameters,
  createApiClient,
  operationUrl,
  pickProperties,
  renewalTime,
  toTokenProvider,
  valuesAt,
  type OperationTable,
  type SchemaTable,
} from "../src/internal.js";
import { facts } from "./support/facts.js";

const server = useLoopbackServer();

const schemas: SchemaTable = {
  Login: { type: "object", required: ["user", "password"], properties: { user: { type: "string", maxLength: 8 }, password: { type: "string" }, mode: { type: "string", enum: ["a", "b"] } } },
  Grant: { oneOf: [{ $ref: "GrantA" }, { $ref: "GrantB" }], discriminator: { propertyName: "kind", mapping: { a: "GrantA", b: "GrantB" } } },
  GrantA: { type: "object", required: ["kind", "code"], properties: { kind: { type: "string", enum: ["a"] }, code: { type: "string" } } },
  GrantB: { type: "object", required: ["kind"], properties: { kind: { type: "string", enum: ["b"] }, count: { type: "integer", minimum: 1, maximum: 5 } } },
};

const operations = {
  login: facts({
    path: "/login",
    body: { required: true, schema: { $ref: "Login" } },
    response: { body: true, type: "object", requiredSecrets: ["token"] },
    secrets: { request: ["body.password"], response: ["token", "refresh"] },
  }),
  getItem: facts({
    method: "GET",
    path: "/items/{id}",
    idempotent: true,
    security: [["bearer"]],
    parameters: [
      { in: "path", name: "id", required: true, schema: { type: "string" } },
      { in: "query", name: "since", required: false, schema: { type: "string", format: "date-time" } },
      { in: "query", name: "limit", required: false, schema: { type: "integer", minimum: 1, maximum: 50 }, default: 50 },
    ],
    response: { body: true, type: "object" },
  }),
  listKeys: facts({ method: "GET", path: "/keys", idempotent: true, security: [["key"]], response: { body: true, type: "object" } }),
  optional: facts({ method: "GET", path: "/optional", idempotent: true, security: [[], ["key"]], response: { body: true, type: "object" } }),
  authorize: facts({ method: "GET", path: "/authorize", servers: ["https://login.example.com"], parameters: [{ in: "query", name: "client", required: true, schema: { type: "string" } }, { in: "query", name: "mode", required: false, schema: { type: "string" }, default: "code" }] }),
} satisfies OperationTable;

type Paths = Record<string, Record<string, unknown>>;
const securitySchemes = { bearer: { type: "http", scheme: "bearer" }, key: { type: "apiKey", in: "query", name: "api_key" } } as const;
const client = (extra: Partial<Omit<Parameters<typeof createApiClient>[0], "operations">> = {}) =>
  createApiClient<Paths, typeof operations>({ vendor: "test", baseUrl: server.url, redactor: new Redactor(), schemas, securitySchemes, credentialOptions: { bearer: "token", key: "apiKey" }, ...extra, operations });
// The test facts are not typed by a `paths`: call op through a loose signature.
const op = (api: ReturnType<typeof client>, id: keyof typeof operations, input?: unknown, options?: unknown) => (api.op as unknown as (i: string, n?: unknown, o?: unknown) => Promise<unknown>)(id, input, options);
const fieldOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).field;
};

describe("checkOperationInput: the spec's constraints, before anything is sent", () => {
  it("names each problem by its place on the wire", async () => {
    const api = client({ auth: { bearer: new ProvidedTokens(async () => "test-token-1") } });
    expect(await fieldOf(op(api, "login", { body: { user: "u" } }))).toBe("body.password");
    expect(await fieldOf(op(api, "login", { body: { user: "toolongname", password: "p" } }))).toBe("body.user");
    expect(await fieldOf(op(api, "login", { body: { user: "u", password: "p", mode: "c" } }))).toBe("body.mode");
    expect(await fieldOf(op(api, "login"))).toBe("body");
    expect(await fieldOf(op(api, "getItem", { params: { path: { id: ".." } } }))).toBe("path.id");
    expect(await fieldOf(op(api, "getItem", { params: { path: { id: "x" }, query: { limit: 51 } } }))).toBe("query.limit");
    expect(await fieldOf(op(api, "getItem", { params: { path: { id: "x" }, query: { since: "yesterday" } } }))).toBe("query.since");
    expect(await fieldOf(op(api, "getItem", { params: { path: { id: "x" }, query: { signal: new AbortController().signal } } }))).toBe("query.signal");
    expect(await fieldOf(op(api, "getItem", { params: { path: { id: "x" } }, body: {} }))).toBe("body");
    expect(await fieldOf(op(api, "getItem", "x".repeat(10_000_000)))).toBe("input");
    expect(server.requests).toHaveLength(0);
  });

  it("a discriminated union is checked against the branch its tag names", () => {
    const grant = facts({ body: { required: true, schema: { $ref: "Grant" } } });
    expect(() => checkOperationInput(grant, { body: { kind: "a", code: "c" } }, schemas)).not.toThrow();
    expect(() => checkOperationInput(grant, { body: { kind: "a" } }, schemas)).toThrow(/body.code: is required/);
    expect(() => checkOperationInput(grant, { body: { kind: "b", count: 9 } }, schemas)).toThrow(/body.count: must be an integer from 1 to 5/);
    expect(() => checkOperationInput(grant, { body: { kind: "z" } }, schemas)).toThrow(/body.kind: must be one of: "a", "b"/);
  });

  it("a Date for a date-time parameter is sent as its ISO string; undefined parameters are dropped", () => {
    const checked = checkOperationInput(operations.getItem, { params: { path: { id: "x" }, query: { since: new Date(Date.UTC(2030, 0, 1)), limit: undefined } } }, schemas);
    expect(checked.params).toEqual({ path: { id: "x" }, query: { since: "2030-01-01T00:00:00.000Z" } });
  });

  it("checkParameters: client options named like parameters, checked when the client is created", () => {
    expect(() => checkParameters(operations.getItem, "query", { limit: 5 }, schemas)).not.toThrow();
    expect(() => checkParameters(operations.getItem, "query", { limit: "5" }, schemas)).toThrow(/limit: must be an integer/);
    expect(() => checkParameters(operations.getItem, "query", { other: 1 }, schemas)).toThrow(/other: is not a query parameter/);
  });
});

describe("api.op: security, secrets and responses from the facts", () => {
  it("places a bearer token in the header and an apiKey-in-query credential in the query; a call's accessToken wins", async () => {
    server.setHandler(() => ({ body: { ok: true } }));
    const api = client({ auth: { bearer: new ProvidedTokens(async () => "test-bearer-1"), key: new ProvidedTokens(async () => "test-key-1") } });
    await op(api, "getItem", { params: { path: { id: "a b" } } });
    await op(api, "listKeys");
    await op(api, "getItem", { params: { path: { id: "x" } } }, { accessToken: "test-per-call-1" });
    expect(server.requests.map((r) => [r.path, r.headers.authorization, r.query.get("api_key")])).toEqual([
      ["/items/a%20b", "Bearer test-bearer-1", null],
      ["/keys", undefined, "test-key-1"],
      ["/items/x", "Bearer test-per-call-1", null],
    ]);
  });

  it("with a token string, the request is on its way when op() returns: no wait for a token first", async () => {
    // Many calls started at once must each start sending within its own call, as a bare fetch does,
    // not all queue behind a promise of a token that was known all along.
    server.setHandler(() => ({ body: { ok: true } }));
    let started = 0;
    const fetch = ((input: RequestInfo | URL, init?: RequestInit) => (started++, globalThis.fetch(input, init))) as typeof globalThis.fetch;
    const fixed = client({ fetch, auth: { bearer: new ProvidedTokens(toTokenProvider("token", "test-bearer-1")) } });
    const pending = op(fixed, "getItem", { params: { path: { id: "x" } } });
    const startedWithToken = started;
    await pending;
    // A provider function is asked first: the same call sends only after its answer.
    const asked = client({ fetch, auth: { bearer: new ProvidedTokens(toTokenProvider("token", async () => "test-bearer-2")) } });
    const later = op(asked, "getItem", { params: { path: { id: "y" } } });
    const startedWithProvider = started;
    await later;
    expect([startedWithToken, startedWithProvider, started]).toEqual([1, 1, 2]);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(["Bearer test-bearer-1", "Bearer test-bearer-2"]);
  });

  it("a missing credential is a ValidationError naming the client option; an optional alternative sends none", async () => {
    server.setHandler(() => ({ body: { ok: true } }));
    expect(await fieldOf(op(client(), "getItem", { params: { path: { id: "x" } } }))).toBe("token");
    await op(client(), "optional");
    expect(server.requests.map((r) => r.query.get("api_key"))).toEqual([null]);
  });

  it("an optional credential (security [[], [key]]) is not taken from the client's token source, only from the call", async () => {
    server.setHandler(() => ({ body: { ok: true } }));
    const api = client({ auth: { key: new ProvidedTokens(async () => "test-key-1") } });
    await op(api, "optional");
    await op(api, "optional", undefined, { credentials: { key: "test-key-2" } });
    expect(server.requests.map((r) => r.query.get("api_key"))).toEqual([null, "test-key-2"]);
  });

  it("a success body without a field the facts require is a ResponseParseError naming it, nested paths included", async () => {
    const required = { ...operations.listKeys, response: { body: true, type: "object", required: { required: ["keys"], properties: { keys: { items: { required: ["id"] } } } } } } as const;
    const api = createApiClient<Paths, { required: typeof required }>({ vendor: "test", baseUrl: server.url, redactor: new Redactor(), operations: { required }, securitySchemes, auth: { key: new ProvidedTokens(async () => "test-key-1") } });
    server.setHandler(() => ({ body: { keys: [{ id: "a" }, { name: "b" }] } }));
    await expect(api.op("required" as never)).rejects.toMatchObject({ name: "ResponseParseError", message: "The required answer lacks fields the spec requires: keys[1].id" });
    server.setHandler(() => ({ body: { keys: [] } }));
    await expect(api.op("required" as never)).resolves.toEqual({ keys: [] });
  });

  it("a 401 asks the token source once more and repeats the call once", async () => {
    let minted = 0;
    const tokens = new TokenCache(async () => ({ value: `test-cached-${++minted}` }));
    await tokens.get();
    let n = 0;
    server.setHandler(() => (++n === 1 ? { status: 401, body: { message: "revoked" } } : { body: { ok: true } }));
    await expect(op(client({ auth: { bearer: tokens } }), "getItem", { params: { path: { id: "x" } } })).resolves.toEqual({ ok: true });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(["Bearer test-cached-1", "Bearer test-cached-2"]);
  });

  it("request secrets are redacted while the call runs; response secrets are remembered; a required token must be there", async () => {
    server.setHandler((r) => (r.path === "/login" ? { status: 400, body: { message: `bad ${(r.json as { password: string }).password}` } } : { body: {} }));
    const redactor = new Redactor();
    const api = client({ redactor });
    const error = await op(api, "login", { body: { user: "u", password: "test-password-9" } }).catch((e: Error) => e);
    for (const form of serialisedForms(error as Error)) expect(form).not.toContain("test-password-9");
    expect(redactor.string("test-password-9")).toBe("test-password-9");
    server.setHandler(() => ({ body: { token: "test-received-token", refresh: "test-received-refresh" } }));
    await op(api, "login", { body: { user: "u", password: "p" } });
    expect(redactor.string("x test-received-token test-received-refresh")).toBe("x [REDACTED] [REDACTED]");
    server.setHandler(() => ({ body: { refresh: "r" } }));
    await expect(op(api, "login", { body: { user: "u", password: "p" } })).rejects.toBeInstanceOf(ResponseParseError);
  });
});

describe("helpers over the facts", () => {
  it("pickProperties: a model's fields only, in the model's order, through its discriminator", () => {
    expect(pickProperties({ code: "c", extra: 1, kind: "a" }, { $ref: "Grant" }, schemas)).toEqual({ kind: "a", code: "c" });
    expect(Object.keys(pickProperties({ password: "p", user: "u", mode: undefined }, { $ref: "Login" }, schemas))).toEqual(["user", "password"]);
  });

  it("operationUrl: the operation's server, path and query in the spec's order, defaults filled in, checked", () => {
    expect(operationUrl(operations.authorize, { client: "a&b" }, schemas)).toBe("https://login.example.com/authorize?client=a%26b&mode=code");
    expect(() => operationUrl(operations.authorize, {}, schemas)).toThrow(/query.client: is required/);
  });

  it("valuesAt: strings at dotted paths, through arrays", () => {
    expect(valuesAt({ a: [{ b: "x" }, { b: "y" }, { c: 1 }], d: { e: "z" } }, ["a[].b", "d.e", "missing.path"])).toEqual(["x", "y", "z"]);
  });

  it("renewalTime: expires_in clamped to [minLifetimeMs, a year], minus at most half of it", () => {
    const options = { refreshAheadMs: 60_000, minLifetimeMs: 5_000, now: () => 1_000 };
    expect(renewalTime(3600, options)).toBe(1_000 + 3_600_000 - 60_000);
    expect(renewalTime(0, options)).toBe(1_000 + 5_000 - 2_500);
    expect(renewalTime(1e300, options)).toBe(1_000 + 365 * 24 * 3600 * 1000 - 60_000);
    expect(renewalTime(undefined, options)).toBeUndefined();
  });
});

describe("TokenCache.revoke wins every race", () => {
  it("a request in flight when revoke() is called: its token is revoked, its waiters refused", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const cache = new TokenCache(async () => {
      await gate;
      return { value: "test-late-token" };
    });
    const waiting = cache.get().catch((e: unknown) => e);
    const revoked: string[] = [];
    const revoking = cache.revoke(async (token) => void revoked.push(token.value));
    release();
    await revoking;
    expect(await waiting).toBeInstanceOf(Error);
    expect(revoked).toEqual(["test-late-token"]);
    expect(cache.peek()).toBeUndefined();
  });

  it("a failing revoke keeps the token (the server still holds it) and throws", async () => {
    const cache = new TokenCache(async () => ({ value: "test-held" }));
    await cache.get();
    await expect(cache.revoke(async () => Promise.reject(new Error("test: revoke failed")))).rejects.toThrow("revoke failed");
    expect(cache.peek()?.value).toBe("test-held");
  });
});
