// Renders BENCHMARKS.md from the results of one run (run.mjs). Every table says what was measured
// and how; the text is fixed, the numbers come from the run.

const ms = (v) => (v === undefined || Number.isNaN(v) ? "n/a" : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : v >= 10 ? `${v.toFixed(0)} ms` : `${v.toFixed(2)} ms`);
const us = (v) => `${v.toFixed(1)} µs`;
/** Milliseconds, in µs below 1 ms (an in-memory cache hit). */
const fine = (v) => (v < 1 ? us(v * 1000) : ms(v));
const x = (v) => (v === undefined || Number.isNaN(v) ? "n/a" : `×${v.toFixed(2)}`);
const kib = (bytes) => (bytes < 1024 ? `${bytes} B` : bytes < 2 ** 20 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 2 ** 20).toFixed(1)} MiB`);
const pct = (v) => `${(v * 100).toFixed(1)}%`;
const int = (v) => Math.round(v).toLocaleString("en-US");
const yes = (met) => (met ? "**met**" : "**missed**");
const table = (head, rows) => [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
const failed = (section) => `_This section failed in this run:_\n\n\`\`\`\n${section.error}\n\`\`\``;

export function renderReport(results) {
  const { machine, tools, sections } = results;
  const out = [];
  const busy = Math.max(...machine.loadAverage.slice(0, 1), ...(machine.loadAverageAtEnd ?? []).slice(0, 1)) > machine.cores * 0.5;
  out.push(`# Benchmarks

Written by \`pnpm bench\` (\`scripts/bench/run.mjs\`) on ${results.startedAt.slice(0, 16).replace("T", " ")} UTC; the whole run took
${Math.round(results.totalSeconds)} s. Not part of \`pnpm test\`, and no test asserts a time: targets below are reported as met or
missed. Each section runs in a fresh Node process; ratios compare figures measured in the same run.

Reproduce from a fresh clone:

\`\`\`sh
pnpm install --frozen-lockfile && pnpm build
pnpm bench                         # every section -> BENCHMARKS.md (raw results: node_modules/.cache/bench/results.json)
pnpm bench --only call-overhead    # one section -> node_modules/.cache/bench/BENCHMARKS.partial.md
\`\`\`

Sections: \`size\`, \`token-fanout\`, \`token-store\` (needs \`redis-server\`), \`call-overhead\`, \`profile\` (runs when a call-overhead target is missed, or with
\`--profile\`), \`cold-start\`, \`pipeline\`, \`scaling\`. \`--budget <s>\` (default 540) is the time after which scaling steps that would not
fit are extrapolated instead of run.`);
  if (busy) {
    out.push(`> **This run was made on a busy machine** (load average ${machine.loadAverage[0]} at the start and ${machine.loadAverageAtEnd?.[0] ?? "?"} at the
> end, on ${machine.cores} cores): absolute times are pessimistic and noisy. Ratios measured side by side in the same run
> hold up better, but re-run \`pnpm bench\` on an idle machine for figures to publish.`);
  }

  out.push(`## Machine and tools

${table(["CPU", "cores", "memory", "OS", "Node", "load average (1 min) at start / end"], [[machine.cpu, machine.cores, `${machine.memoryGiB} GiB`, machine.os, machine.node, `${machine.loadAverage[0]} / ${machine.loadAverageAtEnd?.[0] ?? "?"}`]])}

${table(["tool", "version"], Object.entries(tools).map(([k, v]) => [k, `\`${v}\``]))}`);

  out.push(targets(sections));
  if (sections["call-overhead"]) out.push(callOverhead(sections["call-overhead"], sections.profile));
  else if (sections.profile) out.push(`## 1. Call overhead\n\n${profileSection(sections.profile)}`);
  if (sections["cold-start"]) out.push(coldStart(sections["cold-start"]));
  if (sections["token-fanout"]) out.push(tokenFanout(sections["token-fanout"]));
  if (sections["token-store"]) out.push(tokenStore(sections["token-store"]));
  if (sections.size) out.push(size(sections.size));
  if (sections.pipeline) out.push(pipeline(sections.pipeline));
  if (sections.scaling) out.push(scaling(sections.scaling));
  return `${out.join("\n\n")}\n`;
}

