// The two-level cache on an in-memory store: several TokenCaches sharing one store stand for the
// processes of a fleet (the Redis store and real processes: packages/token-store-redis/test).
import { describe, expect, it } from "vitest";
import { Redactor, SharedTokens, TokenCache, ValidationError, createMemoryTokenStore, defineTokenStore, tokenKey, type ClientEvent, type TokenStore } from "../src/internal.js";
import { checkTransportOptions } from "../src/options.js";

type Token = { value: string; expiresAt?: number | undefined };
/**
 * A lease no stall outlasts. With the default 10 s, an event loop starved for longer (seen at a
 * load of 30 on 2 cores) lets a waiter take the lapsed lease and mint a second token: correct (the
 * generation fence keeps one), but not the exact count these tests assert.
 */
const STEADY = { leaseMs: 3_600_000 };

/** A fleet of `size` caches on one store, counting token requests. */
function fleet(store: TokenStore, size: number, options: { now?: () => number; mint?: (n: number) => Promise<Token>; identity?: unknown[] } = {}) {
  let minted = 0;
  const events: ClientEvent[] = [];
  const revoked: string[] = [];
  const caches = Array.from({ length: size }, () => {
    const shared = new SharedTokens<Token>({ store, vendor: "test", identity: options.identity ?? ["https://api.example.test", "test-client"], emit: (e) => events.push(e), now: options.now });
    return new TokenCache<Token>(async () => (options.mint ? options.mint(++minted) : { value: `test-token-${++minted}` }), {
      shared,
      now: options.now,
      emit: (e) => events.push(e),
      revoke: async (token) => void revoked.push(token.value),
    });
  });
  return { caches, events, revoked, minted: () => minted };
}

