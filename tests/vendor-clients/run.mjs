#!/usr/bin/env node
// `pnpm vendor-clients`: the vendors' own published clients against our fakes (issue 14).
//
// For each vendor client (UniCourt's SDK 1.1.2, 1.0.1 and 1.0; laserfiche-api 1.0.0; agilicus
// 1.98.9 and its CLI's helper functions; BlueJeans' swagger-codegen client) this launcher starts
// the vendor's fake from the BUILT package (`@vendor-auth/<vendor>/testing`) on loopback, runs the
// Python driver (drivers/drive_<vendor>.py) in the client's venv, and judges every case: the vendor
// client must have returned (or raised the error the case expects) and decoded our answer, and the
// fake must have refused nothing (no spec-validation 400, no 404 for a path the client sends) and
// answered within the spec. Then it checks that every seed operation has a passing case.
//
//   pnpm vendor-clients               table per client, exit 1 on any failure
//   pnpm vendor-clients --markdown    also print the per-vendor summary as a Markdown table
//   pnpm vendor-clients --only=agilicus
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { setupVendorClients, suiteDir, workDir } from "./setup.mjs";
import { fakes } from "./fakes.mjs";

const SUITES = [
  { vendor: "unicourt", client: "unicourt 1.1.2 (PyPI)", venv: "current" },
  { vendor: "unicourt", client: "unicourt 1.0.1 (PyPI)", venv: "unicourt-1.0.1" },
  { vendor: "unicourt", client: "unicourt 1.0 (PyPI)", venv: "unicourt-1.0" },
  { vendor: "laserfiche", client: "laserfiche-api 1.0.0 (PyPI)", venv: "current" },
  { vendor: "agilicus", client: "agilicus 1.98.9 (PyPI: agilicus_api + CLI helpers)", venv: "current" },
  { vendor: "bluejeans", client: "swagger_client 1.0.0 (swagger-codegen 2.2.2 on the vendor's swagger.yaml)", venv: "current" },
];

const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const markdown = args.includes("--markdown");

/** The seed operations of a vendor, from its spec: every operationId, BlueJeans' merged getToken as its five x-seed-operations. */
async function seedOperations(vendor) {
  const spec = parse(await readFile(path.join(suiteDir, "..", "..", "specs", `${vendor}.yaml`), "utf8"));
  const names = [];
  for (const item of Object.values(spec.paths)) {
    for (const operation of Object.values(item)) {
      if (!operation?.operationId) continue;
      const seeds = (operation["x-seed-operations"] ?? []).map((s) => s.operationId);
      names.push(...(seeds.length ? seeds : [operation.operationId]));
    }
  }
  return [...new Set(names)].sort();
}

/** Runs one driver against a fresh fake; resolves with its judged cases. */
async function runSuite(suite, python) {
  const fake = await fakes[suite.vendor].start();
  const cases = [];
  let current;
  const control = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {};
    const url = new URL(req.url, "http://control.invalid");
    const reply = (status, value) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(value ?? null));
    };
    if (url.pathname === "/begin") {
      current = { ...body, requestsFrom: fake.server.requests.length, violationsFrom: fake.server.violations.length };
      return reply(200, {});
    }
    if (url.pathname === "/end") {
      const judged = judge(current, body, fake.server);
      cases.push(judged);
      current = undefined;
      return reply(200, judged);
    }
    if (url.pathname === "/snapshot") return reply(200, fake.snapshot());
    // The redirect target of BlueJeans' /oauth2/authorize: answers with what the redirect carried.
    if (url.pathname === "/callback") return reply(200, Object.fromEntries(url.searchParams));
    return reply(404, { error: `no control endpoint ${url.pathname}` });
  });
  await new Promise((resolve) => control.listen(0, "127.0.0.1", resolve));
  const controlUrl = `http://127.0.0.1:${control.address().port}`;
  try {
    const config = { control: controlUrl, client: suite.client, fake: fake.config(controlUrl) };
    const { code, output } = await runPython(python, path.join(suiteDir, "drivers", `drive_${suite.vendor}.py`), config);
    if (code !== 0) cases.push({ operation: "(driver)", variant: "driver process", pass: false, error: `exited with ${code}: ${output.trim().split("\n").slice(-8).join(" | ")}`, requests: [], violations: [] });
  } finally {
    control.close();
    await fake.server.close();
  }
  return cases;
}