function targets(sections) {
  const rows = [];
  const co = sections["call-overhead"];
  for (const t of co?.targets ?? []) {
    const under = t.layerUnder ? `${x(t.layerUnder.medianRatio)} / ${x(t.layerUnder.p99Ratio)} of ${t.layerUnder.label.replace(/ \(baseline\)$/, "")}` : "";
    rows.push([`${t.label} within ${x(t.limit)} of ${t.baselineLabel.replace(/ \(baseline\)$/, "")}, median and p99, ${t.concurrency} in flight`, `${x(t.medianRatio)} / ${x(t.p99Ratio)}`, yes(t.met), under]);
  }
  const cs = sections["cold-start"];
  if (cs && !cs.error) rows.push([`cold start (import + first call) of the helper within ${x(cs.target.limit)} of openapi-fetch alone`, x(cs.target.ratio), yes(cs.target.met), ""]);
  const tf = sections["token-fanout"];
  if (tf && !tf.error) rows.push([`1,000 concurrent getAccessToken() callers send exactly one request`, `${tf.cases[1].requests} requests in ${tf.cases[1].iterations} runs`, yes(tf.exactlyOne), ""]);
  const sc = sections.scaling;
  if (sc && !sc.error) rows.push([`contract-diff on 5,000 operations under 2 s`, `${ms(sc.target.contractDiff5000Ms)}${sc.target.extrapolated ? " (extrapolated)" : ""}`, yes(sc.target.met), ""]);
  if (rows.length === 0) return "";
  return `## Targets

The last column puts each call-overhead figure beside the layer under ours, measured in the same run, with the 60 s timeout
signal that bounds every call of ours (the least a call that bounds its wait does): the openapi-fetch call a helper or
\`authMiddleware()\` is built on, or a raw fetch under \`authorizedFetch\` (see the CPU profile in section 1 for where the
rest goes).

${table(["target", "this run", "result", "this run vs the layer under ours"], rows)}`;
}

