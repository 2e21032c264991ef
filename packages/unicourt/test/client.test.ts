// The helper client against a real HTTP server on 127.0.0.1: exact wire format, typed results,
// typed errors, the single-flight token cache, bearer auth and secret redaction.
import { inspect } from "node:util";
import createClient from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { startLoopbackServer } from "@vendor-auth/testing";
import { useLoopbackServer } from "@vendor-auth/testing/suite";
import {
  AbortError,
  ApiError,
  BadRequestError,
  ConnectionError,
  PermissionDeniedError,
  ResponseParseError,
  TimeoutError,
  ValidationError,
  createUniCourtClient,
} from "../src/index.js";
import { CLIENT_ID, CLIENT_SECRET, TOKEN_ID, exceptionBody, tokenResponse } from "./fixtures.js";

const server = useLoopbackServer();

const newClient = (extra: Partial<Parameters<typeof createUniCourtClient>[0]> = {}) =>
  createUniCourtClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl: server.url, ...extra });

describe("token operations on the wire", () => {
  it("generateNewToken: POST /generateNewToken with the credentials as JSON, no auth header, typed result", async () => {
    server.setHandler(() => ({ body: tokenResponse(1) }));
    const token = await newClient().generateNewToken();
    expect(token).toEqual(tokenResponse(1));
    const [request] = server.requests;
    expect(server.requests).toHaveLength(1);
    expect(request!.method).toBe("POST");
    expect(request!.path).toBe("/generateNewToken");
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers.authorization).toBeUndefined();
    expect(request!.json).toEqual({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  });

  it("invalidateAllTokens: PUT /invalidateAllTokens with the credentials", async () => {
    const success = { object: "Success", message: "All the access tokens are invalidated successfully." };
    server.setHandler(() => ({ body: success }));
    await expect(newClient().invalidateAllTokens()).resolves.toEqual(success);
    expect(server.requests.map((r) => [r.method, r.path, r.json])).toEqual([["PUT", "/invalidateAllTokens", { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }]]);
  });

  it("invalidateToken: PUT /invalidateToken with the credentials and the tokenId", async () => {
    const success = { object: "Success", message: "Access token invalidated successfully." };
    server.setHandler(() => ({ body: success }));
    await expect(newClient().invalidateToken(TOKEN_ID)).resolves.toEqual(success);
    expect(server.requests.map((r) => [r.method, r.path, r.json])).toEqual([
      ["PUT", "/invalidateToken", { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, tokenId: TOKEN_ID }],
    ]);
  });

  it("listAllTokenIds: PUT /listAllTokenIds, returns the capitalised AccessTokenIdArray", async () => {
    const list = {
      object: "AccessTokenIdListResponse",
      AccessTokenIdArray: [{ object: "AccessTokenIdResponse", tokenId: TOKEN_ID, issuedDate: "2023-02-13T04:07:13+00:00", issueAddress: "192.0.2.1" }],
    };
    server.setHandler(() => ({ body: list }));
    const result = await newClient().listAllTokenIds();
    expect(result.AccessTokenIdArray[0]?.tokenId).toBe(TOKEN_ID);
    expect(server.requests.map((r) => [r.method, r.path, r.json])).toEqual([["PUT", "/listAllTokenIds", { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }]]);
  });

  it("sends the configured extra headers", async () => {
    server.setHandler(() => ({ body: tokenResponse() }));
    await newClient({ headers: { "x-trace-id": "abc" } }).generateNewToken();
    expect(server.requests[0]!.headers["x-trace-id"]).toBe("abc");
  });
});

describe("typed errors", () => {
  it("400 becomes BadRequestError with the vendor's code, message, body and headers", async () => {
    server.setHandler(() => ({ status: 400, headers: { "x-extra": "1" }, body: exceptionBody("INVALID_CREDENTIALS", "Invalid Client ID or Client Secret.") }));
    const error = await newClient().generateNewToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as BadRequestError;
    expect(apiError.name).toBe("BadRequestError");
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe("INVALID_CREDENTIALS");
    expect(apiError.operation).toBe("generateNewToken");
    expect(apiError.vendor).toBe("unicourt");
    expect(apiError.body).toEqual(exceptionBody("INVALID_CREDENTIALS", "Invalid Client ID or Client Secret."));
    expect(apiError.headers["x-extra"]).toBe("1");
    expect(apiError.message).toContain("Invalid Client ID or Client Secret.");
  });

  it("403 becomes PermissionDeniedError", async () => {
    server.setHandler(() => ({ status: 403, body: exceptionBody("FORBIDDEN", "Request from an address that is not allowed.") }));
    const error = await newClient().generateNewToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as PermissionDeniedError).code).toBe("FORBIDDEN");
  });

  it("a 200 that is HTML becomes ResponseParseError keeping the status", async () => {
    server.setHandler(() => ({ status: 200, headers: { "content-type": "text/html" }, body: "<html>maintenance</html>" }));
    const error = await newClient().listAllTokenIds().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as ResponseParseError).status).toBe(200);
    expect((error as ResponseParseError).excerpt).toContain("maintenance");
  });

  it("a slow response becomes TimeoutError, the caller's abort becomes AbortError", async () => {
    server.setHandler(async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { body: tokenResponse() };
    });
    await expect(newClient({ timeoutMs: 50 }).generateNewToken()).rejects.toBeInstanceOf(TimeoutError);
    const controller = new AbortController();
    const pending = newClient().generateNewToken({ signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(AbortError);
  });

  it("a refused connection becomes ConnectionError", async () => {
    const closed = await startLoopbackServer();
    await closed.close();
    await expect(createUniCourtClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl: closed.url }).listAllTokenIds()).rejects.toBeInstanceOf(ConnectionError);
  });

  it("bad input is a ValidationError before any request", async () => {
    expect(() => createUniCourtClient({ clientId: "short", clientSecret: CLIENT_SECRET, baseUrl: server.url })).toThrow(ValidationError);
    // The spec's lengths (AccessTokenRequest, InvalidateAccessTokenRequest), from the generated facts.
    expect(() => createUniCourtClient({ clientId: CLIENT_ID, clientSecret: "", baseUrl: server.url })).toThrow(/clientSecret: must be exactly 64 characters, got 0/);
    expect(() => createUniCourtClient({ clientId: CLIENT_ID } as never)).toThrow(/clientSecret: is required/);
    await expect(newClient().invalidateToken("")).rejects.toThrow(ValidationError);
    await expect(newClient().invalidateToken("TKID-too-short")).rejects.toThrow(/body\.tokenId: must be exactly 18 characters/);
    expect(server.requests).toHaveLength(0);
  });

  it("refuses plain http to a non-loopback host unless allowed", () => {
    expect(() => newClient({ baseUrl: "http://enterpriseapi.unicourt.com" })).toThrow(/refusing plain http/);
    expect(newClient({ baseUrl: "http://enterpriseapi.unicourt.com", allowInsecureHttp: true }).baseUrl).toBe("http://enterpriseapi.unicourt.com");
  });

  it("picks the server from the environment", () => {
    const base = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
    expect(createUniCourtClient(base).baseUrl).toBe("https://enterpriseapi.unicourt.com");
    expect(createUniCourtClient({ ...base, environment: "staging" }).baseUrl).toBe("https://enterpriseapi.staging.unicourt.com");
  });
});

