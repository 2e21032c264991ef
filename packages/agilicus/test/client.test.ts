// The helper client against a real HTTP server on 127.0.0.1: exact wire format of all 26
// operations, bearer auth only where the spec requires it, typed results, typed errors for every
// documented status, pagination with the API's own keys, and secret redaction.
import { inspect } from "node:util";
import { describe, expect, expectTypeOf, it } from "vitest";
import createClient from "openapi-fetch";
import { startLoopbackServer, type RecordedRequest } from "@vendor-auth/testing";
import { useLoopbackServer } from "@vendor-auth/testing/suite";
import {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  GoneError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  ResponseParseError,
  TimeoutError,
  ValidationError,
  createAgilicusClient,
  operations,
  type AgilicusClientOptions,
  type OperationId,
  type TokenIntrospect,
  type TokenIntrospectOptions,
} from "../src/index.js";
import { API_KEY_SECRET, INTROSPECTED, OPERATION_CASES, ORG, PEM_KEY, RAW_TOKEN, TOKEN, USER, apiKeyRequest, documentRequest, session, token } from "./fixtures.js";
import { documentedErrors } from "./spec.js";

const server = useLoopbackServer();

const newClient = (extra: Partial<AgilicusClientOptions> = {}) => createAgilicusClient({ accessToken: TOKEN, baseUrl: server.url, retry: FAST_RETRY, ...extra });
// Retries keep their semantics here but do not wait (the fault-injection suite covers the delays).
const FAST_RETRY = { initialDelayMs: 1, maxDelayMs: 2 };
const queryOf = (request: RecordedRequest) => Object.fromEntries(request.query);
const allOperations = Object.keys(operations) as OperationId[];
const failure = (promise: Promise<unknown>) => promise.then(() => expect.unreachable("expected a rejection"), (error: unknown) => error);

describe("every operation on the wire", () => {
  it("covers exactly the 26 operations of the spec", () => {
    expect(allOperations).toHaveLength(26);
    expect(Object.keys(OPERATION_CASES).sort()).toEqual([...allOperations].sort());
  });

  it.each(allOperations)("%s: method, path, query, auth header, JSON body, typed result", async (operationId) => {
    const wire = OPERATION_CASES[operationId];
    server.setHandler(() => ({ status: wire.status, body: wire.reply }));
    const result = await wire.invoke(newClient());
    expect(result).toEqual(wire.reply);
    expect(server.requests).toHaveLength(1);
    const request = server.requests[0]!;
    expect(request.method).toBe(wire.method);
    expect(request.method).toBe(operations[operationId].method);
    expect(request.path).toBe(wire.path);
    expect(queryOf(request)).toEqual(wire.query ?? {});
    expect(request.headers.authorization).toBe(operations[operationId].security.length > 0 ? `Bearer ${TOKEN}` : undefined);
    if (wire.body === undefined) {
      expect(request.rawBody).toBe("");
    } else {
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.json).toEqual(wire.body);
    }
  });

  it("the six open operations are exactly the spec's `security: []` ones", () => {
    expect(allOperations.filter((id) => operations[id].security.length === 0).sort()).toEqual([
      "createApiKeyIntrospection",
      "createIntrospectToken",
      "createIntrospectTokenAllSubOrgs",
      "createReissuedToken",
      "createRevokeTokenTask",
      "createTokenValidation",
    ]);
  });

  it("sends every query parameter under its snake_case wire name; Dates as ISO strings", async () => {
    server.setHandler((request) => ({ body: request.path === "/v1/sessions" ? { sessions: [], limit: 5 } : { tokens: [], limit: 5 } }));
    const client = newClient();
    await client.listSessions({
      limit: 5,
      user_id: USER,
      org_id: ORG,
      revoked: true,
      created_time: "2021-03-23T10:00:00+02:00",
      previous_created_time: new Date(Date.UTC(2021, 2, 23, 8, 30)),
      previous_user_id: "abc123iamanid",
    });
    await client.listTokens({
      limit: 5,
      sub: USER,
      exp_from: "yesterday",
      exp_to: "tomorrow",
      iat_from: "2021-03-23",
      iat_to: "in 2 hours",
      jti: "test-jti-1",
      org: ORG,
      revoked: false,
      session: "test-session-1",
    });
    expect(server.requests.map(queryOf)).toEqual([
      {
        limit: "5",
        user_id: USER,
        org_id: ORG,
        revoked: "true",
        created_time: "2021-03-23T10:00:00+02:00",
        previous_created_time: "2021-03-23T08:30:00.000Z",
        previous_user_id: "abc123iamanid",
      },
      { limit: "5", sub: USER, exp_from: "yesterday", exp_to: "tomorrow", iat_from: "2021-03-23", iat_to: "in 2 hours", jti: "test-jti-1", org: ORG, revoked: "false", session: "test-session-1" },
    ]);
  });

  it("URL-encodes path parameters", async () => {
    server.setHandler(() => ({ body: session(1) }));
    await newClient().getSession("a/b c?d#e");
    expect(server.requests[0]!.path).toBe("/v1/sessions/a%2Fb%20c%3Fd%23e");
    expect(queryOf(server.requests[0]!)).toEqual({});
  });

  it("sends the configured extra headers on every operation", async () => {
    server.setHandler(() => ({ body: token }));
    await newClient({ headers: { "x-trace-id": "test-trace" } }).introspectToken(INTROSPECTED);
    expect(server.requests[0]!.headers["x-trace-id"]).toBe("test-trace");
  });
});