function callOverhead(section, profile) {
  if (section.error) return `## 1. Call overhead\n\n${failed(section)}`;
  const parts = [`## 1. Call overhead

Two groups of calls, each against one loopback server: \`node:http\` with keep-alive, in a **separate process**
(\`child_process.fork\` of \`scripts/bench/lib/server.mjs\`), so the server never shares an event loop or a core with the
client being measured. Every variant sends the request (and its body), reads the whole reply and parses it
(\`scripts/bench/lib/clients.mjs\`).

**The operation**: UniCourt \`listAllTokenIds\` (\`PUT /listAllTokenIds\` with a JSON body of the client id and secret; the
reply is a 240-byte JSON object):

- **raw \`fetch\`** (the baseline): \`fetch(url, { method: "PUT", headers, body: JSON.stringify(body) })\`, then \`response.json()\`.
- **\`node:http\`** with a keep-alive agent (the floor under fetch): \`http.request\`, body collected and \`JSON.parse\`d.
- **bare \`openapi-fetch\`**: \`createClient<paths>({ baseUrl }).PUT("/listAllTokenIds", { body })\`, with the \`paths\` types
  generated for packages/unicourt (types only: nothing extra at run time); and the same with a 60 s
  \`AbortSignal.timeout\` as its \`signal\`, the bound on the wait that every helper call has (\`timeoutMs\`, 60 s by default).
- **helper**: \`createUniCourtClient({ clientId, clientSecret, baseUrl }).listAllTokenIds()\` from the built package
  (\`packages/unicourt/dist\`): openapi-fetch plus @vendor-auth/core (input checks, deadline, strict body reading, typed
  errors, retries, redaction).
- **generated SDK**: \`new AuthenticationApi(new Configuration({ basePath })).listAllTokenIds({ accessTokenRequest })\`
  from \`@vendor-auth/unicourt/sdk\` (typescript-fetch).
- **hey-api**: \`listAllTokenIds({ client, body })\` from the SDK \`@hey-api/openapi-ts\` generates from \`specs/unicourt.yaml\`
  with its fetch client (the \`@hey-api/client-fetch\` plugin; \`scripts/bench/lib/hey-api.mjs\`), what a user would pick
  instead of openapi-fetch.
- **the other vendors**: a JSON GET of Agilicus (\`createAgilicusClient({ accessToken }).listApiKeys()\`, \`GET /v1/api_keys\` with a
  bearer token) and of BlueJeans (\`createBlueJeansClient({ accessToken }).getTokenInfo()\`, \`GET /oauth2/tokenInfo?access_token=…\`),
  each against raw \`fetch\` of the same request, with bare openapi-fetch of it beside them (the token set by hand), without and with the timeout signal. Laserfiche's
  operations all create, refresh or end a session token, which the client caches: none is a call to repeat.

**The passthrough** (the rest of a vendor's API with the client's token, \`/resource\`, a 100-byte JSON reply):
\`client.authorizedFetch("resource", init)\` against raw \`fetch\` with the \`Authorization\` header set by hand, on a GET
and on a POST with a JSON body, with raw \`fetch\` given a 60 s \`AbortSignal.timeout\` beside them (\`authorizedFetch\` bounds
the wait for the headers, 60 s by default: that guarantee by hand); and an openapi-fetch client with
\`use(client.authMiddleware())\` against bare openapi-fetch with the header in its \`headers\` option (and the same with a
60 s \`AbortSignal.timeout\`). The token is in the client's cache before anything is timed.

How: mitata drives the calls (\`measure()\` with no batching, so one sample is one call, or one wave of 64 concurrent
calls). Each variant first gets a ${section.warmupMs} ms warm-up pass; then ${section.rounds} rounds of ${section.passMs} ms per variant, the
order of the variants (within a group) rotated every round so that drift on the machine hits them alike. Each call's own
latency is recorded: **median** and **p99** are over all calls of all rounds. **req/s** is calls ÷ the sum of mitata's
sample times. Ratios are to the row's baseline at the same concurrency (raw fetch for the operation; for the
passthrough, the raw fetch or bare openapi-fetch call of the same method); for req/s higher is better, for latency
lower. Reproduce: \`pnpm bench --only call-overhead\`.`];
  const titles = { operation: "The operation", passthrough: "The passthrough" };
  for (const group of section.groups) {
    for (const { concurrency, rows } of group.results) {
      parts.push(`**${titles[group.id] ?? group.id}, ${concurrency === 1 ? "one request at a time" : `${concurrency} requests in flight`}**

${table(["client", "calls", "median", "p99", "req/s", "median vs baseline", "p99 vs baseline", "req/s vs baseline"], rows.map((r) => [r.label, int(r.calls), ms(r.medianMs), ms(r.p99Ms), int(r.rps), x(r.medianRatio), x(r.p99Ratio), x(r.rpsRatio)]))}`);
    }
  }
  if (profile) parts.push(profileSection(profile));
  return parts.join("\n\n");
}

function coldStart(section) {
  if (section.error) return `## Cold start\n\n${failed(section)}`;
  return `## Cold start

What a serverless function pays on every cold start: a fresh Node process imports the package, creates the client and makes
its first call (UniCourt \`listAllTokenIds\` against the separate-process bench server); the time is from the process's time
origin to the parsed reply, so Node's own start-up is in every row alike. ${section.runs} runs per variant, the variants
alternating run by run; medians. Reproduce: \`pnpm bench --only cold-start\` (\`scripts/bench/cold-start.mjs\`).

${table(["client", "import", "start to first reply", "vs openapi-fetch alone"], section.rows.map((r) => [r.label, ms(r.importMs), ms(r.totalMs), x(r.ratio)]))}`;
}

