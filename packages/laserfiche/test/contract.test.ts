// Contract test: every operation, through both the generated typescript-fetch SDK and the helper
// client, goes to a mock server that validates each request against specs/laserfiche.yaml and
// answers from the spec (its responses are validated too). Any violation fails the test.
// The Keep-Alive header goes through a node:http fetch (Node's built-in fetch cannot send it).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSpecMockServer, type SpecMockServer } from "@vendor-auth/testing";
import specDocument from "../src/generated/spec.gen.js";
import { AccessTokensApi, Configuration } from "../src/generated/sdk/index.js";
import { createLaserficheClient, operations } from "../src/index.js";
import { CUSTOMER_ID, PASSWORD, REPO_ID, USERNAME, apiServerException } from "./fixtures.js";
import { nodeHttpFetch } from "@vendor-auth/testing";

let mock: SpecMockServer;
beforeAll(async () => {
  mock = await startSpecMockServer(specDocument);
});
afterAll(() => mock.close());
beforeEach(() => {
  mock.clearLog();
});

const allOperations = Object.keys(operations).sort();
const newClient = () => createLaserficheClient({ repoId: REPO_ID, username: USERNAME, password: PASSWORD, customerId: CUSTOMER_ID, createCookie: false, baseUrl: mock.url, fetch: nodeHttpFetch });

describe("generated SDK against the spec", () => {
  it("sends every operation as the spec describes and decodes the spec's responses", async () => {
    const anonymous = new AccessTokensApi(new Configuration({ basePath: mock.url }));
    const info = await anonymous.createAccessToken({
      repoId: REPO_ID,
      customerId: CUSTOMER_ID,
      createCookie: true,
      createConnectionRequest: { username: USERNAME, password: PASSWORD, applicationName: "test-app" },
    });
    expect(typeof info.authToken).toBe("string");
    expect(info.expireTime).toBeInstanceOf(Date);
    const sdk = new AccessTokensApi(new Configuration({ basePath: mock.url, accessToken: info.authToken!, fetchApi: nodeHttpFetch }));
    const refreshed = await sdk.refreshAccessToken({ repoId: REPO_ID, keepAlive: "600" });
    expect(refreshed.value).toBeInstanceOf(Date);
    expect((await sdk.invalidateAccessToken({ repoId: REPO_ID })).value).toBe(true);
    expect(mock.violations).toEqual([]);
    expect(mock.requests.map((r) => r.operationId).sort()).toEqual(allOperations);
    expect(mock.requests.find((r) => r.operationId === "refreshAccessToken")!.headers["keep-alive"]).toBe("600");
  });
});

describe("helper client against the spec", () => {
  it("sends every operation as the spec describes and returns the spec's responses", async () => {
    const client = newClient();
    const info = await client.createAccessToken();
    expect(typeof info.authToken).toBe("string");
    expect(typeof (await client.refreshAccessToken({ keepAliveSeconds: 900 })).value).toBe("string");
    expect(typeof (await client.refreshAccessToken({ keepAlive: "timeout=900" })).value).toBe("string");
    expect((await client.invalidateAccessToken()).value).toBe(true);
    const session = client.openSession();
    await session.getAccessToken();
    await session.refreshAccessToken();
    await session.close();
    expect(mock.violations).toEqual([]);
    expect([...new Set(mock.requests.map((r) => r.operationId))].sort()).toEqual(allOperations);
    // The mock answers every Create with the spec's example token, so every other call carries it.
    const authorized = mock.requests.filter((r) => r.operationId !== "createAccessToken");
    expect(authorized).toHaveLength(5);
    expect(new Set(authorized.map((r) => r.headers.authorization))).toEqual(new Set([`Bearer ${info.authToken}`]));
    expect(mock.requests.filter((r) => r.operationId === "refreshAccessToken").map((r) => r.headers["keep-alive"])).toEqual(["900", "timeout=900", undefined]);
  });

  it("the spec's documented error responses reach the caller as typed errors", async () => {
    mock.override("createAccessToken", { status: 400, body: apiServerException(400) });
    await expect(newClient().createAccessToken()).rejects.toMatchObject({ name: "BadRequestError", status: 400, code: "9400" });
    mock.override("createAccessToken", { status: 200, body: { authToken: "test-auth-token-contract", expireTime: "2030-01-01T01:00:00.0000000Z" } });
    mock.override("refreshAccessToken", { status: 429, body: apiServerException(429) });
    mock.override("invalidateAccessToken", { status: 401, body: apiServerException(401) });
    const client = newClient();
    await expect(client.refreshAccessToken()).rejects.toMatchObject({ name: "RateLimitError", status: 429, body: apiServerException(429) });
    await expect(client.invalidateAccessToken()).rejects.toMatchObject({ name: "AuthenticationError", status: 401 });
    expect(mock.violations).toEqual([]);
  });
});

describe("the mock server really validates", () => {
  it("records a Create body with a property the spec does not allow", async () => {
    const response = await fetch(`${mock.url}/v1-alpha/Repositories/${REPO_ID}/AccessTokens/Create`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: USERNAME, password: PASSWORD, organization: "test-org" }),
    });
    expect(response.status).toBe(400);
    expect(mock.violations.map((v) => v.kind)).toEqual(["request"]);
  });

  it("records a Refresh without the bearer token", async () => {
    await fetch(`${mock.url}/v1-alpha/Repositories/${REPO_ID}/AccessTokens/Refresh`, { method: "POST" });
    expect(mock.violations.map((v) => [v.kind, v.operationId])).toEqual([["unauthorized", "refreshAccessToken"]]);
  });
});