describe("bearer auth", () => {
  it("a static token goes on authenticated operations only", async () => {
    server.setHandler((request) => (request.path === "/v1/tokens" ? { body: { tokens: [], limit: 100 } } : { body: token }));
    const client = newClient();
    await client.listTokens();
    await client.introspectToken(INTROSPECTED);
    expect(server.requests.map((r) => [r.path, r.headers.authorization])).toEqual([
      ["/v1/tokens", `Bearer ${TOKEN}`],
      ["/v1/tokens/introspect", undefined],
    ]);
  });

  it("an async provider is called once per authenticated request, and its current token is sent", async () => {
    let calls = 0;
    const getToken = async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return `test-provider-token-${++calls}`;
    };
    server.setHandler((request) => (request.path === "/v1/tokens/revoke" ? { status: 204 } : { body: session(1) }));
    const client = createAgilicusClient({ accessToken: getToken, baseUrl: server.url });
    await client.getSession("test-session-1");
    await client.getSession("test-session-1");
    await client.createRevokeTokenTask({ token: INTROSPECTED });
    await client.getSession("test-session-1");
    expect(calls).toBe(3);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(["Bearer test-provider-token-1", "Bearer test-provider-token-2", undefined, "Bearer test-provider-token-3"]);
  });

  it("a sync provider works too", async () => {
    server.setHandler(() => ({ body: session(1) }));
    await createAgilicusClient({ accessToken: () => "test-sync-token-1", baseUrl: server.url }).getSession("test-session-1");
    expect(server.requests[0]!.headers.authorization).toBe("Bearer test-sync-token-1");
  });

  it("a provider's own error reaches the caller unchanged, before any request", async () => {
    class RefreshFailed extends Error {}
    const original = new RefreshFailed("test refresh failed");
    const client = createAgilicusClient({ accessToken: () => Promise.reject(original), baseUrl: server.url });
    expect(await failure(client.listSessions())).toBe(original);
    expect(server.requests).toHaveLength(0);
  });

  it("a provider returning no token is a ValidationError (field accessToken), before any request", async () => {
    const client = createAgilicusClient({ accessToken: async () => "", baseUrl: server.url });
    const error = await failure(client.getApiKey("test-key-1"));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe("accessToken");
    expect((error as ValidationError).operation).toBe("getApiKey");
    expect(server.requests).toHaveLength(0);
  });

  it("a provider is not called for the open operations", async () => {
    let calls = 0;
    server.setHandler(() => ({ body: token }));
    const client = createAgilicusClient({ accessToken: () => `test-provider-token-${++calls}`, baseUrl: server.url });
    await client.introspectToken(INTROSPECTED);
    expect(calls).toBe(0);
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });

  it("exactly one of accessToken and apiKey, and no Authorization in `headers`", () => {
    const base = { baseUrl: server.url };
    expect(() => createAgilicusClient(base)).toThrow(/Invalid accessToken: is required: pass one of accessToken, apiKey/);
    expect(() => createAgilicusClient({ ...base, accessToken: "" })).toThrow(/Invalid accessToken: must not be empty/);
    expect(() => createAgilicusClient({ ...base, accessToken: 42 as never })).toThrow(/Invalid accessToken: must be a token string or a function returning one \(a TokenSource\), got number/);
    expect(() => createAgilicusClient({ ...base, accessToken: { token: TOKEN } as never })).toThrow(/got object/);
    expect(() => createAgilicusClient({ ...base, accessToken: TOKEN, headers: { Authorization: `Bearer ${TOKEN}` } })).toThrow(/headers.Authorization/);
    expect(() => createAgilicusClient(undefined as never)).toThrow(ValidationError);
  });

  it("the old options `token` and `getToken` are rejected, naming accessToken, before any request", () => {
    const base = { baseUrl: server.url };
    // @ts-expect-error: `token` is no longer an option
    expect(() => createAgilicusClient({ ...base, token: TOKEN })).toThrow(/Invalid token: is no longer an option: use accessToken/);
    // @ts-expect-error: `getToken` is no longer an option
    expect(() => createAgilicusClient({ ...base, getToken: () => TOKEN })).toThrow(/Invalid getToken: is no longer an option: use accessToken \(a function/);
    expect(server.requests).toHaveLength(0);
  });
});