function profileSection(p) {
  if (p.error) return `### Where the time goes (CPU profile)\n\n${failed(p)}`;
  if (!p.stacks) return `### Where the time goes (CPU profile)\n\nResults in an older format: re-run \`pnpm bench --only profile\`.`;
  const deltaRows = (d) => d.top.map((r) => [`\`${r.fn}\``, us(r.lowerUs), us(r.upperUs), `+${us(r.deltaUs)}`]);
  const parts = [`### Where the time goes (CPU profile)

Run because a call-overhead target was missed. For each load below, the same calls made by each layer of a stack (the floor,
what our layer is built on or must at least do, ours): ${int(p.calls)} calls with ${p.concurrency} in flight after a warm-up of 2,000,
against the separate-process server, each under \`node --cpu-prof --cpu-prof-interval ${p.intervalUs}\` (\`scripts/bench/profile.mjs\`),
${p.rounds ?? 1} rounds alternating the layers; per layer the least disturbed profile (lowest CPU per call) counts. Only samples
taken during the measured calls count. CPU per call is \`process.cpuUsage()\` over those calls (all threads, so GC helpers and
the profiler itself are in it); the tables come from the profile's samples, per call. File names are those of the built
files (\`packages/core/dist/internal.js\` bundles \`packages/core/src/*.ts\`; the function names are the source's).

**Time under our own code** (\`packages/*/dist\`) is attributed by call stack, by our innermost function and the function it
called (\`(own code)\`: its own statements), so it does not depend on comparing two noisy runs. Rows marked _shared_ call
fetch, openapi-fetch or read the response body, which the layer under ours does too; the rest is our own overhead.
Reproduce: \`pnpm bench --only profile\`.

| load | layers (sampled time per call) | ours over the layer under it | our own code per call | its share of our layer |
| --- | --- | --- | --- | --- |
${p.stacks.map((s) => `| ${s.title} | ${s.layers.map((l) => `${l.label.replace(/ \(baseline\)$/, "")}: ${us(l.sampledPerCallUs)}`).join("; ")} | ${us(s.steps.at(-1).overheadUs)} | ${us(s.ourCode.ownUs)} | ${pct(s.ourCode.ownShare)} |`).join("\n")}`];
  for (const s of p.stacks) {
    parts.push(`#### ${s.title}

${table(["", ...s.layers.map((l) => l.label.replace(/ \(baseline\)$/, ""))], [["CPU per call", ...s.layers.map((l) => us(l.cpuPerCallUs))], ["sampled time per call", ...s.layers.map((l) => us(l.sampledPerCallUs))]])}

**Time under our own code**: **${us(s.ourCode.ownUs)} per call (${pct(s.ourCode.ownShare)} of our layer's time) is our own overhead**:

${table(["our function → callee", "per call", "share", ""], s.ourCode.top.map((r) => [`\`${r.fn}\``, us(r.us), pct(r.share), r.shared ? "_shared_" : "**ours**"]))}`);
    for (const step of s.steps) {
      const lower = s.layers.find((l) => l.id === step.lower).label.replace(/ \(baseline\)$/, "");
      const upper = s.layers.find((l) => l.id === step.upper).label.replace(/ \(baseline\)$/, "");
      parts.push(`**What ${upper} adds over ${lower}**: ${us(step.overheadUs)} of sampled time per call (${pct(step.overheadShare)} of its time). Largest self-time increases, by function:

${table(["file:function:line", "lower", "upper", "difference"], deltaRows(step))}`);
    }
  }
  return parts.join("\n\n");
}

function tokenFanout(section) {
  if (section.error) return `## 2. Token fan-out\n\n${failed(section)}`;
  const [base, fan] = section.cases;
  return `## 2. Token fan-out

A fresh UniCourt helper client per run; ${int(fan.callers)} callers call \`getAccessToken()\` in the same tick and await all the
results (\`Promise.all\`); the single-flight token cache must send exactly one \`POST /generateNewToken\` and give every
caller the same token. Baseline, measured in the same run: one caller on a fresh client (so client creation and the one
request are in both). The separate-process server counts the requests it receives; mitata runs a warm-up pass, then
measures (one sample = one run). Reproduce: \`pnpm bench --only token-fanout\`.

${table(["case", "runs", "requests received", "requests per run", "callers given a different token", "median", "p99", "median vs 1 caller"], section.cases.map((c) => [c.id, int(c.iterations), int(c.requests), c.requestsPerIteration.toFixed(3), c.mismatches, ms(c.medianMs), ms(c.p99Ms), c === base ? "×1.00" : x(c.medianRatio)]))}

Exactly one request per run for ${int(fan.callers)} callers: ${section.exactlyOne ? "**yes**" : "**no**"}.`;
}

