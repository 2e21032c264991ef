// Section 1, call overhead: the same UniCourt call (listAllTokenIds) made four ways against one
// keep-alive loopback server that runs in a separate process (lib/server.mjs), one request at a
// time and with 64 in flight. mitata drives the load: one warm-up pass per variant, then measured
// passes in rounds that rotate the order of the variants (so drift on a busy machine hits every
// variant alike). Each call's own latency is recorded; req/s comes from mitata's per-sample times
// (a sample is one call, or one wave of 64 concurrent calls).
import { measure } from "mitata";
import { loadClients } from "./lib/clients.mjs";
import { startServerProcess } from "./lib/server-handle.mjs";
import { quantile } from "./lib/stats.mjs";

/** Options (defaults): rounds per concurrency (6), measured time per pass in ms (500), warm-up per variant in ms (400). */
export async function main({ rounds = 6, passMs = 500, warmupMs = 400, concurrencies = [1, 64] } = {}) {
  const server = await startServerProcess();
  try {
    const { variants, versions } = await loadClients(server.url);
    // Sanity: every variant gets the same parsed body before anything is timed.
    for (const variant of variants) {
      const body = await variant.call();
      // (The SDK maps the wire name AccessTokenIdArray to accessTokenIdArray.)
      if ((body?.AccessTokenIdArray ?? body?.accessTokenIdArray)?.length !== 1) throw new Error(`${variant.id}: unexpected reply ${JSON.stringify(body)}`);
    }
    const results = [];
    for (const concurrency of concurrencies) {
      const perVariant = new Map(variants.map((v) => [v.id, { latencies: [], sampleNs: 0, calls: 0, roundRps: [] }]));
      const pass = async (variant, ms, record) => {
        const latencies = [];
        const timedCall = async () => {
          const start = performance.now();
          await variant.call();
          latencies.push(performance.now() - start);
        };
        // batch_threshold 0: never batch, so a sample is exactly one call (or one wave of `concurrency`).
        const stats = await measure(timedCall, { concurrency, batch_threshold: 0, min_cpu_time: ms * 1e6, min_samples: 20 });
        if (!record) return;
        const entry = perVariant.get(variant.id);
        // The first recorded call is mitata's sequential probe before its loop; drop it.
        entry.latencies.push(...latencies.slice(1));
        const total = stats.samples.reduce((s, v) => s + v, 0);
        entry.sampleNs += total;
        entry.calls += stats.samples.length * concurrency;
        entry.roundRps.push((stats.samples.length * concurrency * 1e9) / total);
      };
      for (const variant of variants) await pass(variant, warmupMs, false);
      for (let round = 0; round < rounds; round++) {
        const order = variants.map((_, i) => variants[(i + round) % variants.length]);
        for (const variant of order) await pass(variant, passMs, true);
      }
      const rows = variants.map((variant) => {
        const entry = perVariant.get(variant.id);
        const sorted = entry.latencies.sort((a, b) => a - b);
        return {
          id: variant.id,
          label: variant.label,
          calls: sorted.length,
          medianMs: quantile(sorted, 0.5),
          p99Ms: quantile(sorted, 0.99),
          rps: (entry.calls * 1e9) / entry.sampleNs,
          roundRps: entry.roundRps,
        };
      });
      const base = rows.find((r) => r.id === "raw-fetch");
      for (const row of rows) {
        row.medianRatio = row.medianMs / base.medianMs;
        row.p99Ratio = row.p99Ms / base.p99Ms;
        row.rpsRatio = row.rps / base.rps;
      }
      results.push({ concurrency, rows });
    }
    const targets = results.map(({ concurrency, rows }) => {
      const helper = rows.find((r) => r.id === "helper");
      const bare = rows.find((r) => r.id === "openapi-fetch");
      const vsBare = helper.medianMs / bare.medianMs;
      return { concurrency, helperVsOpenapiFetch: vsBare, helperVsRawFetch: helper.medianRatio, met: vsBare <= 1.1 && helper.medianRatio <= 1.25 };
    });
    return { server: "node:http in a separate process (child_process.fork), keep-alive", versions, rounds, passMs, warmupMs, results, targets };
  } finally {
    await server.close();
  }
}