describe("getAccessToken", () => {
  it("50 parallel callers cause exactly one POST /generateNewToken, and later calls reuse it", async () => {
    let issued = 0;
    server.setHandler(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { body: tokenResponse(++issued) };
    });
    const client = newClient();
    const tokens = await Promise.all(Array.from({ length: 50 }, () => client.getAccessToken()));
    expect(new Set(tokens)).toEqual(new Set([tokenResponse(1).accessToken]));
    expect(await client.getAccessToken()).toBe(tokenResponse(1).accessToken);
    expect(server.requests.filter((r) => r.path === "/generateNewToken")).toHaveLength(1);
    expect(client.getCachedTokenId()).toBe(tokenResponse(1).tokenId);
  });

  it("a failed token request rejects every waiter with the same error; the next call tries again", async () => {
    let calls = 0;
    server.setHandler(() => (++calls === 1 ? { status: 400, body: exceptionBody("TOO_MANY_TOKENS", "You already have 10 active tokens.") } : { body: tokenResponse(2) }));
    const client = newClient();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => client.getAccessToken()));
    const reasons = new Set(results.map((r) => (r.status === "rejected" ? r.reason : "fulfilled")));
    expect(reasons.size).toBe(1);
    expect([...reasons][0]).toBeInstanceOf(BadRequestError);
    expect(await client.getAccessToken()).toBe(tokenResponse(2).accessToken);
    expect(server.requests).toHaveLength(2);
  });

  it("invalidating the cached token (or all tokens) makes the next call generate a new one", async () => {
    let issued = 0;
    server.setHandler((request) => (request.path === "/generateNewToken" ? { body: tokenResponse(++issued) } : { body: { object: "Success", message: "ok" } }));
    const client = newClient();
    await client.getAccessToken();
    await client.invalidateToken("TKIDother000000000");
    expect(await client.getAccessToken()).toBe(tokenResponse(1).accessToken);
    await client.invalidateToken(tokenResponse(1).tokenId);
    expect(await client.getAccessToken()).toBe(tokenResponse(2).accessToken);
    await client.invalidateAllTokens();
    expect(await client.getAccessToken()).toBe(tokenResponse(3).accessToken);
  });

  it("invalidateToken() without a Token ID invalidates the cached token on the server and clears the cache", async () => {
    let issued = 0;
    server.setHandler((request) => (request.path === "/generateNewToken" ? { body: tokenResponse(++issued) } : { body: { object: "Success", message: "ok" } }));
    const client = newClient();
    await client.getAccessToken();
    await client.invalidateToken();
    expect(server.requests.at(-1)!.json).toEqual({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, tokenId: tokenResponse(1).tokenId });
    expect(client.getCachedTokenId()).toBeUndefined();
    expect(await client.getAccessToken()).toBe(tokenResponse(2).accessToken);
  });

  it("invalidateToken() without a Token ID and nothing to invalidate is a ValidationError, before any request", async () => {
    server.setHandler(() => ({ body: { object: "Success", message: "ok" } }));
    await expect(newClient().invalidateToken()).rejects.toMatchObject({ name: "ValidationError", field: "tokenId", message: expect.stringContaining("no token is cached") });
    const withoutId = newClient({ accessToken: tokenResponse(9).accessToken });
    await expect(withoutId.invalidateToken()).rejects.toMatchObject({ name: "ValidationError", message: expect.stringContaining("has no Token ID") });
    expect(server.requests).toHaveLength(0);
    const withId = newClient({ accessToken: tokenResponse(9).accessToken, accessTokenId: tokenResponse(9).tokenId });
    await withId.invalidateToken();
    expect(server.requests.map((r) => (r.json as { tokenId: string }).tokenId)).toEqual([tokenResponse(9).tokenId]);
    expect(withId.getCachedTokenId()).toBeUndefined();
  });

  it("reuses a token passed in the options without generating one; accessTokenId is its Token ID", async () => {
    const client = newClient({ accessToken: tokenResponse(9).accessToken, accessTokenId: tokenResponse(9).tokenId });
    expect(await client.getAccessToken()).toBe(tokenResponse(9).accessToken);
    expect(client.getCachedTokenId()).toBe(tokenResponse(9).tokenId);
    expect(server.requests).toHaveLength(0);
  });

  it("a held string token that a 401 refuses is replaced by a generated one (the client credentials)", async () => {
    const held = tokenResponse(9).accessToken;
    server.setHandler((request) => (request.path === "/generateNewToken" ? { body: tokenResponse(1) } : request.headers.authorization === `Bearer ${held}` ? { status: 401, body: exceptionBody("UNAUTHORIZED", "Invalid token.") } : { body: { ok: true } }));
    const client = newClient({ accessToken: held });
    expect((await client.authorizedFetch("/caseSearch")).status).toBe(200);
    expect(server.requests.map((r) => r.path)).toEqual(["/caseSearch", "/generateNewToken", "/caseSearch"]);
    expect(await client.getAccessToken()).toBe(tokenResponse(1).accessToken);
  });

  it("an accessToken function is the token source: no token is generated, a 401 asks it once more", async () => {
    let calls = 0;
    server.setHandler((request) => (request.headers.authorization === "Bearer test-provided-token-1" ? { status: 401, body: exceptionBody("UNAUTHORIZED", "Invalid token.") } : { body: { ok: true } }));
    const client = newClient({ accessToken: async () => `test-provided-token-${++calls}` });
    expect((await client.authorizedFetch("/caseSearch")).status).toBe(200);
    expect(server.requests.map((r) => [r.path, r.headers.authorization])).toEqual([["/caseSearch", "Bearer test-provided-token-1"], ["/caseSearch", "Bearer test-provided-token-2"]]);
    expect(await client.getAccessToken()).toBe("test-provided-token-3");
    expect(client.getCachedTokenId()).toBeUndefined();
    await expect(client.invalidateToken()).rejects.toMatchObject({ name: "ValidationError", field: "tokenId", message: expect.stringContaining("accessToken function") });
    expect(server.requests.some((r) => r.path === "/generateNewToken" || r.path === "/invalidateToken")).toBe(false);
  });

  it("the old { accessToken, tokenId } object and a stray accessTokenId are ValidationErrors naming the new options", () => {
    const old = { accessToken: tokenResponse(9).accessToken, tokenId: tokenResponse(9).tokenId };
    expect(() => newClient({ accessToken: old as never })).toThrow(/Invalid accessToken: .*now accessToken \+ accessTokenId/);
    expect(() => newClient({ accessToken: async () => "test-token", accessTokenId: tokenResponse(9).tokenId })).toThrow(/Invalid accessTokenId: goes with a string accessToken/);
    expect(() => newClient({ accessTokenId: tokenResponse(9).tokenId })).toThrow(/Invalid accessTokenId/);
    expect(() => newClient({ accessToken: 7 as never })).toThrow(/Invalid accessToken: must be a token string or a function/);
    expect(server.requests).toHaveLength(0);
  });
});