describe("getAccessToken, authorizedFetch and authMiddleware (TokenHolder)", () => {
  it("with a token: getAccessToken returns it; authorizedFetch sends it as Bearer to the client's API only", async () => {
    server.setHandler(() => ({ body: { ok: true } }));
    const client = createAgilicusClient({ accessToken: TOKEN, baseUrl: server.url });
    expect(await client.getAccessToken()).toBe(TOKEN);
    const response = await client.authorizedFetch("/v1/users");
    expect(response.status).toBe(200);
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    await expect(client.authorizedFetch("https://elsewhere.example.test/v1/users")).rejects.toMatchObject({ name: "ValidationError", field: "url" });
    expect(server.requests).toHaveLength(1);
  });

  it("with a provider: getAccessToken asks it each time; a 401 of authorizedFetch asks it once more", async () => {
    let calls = 0;
    server.setHandler((request) => (request.headers.authorization === "Bearer test-provider-token-1" ? { status: 401, body: { error: "expired" } } : { body: { ok: true } }));
    const client = createAgilicusClient({ accessToken: async () => `test-provider-token-${++calls}`, baseUrl: server.url });
    expect((await client.authorizedFetch("/v1/users")).status).toBe(200);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(["Bearer test-provider-token-1", "Bearer test-provider-token-2"]);
    expect(await client.getAccessToken()).toBe("test-provider-token-3");
    const aborted = AbortSignal.abort();
    await expect(client.getAccessToken({ signal: aborted })).rejects.toMatchObject({ name: "AbortError" });
    expect(calls).toBe(3);
  });

  it("authMiddleware adds the token to an openapi-fetch client of the rest of the API", async () => {
    server.setHandler(() => ({ body: { ok: true } }));
    const client = createAgilicusClient({ accessToken: TOKEN, baseUrl: server.url });
    const api = createClient<{}>({ baseUrl: server.url });
    api.use(client.authMiddleware());
    await (api as unknown as { GET(path: string): Promise<unknown> }).GET("/v1/users");
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("with an API key: getAccessToken rejects (typed, nothing sent); authorizedFetch sends the basic credential", async () => {
    server.setHandler(() => ({ body: { ok: true } }));
    const client = createAgilicusClient({ apiKey: { email: "test-user@example.test", key: "test-api-key-1" }, baseUrl: server.url });
    const error = await failure(client.getAccessToken());
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(/authenticates with an API key/);
    expect(String((error as Error).message)).not.toContain("test-api-key-1");
    expect(server.requests).toHaveLength(0);
    await client.authorizedFetch("/v1/users");
    expect(server.requests[0]!.headers.authorization).toBe(`Basic ${btoa("test-user@example.test:test-api-key-1")}`);
  });
});

describe("typed errors", () => {
  const classes: Record<number, typeof ApiError> = { 400: BadRequestError, 403: PermissionDeniedError, 404: NotFoundError, 410: GoneError };

  it.each(documentedErrors)("%s %i becomes its typed error with the spec's description", async (operationId, status, description) => {
    const body = { error_code: `TEST_E${status}`, error_message: "test failure" };
    server.setHandler(() => ({ status, headers: { "x-extra": "1" }, body }));
    const error = await failure(OPERATION_CASES[operationId as OperationId].invoke(newClient()));
    const ErrorClass = classes[status]!;
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.name).toBe(ErrorClass.name);
    expect(apiError.status).toBe(status);
    expect(apiError.code).toBe(`TEST_E${status}`);
    expect(apiError.body).toEqual(body);
    expect(apiError.headers["x-extra"]).toBe("1");
    expect(apiError.operation).toBe(operationId);
    expect(apiError.vendor).toBe("agilicus");
    expect(apiError.message).toContain(`${operationId}: HTTP ${status}`);
    expect(apiError.message).toContain(`(${description})`);
  });

  it("undocumented statuses still map to their classes, without an invented description", async () => {
    server.setHandler(() => ({ status: 401, body: { error_code: "TEST_UNAUTHENTICATED" } }));
    const unauthenticated = (await failure(newClient().listTokens())) as AuthenticationError;
    expect(unauthenticated).toBeInstanceOf(AuthenticationError);
    expect(unauthenticated.message).toBe("listTokens: HTTP 401 Unauthorized [TEST_UNAUTHENTICATED]");
    server.setHandler(() => ({ status: 503, body: "test maintenance" }));
    const unavailable = (await failure(newClient().getSession("test-session-1"))) as InternalServerError;
    expect(unavailable).toBeInstanceOf(InternalServerError);
    expect(unavailable.status).toBe(503);
    expect(unavailable.body).toBe("test maintenance");
  });

  it("a 200 that is HTML becomes ResponseParseError keeping the status", async () => {
    server.setHandler(() => ({ status: 200, headers: { "content-type": "text/html" }, body: "<html>maintenance</html>" }));
    const error = (await failure(newClient().listApiKeys())) as ResponseParseError;
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error.status).toBe(200);
    expect(error.excerpt).toContain("maintenance");
  });

  it("a slow response becomes TimeoutError, the caller's abort becomes AbortError", async () => {
    server.setHandler(async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { body: token };
    });
    await expect(newClient({ timeoutMs: 50 }).introspectToken(INTROSPECTED)).rejects.toBeInstanceOf(TimeoutError);
    await expect(newClient().introspectToken(INTROSPECTED, { timeoutMs: 50 })).rejects.toBeInstanceOf(TimeoutError);
    const controller = new AbortController();
    const pending = newClient().getSession("test-session-1", undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(AbortError);
  });

  it("a refused connection becomes ConnectionError", async () => {
    const closed = await startLoopbackServer();
    await closed.close();
    await expect(createAgilicusClient({ accessToken: TOKEN, baseUrl: closed.url }).listSessions()).rejects.toBeInstanceOf(ConnectionError);
  });
});

