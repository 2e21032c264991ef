// Section 2, cold start: what a serverless function pays on every cold start. Each run is a fresh
// Node process (lib/cold-start-load.mjs) that imports the client's package, creates the client and
// makes its first call (UniCourt listAllTokenIds, against the separate-process bench server); the
// figure is the time from the process's time origin to the parsed reply. The variants alternate
// run by run, so drift on a busy machine hits them alike; the median of the runs counts.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { heyApiSdk } from "./lib/hey-api.mjs";
import { startServerProcess } from "./lib/server-handle.mjs";
import { median } from "./lib/stats.mjs";

const LOAD = fileURLToPath(new URL("./lib/cold-start-load.mjs", import.meta.url));
/** The target: import + first call within ×1.3 of openapi-fetch alone. */
export const COLD_START_MAX_RATIO = 1.3;
const VARIANTS = [
  { id: "raw-fetch", label: "raw `fetch` (nothing to import)" },
  { id: "openapi-fetch", label: "`openapi-fetch` alone (baseline)" },
  { id: "hey-api", label: "hey-api fetch client + its generated SDK" },
  { id: "helper", label: "helper `@vendor-auth/unicourt`" },
];

/** Options (defaults): runs per variant (15). */
export async function main({ runs = 15 } = {}) {
  const { bundle: heyApiBundle } = await heyApiSdk("unicourt"); // generated once, before any run is timed
  const server = await startServerProcess();
  try {
    const samples = Object.fromEntries(VARIANTS.map((v) => [v.id, []]));
    for (let run = 0; run < runs; run++) {
      for (const { id } of VARIANTS) {
        const child = spawnSync(process.execPath, [LOAD, server.url, id, heyApiBundle], { encoding: "utf8", timeout: 60_000 });
        if (child.status !== 0) throw new Error(`cold start ${id} failed: ${child.stderr.trim().split("\n").slice(-3).join(" ")}`);
        samples[id].push(JSON.parse(child.stdout));
      }
    }
    const rows = VARIANTS.map(({ id, label }) => ({ id, label, totalMs: median(samples[id].map((s) => s.totalMs)), importMs: median(samples[id].map((s) => s.importMs)) }));
    const base = rows.find((r) => r.id === "openapi-fetch");
    for (const row of rows) row.ratio = row.totalMs / base.totalMs;
    const helper = rows.find((r) => r.id === "helper");
    return { runs, rows, target: { limit: COLD_START_MAX_RATIO, ratio: helper.ratio, met: helper.ratio <= COLD_START_MAX_RATIO } };
  } finally {
    await server.close();
  }
}
