// Security and token-lifecycle hardening of the UniCourt client (issue 10), against its fake and a
// loopback server: a 401 storm never exhausts the account's 10 tokens, a replaced token is
// invalidated on the server, a token response without a token is refused, tokens are redacted.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HOUR_MS, LONG_TEST_MS, useLoopbackServer, serialisedForms } from "@vendor-auth/testing/suite";
import { ResponseParseError, ValidationError, createUniCourtClient, type UniCourtClient } from "../src/index.js";
import { startUniCourtFake, type UniCourtFake } from "../src/testing/index.js";
import { CLIENT_ID, CLIENT_SECRET, tokenResponse } from "./fixtures.js";

describe("a 401 storm against the UniCourt fake", () => {
  let fake: UniCourtFake;
  let client: UniCourtClient;
  const events: Array<{ type: string; action?: string }> = [];
  // The bound is one re-authentication per interval: with an hour no storm outlasts it, so the
  // token count cannot depend on how slow the machine is.
  beforeEach(async () => {
    fake = await startUniCourtFake();
    events.length = 0;
    client = createUniCourtClient({ clientId: fake.clientId, clientSecret: fake.clientSecret, baseUrl: fake.url, logger: (e) => events.push(e), reauthIntervalMs: HOUR_MS });
  });
  afterEach(() => fake.close());

  it("1,000 calls all answered 401: at most 2 token requests, at most 1 active token left on the account", async () => {
    // A sealed case: the resource refuses every token, valid or not.
    fake.failNext({ status: 401 }, { path: "/caseSearch", times: 5000 });
    for (let batch = 0; batch < 10; batch++) {
      const responses = await Promise.all(Array.from({ length: 100 }, () => client.authorizedFetch("/caseSearch?q=sealed")));
      for (const response of responses) expect(response.status).toBe(401);
    }
    const generated = fake.requests.filter((r) => r.operationId === "generateNewToken");
    expect(generated.length).toBeLessThanOrEqual(2);
    // The replaced token is invalidated in the background: wait for that request to be answered.
    for (let waited = 0; fake.requests.filter((r) => r.operationId === "invalidateToken" && r.status !== undefined).length < generated.length - 1 && waited < 5000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(fake.activeTokens.length).toBeLessThanOrEqual(1);
    expect(events.filter((e) => e.type === "token").map((e) => e.action)).toEqual(expect.arrayContaining(["kept", "replaced", "revoked"]));
    // 1,000 requests through the spec-validating fake: a fixed amount of work, so a generous limit.
  }, LONG_TEST_MS);

  it("a token invalidated elsewhere is replaced once, and the old one is invalidated on the server", async () => {
    const first = await client.getAccessToken();
    expect((await client.authorizedFetch("/caseSearch")).status).toBe(200);
    fake.reset();
    expect((await client.authorizedFetch("/caseSearch")).status).toBe(200);
    expect(await client.getAccessToken()).not.toBe(first);
    expect(fake.activeTokens).toHaveLength(1);
  });
});

describe("token responses and their secrets", () => {
  const server = useLoopbackServer();
  const newClient = () => createUniCourtClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl: server.url });

  it("a 200 without accessToken is a ResponseParseError, nothing is cached, and Bearer undefined is never sent", async () => {
    let n = 0;
    server.setHandler((request) => {
      if (request.path !== "/generateNewToken") return { body: { ok: true } };
      return ++n === 1 ? { body: { object: "AccessTokenResponse", tokenId: "TKIDtest0000000001", tokenType: "Bearer" } } : { body: tokenResponse(2) };
    });
    const client = newClient();
    await expect(client.getAccessToken()).rejects.toBeInstanceOf(ResponseParseError);
    await expect(client.getAccessToken()).resolves.toBe(tokenResponse(2).accessToken);
    await client.authorizedFetch("/caseSearch");
    expect(server.requests.map((r) => r.headers.authorization).filter(Boolean)).toEqual([`Bearer ${tokenResponse(2).accessToken}`]);
  });

  it("a generated token is redacted from every later error of the client", async () => {
    const token = tokenResponse(3).accessToken;
    server.setHandler((request) => (request.path === "/generateNewToken" ? { body: tokenResponse(3) } : { status: 400, reason: `Bad ${token}`, headers: { "x-echo": encodeURIComponent(token) }, body: { object: "Exception", code: "X", message: `echo ${token}`, details: token } }));
    const client = newClient();
    await client.getAccessToken();
    const error = await client.listAllTokenIds().catch((e: Error) => e);
    for (const form of serialisedForms(error as Error)) {
      expect(form).not.toContain(token);
      expect(form).not.toContain(encodeURIComponent(token));
    }
  });

  it("a 10 MB string instead of options is refused at once, before it is spread (spreading it took 9 to 50 s)", () => {
    expect(() => createUniCourtClient("x".repeat(10_000_000) as never)).toThrow(ValidationError);
  });
});
