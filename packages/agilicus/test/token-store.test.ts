// `tokenStore` with `getToken`: the provider's token is cached and shared by the clients on the
// store (one provider call), under the `tokenStoreKey` that says whose token it is.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgilicusClient, createMemoryTokenStore, ValidationError } from "../src/index.js";
import { DEFAULT_ADMIN_TOKEN, startAgilicusFake, type AgilicusFake } from "../src/testing/index.js";

let fake: AgilicusFake;
beforeAll(async () => void (fake = await startAgilicusFake()));
afterAll(() => fake.close());

describe("tokenStore", () => {
  it("3 clients, one provider call for all their requests", async () => {
    // A lease no stall of a loaded machine outlasts, so the exact request count holds.
    const tokenStore = createMemoryTokenStore({ leaseMs: 3_600_000 });
    let calls = 0;
    const getToken = async () => (calls++, DEFAULT_ADMIN_TOKEN);
    const clients = Array.from({ length: 3 }, () => createAgilicusClient({ accessToken: getToken, baseUrl: fake.url, tokenStore, tokenStoreKey: "test-service-account" }));
    await Promise.all(clients.flatMap((c) => [c.listTokens({ limit: 1 }), c.listTokens({ limit: 1 })]));
    expect(calls).toBe(1);
  });

  it("needs getToken and tokenStoreKey", () => {
    // A lease no stall of a loaded machine outlasts, so the exact request count holds.
    const tokenStore = createMemoryTokenStore({ leaseMs: 3_600_000 });
    expect(() => createAgilicusClient({ accessToken: DEFAULT_ADMIN_TOKEN, baseUrl: fake.url, tokenStore })).toThrow(ValidationError);
    expect(() => createAgilicusClient({ accessToken: () => DEFAULT_ADMIN_TOKEN, baseUrl: fake.url, tokenStore })).toThrow(/tokenStoreKey/);
  });
});