function tokenStore(section) {
  if (section.error) return `## 2b. Shared token store\n\n${failed(section)}`;
  const fleet = (withStore) => section.fleets.filter((f) => f.withStore === withStore);
  return `## 2b. Shared token store

\`@vendor-auth/token-store-redis\` on a real ${section.redis} (\`redis-server\` on loopback, no persistence) in front of the UniCourt
fake. Reproduce: \`pnpm bench --only token-store\`.

**\`getAccessToken()\` latency**, in one process (mitata: a warm-up pass, then at least 20 samples; one sample = one call).
The L2 hit, the misses and the no-store row each create a new client (so client creation is in all three); the misses use
a new \`tokenStoreKey\` each time (an empty store key) and the fake has no token cap here.

${table(["case", "samples", "median", "p99"], section.latency.map((c) => [c.id, int(c.samples), fine(c.medianMs), fine(c.p99Ms)]))}

**Cold fleets**: 1, 8 and 32 processes (the test fleet's \`worker.mjs\`, forked once and given a fresh client, and store key, for each
run), each with ${section.callers} concurrent \`getAccessToken()\` callers, started together; on the fake's real limit of 10 active
tokens per account. Wall time from the start signal until every process has answered (median of ${section.runs} runs; the
processes are already running, so Node start-up is not in it; the first store command includes connecting to Redis).
Token requests and failed callers: the most of any run.

${table(["processes", "store", "token requests", "callers failed", "distinct tokens", "wall time"], [...fleet(false), ...fleet(true)].map((f) => [f.size, f.withStore ? "Redis" : "none", f.requests, f.failed, f.tokens, ms(f.medianWallMs)]))}

Without the store, every process requests its own token, and from the 11th process on UniCourt refuses them
(\`MaxActiveTokensReached\`: those processes' callers fail). With it, one request for the fleet, whatever its size.`;
}

function size(section) {
  if (section.error) return `## 3. Size\n\n${failed(section)}`;
  const vendor = section.vendor;
  const vendorPart = vendor.error
    ? `The vendor client \`${vendor.package}\` ${vendor.error}`
    : `The vendor's own npm client, for comparison. Laserfiche is the one vendor of the four known to publish a JavaScript client
on npm (UniCourt and Agilicus publish Python clients; we know of no npm client from them or from BlueJeans). It covers the
whole Repository API (entries, fields, searches, ...), not only sessions. \`${vendor.package}\` is installed by the benchmark with
\`npm install --prefix node_modules/.cache/bench/vendor\`, outside the workspace, and bundled the same way; besides its whole
entry, two named imports show what tree-shaking leaves (\`RepositoryApiClient\`: the documented entry point;
\`ServerSessionClient\`: the vendor's session/token operations, the counterpart of our \`@vendor-auth/laserfiche\`):

${table(["import", "minified", "min+gzip"], vendor.rows.map((r) => [`\`${r.entry}\``, kib(r.minBytes), `**${kib(r.gzipBytes)}**`]))}`;
  return `## 3. Size

