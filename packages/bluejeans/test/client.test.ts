// The helper client against a real HTTP server on 127.0.0.1: exact wire format of every operation,
// typed results per grant, typed errors for every documented status, validation before any
// request, the authorize URL, and secret redaction. Sessions are in session.test.ts.
import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import createClient from "openapi-fetch";
import { describe, expect, expectTypeOf, it } from "vitest";
import { parse } from "yaml";
import { startLoopbackServer, type RecordedRequest } from "@vendor-auth/testing";
import { useLoopbackServer } from "@vendor-auth/testing/suite";
import {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  GoneError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseParseError,
  TimeoutError,
  UnprocessableEntityError,
  ValidationError,
  VendorAuthError,
  buildAuthorizationUrl,
  createBlueJeansClient,
  parseAuthorizationCallback,
  type Application,
  type ApplicationSecret,
  type BlueJeansClient,
  type GrantClient,
  type GrantCode,
  type GrantMeeting,
  type GrantPassword,
  type GrantRefresh,
  type GrantResponse,
  type TokenInfo,
} from "../src/index.js";
import {
  APP_TOKEN,
  AUTH_CODE,
  CLIENT_ID,
  CLIENT_SECRET,
  MEETING_ID,
  PASSCODE,
  PASSWORD,
  REDIRECT_URI,
  USERNAME,
  USER_ID,
  accessToken,
  errorBody,
  grantClient,
  grantCode,
  grantMeeting,
  grantPassword,
  grantRefresh,
  refreshToken,
} from "./fixtures.js";

const server = useLoopbackServer();

const newClient = (extra: Parameters<typeof createBlueJeansClient>[0] = {}) =>
  createBlueJeansClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, accessToken: APP_TOKEN, baseUrl: server.url, retry: { initialDelayMs: 1, maxDelayMs: 2 }, ...extra });

const only = (): RecordedRequest => {
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
};
const queryOf = (request: RecordedRequest) => [...request.query.entries()];

/** Asserts the shape every grant request shares: POST /oauth2/token, JSON, no credentials outside the body. */
const expectTokenRequest = (request: RecordedRequest, body: unknown) => {
  expect(request.method).toBe("POST");
  expect(request.path).toBe("/oauth2/token");
  expect(queryOf(request)).toEqual([]);
  expect(request.headers["content-type"]).toBe("application/json");
  expect(request.headers.authorization).toBeUndefined();
  expect(request.json).toEqual(body);
  // grant_type comes first, exactly as the spec's models list it.
  expect(Object.keys(JSON.parse(request.rawBody) as object)[0]).toBe("grant_type");
};