describe("validation before any request", () => {
  // Fields are named by where they go on the wire; the rules are the spec's (operations.gen.ts).
  it("path parameters must be non-empty and not dot segments", async () => {
    const client = newClient();
    await expect(client.getApiKey("")).rejects.toThrow(/Invalid path.api_key_id: must not be empty/);
    await expect(client.deleteAuthenticationDocument(undefined as never)).rejects.toThrow(/Invalid path.document_id: is required/);
    await expect(client.replaceSession(42 as never, session(1))).rejects.toThrow(/Invalid path.session_id: must be a string/);
    await expect(client.deleteSession("..")).rejects.toThrow(/Invalid path.session_id: must not be "." or ".."/);
    await expect(client.getSession(".")).rejects.toThrow(ValidationError);
    expect(server.requests).toHaveLength(0);
  });

  it("query parameters: known names only, limits within the operation's maximum, date-times RFC 3339", async () => {
    const client = newClient();
    await expect(client.listTokens({ limit: 101 })).rejects.toThrow(/query.limit: must be an integer from 1 to 100/);
    await expect(client.listSessions({ limit: 501 })).rejects.toThrow(/query.limit: must be an integer from 1 to 500/);
    await expect(client.listApiKeys({ limit: 0 })).rejects.toThrow(/query.limit/);
    await expect(client.listAuthenticationDocuments({ limit: 2.5 })).rejects.toThrow(/query.limit/);
    await expect(client.listSessions({ created_time: "yesterday" })).rejects.toThrow(/query.created_time: must be an RFC 3339 date-time/);
    await expect(client.listSessions({ previous_created_time: new Date("nonsense") })).rejects.toThrow(/query.previous_created_time/);
    await expect(client.listSessions({ revoked: "false" as never })).rejects.toThrow(/query.revoked: must be a boolean/);
    await expect(client.listTokens({ previous_user_id: "x" } as never)).rejects.toThrow(/query.previous_user_id: is not a query parameter/);
    // A misplaced call-options object is caught instead of being sent as a query.
    await expect(client.getApiKey("test-key-1", { signal: new AbortController().signal } as never)).rejects.toThrow(/query.signal: is not a query parameter/);
    await expect(client.listTokens({ sub: 7 as never })).rejects.toThrow(/query.sub: must be a string/);
    expect(server.requests).toHaveLength(0);
  });

  it("bodies: required fields and the spec's length limits", async () => {
    const client = newClient();
    await expect(client.createApiKey(undefined as never)).rejects.toThrow(/Invalid body: is required/);
    await expect(client.createApiKey({ spec: { user_id: USER } } as never)).rejects.toThrow(/body.spec.org_id: is required/);
    await expect(client.createBulkRevokeTokenTask({ user_id: "u".repeat(41) })).rejects.toThrow(/body.user_id: must be at most 40 characters/);
    await expect(client.createBulkDeleteSessionTask({ user_id: USER, org_id: "" })).rejects.toThrow(/body.org_id/);
    await expect(client.createAuthenticationDocument({ spec: { ...documentRequest.spec, auth_issuer_url: "h".repeat(512) } })).rejects.toThrow(/auth_issuer_url: must be at most 511/);
    await expect(client.createToken({ sub: USER, org: ORG, time_validity: {} } as never)).rejects.toThrow(/body.audiences: is required/);
    await expect(client.createTokenValidation({ sub: USER, org: ORG, audiences: [] } as never)).rejects.toThrow(/body.time_validity: is required/);
    await expect(client.createReissuedToken({ token: INTROSPECTED } as never)).rejects.toThrow(/body.org_id: is required/);
    await expect(client.validateIdentityAssertion({ authentication_document_id: "test-doc-1" } as never)).rejects.toThrow(/body.token: is required/);
    await expect(client.createApiKeyIntrospection({ api_key_auth_info: { key: API_KEY_SECRET } } as never)).rejects.toThrow(/api_key_auth_info.username/);
    await expect(client.createSession({ spec: { org_id: ORG } } as never)).rejects.toThrow(/body.spec.user_id: is required/);
    await expect(client.introspectToken(undefined as never)).rejects.toThrow(/Invalid body.token: is required/);
    await expect(client.introspectToken(INTROSPECTED, { excludeRoles: "yes" as never })).rejects.toThrow(/body.introspect_options.exclude_roles: must be a boolean/);
    expect(server.requests).toHaveLength(0);
  });

  it("options: timeouts, base URL, environment", async () => {
    expect(() => newClient({ timeoutMs: -1 })).toThrow(/timeoutMs/);
    await expect(newClient().listTokens({}, { timeoutMs: 0 })).rejects.toThrow(/timeoutMs/);
    expect(() => newClient({ baseUrl: "http://api.agilicus.com" })).toThrow(/refusing plain http/);
    expect(newClient({ baseUrl: "http://api.agilicus.test", allowInsecureHttp: true }).baseUrl).toBe("http://api.agilicus.test");
    expect(createAgilicusClient({ accessToken: TOKEN }).baseUrl).toBe("https://api.agilicus.com");
    expect(createAgilicusClient({ accessToken: TOKEN, environment: "production" }).baseUrl).toBe("https://api.agilicus.com");
    expect(() => createAgilicusClient({ accessToken: TOKEN, environment: "staging" as never })).toThrow(/environment/);
    expect(server.requests).toHaveLength(0);
  });
});

