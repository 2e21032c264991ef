// createTokenExchange against a real token endpoint on loopback: the form and bearer it posts, the
// answer it reads (RFC 6749 §5.1), one exchange for concurrent callers, renewal at a fraction of
// the lifetime, no retry, no redirect, and the bearer and token kept out of every error.
import { describe, expect, it } from "vitest";
import { serialisedForms, useLoopbackServer } from "@vendor-auth/testing/suite";
import { Redactor, createTokenExchange, exactlyOneOf, optionalScopes, checkServerUrl, toBase64Url, utf8, type TokenExchangeOptions } from "../src/internal.js";

const server = useLoopbackServer();
const ASSERTION = "test-assertion-0123456789abcdef";
const jwt = (claims: object) => `${toBase64Url(utf8("{}"))}.${toBase64Url(utf8(JSON.stringify(claims)))}.sig`;

function exchangeWith(extra: Partial<TokenExchangeOptions> = {}) {
  let time = 1_000_000;
  let issued = 0;
  const clock = { now: () => time, advance: (ms: number) => (time += ms) };
  const tokens = createTokenExchange({
    vendor: "test",
    operation: "exchange",
    redactor: new Redactor(),
    renewAtFraction: 0.5,
    now: clock.now,
    retry: { initialDelayMs: 1, maxDelayMs: 1 },
    request: async () => ({ baseUrl: server.url, path: "/token", form: { grant_type: "urn:test:grant", scope: "a b", assertion: `${ASSERTION}-${++issued}` }, bearer: `${ASSERTION}-${issued}` }),
    ...extra,
  });
  return { tokens, clock };
}

describe("createTokenExchange", () => {
  it("posts the form in order with the bearer, reads the answer, and keeps the token until the fraction of its lifetime", async () => {
    let n = 0;
    server.setHandler(() => ({ status: 200, body: { access_token: `test-token-${++n}`, token_type: "bearer", expires_in: 600, scope: "a" } }));
    const { tokens, clock } = exchangeWith();
    const [a, b] = await Promise.all([tokens.getAccessToken(), tokens.getAccessToken()]);
    expect([a, b]).toEqual(["test-token-1", "test-token-1"]);
    const [request] = server.requests;
    expect(request).toMatchObject({ method: "POST", path: "/token", headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Bearer ${ASSERTION}-1`, accept: "application/json" } });
    expect(request!.rawBody).toBe(`grant_type=urn%3Atest%3Agrant&scope=a+b&assertion=${ASSERTION}-1`);
    clock.advance(299_999);
    expect(await tokens.getAccessToken()).toBe("test-token-1");
    clock.advance(1);
    expect(await tokens.getAccessToken()).toBe("test-token-2");
    expect(await tokens.exchange()).toEqual({ accessToken: "test-token-3", tokenType: "bearer", scope: "a", expiresAt: clock.now() + 600_000 });
    expect(await tokens.getAccessToken()).toBe("test-token-3");
    tokens.invalidate();
    expect(await tokens.getAccessToken()).toBe("test-token-4");
    expect(server.requests).toHaveLength(4);
  });

  it("the lifetime from the JWT's exp without expires_in; a token of unknown lifetime is not kept", async () => {
    const { tokens, clock } = exchangeWith();
    server.setHandler(() => ({ status: 200, body: { access_token: jwt({ exp: (clock.now() + 100_000) / 1000 }) } }));
    expect((await tokens.exchange()).expiresAt).toBe(clock.now() + 100_000);
    server.setHandler(() => ({ status: 200, body: { access_token: "test-opaque-token" } }));
    tokens.invalidate();
    await tokens.getAccessToken();
    await tokens.getAccessToken();
    expect(server.requests).toHaveLength(3);
  });

  it("an answer without access_token is a ResponseParseError; a 503 is not retried (it mints a token); a redirect is not followed", async () => {
    const { tokens } = exchangeWith();
    server.setHandler(() => ({ status: 200, body: { token_type: "bearer" } }));
    await expect(tokens.getAccessToken()).rejects.toMatchObject({ name: "ResponseParseError", operation: "exchange" });
    server.requests.length = 0;
    server.setHandler(() => ({ status: 503, body: { error: "test" } }));
    await expect(tokens.getAccessToken()).rejects.toMatchObject({ name: "InternalServerError", status: 503 });
    expect(server.requests).toHaveLength(1);
    server.setHandler(() => ({ status: 307, headers: { location: "https://elsewhere.example/token" } }));
    await expect(tokens.getAccessToken()).rejects.toMatchObject({ name: "RedirectError" });
  });

  it("the bearer sent and the token received never appear in an error", async () => {
    const { tokens } = exchangeWith();
    server.setHandler((request) => ({ status: 400, body: { error: "invalid_grant", echo: `${request.headers["authorization"]} ${request.rawBody}` } }));
    const error = (await tokens.getAccessToken().catch((e: unknown) => e)) as Error;
    for (const form of serialisedForms(error)) expect(form).not.toContain(ASSERTION);
    server.setHandler(() => ({ status: 200, body: { access_token: "test-received-token-abcdef" } }));
    await tokens.exchange();
    server.setHandler(() => ({ status: 400, body: { error: "test", echo: "test-received-token-abcdef" } }));
    const later = (await tokens.exchange().catch((e: unknown) => e)) as Error;
    for (const form of serialisedForms(later)) expect(form).not.toContain("test-received-token-abcdef");
  });
});

describe("option checks shared by the helpers", () => {
  it("exactlyOneOf names the missing or the extra alternative", () => {
    expect(exactlyOneOf({ b: 1 }, ["a", "b"])).toBe("b");
    expect(() => exactlyOneOf({}, ["a", "b"])).toThrow(expect.objectContaining({ field: "a", message: "Invalid a: is required: pass one of a, b" }));
    expect(() => exactlyOneOf({ a: 1, b: 2 }, ["a", "b"])).toThrow(expect.objectContaining({ field: "b" }));
  });

  it("optionalScopes: strings without whitespace", () => {
    expect(optionalScopes("scopes", undefined)).toEqual([]);
    expect(optionalScopes("scopes", ["a", "urn:b?"])).toEqual(["a", "urn:b?"]);
    expect(() => optionalScopes("scopes", "a")).toThrow(expect.objectContaining({ field: "scopes" }));
    expect(() => optionalScopes("scopes", ["a", "b c"])).toThrow(expect.objectContaining({ field: "scopes[1]" }));
  });

  it("checkServerUrl names the field it checks", () => {
    expect(checkServerUrl("issuer", "https://auth.example.test/", false)).toBe("https://auth.example.test");
    expect(() => checkServerUrl("issuer", "http://auth.example.test", false)).toThrow(expect.objectContaining({ field: "issuer", message: expect.stringContaining("refusing plain http") }));
    expect(checkServerUrl("issuer", "http://auth.example.test", true)).toBe("http://auth.example.test");
  });
});