describe("answers without a required field (spec decision response-fields-required)", () => {
  it("a token answer without tokenId is a ResponseParseError naming it; nothing is cached; the next call tries again", async () => {
    const { tokenId: _missing, ...withoutId } = tokenResponse(1);
    let calls = 0;
    server.setHandler(() => ({ body: ++calls === 1 ? withoutId : tokenResponse(2) }));
    const client = newClient();
    const error = await client.getAccessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error).toMatchObject({ operation: "generateNewToken", status: 200, excerpt: "", message: "The generateNewToken answer lacks fields the spec requires: tokenId" });
    expect(JSON.stringify(error) + inspect(error, { depth: 10 })).not.toContain(withoutId.accessToken);
    expect(client.getCachedTokenId()).toBeUndefined();
    expect(await client.getAccessToken()).toBe(tokenResponse(2).accessToken);
    expect(server.requests).toHaveLength(2);
  });

  it("names every missing field, nested ones too; the fields the spec leaves optional may be absent", async () => {
    server.setHandler((request) =>
      request.path === "/listAllTokenIds"
        ? { body: { object: "AccessTokenIdListResponse", AccessTokenIdArray: [{ object: "AccessTokenIdResponse", tokenId: TOKEN_ID, issueAddress: "192.0.2.1" }, { object: "AccessTokenIdResponse" }] } }
        : { body: { object: "Success" } },
    );
    const client = newClient();
    await expect(client.listAllTokenIds()).rejects.toMatchObject({
      name: "ResponseParseError",
      message: expect.stringContaining("AccessTokenIdArray[0].issuedDate, AccessTokenIdArray[1].tokenId, AccessTokenIdArray[1].issuedDate, AccessTokenIdArray[1].issueAddress"),
    });
    await expect(client.invalidateAllTokens()).rejects.toMatchObject({ name: "ResponseParseError", message: expect.stringContaining("lacks fields the spec requires: message") });
    // An error answer is the vendor's Exception, whatever it holds: no field check on errors.
    server.setHandler(() => ({ status: 400, body: { object: "Exception" } }));
    await expect(client.invalidateAllTokens()).rejects.toBeInstanceOf(BadRequestError);
  });
});

