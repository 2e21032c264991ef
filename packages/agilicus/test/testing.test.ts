// The helper client against its own fake (@vendor-auth/agilicus/testing): tokens (create,
// introspect, list filters, revoke → 410, expiry, reissue, bulk revoke), API keys, sessions with
// keyset pagination, authentication documents, bearer auth only where the spec requires it, and
// the fake's spec validation. Time comes from an injected clock.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createManualClock } from "@vendor-auth/testing";
import { createPrivateKey } from "node:crypto";
import { AuthenticationError, GoneError, NotFoundError, createAgilicusClient, createAgilicusServiceAccount, type AgilicusClient, type CreateTokenRequest } from "../src/index.js";
import { DEFAULT_ADMIN_TOKEN, startAgilicusFake, type AgilicusFake } from "../src/testing/index.js";

const clock = createManualClock();
let fake: AgilicusFake;
let client: AgilicusClient;

beforeEach(async () => {
  clock.set(Date.UTC(2030, 0, 1));
  fake = await startAgilicusFake({ now: clock.now });
  client = createAgilicusClient({ accessToken: fake.adminToken, baseUrl: fake.url, maxRetries: 0 });
});
afterEach(async () => {
  expect(fake.violations.filter((v) => v.kind !== "request")).toEqual([]);
  await fake.close();
});

const tokenRequest = (sub: string, extra: Partial<CreateTokenRequest> = {}): CreateTokenRequest => ({
  sub,
  org: "test-org-1",
  audiences: ["test-app"],
  time_validity: { duration: 600 },
  ...extra,
});

