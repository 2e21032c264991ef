// `tokenStore`: clients on one store (here the in-memory one; Redis and real processes in
// packages/token-store-redis/test) share one token and its invalidation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryTokenStore, createUniCourtClient, ValidationError } from "../src/index.js";
import { startUniCourtFake, type UniCourtFake } from "../src/testing/index.js";

let fake: UniCourtFake;
beforeAll(async () => void (fake = await startUniCourtFake()));
afterAll(() => fake.close());

const generated = () => fake.requests.filter((r) => r.operationId === "generateNewToken").length;

describe("tokenStore", () => {
  it("5 clients x 50 callers on one store: one token request, one token", async () => {
    // A lease no stall of a loaded machine outlasts, so the exact request count holds.
    const tokenStore = createMemoryTokenStore({ leaseMs: 3_600_000 });
    const clients = Array.from({ length: 5 }, () => createUniCourtClient({ clientId: fake.clientId, clientSecret: fake.clientSecret, baseUrl: fake.url, tokenStore }));
    const tokens = await Promise.all(clients.flatMap((c) => Array.from({ length: 50 }, () => c.getAccessToken())));
    expect(new Set(tokens).size).toBe(1);
    expect(generated()).toBe(1);
    expect(fake.activeTokens).toHaveLength(1);
    // invalidateAllTokens on one client drops the stored token too: the next client to ask makes one new token.
    await clients[0]!.invalidateAllTokens();
    const next = createUniCourtClient({ clientId: fake.clientId, clientSecret: fake.clientSecret, baseUrl: fake.url, tokenStore });
    expect(await next.getAccessToken()).not.toBe(tokens[0]);
    expect(generated()).toBe(2);
  });

  it("other credentials or another tokenStoreKey never share the token", async () => {
    // A lease no stall of a loaded machine outlasts, so the exact request count holds.
    const tokenStore = createMemoryTokenStore({ leaseMs: 3_600_000 });
    const a = createUniCourtClient({ clientId: fake.clientId, clientSecret: fake.clientSecret, baseUrl: fake.url, tokenStore });
    const b = createUniCourtClient({ clientId: fake.clientId, clientSecret: fake.clientSecret, baseUrl: fake.url, tokenStore, tokenStoreKey: "tenant-b" });
    expect(await a.getAccessToken()).not.toBe(await b.getAccessToken());
  });

  it("a tokenStore that is not one is a ValidationError before any request", () => {
    expect(() => createUniCourtClient({ clientId: fake.clientId, clientSecret: fake.clientSecret, baseUrl: fake.url, tokenStore: { get() {} } as never })).toThrow(ValidationError);
  });
});
