// Contract test: every operation, through both the generated typescript-fetch SDK and the helper
// client, goes to a mock server that validates each request against specs/bluejeans.yaml and
// answers from the spec (its responses are validated too). Any violation fails the test.
//
// The `access_token` apiKey-in-query scheme of the secured operations is checked by the mock's
// security handler, not as a declared query parameter.
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from "vitest";
import { startSpecMockServer, type SpecMockServer } from "@vendor-auth/testing";
import specDocument from "../src/generated/spec.gen.js";
import { AuthenticationApi, Configuration, createSdkConfiguration, type GrantClient } from "../src/generated/sdk.gen.js";
import { AuthenticationError, createBlueJeansClient, operations } from "../src/index.js";
import { APP_TOKEN, AUTH_CODE, CLIENT_ID, CLIENT_SECRET, MEETING_ID, PASSCODE, PASSWORD, REDIRECT_URI, USERNAME, USER_ID, grantClient, refreshToken } from "./fixtures.js";

type Operation = { security?: Array<Record<string, unknown>>; parameters?: unknown[] };
type Spec = { security?: Array<Record<string, unknown>>; paths: Record<string, Record<string, Operation>> };

/** The operations that require the `access_token` query scheme (an optional `{}` alternative does not count). */
const securedOperations = (spec: Spec) =>
  Object.values(spec.paths).flatMap((item) =>
    Object.values(item).filter((operation) => {
      const security = typeof operation === "object" ? (operation.security ?? spec.security ?? []) : [];
      return security.length > 0 && security.every((s) => "access_token" in s);
    }),
  );

let mock: SpecMockServer;
let realMock: SpecMockServer;
beforeAll(async () => {
  mock = await startSpecMockServer(specDocument);
  realMock = await startSpecMockServer(specDocument);
});
afterAll(async () => {
  await mock.close();
  await realMock.close();
});
beforeEach(() => {
  for (const server of [mock, realMock]) {
    server.clearLog();
  }
});

// Note: mock.override() lasts for the rest of the file (a spec mock has no reset), so tests that
// override an operation come after the ones that need the spec's own mock responses.
const allOperations = Object.keys(operations).sort();
const hit = (server: SpecMockServer = mock) => [...new Set(server.requests.map((r) => r.operationId))].sort();
const credentials = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
const application = { appName: "Test App", description: "test app", appLogoUrl: "https://app.example.test/logo.png", redirectUrls: [REDIRECT_URI] };