describe("the five grants: one POST /oauth2/token, each with its grant_type and its own response model", () => {
  it("getTokenByPassword sends grant_type password with username/password and returns GrantPassword", async () => {
    server.setHandler(() => ({ body: grantPassword() }));
    const result = await newClient().getTokenByPassword({ username: USERNAME, password: PASSWORD });
    expectTypeOf(result).toEqualTypeOf<GrantPassword & { access_token: string }>();
    expectTypeOf(result.access_token).toEqualTypeOf<string>();
    expect(result).toEqual(grantPassword());
    expectTokenRequest(only(), { grant_type: "password", username: USERNAME, password: PASSWORD });
  });

  it("getTokenByMeeting sends grant_type meeting_passcode with meetingNumericId/meetingPasscode and returns GrantMeeting", async () => {
    server.setHandler(() => ({ body: grantMeeting() }));
    const result = await newClient().getTokenByMeeting({ meetingNumericId: MEETING_ID, meetingPasscode: PASSCODE });
    expectTypeOf(result).toEqualTypeOf<GrantMeeting & { access_token: string }>();
    expectTypeOf(result.access_token).toEqualTypeOf<string>();
    expect(result.scope?.meeting?.isModerator).toBe(true);
    expect(result).toEqual(grantMeeting());
    expectTokenRequest(only(), { grant_type: "meeting_passcode", meetingNumericId: MEETING_ID, meetingPasscode: PASSCODE });
  });

  it("getTokenByMeeting accepts an empty passcode (a meeting without one)", async () => {
    server.setHandler(() => ({ body: grantMeeting() }));
    await newClient().getTokenByMeeting({ meetingNumericId: MEETING_ID, meetingPasscode: "" });
    expect(only().json).toEqual({ grant_type: "meeting_passcode", meetingNumericId: MEETING_ID, meetingPasscode: "" });
  });

  it("getTokenByClient sends grant_type client_credentials with the options' credentials and returns GrantClient", async () => {
    server.setHandler(() => ({ body: grantClient() }));
    const result = await newClient().getTokenByClient();
    expectTypeOf(result).toEqualTypeOf<GrantClient & { access_token: string }>();
    expectTypeOf(result.access_token).toEqualTypeOf<string>();
    expect(result.scope?.enterprise).toBe(42);
    expectTokenRequest(only(), { grant_type: "client_credentials", client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
  });

  it("getTokenByClient prefers the request's own client_id/client_secret", async () => {
    server.setHandler(() => ({ body: grantClient() }));
    await newClient().getTokenByClient({ client_id: "test-other-client", client_secret: "test-other-secret" });
    expect(only().json).toEqual({ grant_type: "client_credentials", client_id: "test-other-client", client_secret: "test-other-secret" });
  });

  it("getTokenByCode sends grant_type authorization_code with the credentials, redirectUri (camelCase) and code; returns GrantCode", async () => {
    server.setHandler(() => ({ body: grantCode() }));
    const result = await newClient().getTokenByCode({ code: AUTH_CODE, redirectUri: REDIRECT_URI });
    expectTypeOf(result).toEqualTypeOf<GrantCode & { access_token: string }>();
    expectTypeOf(result.access_token).toEqualTypeOf<string>();
    expect(result.scope?.bearerPermissions).toBe("list_meetings,user_info");
    expectTokenRequest(only(), { grant_type: "authorization_code", client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirectUri: REDIRECT_URI, code: AUTH_CODE });
  });

  it("getTokenByRefresh sends grant_type refresh_token with the credentials and refresh_token; returns GrantRefresh", async () => {
    server.setHandler(() => ({ body: grantRefresh(2) }));
    const result = await newClient().getTokenByRefresh({ refresh_token: refreshToken(1) });
    expectTypeOf(result).toEqualTypeOf<GrantRefresh & { access_token: string }>();
    expectTypeOf(result.access_token).toEqualTypeOf<string>();
    expect(result).toEqual(grantRefresh(2));
    expectTokenRequest(only(), { grant_type: "refresh_token", client_id: CLIENT_ID, client_secret: CLIENT_SECRET, refresh_token: refreshToken(1) });
  });

  it("getToken takes any grant and types the result by its grant_type", async () => {
    server.setHandler(() => ({ body: grantMeeting() }));
    const client = newClient();
    const meeting = await client.getToken({ grant_type: "meeting_passcode", meetingNumericId: MEETING_ID, meetingPasscode: PASSCODE });
    expectTypeOf(meeting).toEqualTypeOf<GrantMeeting & { access_token: string }>();
    expectTypeOf(meeting.access_token).toEqualTypeOf<string>();
    const viaClient = client.getToken({ grant_type: "client_credentials" });
    expectTypeOf(viaClient).resolves.toEqualTypeOf<GrantClient & { access_token: string }>();
    await viaClient;
    expectTypeOf<GrantResponse>().not.toEqualTypeOf<GrantMeeting>();
    expect(server.requests.map((r) => (r.json as { grant_type: string }).grant_type)).toEqual(["meeting_passcode", "client_credentials"]);
  });

  it("sends only the spec's fields, whatever else the caller's object carries", async () => {
    server.setHandler(() => ({ body: grantPassword() }));
    const input = { username: USERNAME, password: PASSWORD, grant_type: "client_credentials", extra: "x" };
    await newClient().getTokenByPassword(input as unknown as { username: string; password: string });
    expect(only().json).toEqual({ grant_type: "password", username: USERNAME, password: PASSWORD });
  });

  it("sends the configured extra headers", async () => {
    server.setHandler(() => ({ body: grantClient() }));
    await newClient({ headers: { "x-trace-id": "abc" } }).getTokenByClient();
    expect(only().headers["x-trace-id"]).toBe("abc");
  });
});

describe("token info and revoke", () => {
  it("getTokenInfo: GET /oauth2/tokenInfo with the client's token as the access_token query parameter", async () => {
    server.setHandler(() => ({ body: { user: USER_ID } }));
    const info = await newClient().getTokenInfo();
    expectTypeOf(info).toEqualTypeOf<TokenInfo>();
    expect(info).toEqual({ user: USER_ID });
    const request = only();
    expect([request.method, request.path, queryOf(request)]).toEqual(["GET", "/oauth2/tokenInfo", [["access_token", APP_TOKEN]]]);
    expect(request.headers.authorization).toBeUndefined();
    expect(request.rawBody).toBe("");
  });

  it("getTokenInfo: a per-call accessToken wins; a token function is asked on each call", async () => {
    server.setHandler(() => ({ body: { user: USER_ID } }));
    await newClient().getTokenInfo({ accessToken: accessToken(5) });
    let n = 0;
    const client = newClient({ accessToken: async () => accessToken(++n) });
    await client.getTokenInfo();
    await client.getTokenInfo();
    expect(server.requests.map((r) => r.query.get("access_token"))).toEqual([accessToken(5), accessToken(1), accessToken(2)]);
  });

  it("revokeAccessToken: DELETE /oauth2/token?access_token=<token> with the JSON body { client_id, client_secret }; 204 resolves with nothing", async () => {
    server.setHandler(() => ({ status: 204 }));
    const result = await newClient().revokeAccessToken(accessToken(3));
    expect(result).toBeUndefined();
    const request = only();
    expect(request.method).toBe("DELETE");
    expect(request.path).toBe("/oauth2/token");
    expect(queryOf(request)).toEqual([["access_token", accessToken(3)]]);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers.authorization).toBeUndefined();
    expect(request.json).toEqual({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
  });

  it("revokeAccessToken: the request's own credentials win over the options", async () => {
    server.setHandler(() => ({ status: 204 }));
    await newClient().revokeAccessToken(accessToken(3), { client_id: "test-app-client", client_secret: "test-app-secret" });
    expect(only().json).toEqual({ client_id: "test-app-client", client_secret: "test-app-secret" });
  });
});

describe("developer client applications", () => {
  const application = { appName: "Test App", description: "test app", appLogoUrl: "https://app.example.test/logo.png", redirectUrls: [REDIRECT_URI] };
  const created = { ...application, clientId: "test-new-client-id", clientSecret: "test-new-client-secret-0001" };

  it("createClientApplication: POST /v1/user/{user_id}/developer_applications?access_token=…, 201 Application", async () => {
    server.setHandler(() => ({ status: 201, body: created }));
    const result = await newClient().createClientApplication(USER_ID, application);
    expectTypeOf(result).toEqualTypeOf<Application>();
    expect(result).toEqual(created);
    const request = only();
    expect([request.method, request.path, queryOf(request)]).toEqual(["POST", `/v1/user/${USER_ID}/developer_applications`, [["access_token", APP_TOKEN]]]);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.json).toEqual(application);
  });

  it("updateClientApplication: PUT …/developer_applications/{client_id} with client_id percent-encoded; read-only fields are not sent", async () => {
    server.setHandler(() => ({ body: created }));
    const result = await newClient().updateClientApplication(USER_ID, "test app/1?x#y", created, { accessToken: accessToken(8) });
    expectTypeOf(result).toEqualTypeOf<Application>();
    const request = only();
    expect(request.method).toBe("PUT");
    expect(request.path).toBe(`/v1/user/${USER_ID}/developer_applications/test%20app%2F1%3Fx%23y`);
    expect(queryOf(request)).toEqual([["access_token", accessToken(8)]]);
    expect(request.json).toEqual(application);
  });

  it("regenerateClientApplicationSecret: PUT …/{client_id}/secret, no body, ApplicationSecret", async () => {
    const secret = { clientId: "test-new-client-id", clientSecret: "test-new-client-secret-0002" };
    server.setHandler(() => ({ body: secret }));
    const result = await newClient().regenerateClientApplicationSecret(USER_ID, "test-new-client-id");
    expectTypeOf(result).toEqualTypeOf<ApplicationSecret>();
    expect(result).toEqual(secret);
    const request = only();
    expect([request.method, request.path, queryOf(request)]).toEqual(["PUT", `/v1/user/${USER_ID}/developer_applications/test-new-client-id/secret`, [["access_token", APP_TOKEN]]]);
    expect(request.rawBody).toBe("");
  });
});

describe("the authorize URL (browser-only, never requested)", () => {
  const params = { clientId: CLIENT_ID, redirectUri: REDIRECT_URI, state: "test-state-1", scope: ["list_meetings", "user_info"] };

  it("uses the spec's wire names and host, percent-encoding every value", () => {
    const url = buildAuthorizationUrl({ ...params, redirectUri: "https://app.example.test/cb?next=/a b&x=1", state: "test state&=/" });
    expect(url).toBe(
      "https://bluejeans.com/oauth2/authorize?clientId=test-client-id-0000000000000000" +
        "&redirectUri=https%3A%2F%2Fapp.example.test%2Fcb%3Fnext%3D%2Fa%20b%26x%3D1" +
        "&state=test%20state%26%3D%2F&scope=list_meetings%2Cuser_info&responseType=code",
    );
    const parsed = new URL(url);
    expect([...parsed.searchParams.keys()]).toEqual(["clientId", "redirectUri", "state", "scope", "responseType"]);
    expect(parsed.searchParams.get("redirectUri")).toBe("https://app.example.test/cb?next=/a b&x=1");
  });

  it("the client's buildAuthorizationUrl and its seed alias getAuthorizationCode return the same URL and send nothing", () => {
    const client = newClient();
    const { clientId: _omit, ...rest } = params;
    const url = client.buildAuthorizationUrl(rest);
    expect(url).toBe(buildAuthorizationUrl(params));
    expect(client.getAuthorizationCode(rest)).toBe(url);
    expect(server.requests).toHaveLength(0);
  });

  it("takes a single scope string, a responseType and another host", () => {
    const url = buildAuthorizationUrl({ ...params, scope: "user_info", responseType: "code", baseUrl: "https://api.bluejeans.com" });
    expect(url).toBe(`https://api.bluejeans.com/oauth2/authorize?clientId=${CLIENT_ID}&redirectUri=${encodeURIComponent(REDIRECT_URI)}&state=test-state-1&scope=user_info&responseType=code`);
    expect(buildAuthorizationUrl({ clientId: CLIENT_ID, redirectUri: REDIRECT_URI, state: "s1" })).not.toContain("scope=");
  });

  it("requires state (CSRF), clientId and an absolute redirectUri", () => {
    expect(() => buildAuthorizationUrl({ ...params, state: "" })).toThrow(/Invalid state: must not be empty/);
    expect(() => buildAuthorizationUrl({ ...params, state: undefined as unknown as string })).toThrow(/Invalid state: is required/);
    expect(() => createBlueJeansClient({ baseUrl: server.url }).buildAuthorizationUrl({ redirectUri: REDIRECT_URI, state: "s1" })).toThrow(/Invalid clientId: is required/);
    expect(() => buildAuthorizationUrl({ ...params, redirectUri: "/relative" })).toThrow(/Invalid redirectUri/);
    expect(() => buildAuthorizationUrl({ ...params, scope: [] })).toThrow(/Invalid scope/);
    expect(() => buildAuthorizationUrl({ ...params, baseUrl: "http://bluejeans.com" })).toThrow(/refusing plain http/);
  });

  it("parseAuthorizationCallback checks state and returns the code", () => {
    expect(parseAuthorizationCallback(`${REDIRECT_URI}?code=${AUTH_CODE}&state=test-state-1`, "test-state-1")).toEqual({ code: AUTH_CODE, state: "test-state-1" });
    expect(parseAuthorizationCallback(`/oauth/callback?state=s1&code=${AUTH_CODE}`, "s1").code).toBe(AUTH_CODE);
    expect(() => parseAuthorizationCallback(`${REDIRECT_URI}?code=${AUTH_CODE}&state=forged`, "test-state-1")).toThrow(/Invalid state: does not match/);
    expect(() => parseAuthorizationCallback(`${REDIRECT_URI}?code=${AUTH_CODE}`, "test-state-1")).toThrow(ValidationError);
    expect(() => parseAuthorizationCallback(`${REDIRECT_URI}?state=test-state-1`, "test-state-1")).toThrow(/Invalid code/);
    const declined = (() => {
      try {
        parseAuthorizationCallback(`${REDIRECT_URI}?error=access_denied&state=test-state-1`, "test-state-1");
      } catch (error) {
        return error;
      }
    })();
    expect(declined).toBeInstanceOf(VendorAuthError);
    expect((declined as Error).message).toContain("access_denied");
  });
});

/** One call per operation that sends a request, with its operationId. */
const calls: Array<[string, (client: BlueJeansClient) => Promise<unknown>]> = [
  ["getToken", (c) => c.getTokenByPassword({ username: USERNAME, password: PASSWORD })],
  ["getToken", (c) => c.getTokenByMeeting({ meetingNumericId: MEETING_ID, meetingPasscode: PASSCODE })],
  ["getToken", (c) => c.getTokenByClient()],
  ["getToken", (c) => c.getTokenByCode({ code: AUTH_CODE, redirectUri: REDIRECT_URI })],
  ["getToken", (c) => c.getTokenByRefresh({ refresh_token: refreshToken(1) })],
  ["getTokenInfo", (c) => c.getTokenInfo()],
  ["revokeAccessToken", (c) => c.revokeAccessToken(accessToken(1))],
  ["createClientApplication", (c) => c.createClientApplication(USER_ID, { appName: "Test App" })],
  ["updateClientApplication", (c) => c.updateClientApplication(USER_ID, "test-app-id", { appName: "Test App" })],
  ["regenerateClientApplicationSecret", (c) => c.regenerateClientApplicationSecret(USER_ID, "test-app-id")],
];

describe("typed errors for every status the spec documents", () => {
  it.each([
    ["getTokenByCode (401: code invalid or expired)", 401, AuthenticationError, (c: BlueJeansClient) => c.getTokenByCode({ code: AUTH_CODE, redirectUri: REDIRECT_URI })],
    ["revokeAccessToken (400: probably already revoked)", 400, BadRequestError, (c: BlueJeansClient) => c.revokeAccessToken(accessToken(1))],
    ["createClientApplication (401)", 401, AuthenticationError, (c: BlueJeansClient) => c.createClientApplication(USER_ID, { appName: "Test App" })],
    ["updateClientApplication (401)", 401, AuthenticationError, (c: BlueJeansClient) => c.updateClientApplication(USER_ID, "test-app-id", {})],
    ["regenerateClientApplicationSecret (401)", 401, AuthenticationError, (c: BlueJeansClient) => c.regenerateClientApplicationSecret(USER_ID, "test-app-id")],
  ] as const)("%s: the body-less documented response", async (_name, status, ErrorClass, call) => {
    server.setHandler(() => ({ status }));
    const error = (await call(newClient()).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(status);
    expect(error.body ?? "").toBe(""); // the spec gives these responses no body
    expect(error.code).toBeUndefined();
    expect(error.vendor).toBe("bluejeans");
  });

  it.each(calls.map(([operationId, call], index) => [index, operationId, call] as const))(
    "call %i (%s): the `default` response (Error body) becomes InternalServerError with the vendor's message",
    async (_index, operationId, call) => {
      server.setHandler(() => ({ status: 503, headers: { "x-extra": "1" }, body: errorBody("Service unavailable, try later") }));
      const error = (await call(newClient()).catch((e: unknown) => e)) as InternalServerError;
      expect(error).toBeInstanceOf(InternalServerError);
      expect(error.name).toBe("InternalServerError");
      expect(error.status).toBe(503);
      expect(error.operation).toBe(operationId);
      expect(error.body).toEqual(errorBody("Service unavailable, try later"));
      expect(error.headers["x-extra"]).toBe("1");
      expect(error.message).toContain("Service unavailable, try later");
    },
  );

  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [410, GoneError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [418, ApiError],
  ] as const)("`default` %i becomes %o", async (status, ErrorClass) => {
    server.setHandler(() => ({ status, body: errorBody(`failed with ${status}`) }));
    const error = (await newClient().getTokenInfo().catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.constructor).toBe(ErrorClass);
    expect(error.status).toBe(status);
    expect(error.body).toEqual(errorBody(`failed with ${status}`));
  });

  it("a 200 that is HTML becomes ResponseParseError keeping the status", async () => {
    server.setHandler(() => ({ status: 200, headers: { "content-type": "text/html" }, body: "<html>maintenance</html>" }));
    const error = (await newClient().getTokenByClient().catch((e: unknown) => e)) as ResponseParseError;
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error.status).toBe(200);
    expect(error.excerpt).toContain("maintenance");
  });

  it("a slow response becomes TimeoutError (client or per-call timeout); the caller's abort becomes AbortError", async () => {
    server.setHandler(async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { body: grantClient() };
    });
    await expect(newClient({ timeoutMs: 50 }).getTokenByClient()).rejects.toBeInstanceOf(TimeoutError);
    await expect(newClient().getTokenInfo({ timeoutMs: 50 })).rejects.toBeInstanceOf(TimeoutError);
    const controller = new AbortController();
    const pending = newClient().getTokenByClient(undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(AbortError);
  });

  it("a refused connection becomes ConnectionError", async () => {
    const closed = await startLoopbackServer();
    await closed.close();
    await expect(newClient({ baseUrl: closed.url }).getTokenByClient()).rejects.toBeInstanceOf(ConnectionError);
  });
});

describe("validation before any request", () => {
  const rejects = async (promise: Promise<unknown>, field: string) => {
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
  };

  it("grants: missing or empty fields, missing client credentials, unknown grant_type", async () => {
    const bare = createBlueJeansClient({ baseUrl: server.url });
    // The spec's schemas decide (operations.gen.ts): types and required fields; empty strings are the server's to refuse.
    await rejects(newClient().getTokenByPassword({ username: 42 as never, password: PASSWORD }), "username");
    await rejects(newClient().getTokenByPassword({ username: USERNAME } as never), "password");
    await rejects(newClient().getTokenByMeeting({ meetingNumericId: MEETING_ID } as never), "meetingPasscode");
    await rejects(newClient().getTokenByMeeting({ meetingNumericId: 4085551212 as never, meetingPasscode: "" }), "meetingNumericId");
    await rejects(bare.getTokenByClient(), "clientId");
    await rejects(createBlueJeansClient({ clientId: CLIENT_ID, baseUrl: server.url }).getTokenByClient(), "clientSecret");
    await rejects(newClient().getTokenByClient({ client_id: "" }), "client_id");
    await rejects(newClient().getTokenByCode({ code: AUTH_CODE, redirectUri: "not a url" }), "redirectUri");
    await rejects(newClient().getTokenByCode({ code: 5 as never, redirectUri: REDIRECT_URI }), "code");
    await rejects(bare.getTokenByCode({ code: AUTH_CODE, redirectUri: REDIRECT_URI }), "clientId");
    await rejects(newClient().getTokenByRefresh({} as never), "refresh_token");
    await rejects(newClient().getToken({ grant_type: "implicit" } as never), "grant_type");
    expect(server.requests).toHaveLength(0);
  });

  it("secured operations: the access token, user_id, client_id and the application", async () => {
    const noToken = createBlueJeansClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl: server.url });
    await rejects(noToken.getTokenInfo(), "accessToken");
    await rejects(newClient().getTokenInfo({ accessToken: "" }), "accessToken");
    await rejects(noToken.regenerateClientApplicationSecret(USER_ID, "test-app-id"), "accessToken");
    await rejects(newClient({ accessToken: () => "" }).getTokenInfo(), "accessToken");
    await rejects(newClient().createClientApplication(1.5, {}), "path.user_id");
    await rejects(newClient().createClientApplication("1234" as never, {}), "path.user_id");
    await rejects(newClient().createClientApplication(USER_ID, null as never), "application");
    await rejects(newClient().createClientApplication(USER_ID, { redirectUrls: "https://x.test" } as never), "body.redirectUrls");
    await rejects(newClient().updateClientApplication(USER_ID, "", {}), "path.client_id");
    await rejects(newClient().updateClientApplication(USER_ID, "..", {}), "path.client_id");
    await rejects(newClient().regenerateClientApplicationSecret(USER_ID, 56 as never), "path.client_id");
    await rejects(newClient().revokeAccessToken(undefined as never), "query.access_token");
    await rejects(noToken.revokeAccessToken(accessToken(1), { client_secret: "" }), "client_secret");
    await rejects(createBlueJeansClient({ baseUrl: server.url }).revokeAccessToken(accessToken(1)), "clientId");
    expect(server.requests).toHaveLength(0);
  });

  it("options: types, base URL, environment", () => {
    expect(() => createBlueJeansClient({ clientId: 42 as never })).toThrow(/Invalid clientId: must be a string/);
    expect(() => createBlueJeansClient({ clientSecret: "" })).toThrow(/Invalid clientSecret: must not be empty/);
    expect(() => createBlueJeansClient({ accessToken: "" })).toThrow(/Invalid accessToken/);
    expect(() => createBlueJeansClient({ baseUrl: "http://api.bluejeans.com" })).toThrow(/refusing plain http/);
    expect(createBlueJeansClient({ baseUrl: "http://api.bluejeans.com", allowInsecureHttp: true }).baseUrl).toBe("http://api.bluejeans.com");
    expect(() => createBlueJeansClient({ environment: "staging" as never })).toThrow(/Invalid environment/);
    expect(createBlueJeansClient().baseUrl).toBe("https://api.bluejeans.com");
    expect(createBlueJeansClient({ environment: "production" }).baseUrl).toBe("https://api.bluejeans.com");
  });
});

