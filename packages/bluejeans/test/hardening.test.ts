// Security and token-lifecycle hardening of the BlueJeans client (issue 10): expires_in clamped,
// revoke() winning every race, per-call tokens redacted for their call only, short passcodes
// redacted, session options checked, a pre-aborted signal minting nothing.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { type RecordedRequest } from "@vendor-auth/testing";
import { useLoopbackServer } from "@vendor-auth/testing/suite";
import { AbortError, ValidationError, VendorAuthError, createBlueJeansClient } from "../src/index.js";
import { AUTH_CODE, CLIENT_ID, CLIENT_SECRET, MEETING_ID, REDIRECT_URI, USER_ID, accessToken, grantClient, grantCode, grantRefresh } from "./fixtures.js";

const server = useLoopbackServer();
const newClient = () => createBlueJeansClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl: server.url });
const isGrant = (r: RecordedRequest) => r.method === "POST" && r.path === "/oauth2/token";
const grants = () => server.requests.filter(isGrant);
const revokes = () => server.requests.filter((r) => r.method === "DELETE" && r.path === "/oauth2/token").map((r) => r.query.get("access_token"));
const deferred = () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { gate, release };
};

describe("expires_in is clamped to sane bounds", () => {
  it.each([0, -5, -1e300])("expires_in %s: the token is reused for minLifetimeMs, not re-requested on every call", async (expiresIn) => {
    let clock = 1_000_000;
    let n = 0;
    server.setHandler((r) => (isGrant(r) ? { body: grantClient(++n, expiresIn) } : { body: {} }));
    const session = newClient().createSession({ grant_type: "client_credentials" }, { now: () => clock, minLifetimeMs: 10_000 });
    for (let i = 0; i < 50; i++) expect(await session.getAccessToken()).toBe(accessToken(1));
    expect(grants()).toHaveLength(1);
    clock += 10_001;
    expect(await session.getAccessToken()).toBe(accessToken(2));
  });

  it("expires_in 1e300: capped at a year; the session still serialises and inspects", async () => {
    let clock = 1_000_000;
    server.setHandler((r) => (isGrant(r) ? { body: grantClient(1, 1e300) } : { body: {} }));
    const session = newClient().createSession({ grant_type: "client_credentials" }, { now: () => clock });
    await session.getAccessToken();
    expect(() => JSON.stringify(session)).not.toThrow();
    expect(() => inspect(session)).not.toThrow();
    const renewAt = Date.parse((JSON.parse(JSON.stringify(session)) as { renewAt: string }).renewAt);
    expect(renewAt - clock).toBeLessThanOrEqual(365 * 24 * 3600 * 1000);
    clock += 366 * 24 * 3600 * 1000;
    await session.getAccessToken();
    expect(grants()).toHaveLength(2);
  });
});