describe("the Agilicus fake: tokens", () => {
  it("create, introspect, list, revoke (then introspection is 410 Gone)", async () => {
    expect(fake.adminToken).toBe(DEFAULT_ADMIN_TOKEN);
    const created = await client.createToken(tokenRequest("test-user-2", { roles: { "test-app": "owner" }, scopes: ["urn:agilicus:users"] }));
    expect(created).toMatchObject({ token: expect.stringMatching(/^test-agilicus-token\./), time_validity: { duration: 600 } });

    const introspected = await client.introspectToken(created.token);
    expect(introspected).toMatchObject({ sub: "test-user-2", org: "test-org-1", aud: ["test-app"], roles: { "test-app": ["owner"] }, exp: "2030-01-01T00:10:00.000Z" });
    expect((await client.introspectToken(created.token, { excludeRoles: true })).roles).toBeUndefined();

    expect((await client.listTokens({ sub: "test-user-2" })).tokens).toEqual([expect.objectContaining({ jti: introspected.jti })]);
    await client.createRevokeTokenTask({ token: created.token });
    const gone = await client.introspectToken(created.token).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(GoneError);
    expect((gone as GoneError).message).toContain("Token has been revoked");
    expect((await client.listTokens({ revoked: true })).tokens!.map((t) => t.jti)).toEqual([introspected.jti]);
    expect((await client.listTokens({ revoked: false })).tokens!.map((t) => t.sub)).toEqual(["test-user-1"]);
  });

  it("expiry on the fake's clock: introspection 410, and the token no longer authenticates (401)", async () => {
    const created = await client.createToken(tokenRequest("test-user-2"));
    const own = createAgilicusClient({ accessToken: created.token, baseUrl: fake.url, maxRetries: 0 });
    await expect(own.listTokens()).resolves.toMatchObject({ limit: 100 });
    clock.advance(600_000);
    expect(fake.isActiveToken(created.token)).toBe(false);
    await expect(client.introspectToken(created.token)).rejects.toMatchObject({ status: 410 });
    await expect(own.listTokens()).rejects.toBeInstanceOf(AuthenticationError);
  });

  it("bearer only on the operations that require it; an unknown bearer is a 401", async () => {
    const stranger = createAgilicusClient({ accessToken: "test-unknown-token", baseUrl: fake.url, maxRetries: 0 });
    await expect(stranger.listApiKeys()).rejects.toMatchObject({ name: "AuthenticationError", status: 401 });
    // createIntrospectToken has `security: []`: no Authorization header is sent, and it works.
    await expect(stranger.introspectToken(fake.adminToken)).resolves.toMatchObject({ sub: fake.userId });
    expect(fake.requests.map((r) => [r.operationId, r.headers.authorization === undefined ? "no auth" : "auth", r.status])).toEqual([
      ["listApiKeys", "auth", 401],
      ["createIntrospectToken", "no auth", 200],
    ]);
  });

  it("list filters and limit: sub, org, iat range; iterateTokens yields the one page (no cursor in this API)", async () => {
    for (let i = 0; i < 5; i++) {
      await client.createToken(tokenRequest("test-user-3", { org: i % 2 ? "test-org-2" : "test-org-1" }));
      clock.advance(60_000);
    }
    expect((await client.listTokens({ sub: "test-user-3" })).tokens).toHaveLength(5);
    expect((await client.listTokens({ sub: "test-user-3", org: "test-org-2" })).tokens).toHaveLength(2);
    expect((await client.listTokens({ sub: "test-user-3", limit: 3 })).tokens).toHaveLength(3);
    expect((await client.listTokens({ sub: "test-user-3", iat_from: "2030-01-01T00:02:00Z", iat_to: "2030-01-01T00:03:00Z" })).tokens).toHaveLength(2);
    await expect(client.listTokens({ iat_from: "next tuesday" })).rejects.toMatchObject({ status: 400, body: { error_message: expect.stringContaining("ago") } });
    const all = [];
    for await (const token of client.iterateTokens({ sub: "test-user-3" })) all.push(token);
    expect(all).toHaveLength(5);
  });

  it("list_tokens date filters as dateparser text: relative forms, now/today/yesterday/tomorrow, dates, timestamps", async () => {
    // Tokens issued at 00:00, 01:00, 02:00 (each valid 10 minutes); the clock then stands at 03:00.
    for (let i = 0; i < 3; i++) {
      await client.createToken(tokenRequest("test-user-3"));
      clock.advance(3_600_000);
    }
    const count = async (query: Record<string, string>) => (await client.listTokens({ sub: "test-user-3", ...query })).tokens!.length;
    expect(await count({ iat_from: "2 hours ago" })).toBe(2);
    expect(await count({ iat_from: "an hour ago" })).toBe(1);
    expect(await count({ iat_from: "1 hour 30 minutes ago" })).toBe(1);
    expect(await count({ iat_to: "3 hrs ago" })).toBe(1);
    expect(await count({ exp_to: "now", exp_from: "yesterday" })).toBe(3);
    expect(await count({ exp_from: "in 1 week" })).toBe(0);
    expect(await count({ iat_from: "2030-01-01", iat_to: "tomorrow" })).toBe(3);
    expect(await count({ iat_from: String(Date.UTC(2030, 0, 1, 1) / 1000) })).toBe(2);
    expect(await count({ iat_from: "2030-01-01 01:00:00" })).toBe(2);
    expect(await count({ iat_to: "1 month ago" })).toBe(0);
    for (const text of ["soon", "1 fortnight ago", "in", "ago"]) await expect(client.listTokens({ iat_from: text })).rejects.toMatchObject({ status: 400 });
  });

  it("reissue for another org keeps the expiry; bulk revoke by user", async () => {
    const created = await client.createToken(tokenRequest("test-user-4"));
    const reissued = await client.createReissuedToken({ token: created.token, org_id: "test-org-9" });
    const [a, b] = [await client.introspectToken(created.token), await client.introspectToken(reissued.token)];
    expect(b).toMatchObject({ sub: "test-user-4", org: "test-org-9", exp: a.exp });
    await expect(client.createBulkRevokeTokenTask({ user_id: "test-user-4" })).resolves.toEqual({ number_of_tokens_revoked: 2 });
    await expect(client.createReissuedToken({ token: created.token, org_id: "test-org-9" })).rejects.toMatchObject({ status: 400 });
  });

  it("token validation answers 403 for a scope the user does not hold", async () => {
    const strict = await startAgilicusFake({ grantableScopes: ["urn:agilicus:users"] });
    try {
      const c = createAgilicusClient({ accessToken: strict.adminToken, baseUrl: strict.url });
      await expect(c.createTokenValidation(tokenRequest("u", { scopes: ["urn:agilicus:users", "urn:agilicus:issuers?"] }))).resolves.toMatchObject({ sub: "u" });
      await expect(c.createTokenValidation(tokenRequest("u", { scopes: ["urn:agilicus:issuers"] }))).rejects.toMatchObject({ name: "PermissionDeniedError" });
    } finally {
      await strict.close();
    }
  });
});

