// The helper client against its own fake (@vendor-auth/laserfiche/testing): Create with each kind
// of credential, the idle lifetime on an injected clock, Refresh with Keep-Alive, Invalidate,
// sessions closed by `await using`, 401 for expired and invalidated tokens, and the fake's spec
// validation. No test waits for real time.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createManualClock } from "@vendor-auth/testing";
import { AuthenticationError, createLaserficheClient, type LaserficheClientOptions } from "../src/index.js";
import { keepAliveSeconds, nodeHttpFetch, startLaserficheFake, type LaserficheFake } from "../src/testing/index.js";

const clock = createManualClock();
let fake: LaserficheFake;

beforeEach(async () => {
  clock.set(Date.UTC(2030, 0, 1));
  fake = await startLaserficheFake({ now: clock.now, sessionIdleSeconds: 600 });
});
afterEach(async () => {
  expect(fake.violations.filter((v) => v.kind !== "request")).toEqual([]);
  await fake.close();
});

const newClient = (extra: Partial<LaserficheClientOptions> = {}) =>
  createLaserficheClient({ repoId: fake.repoId, username: fake.username, password: fake.password, baseUrl: fake.url, fetch: nodeHttpFetch, ...extra });
const iso = (offsetSeconds: number) => new Date(clock.now() + offsetSeconds * 1000).toISOString();