What a browser app ships for each entry point: esbuild ${section.esbuild} bundles the built ESM entry (\`dist/*.js\`) with **all its
dependencies** (\`@vendor-auth/core\`, \`openapi-fetch\`), as \`export * from "<entry>"\` (so nothing is tree-shaken away),
\`minify\`, \`platform: "browser"\`, \`target: "es2022"\`, no legal comments; then \`node:zlib\` gzip at level 9 (as the size budget).
\`./schema\` is types only (0 bytes of JavaScript; 20 bytes is an empty gzip stream). \`./testing\` entries are left out: they
are test fakes for Node (\`node:http\`), not browser code. For the helpers, the last column is what an app ships when it
imports only the client factory (\`export { createUniCourtClient } from ...\`, tree-shaken). Reproduce: \`pnpm bench --only size\`.

${table(["entry point", "kind", "minified", "min+gzip", "factory only, min+gzip"], section.rows.map((r) => (r.error ? [`\`${r.entry}\``, "", r.error, "", ""] : [`\`${r.entry}\``, r.kind, kib(r.minBytes), `**${kib(r.gzipBytes)}**`, r.factory ? `${kib(r.factory.gzipBytes)} (\`${r.factory.name}\`)` : ""])))}

What a user would ship instead, bundled the same way: openapi-fetch alone (the request builder our helpers run on), and
hey-api's fetch client with the SDK \`@hey-api/openapi-ts\` generates from \`specs/unicourt.yaml\` (its operation functions,
default client and \`createClient\`; \`scripts/bench/lib/hey-api.mjs\`). Neither checks inputs, reads bodies within a limit,
retries, redacts secrets or caches tokens: the difference to the UniCourt helper's "factory only" column is what those cost.

${table(["import", "minified", "min+gzip"], (section.anchors ?? []).map((r) => (r.error ? [`\`${r.entry}\``, r.error, ""] : [`\`${r.entry}\``, kib(r.minBytes), `**${kib(r.gzipBytes)}**`])))}

${vendorPart}`;
}

function pipeline(section) {
  if (section.error) return `## 4. Pipeline\n\n${failed(section)}`;
  const task = (t) => (t ? `${t.cached} of ${t.total} turbo tasks from cache` : "");
  return `## 4. Pipeline

Wall-clock times of whole commands. \`pnpm generate\` and \`pnpm build\` run in a scratch copy of the work tree (the files git
sees, \`.git\`, turbo's local cache, \`node_modules\` linked), so the benchmark never rewrites the workspace's generated files or
\`dist/\` while anything else uses them. Baseline, measured in the same run: an empty Node process (\`node -e 0\`), median of 5:
**${ms(section.nodeStartMs)}**. Reproduce: \`pnpm bench --only pipeline\`.

${table(["step", "command", "time", "vs node start", "notes"], [
    ["cold generate, all 4 specs", "`pnpm generate --force` (turbo ignores its cache)", ms(section.coldGenerate.ms), x(section.coldGenerate.ratio), `${task(section.coldGenerate.tasks)}; each task: Redocly lint, openapi-typescript, openapi-generator typescript-fetch (one JVM per spec), meta, docs, manifest`],
    ["warm build", "`pnpm build` (after one priming build)", ms(section.warmBuild.ms), x(section.warmBuild.ratio), `median of ${section.warmBuild.runs.length}; ${task(section.warmBuild.tasks)}${section.warmBuild.fullHit ? " (full cache hit)" : " (**not a full cache hit**)"}`],
    ["contract-diff, Agilicus pair", "`node scripts/contract-diff/src/cli.mjs --base specs/fixtures/agilicus.seed-002.yaml --head specs/agilicus.yaml --format json`", ms(section.contractDiff.ms), x(section.contractDiff.ratio), `median of ${section.contractDiff.runs.length}; ${section.contractDiff.changes} changes reported`],
  ])}

The priming build (untimed in the table; it fills turbo's cache in the copy) took ${ms(section.primeBuild.ms)} (${task(section.primeBuild.tasks)}).`;
}

