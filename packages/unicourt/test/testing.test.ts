// The helper client against its own fake (@vendor-auth/unicourt/testing): the whole token
// lifecycle, the 10-token cap, invalidation, the token list, bearer auth on the rest of the API,
// wrong credentials, and the fake's spec validation.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createManualClock } from "@vendor-auth/testing";
import { BadRequestError, PermissionDeniedError, createUniCourtClient, type UniCourtClient } from "../src/index.js";
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, startUniCourtFake, type UniCourtFake } from "../src/testing/index.js";

let fake: UniCourtFake;
let client: UniCourtClient;
const clock = createManualClock(Date.UTC(2030, 0, 2, 3, 4, 5));

beforeEach(async () => {
  fake = await startUniCourtFake({ now: clock.now });
  client = createUniCourtClient({ clientId: fake.clientId, clientSecret: fake.clientSecret, baseUrl: fake.url, maxRetries: 0 });
});
afterEach(async () => {
  // No request of the client broke the spec, and no answer of the fake did.
  expect(fake.violations.filter((v) => v.kind !== "request")).toEqual([]);
  await fake.close();
});

const operationsSent = () => fake.requests.map((r) => r.operationId ?? `${r.method} ${r.path}`);

describe("the UniCourt fake", () => {
  it("uses obviously fake default credentials of the spec's lengths", () => {
    expect(fake.clientId).toBe(DEFAULT_CLIENT_ID);
    expect(fake.clientId).toHaveLength(32);
    expect(fake.clientSecret).toHaveLength(64);
    expect(fake.clientSecret.startsWith("test-")).toBe(true);
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(DEFAULT_CLIENT_SECRET).toBe(fake.clientSecret);
  });

  it("generate, reuse, list, bearer auth on the rest of the API, invalidate", async () => {
    const token = await client.getAccessToken();
    expect(await client.getAccessToken()).toBe(token);
    expect(fake.activeTokens).toHaveLength(1);
    expect(fake.isActiveToken(token)).toBe(true);

    const list = await client.listAllTokenIds();
    expect(list).toEqual({
      object: "AccessTokenIdListResponse",
      AccessTokenIdArray: [{ object: "AccessTokenIdResponse", tokenId: client.getCachedTokenId(), issuedDate: "2030-01-02T03:04:05+00:00", issueAddress: "127.0.0.1" }],
    });

    const resource = await client.authorizedFetch("/caseSearch?q=Smith");
    expect(resource.status).toBe(200);
    expect(await resource.json()).toEqual({ object: "FakeResource", method: "GET", path: "/caseSearch" });
    expect(fake.checkBearer(`Bearer ${token}`)).toBe(true);
    expect((await fetch(`${fake.url}/caseSearch`)).status).toBe(401);

    await expect(client.invalidateToken(client.getCachedTokenId()!)).resolves.toEqual({ object: "Success", message: "Access token invalidated successfully." });
    expect(fake.isActiveToken(token)).toBe(false);
    expect(fake.checkBearer(`Bearer ${token}`)).toBe(false);
    expect((await client.listAllTokenIds()).AccessTokenIdArray).toEqual([]);
    expect(operationsSent()).toEqual(["generateNewToken", "listAllTokenIds", "GET /caseSearch", "GET /caseSearch", "invalidateToken", "listAllTokenIds"]);
  });

  it("invalidateToken() with no argument invalidates the client's cached token on the fake and clears it", async () => {
    const client = createUniCourtClient({ clientId: fake.clientId, clientSecret: fake.clientSecret, baseUrl: fake.url });
    const first = await client.getAccessToken();
    const tokenId = client.getCachedTokenId()!;
    await expect(client.invalidateToken()).resolves.toEqual({ object: "Success", message: "Access token invalidated successfully." });
    expect(fake.isActiveToken(first)).toBe(false);
    expect(fake.tokens.find((t) => t.tokenId === tokenId)?.active).toBe(false);
    expect(client.getCachedTokenId()).toBeUndefined();
    const second = await client.getAccessToken();
    expect(second).not.toBe(first);
    expect(fake.activeTokens.map((t) => t.accessToken)).toEqual([second]);
  });

  it("caps an account at 10 active tokens: the 11th generate is a 400 Exception, until one is invalidated", async () => {
    const issued = [];
    for (let i = 0; i < 10; i++) issued.push(await client.generateNewToken());
    const error = await client.generateNewToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, code: "MaxActiveTokensReached", body: { object: "Exception" } });
    expect(fake.activeTokens).toHaveLength(10);
    expect((await client.listAllTokenIds()).AccessTokenIdArray).toHaveLength(10);

    await client.invalidateToken(issued[3]!.tokenId);
    await expect(client.generateNewToken()).resolves.toMatchObject({ tokenType: "Bearer" });
    await expect(client.invalidateToken(issued[3]!.tokenId)).rejects.toMatchObject({ status: 400, code: "InvalidTokenId" });

    await client.invalidateAllTokens();
    expect(fake.activeTokens).toEqual([]);
    expect(fake.tokens).toHaveLength(11);
  });

  it("a token invalidated elsewhere: the API answers 401, the client generates a new one and retries once", async () => {
    const first = await client.getAccessToken();
    const other = createUniCourtClient({ clientId: fake.clientId, clientSecret: fake.clientSecret, baseUrl: fake.url });
    await other.invalidateAllTokens();
    const response = await client.authorizedFetch("/caseSearch");
    expect(response.status).toBe(200);
    const second = await client.getAccessToken();
    expect(second).not.toBe(first);
    expect(fake.activeTokens.map((t) => t.accessToken)).toEqual([second]);
  });

  it("wrong credentials: 403 on generate (the vendor's refusal), 400 on the other operations", async () => {
    const wrong = createUniCourtClient({ clientId: fake.clientId, clientSecret: "test-wrong-secret-".padEnd(64, "1"), baseUrl: fake.url });
    await expect(wrong.generateNewToken()).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(wrong.listAllTokenIds()).rejects.toMatchObject({ name: "BadRequestError", code: "InvalidCredentials" });
    await expect(wrong.invalidateAllTokens()).rejects.toMatchObject({ status: 400 });
    expect(fake.tokens).toEqual([]);
  });

  it("rejects a request that breaks the spec with a 400 Exception naming the field, and records it", async () => {
    const { error, response } = await client.http.PUT("/listAllTokenIds", { body: { clientId: "test-too-short", clientSecret: fake.clientSecret } });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ object: "Exception", code: "InvalidRequest", details: expect.stringContaining("/clientId") });
    expect(fake.violations).toEqual([expect.objectContaining({ kind: "request", operationId: "listAllTokenIds" })]);
  });

  it("reset() forgets every token; the request log is kept until clearLog()", async () => {
    await client.getAccessToken();
    fake.reset();
    expect(fake.tokens).toEqual([]);
    expect(fake.requests).toHaveLength(1);
    fake.clearLog();
    expect(fake.requests).toHaveLength(0);
  });
});
