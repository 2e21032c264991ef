// The smoke test in a real headless browser: Debian's Chromium driven by playwright-core. The
// installed packages (scratch project) are bundled by esbuild into one browser ES module; a page
// server on one loopback port serves the page and that module, and the vendor API runs on another
// port, so every call is cross-origin and goes through CORS (preflights included). The page runs
// the same `smoke()` as the other runtimes and playwright reads the results back.
//
//   node scripts/matrix/browser.mjs        standalone: packs, installs, runs the browser only
//
// Chromium comes from apt (`apt-get install -y chromium`, needs root) when /usr/bin/chromium is
// missing; without apt or root the browser row is "n/a" with the reason.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { seconds } from "../package-check/pack.mjs";
import { EXTRA_MODULES, PACKAGE_NAMES, UNSUPPORTED, smoke } from "./smoke.mjs";

export const CHROMIUM = "/usr/bin/chromium";
/** Flags for a quiet, offline-safe headless run (this machine refuses Chromium's own network calls). */
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const PAGE_TIMEOUT_MS = 30_000;

const esbuild = createRequire(createRequire(import.meta.url).resolve("tsup"))("esbuild");

/** Runs a command; resolves with its exit status and stderr (never rejects). */
function runQuietly(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", (error) => resolve({ status: -1, stderr: error.message }));
    child.on("close", (status) => resolve({ status, stderr }));
  });
}

/**
 * Installs Debian's chromium when missing (async, so run.mjs can start it first and pack
 * meanwhile). Resolves with `{ ok: true }` or `{ ok: false, reason }`.
 */
export async function ensureChromium() {
  if (existsSync(CHROMIUM)) return { ok: true };
  if ((await runQuietly("apt-get", ["--version"])).status !== 0) return { ok: false, reason: "no apt-get on this machine to install chromium" };
  if (process.getuid?.() !== 0) return { ok: false, reason: "chromium is missing and installing it with apt-get needs root" };
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update"], ["install", "-y", "chromium"]]) {
    const { status, stderr } = await runQuietly("apt-get", args, env);
    if (status !== 0) return { ok: false, reason: `apt-get ${args.join(" ")} failed: ${stderr.trim().split("\n").pop()}` };
  }
  return existsSync(CHROMIUM) ? { ok: true } : { ok: false, reason: `apt-get installed chromium but ${CHROMIUM} is missing` };
}

/** One ES module exporting every package's namespace; bundling them together keeps one core. */
async function bundlePackages(scratchDir) {
  const source = Object.entries({ ...PACKAGE_NAMES, ...EXTRA_MODULES })
    .filter(([key]) => !UNSUPPORTED[key]?.chromium)
    .map(([key, name]) => `export * as ${key} from "${name}";`)
    .join("\n");
  const result = await esbuild.build({
    stdin: { contents: source, resolveDir: scratchDir, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
  });
  return result.outputFiles[0].text;
}

function pageHtml(apiUrl) {
  return `<!doctype html><meta charset="utf-8"><title>vendor-auth smoke</title>
<script type="module">
import * as mods from "./packages.js";
const smoke = ${smoke.toString()};
smoke(mods, ${JSON.stringify(apiUrl)}, ${JSON.stringify(Object.keys(PACKAGE_NAMES))}).then((results) => { window.__smoke = results; }, (error) => { window.__smoke = { page: { ok: false, detail: String(error) } }; });
</script>`;
}

/** Serves the page and the bundle on its own loopback port (a different origin from the API). */
async function startPageServer(html, bundle) {
  const server = createServer((request, response) => {
    if (request.url === "/") response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
    else if (request.url === "/packages.js") response.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(bundle);
    else response.writeHead(404).end();
  });
  await new Promise((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * Runs the smoke page in headless Chromium against `api` (startVendorApi()). Resolves with
 * `{ label, results, bundleBytes, preflights }` or `{ label, na }` when Chromium is unavailable.
 * `chromiumReady`: a pending ensureChromium(), when the caller started the install early.
 */
export async function runBrowser({ scratchDir, api, chromiumReady = ensureChromium() }) {
  const installed = await chromiumReady;
  if (!installed.ok) return { id: "chromium", label: "Chromium", na: installed.reason };
  // stderr dropped: Debian's wrapper script prints a harmless shell warning on some machines.
  const version = execFileSync(CHROMIUM, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).match(/Chromium ([\d.]+)/)?.[1] ?? "?";
  const label = `Chromium ${version} (headless)`;
  const bundle = await bundlePackages(scratchDir);
  const preflightsBefore = { ...api.stats.preflights };
  const pages = await startPageServer(pageHtml(api.url), bundle);
  const userDataDir = mkdtempSync(join(tmpdir(), "vendor-auth-chromium-"));
  const consoleErrors = [];
  let context;
  try {
    // launchPersistentContext: the only launch that takes a --user-data-dir (a fresh one here).
    context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: PAGE_TIMEOUT_MS });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));
    page.on("pageerror", (error) => consoleErrors.push(String(error)));
    await page.goto(pages.url, { timeout: PAGE_TIMEOUT_MS });
    await page.waitForFunction(() => window.__smoke !== undefined, null, { timeout: PAGE_TIMEOUT_MS });
    const results = await page.evaluate(() => window.__smoke);
    const preflights = Object.fromEntries(Object.entries(api.stats.preflights).map(([vendor, n]) => [vendor, n - (preflightsBefore[vendor] ?? 0)]));
    return { id: "chromium", label, results, bundleBytes: bundle.length, preflights, consoleErrors };
  } catch (error) {
    const detail = `${String(error.message).split("\n")[0]}${consoleErrors.length ? `; page errors: ${consoleErrors.join(" | ")}` : ""}`;
    return { id: "chromium", label, results: Object.fromEntries(Object.keys(PACKAGE_NAMES).map((key) => [key, { ok: false, detail }])) };
  } finally {
    await context?.close().catch(() => {});
    await pages.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

async function main() {
  const { prepareScratch } = await import("./scratch.mjs");
  const { startVendorApi } = await import("./vendor-api.mjs");
  const start = performance.now();
  const { dir } = await prepareScratch();
  const api = await startVendorApi();
  try {
    const browserStart = performance.now();
    const result = await runBrowser({ scratchDir: dir, api });
    if (result.na) console.log(`${result.label}: n/a (${result.na})`);
    else for (const [name, { ok, detail }] of Object.entries(result.results)) console.log(`${result.label} ${name}: ${ok ? "pass" : "FAIL"} ${detail}`);
    if (result.preflights) console.log(`CORS preflights answered: ${JSON.stringify(result.preflights)}`);
    console.log(`browser: ${seconds(browserStart)}; total ${seconds(start)}`);
    if (!result.na && Object.values(result.results).some((r) => !r.ok)) process.exitCode = 1;
  } finally {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.filename === process.argv[1]) await main();