describe("generated SDK against the spec", () => {
  it("sends every operation as the spec describes and decodes the spec's responses", async () => {
    const sdk = new AuthenticationApi(new Configuration({ basePath: mock.url, apiKey: APP_TOKEN }));
    await sdk.getToken({ grantRequest: { grantType: "password", username: USERNAME, password: PASSWORD } });
    await sdk.getToken({ grantRequest: { grantType: "meeting_passcode", meetingNumericId: MEETING_ID, meetingPasscode: PASSCODE } });
    await sdk.getToken({ grantRequest: { grantType: "client_credentials", ...credentials } });
    await sdk.getToken({ grantRequest: { grantType: "authorization_code", ...credentials, redirectUri: REDIRECT_URI, code: AUTH_CODE } });
    await sdk.getToken({ grantRequest: { grantType: "refresh_token", ...credentials, refreshToken: refreshToken(1) } });
    await sdk.revokeAccessToken({ accessToken: APP_TOKEN, grantRequestRevoke: credentials });
    expect(typeof (await sdk.getTokenInfo())).toBe("object");
    await sdk.getAuthorizationCode({ clientId: CLIENT_ID, redirectUri: REDIRECT_URI, state: "test-state", scope: "user_info", responseType: "code" });
    await sdk.createClientApplication({ userId: USER_ID, application });
    await sdk.updateClientApplication({ userId: USER_ID, clientId: "test-app-id", application });
    await sdk.regenerateClientApplicationSecret({ userId: USER_ID, clientId: "test-app-id" });
    expect(mock.violations).toEqual([]);
    expect(hit()).toEqual(allOperations);
    expect(mock.requests.filter((r) => r.operationId === "getToken").map((r) => (r.body as { grant_type: string }).grant_type)).toEqual([
      "password",
      "meeting_passcode",
      "client_credentials",
      "authorization_code",
      "refresh_token",
    ]);
  });

  it("the seed methods of ./sdk (x-seed-operations) send their grant_type and decode their own model, keeping what the flattened union drops", async () => {
    mock.override("getToken", { body: grantClient(1) });
    const sdk = new AuthenticationApi(new Configuration({ basePath: mock.url }));
    const token = await sdk.getTokenByClient({ ...credentials });
    expectTypeOf(token).toEqualTypeOf<GrantClient>();
    expect(token.scope?.enterprise).toBe(42);
    expect(mock.requests.at(-1)?.body).toMatchObject({ grant_type: "client_credentials" });
    expect(mock.violations).toEqual([]);
  });

  it("createSdkConfiguration: the SDK on core's transport (typed errors, redaction, no ResponseError)", async () => {
    mock.override("getToken", { status: 401, body: { message: `bad ${CLIENT_SECRET}` } });
    const sdk = new AuthenticationApi(createSdkConfiguration({ baseUrl: mock.url, secrets: [CLIENT_SECRET] }));
    const error = await sdk.getTokenByClient({ ...credentials }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(String(error)).not.toContain(CLIENT_SECRET);
    mock.override("getToken", { body: grantClient(1) });
  });
});

describe("helper client against the spec", () => {
  it("sends every operation as the spec describes and returns the spec's responses", async () => {
    const client = createBlueJeansClient({ ...credentials, accessToken: APP_TOKEN, baseUrl: mock.url });
    await client.getTokenByPassword({ username: USERNAME, password: PASSWORD });
    await client.getTokenByMeeting({ meetingNumericId: MEETING_ID, meetingPasscode: PASSCODE });
    await client.getTokenByClient();
    await client.getTokenByCode({ code: AUTH_CODE, redirectUri: REDIRECT_URI });
    await client.getTokenByRefresh({ refresh_token: refreshToken(1) });
    await client.getToken({ grant_type: "client_credentials" });
    await client.getTokenInfo();
    await client.revokeAccessToken(APP_TOKEN);
    await client.createClientApplication(USER_ID, application);
    await client.updateClientApplication(USER_ID, "test-app-id", application);
    await client.regenerateClientApplicationSecret(USER_ID, "test-app-id");
    // The authorize URL is for a browser; opening it against the mock proves its query matches the spec.
    const url = client.getAuthorizationCode({ redirectUri: REDIRECT_URI, state: "test-state", scope: ["list_meetings", "user_info"], baseUrl: mock.url });
    expect((await fetch(url)).status).toBe(200);
    expect(mock.violations).toEqual([]);
    expect(hit()).toEqual(allOperations);
  });

  it("a session against the spec: token, revoke, and the spec's access_token scheme on a secured call", async () => {
    mock.override("getToken", { body: grantClient(1) });
    const client = createBlueJeansClient({ ...credentials, baseUrl: mock.url });
    const session = client.createSession({ grant_type: "client_credentials" });
    const api = createBlueJeansClient({ baseUrl: mock.url, accessToken: session.getAccessToken });
    expect(await api.getTokenInfo()).toBeTypeOf("object");
    const response = await session.authorizedFetch("/oauth2/tokenInfo");
    expect(response.status).toBe(200);
    await session.revoke();
    expect(mock.violations).toEqual([]);
    expect(mock.requests.map((r) => r.operationId)).toEqual(["getToken", "getTokenInfo", "getTokenInfo", "revokeAccessToken"]);
  });

  it("the spec's documented 401 and `default` responses reach the caller as typed errors", async () => {
    mock.override("getToken", { status: 401 });
    mock.override("revokeAccessToken", { status: 400 });
    mock.override("getTokenInfo", { status: 500, body: { message: "Internal error" } });
    const client = createBlueJeansClient({ ...credentials, accessToken: APP_TOKEN, baseUrl: mock.url });
    await expect(client.getTokenByCode({ code: AUTH_CODE, redirectUri: REDIRECT_URI })).rejects.toMatchObject({ name: "AuthenticationError", status: 401 });
    await expect(client.revokeAccessToken(APP_TOKEN)).rejects.toMatchObject({ name: "BadRequestError", status: 400 });
    await expect(client.getTokenInfo()).rejects.toMatchObject({ name: "InternalServerError", status: 500, body: { message: "Internal error" } });
    expect(mock.violations).toEqual([]);
  });
});

describe("the mock server really validates", () => {
  it("records a grant body that matches no grant (client grant without client_secret)", async () => {
    const response = await fetch(`${mock.url}/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ grant_type: "client_credentials", client_id: CLIENT_ID }),
    });
    expect(response.status).toBe(400);
    expect(mock.violations).toHaveLength(1);
    expect(mock.violations[0]!.errors.join(" ")).toMatch(/client_secret/);
  });

  it("records a revoke without the access_token query parameter, and a secured call without credentials", async () => {
    await fetch(`${mock.url}/oauth2/token`, { method: "DELETE", headers: { "content-type": "application/json" }, body: JSON.stringify({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET }) });
    await fetch(`${mock.url}/oauth2/tokenInfo`);
    expect(mock.violations.map((v) => [v.operationId, v.kind])).toEqual([
      ["revokeAccessToken", "request"],
      ["getTokenInfo", "unauthorized"],
    ]);
  });

  it("records an authorize URL with a wrong query name (snake_case client_id)", async () => {
    await fetch(`${mock.url}/oauth2/authorize?client_id=${CLIENT_ID}`);
    expect(mock.violations.map((v) => [v.operationId, v.kind])).toEqual([["getAuthorizationCode", "request"]]);
  });
});

describe("the real spec, unmodified", () => {
  it("every operation that needs no access_token passes the mock as it is", async () => {
    const client = createBlueJeansClient({ ...credentials, baseUrl: realMock.url });
    await client.getTokenByPassword({ username: USERNAME, password: PASSWORD });
    await client.getTokenByMeeting({ meetingNumericId: MEETING_ID, meetingPasscode: PASSCODE });
    await client.getTokenByClient();
    await client.getTokenByCode({ code: AUTH_CODE, redirectUri: REDIRECT_URI });
    await client.getTokenByRefresh({ refresh_token: refreshToken(1) });
    await client.revokeAccessToken(APP_TOKEN);
    expect((await fetch(client.getAuthorizationCode({ redirectUri: REDIRECT_URI, state: "test-state", baseUrl: realMock.url }))).status).toBe(200);
    expect(realMock.violations).toEqual([]);
    expect(hit(realMock)).toEqual(["getAuthorizationCode", "getToken", "revokeAccessToken"]);
  });

  it("the secured operations accept the access_token query credential, and flag a call without it", async () => {
    expect(securedOperations(specDocument as unknown as Spec)).toHaveLength(4);
    const client = createBlueJeansClient({ accessToken: APP_TOKEN, baseUrl: realMock.url });
    await client.getTokenInfo();
    await client.regenerateClientApplicationSecret(USER_ID, "test-app-id");
    expect(realMock.violations).toEqual([]);
    await fetch(`${realMock.url}/oauth2/tokenInfo`);
    expect(realMock.violations.map((v) => [v.operationId, v.kind])).toEqual([["getTokenInfo", "unauthorized"]]);
  });
});