describe("the Agilicus fake: API keys, documents, sessions", () => {
  it("API key lifecycle: create (secret once), introspect, get, list, delete → introspection 410, get 404", async () => {
    const created = await client.createApiKey({ spec: { user_id: "test-user-5", org_id: "test-org-1", scopes: ["urn:agilicus:users"] } });
    const key = created.status!.api_key!;
    expect(key).toMatch(/^test-agilicus-api-key-/);
    const id = created.metadata!.id!;
    const introspection = await client.createApiKeyIntrospection({ api_key_auth_info: { key, username: "test-user-5@example.test" } });
    expect(introspection).toMatchObject({ primary_token: { sub: "test-user-5", jti: created.status!.token_id }, sub_org_results: [] });
    expect((await client.getApiKey(id)).status).toEqual({ token_id: created.status!.token_id });
    expect((await client.listApiKeys({ user_id: "test-user-5" })).api_keys).toHaveLength(1);
    expect((await client.listApiKeys({ user_id: "test-user-6" })).api_keys).toHaveLength(0);
    await client.deleteApiKey(id);
    await expect(client.createApiKeyIntrospection({ api_key_auth_info: { key, username: "test-user-5@example.test" } })).rejects.toBeInstanceOf(GoneError);
    await expect(client.getApiKey(id)).rejects.toBeInstanceOf(NotFoundError);
    expect(fake.apiKeys).toEqual([]);
  });

  it("authentication documents: a real P-256 key, once; assertions signed with it are valid until the document is deleted", async () => {
    const created = await client.createAuthenticationDocument({ spec: { user_id: "test-user-7", org_id: "test-org-1", auth_issuer_url: fake.issuerUrl } });
    expect(created.status?.key).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(createPrivateKey(created.status!.key!).asymmetricKeyDetails).toEqual({ namedCurve: "prime256v1" });
    const id = created.metadata!.id!;
    expect((await client.getAuthenticationDocument(id)).status?.key).toBeUndefined();
    const account = createAgilicusServiceAccount({ authenticationDocument: created, now: clock.now });
    const { assertion } = await account.signIdentityAssertion();
    await expect(client.validateIdentityAssertion({ authentication_document_id: id, token: assertion })).resolves.toEqual({ user_id: "test-user-7", org_id: "test-org-1", email: "test-user-7@example.test" });
    expect((await client.listAuthenticationDocuments()).authentication_documents).toHaveLength(1);
    await client.deleteAuthenticationDocument(id);
    await expect(client.validateIdentityAssertion({ authentication_document_id: id, token: assertion })).rejects.toMatchObject({ name: "BadRequestError", body: { error_message: expect.stringContaining("does not exist") } });
  });

  it("identity assertions: another key's signature, other claims, an expired assertion or document are refused (400, with the reason)", async () => {
    const spec = { user_id: "test-user-7", org_id: "test-org-1", auth_issuer_url: fake.issuerUrl };
    const document = await client.createAuthenticationDocument({ spec: { ...spec, expiry: new Date(clock.now() + 7_200_000).toISOString() } });
    const other = await client.createAuthenticationDocument({ spec });
    const id = document.metadata!.id!;
    const validate = (token: string) => client.validateIdentityAssertion({ authentication_document_id: id, token });
    const forged = await createAgilicusServiceAccount({ authenticationDocument: { ...document, status: other.status }, now: clock.now }).signIdentityAssertion();
    await expect(validate(forged.assertion)).rejects.toMatchObject({ status: 400, body: { error_message: expect.stringContaining("signature does not match") } });
    const wrongUser = await createAgilicusServiceAccount({ authenticationDocument: { ...document, spec: { ...spec, user_id: "test-user-8" } }, now: clock.now }).signIdentityAssertion();
    await expect(validate(wrongUser.assertion)).rejects.toMatchObject({ body: { error_message: expect.stringContaining("user_id and org_id") } });
    await expect(validate("test-not-a-jwt")).rejects.toMatchObject({ body: { error_message: expect.stringContaining("not a JWT") } });
    const short = createAgilicusServiceAccount({ authenticationDocument: document, assertionLifetimeSeconds: 60, now: clock.now });
    const { assertion } = await short.signIdentityAssertion();
    clock.advance(60_000);
    await expect(validate(assertion)).rejects.toMatchObject({ body: { error_message: expect.stringContaining("assertion has expired") } });
    clock.advance(7_200_000);
    await expect(validate((await createAgilicusServiceAccount({ authenticationDocument: { ...document, spec: { ...spec } }, now: clock.now }).signIdentityAssertion()).assertion)).rejects.toMatchObject({
      body: { error_message: expect.stringContaining("document has expired") },
    });
  });

  it("dates as the service reads them: no offset is UTC (the vendor CLI's utcnow()), a space for the T; answered as RFC 3339", async () => {
    const key = await client.http.POST("/v1/api_keys", { body: { spec: { user_id: "test-user-5", org_id: "test-org-1", expiry: "2030-01-01T02:00:00.123456" } }, headers: { Authorization: `Bearer ${fake.adminToken}` } });
    expect(key.response.status).toBe(201);
    expect(key.data?.spec.expiry).toBe("2030-01-01T02:00:00.123Z");
    const introspected = await client.introspectToken(fake.tokens.find((t) => t.jti === key.data!.status!.token_id)!.token);
    expect(introspected.exp).toBe("2030-01-01T02:00:00.123Z");
    const document = await client.http.POST("/v1/authentication_documents", { body: { spec: { user_id: "test-user-5", org_id: "test-org-1", expiry: "2030-01-02 00:00:00+01:00" } }, headers: { Authorization: `Bearer ${fake.adminToken}` } });
    expect(document.data?.spec.expiry).toBe("2030-01-01T23:00:00.000Z");
    const bad = await client.http.POST("/v1/api_keys", { body: { spec: { user_id: "test-user-5", org_id: "test-org-1", expiry: "2030-02-30T00:00:00" } }, headers: { Authorization: `Bearer ${fake.adminToken}` } });
    expect(bad.response.status).toBe(400);
    expect(fake.violations.map((v) => v.kind)).toEqual(["request"]);
  });

  it("sessions: keyset pagination with previous_created_time / previous_user_id, filters, bulk revoke", async () => {
    for (let i = 0; i < 7; i++) await client.createSession({ spec: { user_id: `test-user-${i % 2 ? "odd" : "even"}`, org_id: "test-org-1" } });
    const seen = [];
    for await (const session of client.iterateSessions({ limit: 3 })) seen.push(session);
    expect(seen).toHaveLength(7);
    expect(new Set(seen.map((s) => s.metadata!.id)).size).toBe(7);
    const pages = fake.requests.filter((r) => r.operationId === "listSessions");
    expect(pages).toHaveLength(3);
    expect(pages[1]!.query.get("previous_created_time")).toBe(seen[3]!.metadata!.created);
    expect(pages[1]!.query.get("previous_user_id")).toBe(seen[3]!.spec.user_id);

    const first = await client.listSessions({ limit: 3 });
    expect(first).toMatchObject({ limit: 3, next_created_time: seen[3]!.metadata!.created });
    expect((await client.listSessions({ user_id: "test-user-odd" })).sessions).toHaveLength(3);

    await expect(client.createBulkRevokeSessionTask({ user_id: "test-user-odd" })).resolves.toEqual({ number_of_sessions_modified: 3 });
    expect((await client.listSessions({ revoked: true })).sessions).toHaveLength(3);
    await client.deleteSession(seen[0]!.metadata!.id!);
    await expect(client.getSession(seen[0]!.metadata!.id!)).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.createBulkDeleteSessionTask({ user_id: "test-user-even" })).resolves.toEqual({ number_of_sessions_modified: 3 });
    expect(fake.sessions).toHaveLength(3);
  });

  it("revoke with all_sessions revokes the token's session and its other tokens", async () => {
    const session = await client.createSession({ spec: { user_id: "test-user-8", org_id: "test-org-1" } });
    const a = await client.createToken(tokenRequest("test-user-8", { session: session.metadata!.id! }));
    const b = await client.createToken(tokenRequest("test-user-8", { session: session.metadata!.id! }));
    await client.createRevokeTokenTask({ token: a.token, all_sessions: true });
    await expect(client.introspectToken(b.token)).rejects.toMatchObject({ status: 410 });
    expect((await client.getSession(session.metadata!.id!)).spec.revoked).toBe(true);
  });

  it("rejects a request that breaks the spec with 400 and records it", async () => {
    const { response, error } = await client.http.GET("/v1/tokens", { params: { query: { limit: 500 } }, headers: { Authorization: `Bearer ${fake.adminToken}` } });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ error_code: "400", error_message: expect.stringContaining("limit") });
    expect(fake.violations).toEqual([expect.objectContaining({ kind: "request", operationId: "listTokens" })]);
  });
});
