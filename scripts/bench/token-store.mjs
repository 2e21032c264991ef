// Section "token-store": the shared token store on a real Redis (redis-server from the PATH, via
// @vendor-auth/token-store-redis/testing) in front of the UniCourt fake.
//   1. getAccessToken() latency, in this process: an L1 hit (the client's own cache), an L2 hit (a
//      new client, the token in Redis), a miss with the store (lease, token request, sealed write)
//      and a miss without it (one token request), each on a fresh client where it says so.
//   2. Cold fleets of 1, 8 and 32 processes (the test fleet's worker.mjs, forked once and
//      reconfigured for each run), with and without the store, on the fake's real 10-token cap:
//      token requests, failed callers and the wall time from "go" until every process has its token.
import { execFileSync } from "node:child_process";
import { measure } from "mitata";
import { pathToFileURL } from "node:url";
import { fromRoot } from "./lib/paths.mjs";

const ENCRYPTION_KEY = "test-bench-encryption-key-0123456789";

/** Options (defaults): fleet sizes ([1, 8, 32]), callers per process (10), runs per case (3), measured time per latency case in ms (1000). */
export async function main({ sizes = [1, 8, 32], callers = 10, runs = 3, passMs = 1000 } = {}) {
  const load = (path) => import(pathToFileURL(fromRoot(path)).href);
  const { createUniCourtClient } = await load("packages/unicourt/dist/index.js");
  const { startUniCourtFake } = await load("packages/unicourt/dist/testing.js");
  const { createRedisTokenStore } = await load("packages/token-store-redis/dist/index.js");
  const { startRedisServer } = await load("packages/token-store-redis/dist/testing.js");
  const { startFleet } = await load("packages/token-store-redis/test/fleet/fleet.mjs");
  const redis = await startRedisServer();
  const results = { redis: undefined, latency: [], fleets: [], callers, runs };
  try {
    // 1. Latency (no token cap: every miss mints a token).
    const fake = await startUniCourtFake({ maxActiveTokens: Number.MAX_SAFE_INTEGER });
    const store = createRedisTokenStore({ url: redis.url, encryptionKey: ENCRYPTION_KEY, keyPrefix: "bench-latency:" });
    try {
      const options = { clientId: fake.clientId, clientSecret: fake.clientSecret, baseUrl: fake.url };
      const warm = createUniCourtClient({ ...options, tokenStore: store });
      await warm.getAccessToken();
      let fresh = 0;
      const cases = [
        ["L1 hit (the client's own cache)", () => warm.getAccessToken()],
        ["L2 hit (a new client; the token in Redis: GET, decrypt)", () => createUniCourtClient({ ...options, tokenStore: store }).getAccessToken()],
        ["miss with the store (a new client and key: lease, request, sealed write)", () => createUniCourtClient({ ...options, tokenStore: store, tokenStoreKey: `bench-${fresh++}` }).getAccessToken()],
        ["miss without a store (a new client: one request)", () => createUniCourtClient(options).getAccessToken()],
      ];
      for (const [id, fn] of cases) {
        await measure(fn, { batch_threshold: 0, min_cpu_time: 200e6 }); // warm-up
        const stats = await measure(fn, { batch_threshold: 0, min_cpu_time: passMs * 1e6, min_samples: 20 });
        results.latency.push({ id, samples: stats.samples.length, medianMs: stats.p50 / 1e6, p99Ms: stats.p99 / 1e6 });
      }
    } finally {
      await store.close();
      await fake.close();
    }

    // 2. Cold fleets, on the vendor's cap.
    const capped = await startUniCourtFake();
    const base = { clientId: capped.clientId, clientSecret: capped.clientSecret, baseUrl: capped.url, leaseMs: 10_000, commandTimeoutMs: 5_000 };
    const workers = await startFleet(Math.max(...sizes), base);
    try {
      let prefix = 0;
      for (const withStore of [false, true]) {
        for (const size of sizes) {
          const samples = [];
          for (let run = 0; run < runs; run++) {
            capped.reset();
            const fleet = workers.slice(0, size);
            const config = withStore ? { ...base, redisUrl: redis.url, encryptionKey: ENCRYPTION_KEY, keyPrefix: `bench-fleet-${prefix++}:` } : base;
            await Promise.all(fleet.map((w) => w.configure(config)));
            const mark = capped.requests.length;
            const started = performance.now();
            const answers = await Promise.all(fleet.map((w) => w.tokens(callers)));
            const wallMs = performance.now() - started;
            const requests = capped.requests.slice(mark).filter((r) => r.operationId === "generateNewToken").length;
            samples.push({ wallMs, requests, failed: answers.reduce((n, a) => n + a.failures.length, 0), tokens: new Set(answers.flatMap((a) => a.tokens)).size });
          }
          const sorted = samples.map((s) => s.wallMs).sort((a, b) => a - b);
          results.fleets.push({ size, withStore, medianWallMs: sorted[Math.floor(sorted.length / 2)], requests: Math.max(...samples.map((s) => s.requests)), failed: Math.max(...samples.map((s) => s.failed)), tokens: Math.max(...samples.map((s) => s.tokens)) });
        }
      }
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      await capped.close();
    }
    results.redis = execFileSync(process.env.REDIS_SERVER ?? "redis-server", ["--version"], { encoding: "utf8" }).trim().split(" ").slice(0, 3).join(" ");
  } finally {
    await redis.close();
  }
  return results;
}
