// API keys as an auth mode of the Agilicus client (HTTP basic auth, the user's e-mail as the user
// name), against the Agilicus fake: the header on the secured operations only, what the fake
// accepts and refuses, the options check, and the key kept out of every error and description.
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AuthenticationError, ValidationError, createAgilicusClient, type AgilicusClient, type AgilicusClientOptions } from "../src/index.js";
import { startAgilicusFake, type AgilicusFake } from "../src/testing/index.js";

let fake: AgilicusFake;
let admin: AgilicusClient;
let key: string;

beforeEach(async () => {
  fake = await startAgilicusFake();
  admin = createAgilicusClient({ accessToken: fake.adminToken, baseUrl: fake.url, maxRetries: 0 });
  key = (await admin.createApiKey({ spec: { user_id: "test-user-5", org_id: fake.orgId } })).status!.api_key!;
});
afterEach(async () => {
  expect(fake.violations).toEqual([]);
  await fake.close();
});

const withKey = (email: string, secret = key) => createAgilicusClient({ apiKey: { email, key: secret }, baseUrl: fake.url, maxRetries: 0 });

describe("createAgilicusClient({ apiKey })", () => {
  it("sends the key as basic auth (e-mail:key) on the secured operations, nothing on the open ones", async () => {
    const client = withKey("test-user-5@example.test");
    await expect(client.listApiKeys({ user_id: "test-user-5" })).resolves.toMatchObject({ api_keys: [{ spec: { user_id: "test-user-5" } }] });
    const secured = fake.requests.at(-1)!;
    expect(secured.headers["authorization"]).toBe(`Basic ${Buffer.from(`test-user-5@example.test:${key}`).toString("base64")}`);
    expect(secured.credentials).toEqual({ "api-key-basic": `test-user-5@example.test:${key}` });
    // An API key stands for its token: createSessionAndToken makes the session for the key's user.
    await expect(client.createSessionAndToken({})).resolves.toMatchObject({ session: { spec: { user_id: "test-user-5" } } });
    await client.createTokenValidation({ sub: "test-user-5", org: fake.orgId, audiences: [], time_validity: {} });
    expect(fake.requests.at(-1)!.headers["authorization"]).toBeUndefined();
  });

  it("the fake refuses another user's e-mail, an unknown key and a deleted key (401)", async () => {
    await expect(withKey("test-user-6@example.test").listApiKeys()).rejects.toBeInstanceOf(AuthenticationError);
    await expect(withKey("test-user-5@example.test", "test-agilicus-api-key-unknown").listApiKeys()).rejects.toBeInstanceOf(AuthenticationError);
    const [record] = fake.apiKeys;
    await admin.deleteApiKey(record!.metadata!.id!);
    const error = await withKey("test-user-5@example.test").listApiKeys().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AuthenticationError", status: 401 });
    for (const form of [String(error), JSON.stringify(error), inspect(error, { depth: 10 })]) expect(form).not.toContain(key);
  });

  it("keeps the key out of the client's serialised forms", () => {
    const client = withKey("test-user-5@example.test");
    for (const form of [JSON.stringify(client), inspect(client, { depth: 10 })]) expect(form).not.toContain(key);
    expect(JSON.parse(JSON.stringify(client))).toEqual({ vendor: "agilicus", baseUrl: fake.url, auth: "apiKey" });
  });

  it("checks the option: one of token, getToken and apiKey; an e-mail without a colon; a key", () => {
    const field = (options: Partial<AgilicusClientOptions>) => {
      try {
        createAgilicusClient({ baseUrl: fake.url, ...options } as AgilicusClientOptions);
      } catch (error) {
        return error instanceof ValidationError ? error.field : String(error);
      }
      return "no error";
    };
    expect(field({ apiKey: { email: "a@example.test", key }, accessToken: fake.adminToken })).toBe("apiKey");
    expect(field({ apiKey: { email: "a@example.test", key }, accessToken: () => fake.adminToken })).toBe("apiKey");
    expect(field({ apiKey: { email: "a:b@example.test", key } })).toBe("apiKey.email");
    expect(field({ apiKey: { email: "a@example.test", key: "" } })).toBe("apiKey.key");
    expect(field({ apiKey: "test-key" as never })).toBe("apiKey");
    expect(field({})).toBe("accessToken");
  });
});