describe("SharedTokens on a memory store", () => {
  it("8 caches x 100 concurrent callers, cold: one token request, one token everywhere", async () => {
    const { caches, minted } = fleet(createMemoryTokenStore(STEADY), 8);
    const tokens = await Promise.all(caches.flatMap((cache) => Array.from({ length: 100 }, () => cache.get())));
    expect(new Set(tokens.map((t) => t.value))).toEqual(new Set(["test-token-1"]));
    expect(minted()).toBe(1);
  });

  it("a cache created later reads the stored token: no request", async () => {
    const store = createMemoryTokenStore(STEADY);
    await fleet(store, 1).caches[0]!.get();
    const later = fleet(store, 3);
    expect((await Promise.all(later.caches.map((c) => c.get()))).map((t) => t.value)).toEqual(["test-token-1", "test-token-1", "test-token-1"]);
    expect(later.minted()).toBe(0);
  });

  it("a 401 in one cache moves every cache to one new token with one request", async () => {
    let now = 1_000_000;
    const clock = () => now;
    const { caches, minted } = fleet(createMemoryTokenStore({ now: clock }), 4, { now: clock });
    const first = await Promise.all(caches.map((c) => c.acquire()));
    now += 60_000; // past the re-authentication interval: the token is not "just obtained"
    // A later request with each cache's token (not one obtained for that request) is answered 401.
    const later = first.map((acquired) => ({ token: acquired.token, fresh: false }));
    const replacement = await caches[0]!.after401(later[0]!);
    expect(replacement?.value).toBe("test-token-2");
    // The others, whose L1 still holds token 1, get their own 401 and take the stored replacement.
    const others = await Promise.all(caches.slice(1).map((c, i) => c.after401(later[i + 1]!)));
    expect(others.map((t) => t?.value)).toEqual(["test-token-2", "test-token-2", "test-token-2"]);
    expect(minted()).toBe(2);
  });

  it("a 401 on a shared token another cache obtained moments ago is returned, the token kept", async () => {
    const { caches, minted, events } = fleet(createMemoryTokenStore(STEADY), 2);
    await caches[0]!.get();
    const adopted = await caches[1]!.acquire();
    expect(adopted.fresh).toBe(false);
    expect(await caches[1]!.after401(adopted)).toBeUndefined();
    expect(minted()).toBe(1);
    expect(events.some((e) => e.type === "token" && e.action === "kept" && /shared token/.test(e.reason))).toBe(true);
  });

  it("invalidate() reaches the store: the next cache to miss requests one new token", async () => {
    const store = createMemoryTokenStore(STEADY);
    const { caches, minted } = fleet(store, 2);
    await caches[0]!.get();
    caches[0]!.invalidate();
    const fresh = fleet(store, 1);
    expect((await fresh.caches[0]!.get()).value).toBe("test-token-1"); // the new fleet member mints it
    expect(fresh.minted()).toBe(1);
    expect(minted()).toBe(1);
  });

  it("generation fence: when two caches mint at once (a lease granted twice), the later write loses and its token is revoked", async () => {
    const memory = createMemoryTokenStore(STEADY);
    // A store that grants every lease, as a failed-over Redis may: both caches mint.
    const store: TokenStore = { ...memory, lease: async () => true };
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { caches, minted, revoked, events } = fleet(store, 2, {
      mint: async (n) => {
        if (n === 1) await gate; // the first is slow: the second is stored meanwhile
        return { value: `test-token-${n}` };
      },
    });
    const slow = caches[1]!.get();
    await new Promise((r) => setTimeout(r, 5));
    const fast = await caches[0]!.get();
    release();
    expect(fast.value).toBe("test-token-2");
    expect((await slow).value).toBe("test-token-2");
    expect(minted()).toBe(2);
    await new Promise((r) => setTimeout(r, 5));
    expect(revoked).toEqual(["test-token-1"]);
    expect(events.filter((e) => e.type === "token-store" && e.action === "superseded")).toHaveLength(1);
  });

  it("expiry-aware: a stored token due for renewal is renewed once for the fleet", async () => {
    let now = 1_000_000;
    const clock = () => now;
    const { caches, minted } = fleet(createMemoryTokenStore({ now: clock }), 3, { now: clock, mint: async (n) => ({ value: `test-token-${n}`, expiresAt: now + 120_000 }) });
    await Promise.all(caches.map((c) => c.get()));
    now += 61_000; // within the 60 s refresh-ahead margin
    const renewed = await Promise.all(caches.map((c) => c.get()));
    expect(renewed.map((t) => t.value)).toEqual(["test-token-2", "test-token-2", "test-token-2"]);
    expect(minted()).toBe(2);
  });

  it("a failing store: calls work on the local cache, one degraded event, then recovery reconciles to one token", async () => {
    let now = 1_000_000;
    const clock = () => now;
    const memory = createMemoryTokenStore({ now: clock });
    let down = false;
    const guard = <A extends unknown[], R>(fn: (...args: A) => Promise<R>) => async (...args: A) => {
      if (down) throw new Error("ECONNREFUSED");
      return fn(...args);
    };
    const store: TokenStore = { get: guard(memory.get), set: guard(memory.set), delete: guard(memory.delete), lease: guard(memory.lease), release: guard(memory.release), retryAfterMs: 1_000 };
    const { caches, minted, events, revoked } = fleet(store, 3, { now: clock });
    const before = await Promise.all(caches.map((c) => c.acquire()));
    down = true;
    now += 60_000;
    // Each cache is told its token is bad while the store is down: each requests one of its own.
    const during = await Promise.all(caches.map((c, i) => c.after401({ token: before[i]!.token, fresh: false })));
    expect(during.every((t) => t !== undefined)).toBe(true);
    expect(minted()).toBe(1 + 3);
    const degraded = events.filter((e) => e.type === "token-store" && e.action === "degraded");
    expect(degraded).toHaveLength(3); // one per cache (per process), not one per call
    expect(degraded[0]).toMatchObject({ reason: expect.stringContaining("ECONNREFUSED") });
    // More calls during the outage: no more requests.
    await Promise.all(caches.flatMap((c) => [c.get(), c.get()]));
    expect(minted()).toBe(4);
    down = false;
    now += 1_001;
    // The next calls reconcile in the background: the fleet ends on one token, the others revoked.
    for (let round = 0; round < 3; round++) {
      await Promise.all(caches.map((c) => c.get()));
      await new Promise((r) => setTimeout(r, 5));
    }
    const after = await Promise.all(caches.map((c) => c.get()));
    expect(new Set(after.map((t) => t.value)).size).toBe(1);
    expect(minted()).toBe(4);
    // Token 1 was replaced after its 401 (revoked by each cache that replaced it); of the three
    // obtained during the outage, the two not kept are revoked.
    expect(revoked.filter((value) => value !== "test-token-1")).toHaveLength(2);
    expect(events.filter((e) => e.type === "token-store" && e.action === "recovered").length).toBeGreaterThanOrEqual(1);
    // The invalidation the store missed (token 1, proved bad) was replayed: token 1 is not read back.
    expect(after[0]!.value).not.toBe("test-token-1");
  });

  it("a store that never answers within the wait bound: the cache requests its own token", async () => {
    const store: TokenStore = { ...createMemoryTokenStore(STEADY), lease: async () => false, leaseMs: 10 };
    const shared = new SharedTokens<Token>({ store, vendor: "test", identity: [], maxWaitMs: 50 });
    const cache = new TokenCache<Token>(async () => ({ value: "test-token-local" }), { shared });
    expect((await cache.get()).value).toBe("test-token-local");
  });

  it("keys: the same identity gives the same key; the key holds no part of the credentials", async () => {
    const a = await tokenKey("unicourt", ["https://api.example.test", null, "test-client-id", "test-client-secret"]);
    expect(a).toBe(await tokenKey("unicourt", ["https://api.example.test", null, "test-client-id", "test-client-secret"]));
    expect(a).not.toBe(await tokenKey("unicourt", ["https://api.example.test", null, "test-client-id", "test-other-secret"]));
    expect(a).toMatch(/^unicourt:[0-9a-f]{64}$/);
    expect(a).not.toContain("test-client");
  });

  it("a token read from the store is registered with the redactor", async () => {
    const store = createMemoryTokenStore(STEADY);
    await fleet(store, 1).caches[0]!.get();
    const redactor = new Redactor();
    const shared = new SharedTokens<Token>({ store, vendor: "test", identity: ["https://api.example.test", "test-client"], remember: (t) => redactor.rememberSecretsOf(t) });
    await new TokenCache<Token>(async () => ({ value: "never" }), { shared }).get();
    expect(redactor.string("echo test-token-1")).not.toContain("test-token-1");
  });

  it("the tokenStore option is checked before anything is sent", () => {
    expect(() => checkTransportOptions({ tokenStore: {} as TokenStore })).toThrow(ValidationError);
    expect(() => checkTransportOptions({ tokenStore: { ...createMemoryTokenStore(STEADY), leaseMs: 0 } })).toThrow(/leaseMs/);
    expect(() => checkTransportOptions({ tokenStoreKey: "tenant-a" })).toThrow(/needs tokenStore/);
    expect(() => checkTransportOptions({ tokenStore: createMemoryTokenStore(STEADY), tokenStoreKey: "tenant-a" })).not.toThrow();
  });

  it("a store of your own: refused until defineTokenStore attaches the shared level, then shared as a library store is", async () => {
    const memory = createMemoryTokenStore(STEADY);
    const own: TokenStore = { get: memory.get, set: memory.set, delete: memory.delete, lease: memory.lease, release: memory.release, leaseMs: STEADY.leaseMs };
    expect(() => checkTransportOptions({ tokenStore: own })).toThrow(/made by createRedisTokenStore\(\), createMemoryTokenStore\(\) or defineTokenStore/);
    const defined = defineTokenStore(own);
    expect(defined).toBe(own);
    expect(() => checkTransportOptions({ tokenStore: defined })).not.toThrow();
    // A spread copy keeps it (the mark is enumerable); defining a store twice is no error.
    expect(() => checkTransportOptions({ tokenStore: { ...defined, get: memory.get } })).not.toThrow();
    expect(defineTokenStore(defined)).toBe(own);
    expect(() => defineTokenStore({ get: memory.get } as unknown as TokenStore)).toThrow(/no set\(\) method/);
    // Two clients' caches on one defined store of our own: one token between them.
    const { caches, minted } = fleet(defined, 2);
    await Promise.all(caches.map((cache) => cache.get()));
    expect(minted()).toBe(1);
  });
});
