// Contract test: every operation, through both the generated typescript-fetch SDK and the helper
// client, goes to a mock server that validates each request (parameters, body, bearer auth)
// against specs/agilicus.yaml and answers from the spec (its responses are validated too). Any
// violation fails the test. Also checks the helper's hand-copied operation facts against the spec.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSpecMockServer, type SpecMockServer } from "@vendor-auth/testing";
import specDocument from "../src/generated/spec.gen.js";
import { Configuration, TokensApi } from "../src/generated/sdk/index.js";
import { createAgilicusClient, operations, type OperationId } from "../src/index.js";
import { API_KEY_SECRET, ASSERTION, INTROSPECTED, OPERATION_CASES, ORG, RAW_TOKEN, TOKEN, USER, createTokenRequest, documentRequest, sessionRequest } from "./fixtures.js";
import { specOperations } from "./spec.js";

let mock: SpecMockServer;
beforeAll(async () => {
  mock = await startSpecMockServer(specDocument);
});
afterAll(() => mock.close());
beforeEach(() => {
  mock.clearLog();
});

const NO_CONTENT = ["deleteApiKey", "deleteAuthenticationDocument", "deleteSession", "createRevokeTokenTask"];

const allOperations = Object.keys(operations).sort();
const hit = () => [...new Set(mock.requests.map((r) => r.operationId))].sort();

describe("generated SDK against the spec", () => {
  it("sends every operation as the spec describes and decodes the spec's responses", async () => {
    const sdk = new TokensApi(new Configuration({ basePath: mock.url, accessToken: TOKEN }));
    const ids = { userId: USER, orgId: ORG };
    await sdk.listApiKeys({ limit: 500, ...ids });
    await sdk.createApiKey({ aPIKey: { spec: { userId: USER, orgId: ORG, scopes: ["urn:agilicus:users?"] } } });
    await sdk.createApiKeyIntrospection({ aPIKeyIntrospect: { apiKeyAuthInfo: { key: API_KEY_SECRET, username: "test@example.test" } } });
    await sdk.getApiKey({ apiKeyId: "test-key-1", ...ids });
    await sdk.deleteApiKey({ apiKeyId: "test-key-1" });
    await sdk.listAuthenticationDocuments({ limit: 1 });
    await sdk.createAuthenticationDocument({ authenticationDocument: { spec: { userId: USER, orgId: ORG } } });
    await sdk.getAuthenticationDocument({ documentId: "test-doc-1" });
    await sdk.deleteAuthenticationDocument({ documentId: "test-doc-1", ...ids });
    await sdk.validateIdentityAssertion({ identityAssertion: { authenticationDocumentId: "test-doc-1", token: ASSERTION } });
    await sdk.listSessions({ limit: 2, revoked: false, createdTime: new Date("2021-03-23T10:00:00Z"), previousCreatedTime: new Date("2021-03-23T11:00:00Z"), previousUserId: "abc123iamanid", ...ids });
    await sdk.createSession({ session: { spec: { userId: USER, orgId: ORG } } });
    await sdk.createBulkDeleteSessionTask({ userSessionIdentifiers: { userId: USER } });
    await sdk.createBulkRevokeSessionTask({ userSessionIdentifiers: { userId: USER, orgId: ORG } });
    await sdk.createSessionAndToken({ createSessionAndTokenResponse: { token: { token: RAW_TOKEN }, session: { spec: { userId: USER, orgId: ORG } } } });
    await sdk.getSession({ sessionId: "test-session-1" });
    await sdk.replaceSession({ sessionId: "test-session-1", session: { spec: { userId: USER, orgId: ORG, revoked: true } } });
    await sdk.deleteSession({ sessionId: "test-session-1" });
    await sdk.listTokens({ limit: 100, sub: USER, expFrom: "yesterday", revoked: false, session: "test-session-1" });
    const sdkTokenRequest = { sub: USER, org: ORG, audiences: ["test-audience"], timeValidity: { duration: 60 } };
    await sdk.createToken({ createTokenRequest: sdkTokenRequest });
    await sdk.createBulkRevokeTokenTask({ bulkTokenRevoke: { userId: USER, sessionId: "test-session-1" } });
    await sdk.createIntrospectToken({ tokenIntrospect: { token: INTROSPECTED, introspectOptions: { excludeRoles: true } } });
    await sdk.createIntrospectTokenAllSubOrgs({ tokenIntrospect: { token: INTROSPECTED } });
    await sdk.createReissuedToken({ tokenReissueRequest: { token: INTROSPECTED, orgId: ORG } });
    await sdk.createRevokeTokenTask({ tokenRevoke: { token: INTROSPECTED, allSessions: false } });
    await sdk.createTokenValidation({ createTokenRequest: sdkTokenRequest });
    expect(mock.violations).toEqual([]);
    expect(hit()).toEqual(allOperations);
  });
});