describe("revoke() wins every race", () => {
  it("during the first token request: the token that arrives is revoked and never used", async () => {
    const { gate, release } = deferred();
    server.setHandler(async (r) => {
      if (isGrant(r)) {
        await gate;
        return { body: grantClient(1) };
      }
      if (r.method === "DELETE") return { status: 204 };
      return { body: {} };
    });
    const session = newClient().createSession({ grant_type: "client_credentials" });
    const waiting = session.getAccessToken().catch((error: unknown) => error);
    while (grants().length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const revoking = session.revoke();
    release();
    await revoking;
    expect(await waiting).toBeInstanceOf(VendorAuthError);
    expect(revokes()).toEqual([accessToken(1)]);
    // A repeatable grant may start afresh; it never hands out the revoked token.
    server.setHandler((r) => (isGrant(r) ? { body: grantClient(2) } : { status: 204 }));
    expect(await session.getAccessToken()).toBe(accessToken(2));
  });

  it("during a refresh: the refresh answer cannot bring the session (or its refresh token) back", async () => {
    let clock = 1_000_000;
    const { gate, release } = deferred();
    server.setHandler(async (r) => {
      if (!isGrant(r)) return r.method === "DELETE" ? { status: 204 } : { body: {} };
      const grant = (r.json as { grant_type: string }).grant_type;
      if (grant === "authorization_code") return { body: grantCode(1, 120) };
      await gate;
      return { body: grantRefresh(2, 3600) };
    });
    const session = newClient().createSession({ grant_type: "authorization_code", code: AUTH_CODE, redirectUri: REDIRECT_URI }, { now: () => clock });
    expect(await session.getAccessToken()).toBe(accessToken(1));
    clock += 119_000;
    const refreshing = session.getAccessToken().catch((error: unknown) => error);
    while (grants().length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    const revoking = session.revoke();
    release();
    await revoking;
    expect(await refreshing).toBeInstanceOf(VendorAuthError);
    expect(revokes()).toEqual([accessToken(1), accessToken(2)]);
    // The code grant cannot be repeated and no refresh token survived: a new authorization is needed.
    await expect(session.getAccessToken()).rejects.toThrow(/revoked/);
    expect(grants()).toHaveLength(2);
  });
});

describe("secrets with bounded lifetimes", () => {
  it("a per-call access token is redacted in its own call's errors and not kept after it", async () => {
    const perCall = "test-per-call-token-0042";
    server.setHandler(() => ({ status: 400, body: { message: `echo ${perCall}` } }));
    const client = newClient();
    const own = await client.getTokenInfo({ accessToken: perCall }).catch((e: Error) => e);
    expect(String(own)).not.toContain(perCall);
    expect(JSON.stringify(own)).not.toContain(perCall);
    // Another call (another user's token) no longer redacts it: it was held for its call only.
    const other = await client.getTokenInfo({ accessToken: "test-other-token-0043" }).catch((e: Error) => e);
    expect(String(other)).toContain(perCall);
  });

  it("a 4-digit meeting passcode is redacted in the texts of the call that sent it", async () => {
    server.setHandler(() => ({ status: 400, body: { message: "passcode 2404 is wrong for meeting" } }));
    const error = await newClient()
      .getTokenByMeeting({ meetingNumericId: MEETING_ID, meetingPasscode: "2404" })
      .catch((e: Error) => e);
    for (const form of [String(error), JSON.stringify(error), inspect(error)]) expect(form).not.toMatch(/\b2404\b/);
  });
});

describe("bad input, checked first", () => {
  it.each([
    ["refreshAheadMs", { refreshAheadMs: Number.NaN }],
    ["now", { now: "x" }],
    ["tokenPlacement", { tokenPlacement: "cookie" }],
    ["minLifetimeMs", { minLifetimeMs: -1 }],
    ["sessionOptions", "fast"],
  ])("session option %s: ValidationError naming it, nothing sent", (field, options) => {
    expect(() => newClient().createSession({ grant_type: "client_credentials" }, options as never)).toThrow(expect.objectContaining({ name: "ValidationError", field }));
    expect(server.requests).toHaveLength(0);
  });

  it("an already aborted signal: getAccessToken obtains no token; a provider-backed call runs no provider", async () => {
    server.setHandler((r) => (isGrant(r) ? { body: grantClient(1) } : { body: { scope: { user: USER_ID } } }));
    const session = newClient().createSession({ grant_type: "client_credentials" });
    await expect(session.getAccessToken({ signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    let provided = 0;
    const client = createBlueJeansClient({ baseUrl: server.url, accessToken: () => `test-provided-${++provided}` });
    await expect(client.getTokenInfo({ signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    expect(provided).toBe(0);
    expect(server.requests).toHaveLength(0);
  });

  it("a 10 MB string as grant parameters is refused before it is spread", async () => {
    await expect(newClient().getTokenByPassword("x".repeat(10_000_000) as never)).rejects.toBeInstanceOf(ValidationError);
  });
});
