// Section 1, call overhead: the same calls made several ways (lib/clients.mjs: the UniCourt
// operation listAllTokenIds, and the passthrough `authorizedFetch` / `authMiddleware` against raw
// fetch and bare openapi-fetch) against one keep-alive loopback server that runs in a separate
// process (lib/server.mjs), one request at a time and with 64 in flight. mitata drives the load: one
// warm-up pass per variant, then measured passes in rounds that rotate the order of the variants
// (so drift on a busy machine hits every variant alike). Each call's own latency is recorded; req/s
// comes from mitata's per-sample times (a sample is one call, or one wave of 64 concurrent calls).
import { measure } from "mitata";
import { loadClients } from "./lib/clients.mjs";
import { startServerProcess } from "./lib/server-handle.mjs";
import { quantile } from "./lib/stats.mjs";

/** The targets: ratios to the baseline of the same run, median and p99. */
export const HELPER_MAX_RATIO = 1.1;
export const PASSTHROUGH_MAX_RATIO = 1.03;

/** Options (defaults): rounds per concurrency (6), measured time per pass in ms (500), warm-up per variant in ms (400). */
export async function main({ rounds = 6, passMs = 500, warmupMs = 400, concurrencies = [1, 64] } = {}) {
  const server = await startServerProcess();
  const clients = await loadClients(server.url);
  try {
    // Sanity: every variant gets the expected parsed body before anything is timed.
    for (const variant of clients.groups.flatMap((group) => group.variants)) {
      const body = await variant.call();
      if (!variant.check(body)) throw new Error(`${variant.id}: unexpected reply ${JSON.stringify(body)}`);
    }
    const groups = [];
    for (const group of clients.groups) {
      const results = [];
      for (const concurrency of concurrencies) results.push({ concurrency, rows: await measureGroup(group, concurrency, { rounds, passMs, warmupMs }) });
      groups.push({ id: group.id, baseline: group.baseline, results });
    }
    return { server: "node:http in a separate process (child_process.fork), keep-alive", versions: clients.versions, rounds, passMs, warmupMs, groups, targets: targetsOf(groups) };
  } finally {
    clients.close();
    await server.close();
  }
}

/** Every variant of a group at one concurrency, in rotated rounds; ratios to the variant's baseline. */
async function measureGroup(group, concurrency, { rounds, passMs, warmupMs }) {
  const { variants } = group;
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
      baseline: variant.baseline ?? group.baseline,
      calls: sorted.length,
      medianMs: quantile(sorted, 0.5),
      p99Ms: quantile(sorted, 0.99),
      rps: (entry.calls * 1e9) / entry.sampleNs,
      roundRps: entry.roundRps,
    };
  });
  for (const row of rows) {
    const base = rows.find((r) => r.id === row.baseline);
    row.medianRatio = row.medianMs / base.medianMs;
    row.p99Ratio = row.p99Ms / base.p99Ms;
    row.rpsRatio = row.rps / base.rps;
  }
  return rows;
}

/**
 * Per measured variant, what it is built on or must at least do (shown beside the target, which
 * compares to raw fetch or bare openapi-fetch), with the timeout signal that bounds every call's
 * wait, as ours does: openapi-fetch under the helper operations and `authMiddleware()`, a raw fetch
 * under `authorizedFetch`. (The same calls without a signal stay in the tables beside them.)
 */
const LAYER_UNDER = { helper: "openapi-fetch-timeout", "helper-agilicus": "openapi-fetch-agilicus-timeout", "helper-bluejeans": "openapi-fetch-bluejeans-timeout", "authorized-get": "raw-get-timeout", "authorized-post": "raw-post-timeout", "middleware-get": "openapi-fetch-get-timeout", "middleware-post": "openapi-fetch-post-timeout" };

/** One target per (measured variant, concurrency): median and p99 ratios within the limit. */
function targetsOf(groups) {
  const limits = { helper: HELPER_MAX_RATIO, "helper-agilicus": HELPER_MAX_RATIO, "helper-bluejeans": HELPER_MAX_RATIO, "authorized-get": PASSTHROUGH_MAX_RATIO, "authorized-post": PASSTHROUGH_MAX_RATIO, "middleware-get": PASSTHROUGH_MAX_RATIO, "middleware-post": PASSTHROUGH_MAX_RATIO };
  const targets = [];
  for (const group of groups) {
    for (const { concurrency, rows } of group.results) {
      for (const row of rows) {
        const limit = limits[row.id];
        if (limit === undefined) continue;
        const baseline = rows.find((r) => r.id === row.baseline);
        const under = rows.find((r) => r.id === LAYER_UNDER[row.id]);
        const layerUnder = under && { label: under.label, medianRatio: row.medianMs / under.medianMs, p99Ratio: row.p99Ms / under.p99Ms };
        targets.push({ id: row.id, label: row.label, baselineLabel: baseline.label, concurrency, limit, medianRatio: row.medianRatio, p99Ratio: row.p99Ratio, met: row.medianRatio <= limit && row.p99Ratio <= limit, layerUnder });
      }
    }
  }
  return targets;
}