describe("bearer auth for the rest of the API", () => {
  it("authMiddleware puts the cached token on openapi-fetch requests; authorizedFetch on plain fetch", async () => {
    server.setHandler((request) => (request.path === "/generateNewToken" ? { body: tokenResponse(4) } : { body: { ok: true } }));
    const client = newClient();
    const other = createClient<{ "/caseSearch": { get: { responses: { 200: { content: { "application/json": { ok: boolean } } } } } } }>({ baseUrl: server.url });
    other.use(client.authMiddleware());
    const { data } = await other.GET("/caseSearch");
    expect(data).toEqual({ ok: true });
    const response = await client.authorizedFetch("/caseSearch?q=x");
    expect(await response.json()).toEqual({ ok: true });
    const calls = server.requests.filter((r) => r.path === "/caseSearch");
    expect(calls.map((r) => r.headers.authorization)).toEqual([`Bearer ${tokenResponse(4).accessToken}`, `Bearer ${tokenResponse(4).accessToken}`]);
    expect(server.requests.filter((r) => r.path === "/generateNewToken")).toHaveLength(1);
  });
});

describe("secrets stay secret", () => {
  it("an error body that echoes the secret and the token shows neither in any serialised form", async () => {
    const token = tokenResponse(5);
    server.setHandler((request) =>
      request.path === "/generateNewToken"
        ? { body: token }
        : { status: 400, headers: { "set-cookie": "session=abcdef123456" }, body: exceptionBody("ECHO", `bad ${CLIENT_SECRET} with Bearer ${token.accessToken}`) },
    );
    const client = newClient();
    await client.getAccessToken();
    const error = (await client.listAllTokenIds().catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(BadRequestError);
    const forms = [error.message, String(error), JSON.stringify(error), inspect(error, { depth: 10 }), error.stack ?? "", JSON.stringify(error.body), JSON.stringify(error.headers)];
    for (const form of forms) {
      expect(form).not.toContain(CLIENT_SECRET);
      expect(form).not.toContain(token.accessToken);
      expect(form).not.toContain("abcdef123456");
    }
    expect(JSON.stringify(error.body)).toContain("[REDACTED]");
  });

  it("the client itself serialises without the secret", () => {
    const client = newClient();
    for (const form of [JSON.stringify(client), inspect(client, { depth: 10 }), String(Object.keys(client))]) {
      expect(form).not.toContain(CLIENT_SECRET);
    }
  });

  it("a ValidationError names the field but never echoes the value", () => {
    const secret = "s".repeat(63);
    try {
      createUniCourtClient({ clientId: CLIENT_ID, clientSecret: secret, baseUrl: server.url });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe("clientSecret");
      expect(JSON.stringify(error) + String(error) + inspect(error)).not.toContain(secret);
    }
  });
});