function runPython(python, script, config) {
  return new Promise((resolve, reject) => {
    const child = spawn(python, [script], {
      env: { ...process.env, VENDOR_CLIENTS_CONFIG: JSON.stringify(config), PYTHONDONTWRITEBYTECODE: "1", PYTHONPATH: path.join(suiteDir, "drivers") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** A case passes when the vendor client was happy and the fake refused nothing and answered within its spec. */
function judge(begun, outcome, server) {
  const requests = server.requests.slice(begun?.requestsFrom ?? 0).map((r) => ({ method: r.method, path: `${r.path}${r.query.size ? `?${r.query}` : ""}`, operationId: r.operationId, status: r.status }));
  const violations = server.violations.slice(begun?.violationsFrom ?? 0).map((v) => `${v.kind} ${v.method} ${v.path}: ${v.errors.join("; ")}`);
  const problems = [];
  if (outcome.skipped) problems.push(`skipped: ${outcome.error}`);
  else if (!outcome.ok) problems.push(outcome.error || "the vendor client failed");
  if (!outcome.skipped && requests.length === 0) problems.push("no request reached the fake");
  problems.push(...violations);
  return { operation: begun?.operation, variant: begun?.variant, workaround: begun?.workaround, pass: problems.length === 0, skipped: Boolean(outcome.skipped), detail: outcome.detail, error: problems.join(" / "), requests, violations };
}

// --- main ------------------------------------------------------------------------------------------

const started = performance.now();
const pythons = await setupVendorClients();
const report = [];
for (const suite of SUITES) {
  if (only && suite.vendor !== only) continue;
  const cases = await runSuite(suite, pythons[suite.venv]);
  const seeds = await seedOperations(suite.vendor);
  const passedOps = new Set(cases.filter((c) => c.pass).map((c) => c.operation));
  const failedOps = new Set(cases.filter((c) => !c.pass).map((c) => c.operation));
  const operations = seeds.map((name) => ({ name, pass: passedOps.has(name) && !failedOps.has(name), cases: cases.filter((c) => c.operation === name) }));
  // "flow:<name>" cases drive a vendor flow beyond the seed operations (e.g. Agilicus' service token).
  const unknown = cases.filter((c) => !seeds.includes(c.operation) && c.operation !== "(driver)" && !c.operation?.startsWith("flow:"));
  report.push({ ...suite, cases, operations, unknown });
}

let failed = 0;
for (const entry of report) {
  const passedCases = entry.cases.filter((c) => c.pass).length;
  const passedOps = entry.operations.filter((o) => o.pass).length;
  console.log(`\n${entry.client}: ${passedOps}/${entry.operations.length} seed operations, ${passedCases}/${entry.cases.length} cases`);
  for (const c of entry.cases) {
    const mark = c.pass ? "pass" : c.skipped ? "SKIP" : "FAIL";
    const calls = c.requests.map((r) => `${r.method} ${shorten(r.path)} -> ${r.status}`).join(", ");
    console.log(`  ${mark}  ${c.operation}: ${c.variant}${c.workaround ? ` [workaround: ${c.workaround}]` : ""}`);
    if (calls) console.log(`        ${calls}`);
    if (!c.pass) console.log(`        ${c.error}`);
  }
  for (const o of entry.operations.filter((op) => op.cases.length === 0)) console.log(`  FAIL  ${o.name}: no case drives this seed operation`);
  for (const c of entry.unknown) console.log(`  FAIL  ${c.operation}: not a seed operation of ${entry.vendor}`);
  failed += entry.cases.filter((c) => !c.pass).length + entry.operations.filter((o) => o.cases.length === 0).length + entry.unknown.length;
}

await writeFile(path.join(workDir, "report.json"), JSON.stringify(report, null, 2));
if (markdown) {
  console.log("\n| vendor client | seed operations passed | cases passed |\n| --- | --- | --- |");
  for (const e of report) console.log(`| ${e.client} | ${e.operations.filter((o) => o.pass).length}/${e.operations.length} | ${e.cases.filter((c) => c.pass).length}/${e.cases.length} |`);
}
const passed = report.reduce((n, e) => n + e.cases.filter((c) => c.pass).length, 0);
console.log(`\nvendor clients: ${passed} cases passed, ${failed} failed (${((performance.now() - started) / 1000).toFixed(1)} s)`);
process.exitCode = failed ? 1 : 0;

/** Long fake tokens in paths (e.g. ?access_token=) shortened for the table. */
function shorten(text) {
  return text.replace(/(test-[a-z-]+?-)[A-Za-z0-9_.-]{12,}/g, "$1…").replace(/=[A-Za-z0-9_.%-]{40,}/g, "=…");
}