describe("secrets stay secret", () => {
  it("an error that echoes the secrets and tokens of the request shows none of them in any serialised form", async () => {
    const issued = grantCode(4);
    server.setHandler((request) => {
      if (request.method === "POST" && request.path === "/oauth2/token") {
        return (request.json as { grant_type: string }).grant_type === "authorization_code" ? { body: issued } : { status: 400, body: { echo: request.json, message: `bad ${request.rawBody}` } };
      }
      return { status: 401, headers: { "set-cookie": "session=abcdef123456" }, body: { message: `bad ${request.rawBody} at ${request.path}?${request.query}` } };
    });
    const client = newClient();
    await client.getTokenByCode({ code: AUTH_CODE, redirectUri: REDIRECT_URI });
    const errors = [
      await client.getTokenByPassword({ username: USERNAME, password: PASSWORD }).catch((e: unknown) => e),
      await client.getTokenByMeeting({ meetingNumericId: MEETING_ID, meetingPasscode: PASSCODE }).catch((e: unknown) => e),
      await client.getTokenByRefresh({ refresh_token: issued.refresh_token! }).catch((e: unknown) => e),
      await client.getTokenInfo({ accessToken: issued.access_token! }).catch((e: unknown) => e),
      await client.revokeAccessToken(issued.access_token!).catch((e: unknown) => e),
    ] as ApiError[];
    const secrets = [CLIENT_SECRET, PASSWORD, PASSCODE, AUTH_CODE, APP_TOKEN, issued.access_token!, issued.refresh_token!, "abcdef123456"];
    for (const error of errors) {
      expect(error).toBeInstanceOf(ApiError);
      const forms = [error.message, String(error), JSON.stringify(error), inspect(error, { depth: 10 }), error.stack ?? "", JSON.stringify(error.body), JSON.stringify(error.headers), error.url ?? ""];
      for (const form of forms) for (const secret of secrets) expect(form).not.toContain(secret);
    }
    expect(JSON.stringify(errors[0]!.body)).toContain("[REDACTED]");
  });

  it("a short meeting passcode is redacted by its key in an echoed body", async () => {
    server.setHandler((request) => ({ status: 400, body: { echo: request.json } }));
    const error = (await newClient().getTokenByMeeting({ meetingNumericId: MEETING_ID, meetingPasscode: "2404" }).catch((e: unknown) => e)) as ApiError;
    const echo = (error.body as { echo: Record<string, unknown> }).echo;
    expect(echo.meetingPasscode).toBe("[REDACTED]");
    expect(echo.meetingNumericId).toBe(MEETING_ID);
  });

  it("an application's client secret from a response is redacted from later errors", async () => {
    const secret = "test-new-client-secret-0009";
    server.setHandler((request) => (request.path.endsWith("/secret") ? { body: { clientId: "test-app-id", clientSecret: secret } } : { status: 500, body: errorBody(`leaked ${secret}`) }));
    const client = newClient();
    await client.regenerateClientApplicationSecret(USER_ID, "test-app-id");
    const error = (await client.getTokenInfo().catch((e: unknown) => e)) as ApiError;
    expect(error.message).not.toContain(secret);
    expect(error.message).toContain("[REDACTED]");
  });

  it("the client itself serialises without the secret or the access token", () => {
    const client = newClient();
    for (const form of [JSON.stringify(client), inspect(client, { depth: 10 }), String(Object.keys(client))]) {
      expect(form).not.toContain(CLIENT_SECRET);
      expect(form).not.toContain(APP_TOKEN);
    }
    expect(JSON.stringify(client)).toContain(CLIENT_ID);
  });

  it("a ValidationError names the field but never echoes the value", async () => {
    const value = "test-not-a-url-0001";
    const error = (await newClient().getTokenByCode({ code: AUTH_CODE, redirectUri: value }).catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.field).toBe("redirectUri");
    expect(JSON.stringify(error) + String(error) + inspect(error) + (error.stack ?? "")).not.toContain(value);
  });
});

