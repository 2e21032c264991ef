// The helper client against its own fake (@vendor-auth/bluejeans/testing): the five grants,
// expires_in on an injected clock, sessions that renew (refresh grant with rotation, or the
// original grant), revoke, tokenInfo, the authorize redirect, client applications, and the
// fake's spec validation. No test waits for real time.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createManualClock } from "@vendor-auth/testing";
import { AuthenticationError, BadRequestError, createBlueJeansClient, parseAuthorizationCallback, type BlueJeansClient } from "../src/index.js";
import { DEFAULT_REDIRECT_URI, startBlueJeansFake, type BlueJeansFake } from "../src/testing/index.js";

const clock = createManualClock();
let fake: BlueJeansFake;
let client: BlueJeansClient;

beforeEach(async () => {
  clock.set(Date.UTC(2030, 0, 1));
  fake = await startBlueJeansFake({ now: clock.now, accessTokenLifetimeSeconds: 600 });
  client = createBlueJeansClient({ clientId: fake.clientId, clientSecret: fake.clientSecret, baseUrl: fake.url, maxRetries: 0 });
});
afterEach(async () => {
  expect(fake.violations.filter((v) => v.kind !== "request")).toEqual([]);
  await fake.close();
});

describe("the BlueJeans fake: grants", () => {
  it("client credentials: a token with expires_in and the enterprise scope; tokenInfo; revoke", async () => {
    const grant = await client.getTokenByClient();
    expect(grant).toMatchObject({ access_token: expect.stringMatching(/^test-bluejeans-token-/), expires_in: 600, scope: { enterprise: 1000, partitionName: "test-partition" } });
    await expect(client.getTokenInfo({ accessToken: grant.access_token! })).resolves.toEqual({});
    await client.revokeAccessToken(grant.access_token!);
    expect(fake.isActiveToken(grant.access_token!)).toBe(false);
    await expect(client.getTokenInfo({ accessToken: grant.access_token! })).rejects.toBeInstanceOf(AuthenticationError);
    await expect(client.revokeAccessToken(grant.access_token!)).rejects.toBeInstanceOf(BadRequestError);
  });

  it("password and meeting grants; wrong credentials are 401", async () => {
    const password = await client.getTokenByPassword({ username: fake.username, password: fake.password });
    expect(password.scope?.user).toBe(fake.userId);
    await expect(client.getTokenInfo({ accessToken: password.access_token! })).resolves.toEqual({ user: fake.userId });
    const meeting = fake.meetings[0]!;
    const moderator = await client.getTokenByMeeting({ meetingNumericId: meeting.meetingNumericId, meetingPasscode: meeting.moderatorPasscode });
    expect(moderator.scope?.meeting).toMatchObject({ meetingNumericId: meeting.meetingNumericId, isModerator: true });
    const attendee = await client.getTokenByMeeting({ meetingNumericId: meeting.meetingNumericId, meetingPasscode: meeting.attendeePasscode });
    expect(attendee.scope?.meeting?.isModerator).toBe(false);
    await expect(client.getTokenByPassword({ username: fake.username, password: "test-wrong" })).rejects.toMatchObject({ status: 401 });
    await expect(client.getTokenByMeeting({ meetingNumericId: meeting.meetingNumericId, meetingPasscode: "0000" })).rejects.toMatchObject({ status: 401 });
    await expect(createBlueJeansClient({ clientId: fake.clientId, clientSecret: "test-wrong", baseUrl: fake.url }).getTokenByClient()).rejects.toBeInstanceOf(AuthenticationError);
  });

  it("authorization code: single use, bound to the redirect URI, valid 30 s; refresh rotates the refresh token", async () => {
    const code = fake.issueAuthorizationCode({ scope: "user_info" });
    const first = await client.getTokenByCode({ code, redirectUri: DEFAULT_REDIRECT_URI });
    expect(first).toMatchObject({ refresh_token: expect.stringMatching(/^test-bluejeans-refresh-/), scope: { user: fake.userId, bearerPermissions: "user_info" } });
    await expect(client.getTokenByCode({ code, redirectUri: DEFAULT_REDIRECT_URI })).rejects.toMatchObject({ status: 401 });

    const late = fake.issueAuthorizationCode();
    clock.advance(30_000);
    await expect(client.getTokenByCode({ code: late, redirectUri: DEFAULT_REDIRECT_URI })).rejects.toMatchObject({ status: 401 });
    await expect(client.getTokenByCode({ code: fake.issueAuthorizationCode(), redirectUri: "https://elsewhere.example.test/" })).rejects.toMatchObject({ status: 401 });

    const refreshed = await client.getTokenByRefresh({ refresh_token: first.refresh_token! });
    expect(refreshed.refresh_token).not.toBe(first.refresh_token);
    await expect(client.getTokenByRefresh({ refresh_token: first.refresh_token! })).rejects.toMatchObject({ status: 400 });
    await expect(client.getTokenByRefresh({ refresh_token: refreshed.refresh_token! })).resolves.toMatchObject({ expires_in: 600 });
  });

  it("the authorize redirect on the fake consents at once and returns code and state", async () => {
    const url = new URL(client.buildAuthorizationUrl({ redirectUri: DEFAULT_REDIRECT_URI, state: "test-state", scope: "user_info" }));
    const response = await fetch(`${fake.url}${url.pathname}${url.search}`, { redirect: "manual" });
    expect(response.status).toBe(302);
    const callback = parseAuthorizationCallback(response.headers.get("location")!, "test-state");
    await expect(client.getTokenByCode({ code: callback.code, redirectUri: DEFAULT_REDIRECT_URI })).resolves.toMatchObject({ scope: { bearerPermissions: "user_info" } });
  });
});

