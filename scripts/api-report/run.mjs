#!/usr/bin/env node
// The TypeScript surface of every published package, one API Extractor report per package entry
// (`.` → api/index.api.md, `./sdk` → api/sdk.api.md, `./schema`, `./testing`), from the built
// declarations in dist/ (run `pnpm build` first).
//
//   pnpm api-report            fail when a committed report differs from the built surface (CI)
//   pnpm api-report --update   rewrite the reports (commit them with the change)
//
// contract-check reads the reports' diff since the base: a removed or changed export needs a major
// changeset, an added one a minor (scripts/contract-diff/src/api-surface.mjs).
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const UPDATE_COMMAND = "pnpm api-report --update";

/** Every published package's entries: { pkg, name, entry, dts, report } (paths absolute). */
export function reportEntries() {
  const entries = [];
  for (const dir of readdirSync(path.join(root, "packages")).sort()) {
    const file = path.join(root, "packages", dir, "package.json");
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, "utf8"));
    if (pkg.private) continue;
    for (const [entry, target] of Object.entries(pkg.exports ?? {})) {
      const types = target?.import?.types ?? target?.types;
      if (!types) continue;
      const name = entry === "." ? "index" : entry.replace(/^\.\//, "").replaceAll("/", "-");
      const folder = path.join(root, "packages", dir);
      entries.push({ pkg: pkg.name, folder, name, entry, dts: path.join(folder, types), report: path.join(folder, "api", `${name}.api.md`) });
    }
  }
  return entries;
}

/** Runs API Extractor on one entry (in a worker). */
async function extract({ folder, name, dts }, update) {
  const { Extractor, ExtractorConfig } = await import("@microsoft/api-extractor");
  // The shared config explains itself in "// why" keys, which API Extractor's schema does not allow.
  const base = JSON.parse(readFileSync(path.join(root, "scripts/api-report/api-extractor.json"), "utf8"), (key, value) => (key.startsWith("//") || key === "$schema" ? undefined : value));
  const temp = path.join(root, "node_modules/.cache/api-report", path.basename(folder));
  mkdirSync(temp, { recursive: true });
  mkdirSync(path.join(folder, "api"), { recursive: true });
  const configObject = {
    ...base,
    projectFolder: folder,
    mainEntryPointFilePath: dts,
    apiReport: { ...base.apiReport, reportFolder: path.join(folder, "api"), reportTempFolder: temp, reportFileName: name },
    compiler: { overrideTsconfig: { ...base.compiler.overrideTsconfig, files: [dts] } },
  };
  const messages = [];
  const config = ExtractorConfig.prepare({ configObject, configObjectFullPath: path.join(folder, "api", "api-extractor.json"), packageJsonFullPath: path.join(folder, "package.json") });
  const result = Extractor.invoke(config, {
    localBuild: update,
    messageCallback: (message) => {
      // The report file's own "changed"/"created" notices are what we report ourselves.
      if (!/^console-api-report-/.test(message.messageId) && !/^console-compiler-version/.test(message.messageId) && message.logLevel !== "none" && message.logLevel !== "verbose" && message.logLevel !== "info") messages.push(`${message.logLevel}: ${message.text}`);
      message.handled = true;
    },
  });
  return { changed: result.apiReportChanged, errors: result.errorCount, messages, temp: path.join(temp, `${name}.api.md`) };
}

if (!isMainThread) {
  parentPort.on("message", async (job) => {
    try {
      parentPort.postMessage({ ok: true, ...(await extract(job, workerData.update)) });
    } catch (error) {
      parentPort.postMessage({ ok: false, error: error.stack ?? String(error) });
    }
  });
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const update = process.argv.includes("--update");
  const entries = reportEntries();
  const missing = entries.filter((e) => !existsSync(e.dts));
  if (missing.length) {
    console.error(`api-report: no built declarations for ${missing.map((e) => `${e.pkg} ${e.entry}`).join(", ")}: run \`pnpm build\` first`);
    process.exit(2);
  }
  const started = performance.now();
  const queue = [...entries];
  const results = [];
  const workers = Array.from({ length: Math.min(2, availableParallelism(), queue.length) }, () => new Worker(fileURLToPath(import.meta.url), { workerData: { update } }));
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise((resolve, reject) => {
          const next = () => {
            const job = queue.shift();
            if (!job) return worker.terminate().then(resolve);
            worker.once("message", (result) => {
              if (!result.ok) return reject(new Error(`${job.pkg} ${job.entry}: ${result.error}`));
              results.push({ ...job, ...result });
              next();
            });
            worker.postMessage(job);
          };
          next();
        }),
    ),
  );
  const rel = (p) => path.relative(root, p);
  for (const r of results) for (const m of r.messages) console.error(`api-report: ${r.pkg} ${r.entry}: ${m}`);
  const failed = results.filter((r) => r.errors > 0 && !r.changed);
  const stale = results.filter((r) => r.changed);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (update) {
    console.log(`api-report: ${results.length} reports checked, ${stale.length} rewritten in ${seconds} s${stale.length ? `: ${stale.map((r) => rel(r.report)).join(", ")}` : ""}`);
  } else if (stale.length) {
    console.error(`api-report: ${stale.length} of ${results.length} API reports are stale (the built TypeScript surface differs from the committed report):`);
    for (const r of stale) console.error(`  ${rel(r.report)}${existsSync(r.report) ? "" : " (missing)"} (new version: ${rel(r.temp)})`);
    console.error(`Run \`${UPDATE_COMMAND}\` and commit the reports; contract-check then judges the change (a removed or changed export needs a major changeset, an added one a minor).`);
    process.exitCode = 1;
  } else console.log(`api-report: ${results.length} API reports match the built packages (${seconds} s)`);
  if (failed.length) {
    console.error(`api-report: API Extractor failed on ${failed.map((r) => `${r.pkg} ${r.entry}`).join(", ")}`);
    process.exitCode = 1;
  }
}