describe("helper client against the spec", () => {
  it("sends every operation as the spec describes and returns the spec's responses", async () => {
    const client = createAgilicusClient({ accessToken: TOKEN, baseUrl: mock.url });
    for (const operationId of allOperations as OperationId[]) await OPERATION_CASES[operationId].invoke(client);
    expect(mock.violations).toEqual([]);
    expect(hit()).toEqual(allOperations);
  });

  it("the nicer shapes and the iterators send spec-valid requests too", async () => {
    const client = createAgilicusClient({ accessToken: async () => TOKEN, baseUrl: mock.url });
    expect(typeof (await client.introspectToken(INTROSPECTED, { excludeRoles: true }))).toBe("object");
    for await (const _ of client.iterateSessions({ org_id: ORG, created_time: new Date(0) }, { maxPages: 3 })) void _;
    for await (const _ of client.iterateTokens({ revoked: false })) void _;
    for await (const _ of client.iterateApiKeys()) void _;
    for await (const _ of client.iterateAuthenticationDocuments({ user_id: USER })) void _;
    await client.createTokenValidation(createTokenRequest);
    await client.createAuthenticationDocument(documentRequest);
    await client.replaceSession("test-session-1", sessionRequest);
    expect(mock.violations).toEqual([]);
    const limits = mock.requests.filter((r) => r.method === "GET").map((r) => [r.operationId, r.query.get("limit")]);
    expect(limits).toContainEqual(["listTokens", "100"]);
    expect(limits).toContainEqual(["listApiKeys", "500"]);
    expect(limits).toContainEqual(["listSessions", "500"]);
  });

  it("the spec's documented 410 reaches the caller as GoneError", async () => {
    mock.override("createIntrospectToken", { status: 410 });
    const client = createAgilicusClient({ accessToken: TOKEN, baseUrl: mock.url });
    await expect(client.introspectToken(INTROSPECTED)).rejects.toMatchObject({ name: "GoneError", status: 410, operation: "createIntrospectToken" });
    expect(mock.violations).toEqual([]);
  });
});

describe("the helper's operation facts match the spec", () => {
  it("the four no-content operations are exactly the spec's bodiless 2xx ones", () => {
    const bodiless = specOperations.filter((op) => Object.entries(op.responses).some(([status, r]) => status.startsWith("2") && r.content === undefined));
    expect(bodiless.map((op) => op.operationId).sort()).toEqual([...NO_CONTENT].sort());
  });

  it("the API's own default of each list's limit is its maximum (the iterators ask for the largest page)", () => {
    for (const op of specOperations) for (const p of op.parameters.filter((x) => x.name === "limit")) expect(p.schema.default).toBe(p.schema.maximum);
  });
});

describe("the mock server really validates", () => {
  it("records an authenticated operation sent without a bearer token", async () => {
    await fetch(`${mock.url}/v1/sessions`);
    expect(mock.violations.map((v) => [v.kind, v.operationId])).toEqual([["unauthorized", "listSessions"]]);
  });

  it("records a body that breaks the spec (user_id longer than 40)", async () => {
    const response = await fetch(`${mock.url}/v1/tokens/bulk_revoke`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ user_id: "u".repeat(41) }),
    });
    expect(response.status).toBe(400);
    expect(mock.violations).toHaveLength(1);
    expect(mock.violations[0]!.errors.join(" ")).toMatch(/user_id/);
  });

  it("records a limit above the operation's maximum", async () => {
    await fetch(`${mock.url}/v1/tokens?limit=101`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(mock.violations.map((v) => v.kind)).toEqual(["request"]);
  });
});