describe("the BlueJeans fake: sessions, applications, validation", () => {
  it("a client-credentials session renews before expires_in runs out (the grant again)", async () => {
    const session = client.createSession({ grant_type: "client_credentials" }, { now: clock.now, refreshAheadMs: 60_000 });
    const token = await session.getAccessToken();
    expect(await session.getAccessToken()).toBe(token);
    expect((await session.authorizedFetch("/v1/user/1001/scheduled_meeting")).status).toBe(200);
    clock.advance(541_000); // within the last minute of the 600 s lifetime
    const renewed = await session.getAccessToken();
    expect(renewed).not.toBe(token);
    expect(fake.tokens.map((t) => t.grantType)).toEqual(["client_credentials", "client_credentials"]);
    await session.revoke();
    expect(fake.isActiveToken(renewed)).toBe(false);
  });

  it("a code session renews with the refresh grant and rotates its refresh token", async () => {
    const session = client.createSession({ grant_type: "authorization_code", code: fake.issueAuthorizationCode(), redirectUri: DEFAULT_REDIRECT_URI }, { now: clock.now });
    const first = await session.getAccessToken();
    clock.advance(600_000);
    expect(fake.isActiveToken(first)).toBe(false);
    const second = await session.getAccessToken();
    clock.advance(600_000);
    const third = await session.getAccessToken();
    expect(new Set([first, second, third]).size).toBe(3);
    expect(fake.tokens.map((t) => t.grantType)).toEqual(["authorization_code", "refresh_token", "refresh_token"]);
    expect((await session.getTokenResponse()).refresh_token).toBe(fake.tokens[2]!.refreshToken);
  });

  it("client applications: create (secret once), use in the code grant, update, regenerate the secret", async () => {
    const { access_token } = await client.getTokenByPassword({ username: fake.username, password: fake.password });
    const app = await client.createClientApplication(fake.userId, { appName: "Test App", redirectUrls: ["https://app.example.test/"] }, { accessToken: access_token! });
    expect(app).toMatchObject({ appName: "Test App", userId: String(fake.userId), clientId: expect.stringMatching(/^[0-9a-f]{32}$/), clientSecret: expect.stringMatching(/^test-/) });
    const appClient = createBlueJeansClient({ clientId: app.clientId!, clientSecret: app.clientSecret!, baseUrl: fake.url });
    const code = fake.issueAuthorizationCode({ clientId: app.clientId!, redirectUri: "https://app.example.test/cb" });
    await expect(appClient.getTokenByCode({ code, redirectUri: "https://app.example.test/cb" })).resolves.toMatchObject({ scope: { user: fake.userId } });

    await expect(client.updateClientApplication(fake.userId, app.clientId!, { appName: "Renamed" }, { accessToken: access_token! })).resolves.toMatchObject({ appName: "Renamed" });
    const secret = await client.regenerateClientApplicationSecret(fake.userId, app.clientId!, { accessToken: access_token! });
    expect(secret.clientSecret).not.toBe(app.clientSecret);
    await expect(appClient.getTokenByRefresh({ refresh_token: "test-anything" })).rejects.toMatchObject({ status: 401 });
    // Another user's applications are out of reach of this token.
    await expect(client.createClientApplication(4242, { appName: "x" }, { accessToken: access_token! })).rejects.toMatchObject({ status: 401 });
    expect(fake.applications.map((a) => a.appName)).toEqual(["Renamed"]);
  });

  it("accepts what the vendor's own SDKs send: ?<Marker> seed paths and a configured access_token", async () => {
    const post = (query: string, body: object) => fetch(`${fake.url}/oauth2/token${query}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const clientGrant = { grant_type: "client_credentials", client_id: fake.clientId, client_secret: fake.clientSecret };
    const first = await post("?Client", clientGrant);
    expect(first.status).toBe(200);
    const { access_token } = (await first.json()) as { access_token: string };
    // A configured token rides along on every call of the vendor's clients, even an expired one.
    expect((await post(`?Client&access_token=${access_token}`, clientGrant)).status).toBe(200);
    expect((await post("?Password&access_token=test-expired-token", { grant_type: "password", username: fake.username, password: fake.password })).status).toBe(200);
    const authorize = await fetch(`${fake.url}/oauth2/authorize?clientId=${fake.clientId}&redirectUri=${encodeURIComponent(DEFAULT_REDIRECT_URI)}&access_token=${access_token}`, { redirect: "manual" });
    expect(authorize.status).toBe(302);
    const revoke = await fetch(`${fake.url}/oauth2/token?Revoke&access_token=${access_token}`, { method: "DELETE", headers: { "content-type": "application/json" }, body: JSON.stringify({ client_id: fake.clientId, client_secret: fake.clientSecret }) });
    expect(revoke.status).toBe(204);
    expect(fake.isActiveToken(access_token)).toBe(false);
    expect(fake.violations).toEqual([]);
    // Only the operation's own markers, and only without a value.
    expect((await post("?Revoke", clientGrant)).status).toBe(400);
    expect((await post("?Client=1", clientGrant)).status).toBe(400);
    expect(fake.violations.map((v) => v.errors.join())).toEqual([expect.stringContaining("(Revoke)"), expect.stringContaining("(Client)")]);
  });

  it("rejects a request that breaks the spec with a 400 Error body, and records it", async () => {
    const { response, error } = await client.http.POST("/oauth2/token", { body: { grant_type: "password", username: "test-user" } as never });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ message: expect.stringContaining("does not match the bluejeans spec") });
    expect(fake.violations).toEqual([expect.objectContaining({ kind: "request", operationId: "getToken" })]);
  });
});
