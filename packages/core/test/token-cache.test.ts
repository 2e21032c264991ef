import { describe, expect, it } from "vitest";
import { TokenCache } from "../src/index.js";

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
