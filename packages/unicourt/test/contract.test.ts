// Contract test: every operation, through both the generated typescript-fetch SDK and the helper
// client, goes to a mock server that validates each request against specs/unicourt.yaml and
// answers from the spec (its responses are validated too). Any violation fails the test.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSpecMockServer, type SpecMockServer } from "@vendor-auth/testing";
import specDocument from "../src/generated/spec.gen.js";
import { AuthenticationApi, Configuration } from "../src/generated/sdk/index.js";
import { createUniCourtClient, operations } from "../src/index.js";
import { CLIENT_ID, CLIENT_SECRET, TOKEN_ID } from "./fixtures.js";

let mock: SpecMockServer;
beforeAll(async () => {
  mock = await startSpecMockServer(specDocument);
});
afterAll(() => mock.close());
beforeEach(() => {
  mock.clearLog();
});

const allOperations = Object.keys(operations).sort();

describe("generated SDK against the spec", () => {
  it("sends every operation as the spec describes and decodes the spec's responses", async () => {
    const sdk = new AuthenticationApi(new Configuration({ basePath: mock.url }));
    const credentials = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
    const token = await sdk.generateNewToken({ accessTokenRequest: credentials });
    expect(token.tokenType).toBe("Bearer");
    expect((await sdk.invalidateAllTokens({ accessTokenRequest: credentials })).object).toBe("Success");
    expect((await sdk.invalidateToken({ invalidateAccessTokenRequest: { ...credentials, tokenId: TOKEN_ID } })).object).toBe("Success");
    const list = await sdk.listAllTokenIds({ accessTokenRequest: credentials });
    expect(Array.isArray(list.accessTokenIdArray)).toBe(true);
    expect(mock.violations).toEqual([]);
    expect(mock.requests.map((r) => r.operationId).sort()).toEqual(allOperations);
  });
});

describe("helper client against the spec", () => {
  it("sends every operation as the spec describes and returns the spec's responses", async () => {
    const client = createUniCourtClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl: mock.url });
    const token = await client.getAccessToken();
    expect(token.length).toBeGreaterThanOrEqual(700);
    expect((await client.generateNewToken()).object).toBe("AccessTokenResponse");
    expect((await client.invalidateAllTokens()).object).toBe("Success");
    expect((await client.invalidateToken(TOKEN_ID)).object).toBe("Success");
    expect((await client.listAllTokenIds()).object).toBe("AccessTokenIdListResponse");
    expect(mock.violations).toEqual([]);
    expect([...new Set(mock.requests.map((r) => r.operationId))].sort()).toEqual(allOperations);
  });

  it("the spec's documented 400 reaches the caller as a typed error", async () => {
    mock.override("listAllTokenIds", { status: 400, body: { object: "Exception", code: "E400", message: "Bad Request", details: "Client ID is invalid" } });
    const client = createUniCourtClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl: mock.url });
    await expect(client.listAllTokenIds()).rejects.toMatchObject({ name: "BadRequestError", status: 400, code: "E400" });
    expect(mock.violations).toEqual([]);
  });
});

describe("the mock server really validates", () => {
  it("records a request that breaks the spec (short clientSecret, unknown field types)", async () => {
    const response = await fetch(`${mock.url}/generateNewToken`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ clientId: CLIENT_ID, clientSecret: "too-short" }),
    });
    expect(response.status).toBe(400);
    expect(mock.violations).toHaveLength(1);
    expect(mock.violations[0]!.errors.join(" ")).toMatch(/clientSecret/);
  });

  it("records a wrong method on a known path", async () => {
    await fetch(`${mock.url}/listAllTokenIds`, { method: "GET" });
    expect(mock.violations.map((v) => v.kind)).toEqual(["not-found"]);
  });
});