describe("introspectToken", () => {
  it("POST /v1/tokens/introspect with the token (and exclude_roles when given), no auth, typed Token", async () => {
    server.setHandler(() => ({ body: token }));
    const client = newClient();
    expect(await client.introspectToken(INTROSPECTED)).toEqual(token);
    expect(await client.introspectToken(INTROSPECTED, { excludeRoles: false })).toEqual(token);
    expect(server.requests.map((r) => [r.method, r.path, r.json, r.headers.authorization])).toEqual([
      ["POST", "/v1/tokens/introspect", { token: INTROSPECTED }, undefined],
      ["POST", "/v1/tokens/introspect", { token: INTROSPECTED, introspect_options: { exclude_roles: false } }, undefined],
    ]);
  });

  it("a revoked token (410) is a GoneError that says so, and the token appears in no form of it", async () => {
    server.setHandler(() => ({ status: 410, headers: { "x-echo": INTROSPECTED }, body: { error_message: `revoked: ${INTROSPECTED}`, detail: INTROSPECTED, token: INTROSPECTED } }));
    const error = (await failure(newClient().introspectToken(INTROSPECTED))) as GoneError;
    expect(error).toBeInstanceOf(GoneError);
    expect(error.name).toBe("GoneError");
    expect(error.status).toBe(410);
    expect(error.operation).toBe("createIntrospectToken");
    // The vendor's own words (error_message, detail) and the spec's description, all redacted.
    expect(error.message).toBe("createIntrospectToken: HTTP 410 Gone revoked: [REDACTED] | [REDACTED] (Token has been revoked)");
    expect(error.message).toMatch(/^createIntrospectToken: HTTP 410 Gone.*\(Token has been revoked\)$/);
    const forms = [error.message, String(error), JSON.stringify(error), inspect(error, { depth: 10 }), error.stack ?? "", JSON.stringify(error.body), JSON.stringify(error.headers)];
    for (const form of forms) expect(form).not.toContain(INTROSPECTED);
    expect(error.body).toEqual({ error_message: "revoked: [REDACTED]", detail: "[REDACTED]", token: "[REDACTED]" });
  });

  it("a 410 without a body still explains itself", async () => {
    server.setHandler(() => ({ status: 410 }));
    const error = (await failure(newClient().introspectToken(INTROSPECTED))) as GoneError;
    expect(error.message).toBe("createIntrospectToken: HTTP 410 Gone (Token has been revoked)");
  });
});

