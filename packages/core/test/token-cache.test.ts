import { describe, expect, it } from "vitest";
import { TokenCache } from "../src/internal.js";

const deferred = <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

describe("TokenCache", () => {
  it("1,000 concurrent callers share one request", async () => {
    let requests = 0;
    const gate = deferred<void>();
    const cache = new TokenCache(async () => {
      requests++;
      await gate.promise;
      return { value: "token-1" };
    });
    const all = Promise.all(Array.from({ length: 1000 }, () => cache.get()));
    gate.resolve();
    expect(new Set((await all).map((t) => t.value))).toEqual(new Set(["token-1"]));
    expect(requests).toBe(1);
  });

  it("a failure rejects all waiters with the same error and is not cached", async () => {
    let requests = 0;
    const cache = new TokenCache(async () => {
      if (++requests === 1) throw new Error("boom");
      return { value: "token-2" };
    });
    const results = await Promise.allSettled([cache.get(), cache.get(), cache.get()]);
    const reasons = new Set(results.map((r) => (r.status === "rejected" ? r.reason : undefined)));
    expect(reasons.size).toBe(1);
    expect((await cache.get()).value).toBe("token-2");
    expect(requests).toBe(2);
  });

  it("renews ahead of a known expiry, not before", async () => {
    let now = 1_000_000;
    let n = 0;
    const cache = new TokenCache(async () => ({ value: `t${++n}`, expiresAt: now + 120_000 }), { refreshAheadMs: 60_000, now: () => now });
    expect((await cache.get()).value).toBe("t1");
    now += 59_000;
    expect((await cache.get()).value).toBe("t1");
    now += 2_000;
    expect((await cache.get()).value).toBe("t2");
  });

  it("invalidate(value) ignores a stale token; a request started before invalidate does not repopulate", async () => {
    let n = 0;
    const gate = deferred<void>();
    const cache = new TokenCache(async () => {
      n++;
      if (n === 2) await gate.promise;
      return { value: `t${n}` };
    });
    await cache.get();
    expect(cache.invalidate("other")).toBe(false);
    expect(cache.peek()?.value).toBe("t1");
    expect(cache.invalidate("t1")).toBe(true);
    const slow = cache.get();
    cache.invalidate();
    gate.resolve();
    expect((await slow).value).toBe("t2");
    expect(cache.peek()).toBeUndefined();
  });
});

describe("TokenCache: bounded re-authentication after a 401", () => {
  const events = () => {
    const seen: Array<{ action: string }> = [];
    return { seen, emit: (e: { type: string; action?: string }) => e.type === "token" && seen.push({ action: e.action! }) };
  };

  it("a 401 on a token obtained for this very request is about the resource: nothing minted, token kept", async () => {
    let n = 0;
    const log = events();
    const cache = new TokenCache(async () => ({ value: `t${++n}` }), { emit: log.emit });
    const used = await cache.acquire();
    expect(used.fresh).toBe(true);
    expect(await cache.after401(used)).toBeUndefined();
    expect(n).toBe(1);
    expect(cache.peek()?.value).toBe("t1");
    expect(log.seen).toEqual([{ action: "kept" }]);
  });

  it("a 401 on a cached token replaces it once and revokes the replaced one; later 401s on it reuse the replacement", async () => {
    let n = 0;
    const revoked: string[] = [];
    const log = events();
    const cache = new TokenCache(async () => ({ value: `t${++n}` }), { emit: log.emit, revoke: async (t) => void revoked.push(t.value) });
    await cache.get();
    const used = await cache.acquire();
    expect(used.fresh).toBe(false);
    const [a, b, c] = await Promise.all([cache.after401(used), cache.after401(used), cache.after401(used)]);
    expect([a?.value, b?.value, c?.value]).toEqual(["t2", "t2", "t2"]);
    expect(await cache.after401(used)).toMatchObject({ value: "t2" });
    expect(n).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(revoked).toEqual(["t1"]);
    expect(log.seen.map((e) => e.action)).toEqual(["replaced", "revoked"]);
  });

  it("at most one re-authentication per reauthIntervalMs: a 401 on the replacement within it keeps the token", async () => {
    let now = 1_000_000;
    let n = 0;
    const cache = new TokenCache(async () => ({ value: `t${++n}` }), { reauthIntervalMs: 30_000, now: () => now });
    await cache.get();
    expect((await cache.after401(await cache.acquire()))?.value).toBe("t2");
    now += 10_000;
    expect(await cache.after401(await cache.acquire())).toBeUndefined();
    expect(n).toBe(2);
    now += 25_000;
    expect((await cache.after401(await cache.acquire()))?.value).toBe("t3");
  });

  it("a failing revoke is reported, never thrown", async () => {
    let n = 0;
    const log = events();
    const cache = new TokenCache(async () => ({ value: `t${++n}` }), { emit: log.emit, revoke: async () => Promise.reject(new Error("test: revoke failed")) });
    await cache.get();
    await cache.after401(await cache.acquire());
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log.seen.map((e) => e.action)).toEqual(["replaced", "revoke-failed"]);
  });

  it("an already aborted signal starts no token request", async () => {
    let n = 0;
    const cache = new TokenCache(async () => ({ value: `t${++n}` }));
    await expect(cache.acquire(AbortSignal.abort())).rejects.toBeDefined();
    expect(n).toBe(0);
  });

  it("minLifetimeMs: an expiry in the past does not make every call mint", async () => {
    let now = 0;
    let n = 0;
    const cache = new TokenCache(async () => ({ value: `t${++n}`, expiresAt: now }), { minLifetimeMs: 5_000, now: () => now });
    for (let i = 0; i < 100; i++) await cache.get();
    expect(n).toBe(1);
    now += 5_001;
    await cache.get();
    expect(n).toBe(2);
  });
});
