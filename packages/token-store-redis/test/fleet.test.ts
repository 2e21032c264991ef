// The fleet scenarios of issue 15, on a real Redis (started here, no persistence) and real Node
// processes (fleet/worker.mjs), each scenario's token requests counted at the UniCourt fake, whose
// 10-token cap is the vendor's. The scenarios run in order on one Redis and one fake; each uses
// its own key prefix where it needs a cold store.
import { createClient } from "@redis/client";
import { startRedisServer, type RedisServer } from "../src/testing/index.js";
import { startUniCourtFake, type UniCourtFake } from "@vendor-auth/unicourt/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TokenStoreKeyError, createRedisTokenStore } from "../src/index.js";
import { startFleet, Worker, type WorkerConfig } from "./fleet/fleet.mjs";

const ENCRYPTION_KEY = "test-encryption-key-0123456789abcdef";
let redis: RedisServer;
let fake: UniCourtFake;
let config: WorkerConfig;
let fleet: Worker[] = [];
const extra: Worker[] = [];

/** Token requests the fake received since `mark` (an index into its request log). */
const tokenRequests = (mark = 0) => fake.requests.slice(mark).filter((r) => r.operationId === "generateNewToken").length;
const tokensOf = (results: Array<{ tokens: string[] }>) => new Set(results.flatMap((r) => r.tokens));
/** Polls `check` until it holds (bounded; no timing assertion: the bound only ends a hung run). */
async function eventually(check: () => Promise<boolean>, what: string, attempts = 600): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never happened: ${what}`);
}

beforeAll(async () => {
  [redis, fake] = await Promise.all([startRedisServer(), startUniCourtFake()]);
  config = {
    clientId: fake.clientId,
    clientSecret: fake.clientSecret,
    baseUrl: fake.url,
    redisUrl: redis.url,
    encryptionKey: ENCRYPTION_KEY,
    keyPrefix: "test-fleet:",
    // Short retry windows keep the suite fast; generous command timeouts keep a loaded machine from looking like an outage.
    // The lease (renewed every third of it) must outlast a process starved by a loaded machine, or a waiter takes it over
    // and mints a second token: 5 s, which only the SIGKILL scenario waits out.
    leaseMs: 5_000,
    retryAfterMs: 300,
    commandTimeoutMs: 5_000,
    reauthIntervalMs: 1,
  };
});

afterAll(async () => {
  await Promise.all([...fleet, ...extra].map((w) => w.stop()));
  await Promise.all([redis?.close(), fake?.close()]);
});

// Forking up to 20 processes on a loaded 2-core machine: a generous bound per scenario (not a timing assertion).
describe("a fleet on Redis", { timeout: 120_000 }, () => {
  it("8 processes x 100 concurrent callers, cold: exactly 1 token request, one token everywhere", async () => {
    fleet = await startFleet(8, config);
    const results = await Promise.all(fleet.map((w) => w.tokens(100)));
    expect(results.flatMap((r) => r.failures)).toEqual([]);
    expect(tokensOf(results).size).toBe(1);
    expect(tokenRequests()).toBe(1);
  });

  it("a fleet started again later reuses the stored token: 0 requests", async () => {
    const before = tokensOf(await Promise.all(fleet.slice(0, 1).map((w) => w.tokens(1))));
    await Promise.all(fleet.map((w) => w.stop()));
    const mark = fake.requests.length;
    fleet = await startFleet(8, config);
    const results = await Promise.all(fleet.map((w) => w.tokens(100)));
    expect(tokensOf(results)).toEqual(before);
    expect(tokenRequests(mark)).toBe(0);
  });

  it("one process gets a 401 and invalidates: the fleet moves to one new token with exactly 1 request", async () => {
    const old = tokensOf(await Promise.all(fleet.map((w) => w.tokens(1))));
    fake.reset(); // the vendor forgets the token: every request with it is now a 401
    const mark = fake.requests.length;
    const first = await fleet[0]!.fetch(1);
    expect(first).toEqual({ statuses: [200], failures: [] });
    expect(tokenRequests(mark)).toBe(1);
    // The others still hold the old token: each gets its 401, reads the replacement, repeats once.
    const others = await Promise.all(fleet.slice(1).map((w) => w.fetch(10)));
    expect(others.every((r) => r.statuses.join() === "200" && r.failures.length === 0)).toBe(true);
    const now = tokensOf(await Promise.all(fleet.map((w) => w.tokens(1))));
    expect(now.size).toBe(1);
    expect([...now][0]).not.toBe([...old][0]);
    expect(tokenRequests(mark)).toBe(1);
  });

  it("Redis killed in the middle of a run: no call fails, at most 1 extra request per process; Redis back: shared again", async () => {
    await redis.kill();
    fake.reset(); // and the token goes bad while Redis is down: every process needs a new one
    const mark = fake.requests.length;
    const during = await Promise.all(fleet.map((w) => w.fetch(20)));
    expect(during.flatMap((r) => r.failures)).toEqual([]);
    expect(during.every((r) => r.statuses.join() === "200")).toBe(true);
    expect(tokenRequests(mark)).toBeLessThanOrEqual(fleet.length);
    expect(tokenRequests(mark)).toBeGreaterThanOrEqual(1);
    for (const worker of fleet) {
      const degraded = (await worker.events()).filter((e) => e.type === "token-store" && e.action === "degraded");
      expect(degraded.length).toBe(1);
    }
    const duringOutage = tokenRequests(mark);

    await redis.start(); // empty: it had no persistence
    // The fleet converges on one token by itself (each process reconciles on its next call), and
    // the tokens obtained during the outage are invalidated at the vendor: one stays active.
    await eventually(async () => tokensOf(await Promise.all(fleet.map((w) => w.tokens(5)))).size === 1, "one token across the fleet after Redis came back");
    await eventually(async () => fake.activeTokens.length === 1, "the outage's extra tokens invalidated");
    expect(tokenRequests(mark)).toBe(duringOutage);
    for (const worker of fleet) expect((await worker.events()).some((e) => e.type === "token-store" && e.action === "recovered")).toBe(true);
    // Shared again: an invalidation now costs the fleet one request.
    fake.reset();
    const again = fake.requests.length;
    await fleet[0]!.fetch(1);
    await Promise.all(fleet.slice(1).map((w) => w.fetch(5)));
    expect(tokenRequests(again)).toBe(1);
  });

  it("the lease holder SIGKILLed while fetching: another process takes over after the lease, no deadlock", async () => {
    fake.reset();
    const cold = { ...config, keyPrefix: "test-sigkill:" };
    await Promise.all(fleet.slice(0, 3).map((w) => w.configure(cold)));
    const mark = fake.requests.length;
    fake.delayNext(5_000, { operationId: "generateNewToken" });
    const holder = await Worker.start(cold);
    const held = holder.tokens(1).catch(() => undefined);
    await eventually(async () => tokenRequests(mark) === 1, "the holder's token request reached the vendor");
    const waiting = Promise.all(fleet.slice(0, 3).map((w) => w.tokens(10)));
    await holder.kill();
    await held;
    const results = await waiting;
    expect(results.flatMap((r) => r.failures)).toEqual([]);
    expect(tokensOf(results).size).toBe(1);
    expect(tokenRequests(mark)).toBe(2); // the dead holder's, and the one that took over
  });

  it("the values in Redis never hold a token in plain text; a wrong key is a clear error, not garbage", async () => {
    const raw = createClient({ url: redis.url });
    await raw.connect();
    try {
      const keys: string[] = [];
      for await (const batch of raw.scanIterator({ MATCH: "*", COUNT: 100 })) keys.push(...(Array.isArray(batch) ? batch : [batch]));
      expect(keys.length).toBeGreaterThan(0);
      const stored: string[] = [];
      for (const key of keys) {
        const type = await raw.type(key);
        stored.push(key, ...(type === "hash" ? Object.values(await raw.hGetAll(key)) : type === "string" ? [String(await raw.get(key))] : []));
      }
      const everything = stored.join("\n");
      for (const token of fake.tokens) {
        expect(everything).not.toContain(token.accessToken);
        expect(everything).not.toContain(token.accessToken.slice(-40));
        expect(everything).not.toContain(token.tokenId);
      }
      expect(everything).not.toContain(fake.clientSecret);
      expect(everything).not.toContain(fake.clientId);

      const tokenKey = keys.find((k) => k.startsWith("test-fleet:token:"))!.slice("test-fleet:token:".length);
      const wrong = createRedisTokenStore({ url: redis.url, encryptionKey: "test-another-key-0123456789abcdefgh", keyPrefix: "test-fleet:" });
      const rotated = createRedisTokenStore({ url: redis.url, encryptionKey: "test-another-key-0123456789abcdefgh", previousEncryptionKeys: [ENCRYPTION_KEY], keyPrefix: "test-fleet:" });
      try {
        const error = await wrong.get(tokenKey).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(TokenStoreKeyError);
        expect(String((error as Error).message)).toMatch(/encrypted with another key \(key id [0-9a-f]{16}\).*previousEncryptionKeys/);
        // Rotation: the old key listed, the value reads, and is re-sealed with the new key.
        expect((await rotated.get(tokenKey))?.value).toContain('"tokenId"');
        await eventually(async () => (await wrong.get(tokenKey).catch(() => undefined)) !== undefined, "the value re-sealed with the new key");
        // Tampering: one character of the sealed value changed.
        const name = `test-fleet:token:${tokenKey}`;
        const sealed = (await raw.hGet(name, "v"))!;
        await raw.hSet(name, "v", sealed.slice(0, -2) + (sealed.endsWith("A") ? "B" : "A") + sealed.slice(-1));
        await expect(rotated.get(tokenKey)).rejects.toThrow(/failed authentication/);
      } finally {
        await Promise.all([wrong.close(), rotated.close()]);
      }
    } finally {
      await raw.close();
    }
  });

  it("UniCourt's 10-token cap holds for a fleet of 20 processes", async () => {
    fake.reset();
    const cold = { ...config, keyPrefix: "test-cap:" };
    extra.push(...(await startFleet(20 - fleet.length, cold)));
    await Promise.all(fleet.map((w) => w.configure(cold)));
    const mark = fake.requests.length;
    const results = await Promise.all([...fleet, ...extra].map((w) => w.tokens(10)));
    expect(results.flatMap((r) => r.failures)).toEqual([]);
    expect(tokensOf(results).size).toBe(1);
    expect(tokenRequests(mark)).toBe(1);
    // (The SIGKILLed holder's delayed request may still be answered meanwhile: its token is not the fleet's.)
    expect(fake.isActiveToken([...tokensOf(results)][0]!)).toBe(true);
    expect(fake.activeTokens.length).toBeLessThanOrEqual(2);
  });
});
