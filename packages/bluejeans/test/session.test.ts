// OAuth sessions against a real HTTP server, with an injected clock instead of real waiting:
// renewal before expires_in runs out, one request in flight for any number of callers, the
// refresh_token grant when a refresh token is available, the original grant otherwise, revoke,
// and authorisation of other requests.
import { inspect } from "node:util";
import createClient from "openapi-fetch";
import { describe, expect, expectTypeOf, it } from "vitest";
import { type RecordedRequest } from "@vendor-auth/testing";
import { useLoopbackServer } from "@vendor-auth/testing/suite";
import {
  AuthenticationError,
  BadRequestError,
  ResponseParseError,
  ValidationError,
  VendorAuthError,
  createBlueJeansClient,
  type GrantClient,
  type GrantCode,
  type GrantRefresh,
} from "../src/index.js";
import {
  AUTH_CODE,
  CLIENT_ID,
  CLIENT_SECRET,
  PASSWORD,
  REDIRECT_URI,
  USERNAME,
  accessToken,
  grantClient,
  grantCode,
  grantPassword,
  grantRefresh,
  refreshToken,
} from "./fixtures.js";

const server = useLoopbackServer();

const HOUR = 3600;
let clock = 0;
const now = () => clock;
const newClient = (extra: Parameters<typeof createBlueJeansClient>[0] = {}) =>
  createBlueJeansClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl: server.url, ...extra });
const tokenRequests = () => server.requests.filter((r) => r.method === "POST" && r.path === "/oauth2/token");
const grantTypes = () => tokenRequests().map((r) => (r.json as { grant_type: string }).grant_type);
const grantTypeOf = (request: RecordedRequest) => (request.json as { grant_type: string }).grant_type;

/** Answers each grant with the next numbered token; `delayMs` keeps requests in flight. */
const issuing = (respond: (grantType: string, n: number) => unknown, delayMs = 0) => {
  let n = 0;
  server.setHandler(async (request) => {
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (request.method === "POST" && request.path === "/oauth2/token") return { body: respond(grantTypeOf(request), ++n) };
    if (request.method === "DELETE") return { status: 204 };
    return { body: { ok: true } };
  });
};