function scaling(section) {
  if (section.error) return `## 5. Scaling\n\n${failed(section)}`;
  const steps = [
    ["contractDiff", "contract-diff"],
    ["openapiTypescript", "openapi-typescript"],
    ["tscSchema", "tsc, schema types"],
    ["typescriptFetch", "typescript-fetch (java)"],
    ["tscSdk", "tsc, SDK"],
  ];
  const cell = (c) => (!c ? "n/a" : c.ms !== undefined ? ms(c.ms) : c.extrapolatedMs !== undefined ? `~${ms(c.extrapolatedMs)} _(extrapolated)_` : "not run (time budget)");
  const rows = section.rows.map((r) => [int(r.operations), int(r.schemas), kib(r.specBytes), ...steps.map(([id]) => cell(r.steps[id]))]);
  const fitRows = steps
    .filter(([id]) => section.fits[id])
    .map(([id, label]) => {
      const f = section.fits[id];
      return [label, ms(f.intercept), `${f.slope.toFixed(2)} ms`, f.r2.toFixed(3), ...[0, 1].map((i) => (f.marginal[i] ? `${f.marginal[i].msPerOperation.toFixed(2)} ms` : "n/a")), f.verdict];
    });
  const breakdown = section.rows
    .filter((r) => r.contractDiffBreakdown)
    .map((r) => {
      const b = r.contractDiffBreakdown;
      return [int(r.operations), ms(b.yamlParseMs), ms(b.loadMs), ms(b.diffMs), ms(b.jsonParseMs), int(b.changes)];
    });
  const ops = section.rows.map((r) => r.operations);
  return `## 5. Scaling

Synthetic OpenAPI 3.0.3 specs of ${ops.map(int).join(", ")} operations from \`scripts/bench/synthetic-spec.mjs\` (resources with list, create,
get, replace and delete operations; path and query parameters, JSON request bodies, three component schemas per resource
plus shared ones, shared error responses, one tag per 25 operations), and a mutated copy (\`mutateSpec\`: about 2% of the
operations edited, half of the edits breaking). Each step is one fresh process, timed from outside, so fixed costs (JVM or
Node start-up, module loading) are included. The fastest of 3 runs counts at 100 operations, of 2 at 1,000, one run at 5,000
(on a busy machine noise only adds time):

- **contract-diff**: \`node scripts/contract-diff/src/cli.mjs --base spec.yaml --head mutated.yaml --format json\`.
- **openapi-typescript**: \`generateSchemaTypes()\` of \`scripts/generate/schema-types.mjs\` (the project's options) in a fresh Node process.
- **typescript-fetch**: \`java -jar <the JAR pinned in openapitools.json> generate -g typescript-fetch\` with the properties of \`scripts/generate/sdk.mjs\` (the JAR comes from \`ensureGeneratorJar()\`).
- **tsc**: \`tsc --noEmit -p\` over each generated output alone, with the compiler options of \`tsconfig.base.json\` (strict, \`noUncheckedIndexedAccess\`).

Reproduce: \`pnpm bench --only scaling\`; one spec: \`node scripts/bench/synthetic-spec.mjs --operations 5000 [--mutate] --out spec.yaml\`.

${table(["operations", "schemas", "spec (YAML)", ...steps.map(([, label]) => label)], rows)}

**Growth.** Least-squares line through the measured sizes (fixed cost = intercept, cost per operation = slope), and the
marginal cost per operation between consecutive sizes: growth is called linear when the last marginal cost is 0.7-1.3×
the one before it.

${table(["step", "fixed cost", "per operation", "R²", `marginal ${ops[0]}→${ops[1]}`, `marginal ${ops[1]}→${ops[2] ?? "?"}`, "growth"], fitRows)}
${section.extrapolated?.length ? `\n**Extrapolated, not measured:** ${section.extrapolated.join("; ")}.\n` : ""}${section.notes.map((n) => `\n**Note:** ${n}.\n`).join("")}
**Where contract-diff's time goes**, in one process (\`scripts/bench/lib/contract-diff-breakdown.mjs\`): parsing both YAML files
with the \`yaml\` package (what contract-diff uses), loading (that parse plus the document checks: \`parseDocument\`), and the
diff itself (\`diffDocuments\`); \`JSON.parse\` of the same two documents as JSON is there for comparison.

${table(["operations", "YAML parse (both)", "load (both)", "diff", "JSON.parse (both)", "changes"], breakdown)}`;
}
