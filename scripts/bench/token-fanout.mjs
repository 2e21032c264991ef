// Section 2, token fan-out: 1,000 callers ask a fresh UniCourt helper client for its access token
// in the same tick; the single-flight cache must send exactly one POST /generateNewToken and hand
// every caller the same token. Baseline, measured in the same run: one caller on a fresh client.
// The server (lib/server.mjs, separate process) counts the requests it receives.
import { measure } from "mitata";
import { pathToFileURL } from "node:url";
import { CLIENT_ID, CLIENT_SECRET } from "./lib/clients.mjs";
import { fromRoot } from "./lib/paths.mjs";
import { startServerProcess } from "./lib/server-handle.mjs";

/** Options (defaults): callers (1000), measured time per case in ms (1500). */
export async function main({ callers = 1000, passMs = 1500 } = {}) {
  const server = await startServerProcess();
  try {
    const { createUniCourtClient } = await import(pathToFileURL(fromRoot("packages/unicourt/dist/index.js")).href);
    const cases = [];
    for (const [id, n] of [["1 caller (baseline)", 1], [`${callers} concurrent callers`, callers]]) {
      let iterations = 0;
      let mismatches = 0;
      const fanOut = async () => {
        iterations++;
        const client = createUniCourtClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl: server.url });
        const tokens = await Promise.all(Array.from({ length: n }, () => client.getAccessToken()));
        if (tokens.some((t) => t !== tokens[0])) mismatches++;
      };
      await measure(fanOut, { batch_threshold: 0, min_cpu_time: 300e6 }); // warm-up
      await server.reset();
      iterations = 0;
      const stats = await measure(fanOut, { batch_threshold: 0, min_cpu_time: passMs * 1e6, min_samples: 20 });
      const requests = (await server.counts())["/generateNewToken"] ?? 0;
      cases.push({ id, callers: n, iterations, requests, requestsPerIteration: requests / iterations, mismatches, medianMs: stats.p50 / 1e6, p99Ms: stats.p99 / 1e6 });
    }
    const [base, fan] = cases;
    fan.medianRatio = fan.medianMs / base.medianMs;
    fan.p99Ratio = fan.p99Ms / base.p99Ms;
    return { cases, exactlyOne: fan.requests === fan.iterations && fan.mismatches === 0 && base.requests === base.iterations };
  } finally {
    await server.close();
  }
}