describe("the Laserfiche fake", () => {
  it("serves under /repository on loopback with obviously fake defaults", () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/repository$/);
    expect([fake.repoId, fake.username, fake.password, fake.sessionKey]).toEqual(["r-test0001", "test-user", "test-password", "test-session-key"]);
  });

  it("create, use, refresh with Keep-Alive, expire when idle, invalidate", async () => {
    const client = newClient();
    const info = await client.createAccessToken();
    expect(info.expireTime).toBe(iso(600));
    expect(fake.sessions).toEqual([expect.objectContaining({ authToken: info.authToken, credential: "password", idleSeconds: 600, active: true })]);

    // Each use renews the idle timer.
    clock.advance(500_000);
    expect((await client.authorizedFetch(`/v1-alpha/Repositories/${fake.repoId}/Entries/1`)).status).toBe(200);
    expect(fake.sessions[0]!.expiresAt.toISOString()).toBe(iso(600));

    // Keep-Alive sets the idle lifetime (bare seconds or timeout=N); above one hour it is capped.
    clock.advance(100_000);
    await expect(client.refreshAccessToken({ keepAliveSeconds: 1800 })).resolves.toEqual({ value: iso(1800) });
    expect(client.expiresAt?.toISOString()).toBe(iso(1800));
    await client.refreshAccessToken({ keepAlive: "timeout=7200" });
    expect(fake.sessions[0]).toMatchObject({ idleSeconds: 3600, refreshCount: 2 });
    expect(fake.requests.at(-1)!.headers["keep-alive"]).toBe("timeout=7200");

    // Idle past the lifetime: the token is refused with 401.
    clock.advance(3600_000);
    expect(fake.isActiveToken(info.authToken!)).toBe(false);
    const expired = await client.refreshAccessToken().catch((e: unknown) => e);
    expect(expired).toBeInstanceOf(AuthenticationError);
    expect(expired).toMatchObject({ status: 401, body: { message: "Access token is invalid or expired.", statusCode: 401 } });

    // The client starts afresh after invalidate; the new token can itself be invalidated.
    await client.invalidateAccessToken().catch(() => undefined);
    const second = await client.createAccessToken();
    expect(second.authToken).not.toBe(info.authToken);
    await expect(client.invalidateAccessToken()).resolves.toEqual({ value: true });
    expect(fake.sessions.map((s) => [s.invalidated, s.active])).toEqual([
      [false, false],
      [true, false],
    ]);
    expect(fake.checkBearer(`Bearer ${second.authToken}`)).toBe(false);
  });

  it("sessions: await using invalidates the session's token at the end of the block", async () => {
    const client = newClient();
    let token: string;
    {
      await using session = client.openSession();
      token = await session.getAccessToken();
      expect(fake.isActiveToken(token)).toBe(true);
      await session.refreshAccessToken();
    }
    expect(fake.isActiveToken(token)).toBe(false);
    expect(fake.sessions[0]).toMatchObject({ invalidated: true, refreshCount: 1 });
    expect(fake.requests.map((r) => r.operationId)).toEqual(["createAccessToken", "refreshAccessToken", "invalidateAccessToken"]);
  });

  it("a token invalidated elsewhere: the rest of the API answers 401, the client creates a new token once", async () => {
    const client = newClient();
    const first = await client.getAccessToken();
    await fetch(`${fake.url}/v1-alpha/Repositories/${fake.repoId}/AccessTokens/Invalidate`, { method: "POST", headers: { authorization: `Bearer ${first}` } });
    const response = await client.authorizedFetch(`/v1-alpha/Repositories/${fake.repoId}/Entries/1`);
    expect(response.status).toBe(200);
    expect(await client.getAccessToken()).not.toBe(first);
  });

  it("credentials: session key, wrong password, wrong customerId, wrong repository", async () => {
    await expect(newClient({ username: undefined, password: undefined, sessionKey: fake.sessionKey }).createAccessToken()).resolves.toMatchObject({ authToken: expect.stringMatching(/^test-/) });
    await expect(newClient({ password: "test-wrong-password" }).createAccessToken()).rejects.toMatchObject({ name: "AuthenticationError", body: { message: "Invalid username or password." } });
    await expect(newClient({ repoId: "r-other" }).createAccessToken()).rejects.toMatchObject({ name: "PermissionDeniedError" });

    const strict = await startLaserficheFake({ customerId: "123456789" });
    try {
      const base = { repoId: strict.repoId, username: strict.username, password: strict.password, baseUrl: strict.url };
      await expect(createLaserficheClient({ ...base, customerId: "987654321" }).createAccessToken()).rejects.toMatchObject({ status: 401 });
      await expect(createLaserficheClient({ ...base, customerId: "123456789", createCookie: true }).createAccessToken()).resolves.toBeDefined();
      expect(strict.sessions).toHaveLength(1);
    } finally {
      await strict.close();
    }
  });

  it("createCookie is read as ASP.NET reads a boolean, in any case (the vendor's Python SDK sends True/False)", async () => {
    const create = (value: string) =>
      fetch(`${fake.url}/v1-alpha/Repositories/${fake.repoId}/AccessTokens/Create?createCookie=${value}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: fake.username, password: fake.password }),
      });
    for (const value of ["True", "TRUE", "true"]) expect((await create(value)).headers.get("set-cookie")).toMatch(/^AuthToken=test-laserfiche-token-/);
    for (const value of ["False", "false"]) {
      const response = await create(value);
      expect(response.status).toBe(200);
      expect(response.headers.get("set-cookie")).toBeNull();
    }
    expect((await create("yes")).status).toBe(400);
  });

  it("rejects a request that breaks the spec with a 400 APIServerException, and records it", async () => {
    const client = newClient();
    const { error, response } = await client.http.POST("/v1-alpha/Repositories/{repoId}/AccessTokens/Create", {
      params: { path: { repoId: fake.repoId } },
      body: { username: "test-user", password: "test-password", colour: "red" } as never,
    });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ errorClass: "ValidationException", statusCode: 400, message: expect.stringContaining("colour") });
    expect(fake.violations).toEqual([expect.objectContaining({ kind: "request", operationId: "createAccessToken" })]);
    // An unreadable Keep-Alive value is refused by the fake too.
    const token = await client.getAccessToken();
    await expect(client.refreshAccessToken({ keepAlive: "forever" })).rejects.toMatchObject({ status: 400 });
    expect(fake.isActiveToken(token)).toBe(true);
  });

  it("keepAliveSeconds reads both documented forms", () => {
    expect(["600", " timeout=600 ", "timeout=600, max=5", "forever", "0", "-1"].map(keepAliveSeconds)).toEqual([600, 600, 600, undefined, undefined, undefined]);
  });
});