describe("pagination", () => {
  const page = (items: number[], next?: { next_created_time?: string; next_user_id?: string }) => ({
    sessions: items.map((n) => session(n)),
    limit: 500,
    ...next,
  });

  it("iterateSessions follows next_created_time / next_user_id as previous_created_time / previous_user_id", async () => {
    server.setHandler((request) => {
      const cursor = request.query.get("previous_user_id");
      if (cursor === null) return { body: page([1, 2], { next_created_time: "2021-03-23T10:00:03Z", next_user_id: "test-user-3" }) };
      if (cursor === "test-user-3") return { body: page([3, 4], { next_created_time: "2021-03-23T10:00:05Z", next_user_id: "test-user-5" }) };
      return { body: page([5]) };
    });
    const ids: string[] = [];
    for await (const item of newClient().iterateSessions({ org_id: ORG, revoked: false })) ids.push(item.metadata!.id!);
    expect(ids).toEqual(["test-session-1", "test-session-2", "test-session-3", "test-session-4", "test-session-5"]);
    expect(server.requests.map(queryOf)).toEqual([
      { limit: "500", org_id: ORG, revoked: "false" },
      { limit: "500", org_id: ORG, revoked: "false", previous_created_time: "2021-03-23T10:00:03Z", previous_user_id: "test-user-3" },
      { limit: "500", org_id: ORG, revoked: "false", previous_created_time: "2021-03-23T10:00:05Z", previous_user_id: "test-user-5" },
    ]);
    expect(server.requests.every((r) => r.path === "/v1/sessions" && r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it("starts from the caller's keys, then replaces both with exactly the keys each page announces", async () => {
    server.setHandler((request) => {
      if (request.query.get("previous_user_id") === "") return { body: page([1], { next_user_id: "test-user-2" }) };
      return { body: page([2]) };
    });
    const items = [];
    for await (const item of newClient().iterateSessions({ limit: 1, previous_user_id: "", previous_created_time: "2021-03-23T00:00:00Z" })) items.push(item);
    expect(items).toHaveLength(2);
    expect(server.requests.map(queryOf)).toEqual([
      { limit: "1", previous_user_id: "", previous_created_time: "2021-03-23T00:00:00Z" },
      { limit: "1", previous_user_id: "test-user-2" },
    ]);
  });

  it("stops on an empty page, on a repeated cursor, and after maxPages", async () => {
    server.setHandler(() => ({ body: page([], { next_user_id: "test-user-9" }) }));
    for await (const _ of newClient().iterateSessions()) expect.unreachable();
    expect(server.requests).toHaveLength(1);
    server.requests.length = 0;

    server.setHandler(() => ({ body: page([1], { next_user_id: "test-user-2" }) }));
    let count = 0;
    for await (const _ of newClient().iterateSessions()) count++;
    expect(count).toBe(2);
    expect(server.requests).toHaveLength(2);
    server.requests.length = 0;

    let n = 0;
    server.setHandler(() => ({ body: page([++n], { next_user_id: `test-user-${n + 1}` }) }));
    count = 0;
    for await (const _ of newClient().iterateSessions({}, { maxPages: 3 })) count++;
    expect(count).toBe(3);
    expect(server.requests).toHaveLength(3);
  });

  it("an error on a later page rejects the iteration with its typed error", async () => {
    server.setHandler((request) => (request.query.has("previous_user_id") ? { status: 401, body: { error_code: "TEST_EXPIRED" } } : { body: page([1], { next_user_id: "test-user-2" }) }));
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const item of newClient().iterateSessions()) seen.push(item);
    })().catch((e: unknown) => e);
    expect(seen).toHaveLength(1);
    expect(error).toBeInstanceOf(AuthenticationError);
  });

  it("iterateTokens / iterateApiKeys / iterateAuthenticationDocuments: one request at the maximum limit (the API has no cursor)", async () => {
    const tokens = Array.from({ length: 100 }, (_, i) => ({ ...token, jti: `test-jti-${i}` }));
    server.setHandler((request) => {
      if (request.path === "/v1/tokens") return { body: { tokens, limit: 100 } };
      if (request.path === "/v1/api_keys") return { body: { api_keys: [{ spec: apiKeyRequest.spec }], limit: 500 } };
      return { body: { authentication_documents: [documentRequest, documentRequest], limit: 500 } };
    });
    const client = newClient();
    const collect = async <T>(iterator: AsyncIterable<T>) => {
      const out: T[] = [];
      for await (const item of iterator) out.push(item);
      return out;
    };
    expect(await collect(client.iterateTokens({ sub: USER }))).toHaveLength(100);
    expect(await collect(client.iterateApiKeys({ user_id: USER }))).toHaveLength(1);
    expect(await collect(client.iterateAuthenticationDocuments({ limit: 2 }))).toHaveLength(2);
    expect(server.requests.map((r) => [r.path, queryOf(r)])).toEqual([
      ["/v1/tokens", { limit: "100", sub: USER }],
      ["/v1/api_keys", { limit: "500", user_id: USER }],
      ["/v1/authentication_documents", { limit: "2" }],
    ]);
  });

  it("iterators validate their query before the first request", async () => {
    const iterator = newClient().iterateTokens({ limit: 500 });
    await expect(iterator.next()).rejects.toThrow(/query.limit: must be an integer from 1 to 100/);
    expect(server.requests).toHaveLength(0);
  });
});

describe("secrets stay secret", () => {
  const forms = (error: ApiError) => [error.message, String(error), JSON.stringify(error), inspect(error, { depth: 10 }), error.stack ?? "", JSON.stringify(error.body), JSON.stringify(error.headers)];

  it("the static token, a provider's token and the call's tokens never appear in an error", async () => {
    const echo = (request: RecordedRequest) => ({
      status: 400,
      headers: { "x-echo": `${request.headers.authorization ?? ""} ${request.rawBody}` },
      body: { error_message: `echo ${request.headers.authorization ?? ""} ${request.rawBody}`, detail: `${request.headers.authorization ?? ""}|${request.rawBody}` },
    });
    server.setHandler(echo);
    const staticError = (await failure(newClient().getSession("test-session-1"))) as ApiError;
    const providerError = (await failure(createAgilicusClient({ accessToken: async () => "test-provider-token-9", baseUrl: server.url }).listTokens())) as ApiError;
    const reissueError = (await failure(newClient().createReissuedToken({ token: INTROSPECTED, org_id: ORG }))) as ApiError;
    const assertionError = (await failure(newClient().validateIdentityAssertion({ authentication_document_id: "test-doc-1", token: "test-assertion-secret-1" }))) as ApiError;
    const apiKeyError = (await failure(newClient().createApiKeyIntrospection({ api_key_auth_info: { key: API_KEY_SECRET, username: "test@example.test" } }))) as ApiError;
    for (const form of forms(staticError)) expect(form).not.toContain(TOKEN);
    for (const form of forms(providerError)) expect(form).not.toContain("test-provider-token-9");
    for (const form of forms(reissueError)) expect(form).not.toContain(INTROSPECTED);
    for (const form of forms(assertionError)) expect(form).not.toContain("test-assertion-secret-1");
    for (const form of forms(apiKeyError)) expect(form).not.toContain(API_KEY_SECRET);
    expect(JSON.stringify(staticError.body)).toContain("[REDACTED]");
  });

  it("secrets the API returns (API keys, tokens, private keys) are redacted from later errors", async () => {
    const client = newClient();
    server.setHandler(() => ({ status: 201, body: { ...apiKeyRequest, status: { api_key: API_KEY_SECRET, token_id: "test-jti-1" } } }));
    await client.createApiKey(apiKeyRequest);
    server.setHandler(() => ({ status: 201, body: { token: RAW_TOKEN } }));
    await client.createToken({ sub: USER, org: ORG, audiences: [], time_validity: {} });
    server.setHandler(() => ({ status: 201, body: { ...documentRequest, status: { key: PEM_KEY } } }));
    await client.createAuthenticationDocument(documentRequest);
    server.setHandler(() => ({ status: 500, body: { error_message: `leaked ${API_KEY_SECRET} ${RAW_TOKEN} ${PEM_KEY}` } }));
    const error = (await failure(client.listApiKeys())) as ApiError;
    for (const form of forms(error)) {
      expect(form).not.toContain(API_KEY_SECRET);
      expect(form).not.toContain(RAW_TOKEN);
      expect(form).not.toContain(PEM_KEY);
    }
  });

  it("the client itself serialises without the token", () => {
    const client = newClient();
    for (const form of [JSON.stringify(client), inspect(client, { depth: 10 }), String(Object.keys(client))]) expect(form).not.toContain(TOKEN);
    expect(JSON.parse(JSON.stringify(client))).toEqual({ vendor: "agilicus", baseUrl: server.url, auth: "accessToken" });
  });

  it("a ValidationError names the field but never echoes the value", async () => {
    const longSecret = "test-secret-".padEnd(41, "x");
    const error = (await failure(newClient().createBulkRevokeTokenTask({ user_id: longSecret }))) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.field).toBe("body.user_id");
    expect(JSON.stringify(error) + String(error) + inspect(error)).not.toContain(longSecret);
  });
});

describe("types as precise as the runtime", () => {
  it("an optional-with-default field of the spec is optional in the request types (exclude_roles, default false)", () => {
    expectTypeOf<TokenIntrospectOptions>().toEqualTypeOf<{ exclude_roles?: boolean }>();
    const body: TokenIntrospect = { token: INTROSPECTED, introspect_options: {} };
    expect(body.introspect_options).toEqual({});
  });
});