describe("getAccessToken, authorizedFetch and authMiddleware (TokenHolder) of the client", () => {
  it("with accessToken: its token, sent as the spec's access_token query parameter to the client's origin only", async () => {
    server.setHandler(() => ({ body: { ok: true } }));
    let calls = 0;
    const client = newClient({ accessToken: () => accessToken(++calls) });
    expect(await client.getAccessToken()).toBe(accessToken(1));
    const response = await client.authorizedFetch("/v1/user/42?fields=a");
    expect(await response.json()).toEqual({ ok: true });
    const [request] = server.requests;
    expect([...request!.query.entries()]).toEqual([["fields", "a"], ["access_token", accessToken(2)]]);
    expect(request!.headers.authorization).toBeUndefined();
    await expect(client.authorizedFetch("https://elsewhere.example.test/v1/user/42")).rejects.toMatchObject({ name: "ValidationError", field: "url" });
    const other = createClient<{}>({ baseUrl: server.url });
    other.use(client.authMiddleware());
    await (other as unknown as { GET(path: string): Promise<unknown> }).GET("/v1/user/43");
    expect(server.requests.at(-1)!.query.get("access_token")).toBe(accessToken(3));
  });

  it("without accessToken: a ValidationError naming the option, before anything is sent", async () => {
    server.setHandler(() => ({ body: { ok: true } }));
    const client = newClient({ accessToken: undefined });
    await expect(client.getAccessToken()).rejects.toMatchObject({ name: "ValidationError", field: "accessToken", message: expect.stringContaining("is not set") });
    await expect(client.authorizedFetch("/v1/user/42")).rejects.toMatchObject({ name: "ValidationError", field: "accessToken" });
    expect(server.requests).toHaveLength(0);
  });

  it("an accessToken that is not a TokenSource is a ValidationError at creation", () => {
    expect(() => newClient({ accessToken: { token: "test-token" } as never })).toThrow(/Invalid accessToken: must be a token string or a function/);
    expect(() => newClient({ accessToken: "" })).toThrow(/Invalid accessToken: must not be empty/);
  });
});