describe("token lifetime", () => {
  it("client_credentials: one grant, reused until the refresh-ahead window, then the grant is repeated (no refresh token)", async () => {
    clock = 1_000_000;
    issuing((_type, n) => grantClient(n, HOUR));
    const session = newClient().createSession({ grant_type: "client_credentials" }, { now });
    expect(await session.getAccessToken()).toBe(accessToken(1));
    clock += (HOUR - 61) * 1000; // 61 s before expiry: still outside the default 60 s window
    expect(await session.getAccessToken()).toBe(accessToken(1));
    expect(tokenRequests()).toHaveLength(1);
    clock += 2000; // 59 s before expiry: renewed ahead of time
    expect(await session.getAccessToken()).toBe(accessToken(2));
    expect(grantTypes()).toEqual(["client_credentials", "client_credentials"]);
    expect(tokenRequests()[1]!.json).toEqual({ grant_type: "client_credentials", client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
  });

  it("100 concurrent callers after expiry cause exactly one refresh request, with the refresh_token grant", async () => {
    clock = 5_000_000;
    issuing((type, n) => (type === "authorization_code" ? grantCode(n, HOUR) : grantRefresh(n, HOUR)), 20);
    const session = newClient().createSession({ grant_type: "authorization_code", code: AUTH_CODE, redirectUri: REDIRECT_URI }, { now });
    expect(await session.getAccessToken()).toBe(accessToken(1));
    clock += HOUR * 1000 + 1;
    const tokens = await Promise.all(Array.from({ length: 100 }, () => session.getAccessToken()));
    expect(new Set(tokens)).toEqual(new Set([accessToken(2)]));
    expect(grantTypes()).toEqual(["authorization_code", "refresh_token"]);
    expect(tokenRequests()[1]!.json).toEqual({ grant_type: "refresh_token", client_id: CLIENT_ID, client_secret: CLIENT_SECRET, refresh_token: refreshToken(1) });
  });

  it("uses the newest refresh token on the next refresh, never the authorization code again", async () => {
    clock = 0;
    issuing((type, n) => (type === "authorization_code" ? grantCode(n, HOUR) : grantRefresh(n, HOUR)));
    const session = newClient().createSession({ grant_type: "authorization_code", code: AUTH_CODE, redirectUri: REDIRECT_URI, client_id: "test-app-client", client_secret: "test-app-secret" }, { now });
    await session.getAccessToken();
    clock += HOUR * 1000;
    await session.getAccessToken();
    clock += HOUR * 1000;
    expect(await session.getAccessToken()).toBe(accessToken(3));
    expect(tokenRequests().map((r) => r.json)).toEqual([
      { grant_type: "authorization_code", client_id: "test-app-client", client_secret: "test-app-secret", redirectUri: REDIRECT_URI, code: AUTH_CODE },
      { grant_type: "refresh_token", client_id: "test-app-client", client_secret: "test-app-secret", refresh_token: refreshToken(1) },
      { grant_type: "refresh_token", client_id: "test-app-client", client_secret: "test-app-secret", refresh_token: refreshToken(2) },
    ]);
  });

  it("a session started from a refresh token keeps refreshing with it", async () => {
    clock = 0;
    issuing((_type, n) => ({ ...grantRefresh(n + 1, HOUR), refresh_token: undefined }));
    const session = newClient().createSession({ grant_type: "refresh_token", refresh_token: refreshToken(1) }, { now });
    expect(await session.getAccessToken()).toBe(accessToken(2));
    clock += HOUR * 1000;
    expect(await session.getAccessToken()).toBe(accessToken(3));
    // No new refresh token in the responses: the original one is still used.
    expect(tokenRequests().map((r) => (r.json as { refresh_token: string }).refresh_token)).toEqual([refreshToken(1), refreshToken(1)]);
  });

  it("a password session with a refresh token falls back to the password grant when the refresh is rejected", async () => {
    clock = 0;
    let n = 0;
    server.setHandler((request) => {
      if (grantTypeOf(request) === "refresh_token") return { status: 401 };
      n++;
      return { body: { ...grantPassword(n, HOUR), refresh_token: refreshToken(n) } };
    });
    const session = newClient().createSession({ grant_type: "password", username: USERNAME, password: PASSWORD }, { now });
    await session.getAccessToken();
    clock += HOUR * 1000;
    expect(await session.getAccessToken()).toBe(accessToken(2));
    expect(grantTypes()).toEqual(["password", "refresh_token", "password"]);
  });

  it("a password session without client credentials repeats the password grant (empty refresh_token is no refresh token)", async () => {
    clock = 0;
    issuing((_type, n) => grantPassword(n, HOUR));
    const session = createBlueJeansClient({ baseUrl: server.url }).createSession({ grant_type: "password", username: USERNAME, password: PASSWORD }, { now });
    await session.getAccessToken();
    clock += HOUR * 1000;
    expect(await session.getAccessToken()).toBe(accessToken(2));
    expect(grantTypes()).toEqual(["password", "password"]);
  });

  it("a code session whose response had no refresh token cannot renew: VendorAuthError, no request", async () => {
    clock = 0;
    issuing((_type, n) => ({ ...grantCode(n, HOUR), refresh_token: undefined }));
    const session = newClient().createSession({ grant_type: "authorization_code", code: AUTH_CODE, redirectUri: REDIRECT_URI }, { now });
    await session.getAccessToken();
    clock += HOUR * 1000;
    const error = await session.getAccessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VendorAuthError);
    expect((error as Error).message).toMatch(/cannot be repeated/);
    expect(tokenRequests()).toHaveLength(1);
  });

  it("a rejected refresh reaches every waiter as the same typed error; the next call tries again", async () => {
    clock = 0;
    let refreshes = 0;
    server.setHandler(async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (grantTypeOf(request) === "authorization_code") return { body: grantCode(1, HOUR) };
      return ++refreshes === 1 ? { status: 400, body: { message: "refresh rejected" } } : { body: grantRefresh(2, HOUR) };
    });
    const session = newClient().createSession({ grant_type: "authorization_code", code: AUTH_CODE, redirectUri: REDIRECT_URI }, { now });
    await session.getAccessToken();
    clock += HOUR * 1000;
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => session.getAccessToken()));
    const reasons = new Set(results.map((r) => (r.status === "rejected" ? r.reason : "fulfilled")));
    expect(reasons.size).toBe(1);
    expect([...reasons][0]).toBeInstanceOf(BadRequestError);
    expect(await session.getAccessToken()).toBe(accessToken(2));
    expect(grantTypes()).toEqual(["authorization_code", "refresh_token", "refresh_token"]);
  });

  it("caps the refresh-ahead margin at half the lifetime, so short-lived tokens are still reused", async () => {
    clock = 0;
    issuing((_type, n) => grantClient(n, 30));
    const session = newClient().createSession({ grant_type: "client_credentials" }, { now });
    await session.getAccessToken();
    clock += 14_000;
    expect(await session.getAccessToken()).toBe(accessToken(1));
    clock += 2_000;
    expect(await session.getAccessToken()).toBe(accessToken(2));
  });

  it("a token without expires_in is reused until invalidated", async () => {
    clock = 0;
    issuing((_type, n) => ({ access_token: accessToken(n) }));
    const session = newClient().createSession({ grant_type: "client_credentials" }, { now });
    await session.getAccessToken();
    clock += 1e12;
    expect(await session.getAccessToken()).toBe(accessToken(1));
    session.invalidate();
    expect(await session.getAccessToken()).toBe(accessToken(2));
  });

  it("a token response without access_token is a ResponseParseError", async () => {
    server.setHandler(() => ({ body: { expires_in: 10 } }));
    await expect(newClient().createSession({ grant_type: "client_credentials" }).getAccessToken()).rejects.toBeInstanceOf(ResponseParseError);
  });

  it("getTokenResponse gives the whole typed response", async () => {
    issuing((_type, n) => grantClient(n, HOUR));
    const session = newClient().createSession({ grant_type: "client_credentials" });
    const response = await session.getTokenResponse();
    expectTypeOf(response).toEqualTypeOf<(GrantClient & { access_token: string }) | (GrantRefresh & { access_token: string })>();
    expectTypeOf(response.access_token).toEqualTypeOf<string>();
    expect(response).toEqual(grantClient(1, HOUR));
    const codeSession = newClient().createSession({ grant_type: "authorization_code", code: AUTH_CODE, redirectUri: REDIRECT_URI });
    expectTypeOf(codeSession.getTokenResponse).returns.resolves.toEqualTypeOf<(GrantCode & { access_token: string }) | (GrantRefresh & { access_token: string })>();
    expect(tokenRequests()).toHaveLength(1); // creating a session sends nothing
  });
});

