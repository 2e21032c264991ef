// Where the overhead goes: for each profiled load (STACKS), the same calls made by each layer of
// a stack (the floor, the layer a user would use instead, ours) under `node --cpu-prof`
// (lib/profile-load.mjs); then, per request: CPU time, the self-time difference per
// file:function between consecutive layers (what each layer adds), and, in our layer's profile,
// the time spent under each of our functions (packages/*/dist) split by the function it called,
// as a share of its sampled time. Warm-up samples are dropped using the time window that the load
// prints.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchCache, repoRoot } from "./lib/paths.mjs";
import { startServerProcess } from "./lib/server-handle.mjs";

const LOAD = fileURLToPath(new URL("./lib/profile-load.mjs", import.meta.url));

/**
 * The profiled loads: variant ids of lib/clients.mjs, from the floor up; the last layer is ours.
 * The middle layer is what our layer is built on, with the timeout signal that bounds every call of
 * ours: openapi-fetch under the helper operations and `authMiddleware()`, a raw fetch under
 * `authorizedFetch`.
 */
export const STACKS = [
  { id: "unicourt", title: "the UniCourt operation (`listAllTokenIds`)", layers: ["raw-fetch", "openapi-fetch-timeout", "helper"] },
  { id: "agilicus", title: "the Agilicus operation (`listApiKeys`)", layers: ["raw-agilicus", "openapi-fetch-agilicus-timeout", "helper-agilicus"] },
  { id: "authorized-get", title: "`authorizedFetch` GET", layers: ["raw-get", "raw-get-timeout", "authorized-get"] },
  { id: "middleware-get", title: "`authMiddleware()` GET on an openapi-fetch client", layers: ["raw-get", "openapi-fetch-get-timeout", "middleware-get"] },
];

/** Options (defaults): concurrency (64), calls per profile (4000), rounds (2), sampling interval in µs (100), stacks (all). */
export async function main({ concurrency = 64, calls = 4000, rounds = 2, intervalUs = 100, stacks = STACKS } = {}) {
  const server = await startServerProcess();
  mkdirSync(benchCache, { recursive: true });
  const dir = await mkdtemp(path.join(benchCache, "profile-"));
  try {
    // The layers alternate over `rounds` rounds; per layer, the least disturbed profile (lowest
    // CPU per call) counts, since on a busy machine other processes only ever add to it.
    const profiles = {};
    for (let round = 0; round < rounds; round++) {
      for (const id of new Set(stacks.flatMap((stack) => stack.layers))) {
        const out = path.join(dir, `${id}-${round}`);
        const window = await runLoad(["--cpu-prof", `--cpu-prof-dir=${out}`, `--cpu-prof-interval=${intervalUs}`, LOAD, server.url, id, String(concurrency), String(calls)]);
        const [file] = await readdir(out);
        const summary = summarize(JSON.parse(await readFile(path.join(out, file), "utf8")), window);
        summary.label = window.label;
        if (!profiles[id] || summary.cpuUs / summary.calls < profiles[id].cpuUs / profiles[id].calls) profiles[id] = summary;
      }
    }
    return {
      concurrency,
      calls,
      rounds,
      intervalUs,
      stacks: stacks.map(({ id, title, layers }) => {
        const of = layers.map((layer) => profiles[layer]);
        return {
          id,
          title,
          layers: layers.map((layer, i) => ({
            id: layer,
            label: of[i].label,
            // process.cpuUsage() over the measured window, and the profiler's sampled time (wall time on CPU or waiting for it).
            cpuPerCallUs: of[i].cpuUs / of[i].calls,
            sampledPerCallUs: of[i].totalUs / of[i].calls,
          })),
          // What each layer adds over the one under it.
          steps: layers.slice(1).map((layer, i) => ({ lower: layers[i], upper: layer, ...delta(of[i], of[i + 1]) })),
          ourCode: ourCode(of.at(-1)),
        };
      }),
    };
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function runLoad(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`profile load exited with ${code}`))));
  });
}

const relative = (url) => (url ? path.relative(repoRoot, url.replace(/^file:\/\//, "")).replace(/^node_modules\/\.pnpm\/[^/]+\/node_modules\//, "") : "");
const isOurs = (file) => /^packages\/[^/]+\/dist\//.test(file);

/**
 * CPU µs inside the measured window: self time per "file:function:line", and, for samples under
 * our code, per "innermost our function → the function it called" (its own work when it is the
 * leaf). GC and "(program)" samples have no JS stack, so they only show in the self-time deltas.
 */
function summarize(profile, { startUs, endUs, calls, cpuUs }) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n) => {
    const file = relative(n.callFrame.url);
    return `${file || "(native)"}:${n.callFrame.functionName || "(anonymous)"}${file ? `:${n.callFrame.lineNumber + 1}` : ""}`;
  };
  const self = new Map();
  const ours = new Map();
  let ourTotal = 0;
  let total = 0;
  let t = profile.startTime;
  const add = (map, k, v) => map.set(k, (map.get(k) ?? 0) + v);
  for (let i = 0; i < profile.samples.length; i++) {
    // A sample's delta is the time since the previous sample: charge it to this sample's stack.
    const dt = profile.timeDeltas[i];
    t += dt;
    if (t < startUs || t > endUs) continue;
    const node = byId.get(profile.samples[i]);
    if (node.callFrame.functionName === "(idle)") continue;
    total += dt;
    add(self, key(node), dt);
    let callee;
    for (let id = node.id; id !== undefined; callee = id, id = parent.get(id)) {
      const k = key(byId.get(id));
      if (!isOurs(k)) continue;
      add(ours, `${k} → ${callee === undefined ? "(own code)" : key(byId.get(callee))}`, dt);
      ourTotal += dt;
      break;
    }
  }
  return { calls, cpuUs, totalUs: total, self, ours, ourTotal };
}

/** Per-call self-time differences (upper − lower), largest first. */
function delta(lower, upper) {
  const keys = new Set([...lower.self.keys(), ...upper.self.keys()]);
  const rows = [...keys]
    .map((fn) => ({ fn, lowerUs: (lower.self.get(fn) ?? 0) / lower.calls, upperUs: (upper.self.get(fn) ?? 0) / upper.calls }))
    .map((r) => ({ ...r, deltaUs: r.upperUs - r.lowerUs }))
    .sort((a, b) => b.deltaUs - a.deltaUs);
  const lowerCpu = lower.totalUs / lower.calls;
  const upperCpu = upper.totalUs / upper.calls;
  return { overheadUs: upperCpu - lowerCpu, overheadShare: (upperCpu - lowerCpu) / upperCpu, top: rows.filter((r) => r.deltaUs > 0).slice(0, 12) };
}

/**
 * Time under our functions, by (our function → callee), as µs per call and share of our layer's
 * sampled time. Calls into fetch itself and into openapi-fetch are marked `shared`: the layer
 * under ours pays them too, so what is left is our own overhead.
 */
function ourCode(helper) {
  // Reading the body (our readBodyText reads the bytes that openapi-fetch's or raw fetch's `json()` reads) is shared too.
  const shared = (fn) => /→ (node:internal\/bootstrap\/web\/exposed-window-or-worker:fetch:|openapi-fetch\/|node:internal\/deps\/undici\/undici:arrayBuffer:)/.test(fn);
  const all = [...helper.ours].map(([fn, us]) => ({ fn, us: us / helper.calls, share: us / helper.totalUs, shared: shared(fn) })).sort((a, b) => b.us - a.us);
  const own = all.filter((r) => !r.shared).reduce((sum, r) => sum + r.us, 0);
  return { totalUs: helper.ourTotal / helper.calls, share: helper.ourTotal / helper.totalUs, ownUs: own, ownShare: own / (helper.totalUs / helper.calls), top: all.slice(0, 16) };
}