describe("validation", () => {
  it("the grant is validated when the session is created, before any request", () => {
    const bare = createBlueJeansClient({ baseUrl: server.url });
    expect(() => bare.createSession({ grant_type: "client_credentials" })).toThrow(ValidationError);
    expect(() => newClient().createSession({ grant_type: "password", username: USERNAME, password: 7 as never })).toThrow(/Invalid password: must be a string/);
    expect(() => newClient().createSession({ grant_type: "nope" } as never)).toThrow(/Invalid grant_type/);
    expect(server.requests).toHaveLength(0);
  });
});

describe("revoke", () => {
  it("revokes the current token (DELETE with query and body) and obtains a new one on the next call", async () => {
    issuing((_type, n) => grantClient(n, HOUR));
    const session = newClient().createSession({ grant_type: "client_credentials" });
    await session.revoke(); // nothing obtained yet: no request
    expect(server.requests).toHaveLength(0);
    await session.getAccessToken();
    await session.revoke();
    const revoke = server.requests.find((r) => r.method === "DELETE")!;
    expect(revoke.path).toBe("/oauth2/token");
    expect([...revoke.query.entries()]).toEqual([["access_token", accessToken(1)]]);
    expect(revoke.json).toEqual({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
    expect(await session.getAccessToken()).toBe(accessToken(2));
  });

  it("a revoked code session cannot renew; a password session without client credentials cannot revoke", async () => {
    issuing((type, n) => (type === "authorization_code" ? grantCode(n, HOUR) : grantRefresh(n, HOUR)));
    const code = newClient().createSession({ grant_type: "authorization_code", code: AUTH_CODE, redirectUri: REDIRECT_URI });
    await code.getAccessToken();
    await code.revoke();
    await expect(code.getAccessToken()).rejects.toThrow(/revoked/);
    issuing((_type, n) => grantPassword(n, HOUR));
    const password = createBlueJeansClient({ baseUrl: server.url }).createSession({ grant_type: "password", username: USERNAME, password: PASSWORD });
    await password.getAccessToken();
    server.requests.length = 0;
    await expect(password.revoke()).rejects.toMatchObject({ name: "ValidationError", field: "clientId" });
    expect(server.requests).toHaveLength(0);
  });

  it("a failed revoke is a typed error and keeps the token", async () => {
    issuing((_type, n) => grantClient(n, HOUR));
    const session = newClient().createSession({ grant_type: "client_credentials" });
    await session.getAccessToken();
    server.setHandler(() => ({ status: 400 }));
    await expect(session.revoke()).rejects.toBeInstanceOf(BadRequestError);
    expect(await session.getAccessToken()).toBe(accessToken(1));
  });
});

describe("close and await using (a session ends)", () => {
  it("close() revokes the token once, ends the session (SessionClosedError after), and is idempotent", async () => {
    issuing((_type, n) => grantClient(n, HOUR));
    const session = newClient().createSession({ grant_type: "client_credentials" });
    expect(session.closed).toBe(false);
    await session.getAccessToken();
    await Promise.all([session.close(), session.close()]);
    await session.close();
    expect(session.closed).toBe(true);
    const revokes = server.requests.filter((r) => r.method === "DELETE");
    expect(revokes).toHaveLength(1);
    expect([...revokes[0]!.query.entries()]).toEqual([["access_token", accessToken(1)]]);
    expect(revokes[0]!.json).toEqual({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
    const sent = server.requests.length;
    await expect(session.getAccessToken()).rejects.toMatchObject({ name: "SessionClosedError", operation: "getAccessToken" });
    await expect(session.getTokenResponse()).rejects.toMatchObject({ name: "SessionClosedError" });
    await expect(session.authorizedFetch("/v1/user/1")).rejects.toMatchObject({ name: "SessionClosedError", operation: "authorizedFetch" });
    expect(server.requests).toHaveLength(sent);
    expect(JSON.parse(JSON.stringify(session))).toMatchObject({ closed: true, hasToken: false });
  });

  it("await using closes (revokes) at the end of the block; a session that obtained no token sends nothing", async () => {
    issuing((_type, n) => grantClient(n, HOUR));
    const client = newClient();
    {
      await using unused = client.createSession({ grant_type: "client_credentials" });
      expect(unused.closed).toBe(false);
    }
    expect(server.requests).toHaveLength(0);
    let kept: { closed: boolean } | undefined;
    {
      await using session = client.createSession({ grant_type: "client_credentials" });
      kept = session;
      await session.getAccessToken();
    }
    expect(kept.closed).toBe(true);
    expect(server.requests.filter((r) => r.method === "DELETE")).toHaveLength(1);
  });

  it("a token request in flight at close() is waited for and its token revoked; the caller gets a typed error", async () => {
    issuing((_type, n) => grantClient(n, HOUR), 50);
    const session = newClient().createSession({ grant_type: "client_credentials" });
    // The expectation is attached before close() is awaited: the request may be refused first.
    const refused = expect(session.getAccessToken()).rejects.toBeInstanceOf(VendorAuthError); // "the token was revoked while it was being obtained"
    await session.close();
    await refused;
    const revokes = server.requests.filter((r) => r.method === "DELETE");
    expect(revokes.map((r) => r.query.get("access_token"))).toEqual([accessToken(1)]);
  });

  it("a failed revoke at close() is thrown once, and the session is closed all the same", async () => {
    issuing((_type, n) => grantClient(n, HOUR));
    const session = newClient().createSession({ grant_type: "client_credentials" });
    await session.getAccessToken();
    server.setHandler(() => ({ status: 400 }));
    await expect(session.close()).rejects.toBeInstanceOf(BadRequestError);
    await session.close();
    expect(session.closed).toBe(true);
    await expect(session.getAccessToken()).rejects.toMatchObject({ name: "SessionClosedError" });
  });
});

describe("authorising other requests", () => {
  it("by default the token goes in the access_token query parameter (the spec's scheme), via middleware and fetch", async () => {
    issuing((_type, n) => grantClient(n, HOUR));
    const session = newClient().createSession({ grant_type: "client_credentials" });
    const other = createClient<{ "/v1/user/{user_id}": { get: { parameters: { path: { user_id: number }; query?: { fields?: string } }; responses: { 200: { content: { "application/json": { ok: boolean } } } } } } }>({ baseUrl: server.url });
    other.use(session.authMiddleware());
    const { data } = await other.GET("/v1/user/{user_id}", { params: { path: { user_id: 1234 }, query: { fields: "a" } } });
    expect(data).toEqual({ ok: true });
    const response = await session.authorizedFetch("/v1/user/1234/scheduled_meeting", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ title: "t" }) });
    expect(await response.json()).toEqual({ ok: true });
    const calls = server.requests.filter((r) => r.path.startsWith("/v1/user/"));
    expect(calls.map((r) => [r.method, r.path, [...r.query.entries()], r.headers.authorization])).toEqual([
      ["GET", "/v1/user/1234", [["fields", "a"], ["access_token", accessToken(1)]], undefined],
      ["POST", "/v1/user/1234/scheduled_meeting", [["access_token", accessToken(1)]], undefined],
    ]);
    expect(calls[1]!.json).toEqual({ title: "t" });
    expect(tokenRequests()).toHaveLength(1);
  });

  it('tokenPlacement "header" sends Authorization: Bearer instead', async () => {
    issuing((_type, n) => grantClient(n, HOUR));
    const session = newClient().createSession({ grant_type: "client_credentials" }, { tokenPlacement: "header" });
    await session.authorizedFetch(`${server.url}/v1/user/1234`);
    const call = server.requests.find((r) => r.path === "/v1/user/1234")!;
    expect(call.headers.authorization).toBe(`Bearer ${accessToken(1)}`);
    expect(call.query.has("access_token")).toBe(false);
  });

  it("a session is the access-token source of the secured operations", async () => {
    issuing((_type, n) => grantClient(n, HOUR));
    const bluejeans = newClient();
    const session = bluejeans.createSession({ grant_type: "client_credentials" });
    const api = newClient({ accessToken: session.getAccessToken });
    await api.getTokenInfo();
    await api.regenerateClientApplicationSecret(1234, "test-app-id");
    expect(server.requests.filter((r) => r.method !== "POST" || r.path !== "/oauth2/token").map((r) => r.query.get("access_token"))).toEqual([accessToken(1), accessToken(1)]);
    expect(tokenRequests()).toHaveLength(1);
  });
});

describe("secrets", () => {
  it("the session serialises without tokens or secrets; token errors are redacted", async () => {
    issuing((_type, n) => grantCode(n, HOUR));
    const session = newClient().createSession({ grant_type: "authorization_code", code: AUTH_CODE, redirectUri: REDIRECT_URI });
    await session.getAccessToken();
    for (const form of [JSON.stringify(session), inspect(session, { depth: 10 })]) {
      for (const secret of [accessToken(1), refreshToken(1), CLIENT_SECRET, AUTH_CODE]) expect(form).not.toContain(secret);
    }
    expect(JSON.stringify(session)).toContain('"hasToken":true');
    server.setHandler((request) => ({ status: 401, body: { message: `rejected ${request.rawBody}` } }));
    session.invalidate();
    const error = (await session.getAccessToken().catch((e: unknown) => e)) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    for (const form of [error.message, JSON.stringify(error), inspect(error)]) {
      expect(form).not.toContain(refreshToken(1));
      expect(form).not.toContain(CLIENT_SECRET);
    }
  });
});
