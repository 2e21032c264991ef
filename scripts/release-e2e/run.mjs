#!/usr/bin/env node
// `pnpm release` end to end, against a real npm registry (Verdaccio on loopback, registry.mjs), in
// a scratch copy of this tree (tracked and untracked files, committed into a fresh git repository):
//
//   1. provenance: every published package asks for it (publishConfig.provenance); it needs CI's
//      OIDC token, so the local publish goes without it;
//   2. first release: pnpm version-packages (changeset version), then the publishing half of
//      `pnpm release` (`pnpm release:publish`: build, changeset publish) to the local registry. Its
//      checking half (`pnpm release:verify`: build, every test, contract-check, package-check,
//      matrix) is exactly what CI has run on this tree before this step, so it is not run twice
//      (RELEASE_E2E_FULL=1 runs the whole `pnpm release`);
//   3. a fresh project installs each package from the registry and runs the smoke test (ESM and
//      CJS, against the loopback vendor API) and the declaration check (tsc on every entry);
//   4. a second release after a breaking spec change, made the maintainer's way (pnpm generate,
//      pnpm contract-diff --write-changeset, pnpm contract-check, pnpm version-packages, pnpm build,
//      pnpm api-report --update), released with the steps of `pnpm release` for what changed (the
//      changed package's typecheck and tests, contract-check, package-check, changeset publish):
//      the registry gets the major bump the contract diff demanded, with the drafted CHANGELOG
//      text, and a consumer on ^<first version> does not receive the major.
//
//   pnpm release-e2e        (run by .ci/run; takes a few minutes: two full releases)
import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startRegistry } from "./registry.mjs";
import { PACKAGE_NAMES, parseSmokeOutput, renderSmoke } from "../matrix/smoke.mjs";
import { startVendorApi } from "../matrix/vendor-api.mjs";
import { PUBLISHED } from "../package-check/pack.mjs";
import { copyTree, gitIdentity } from "../scratch-copy.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const log = (message) => console.log(`release-e2e [${elapsed()}]: ${message}`);
const gitEnv = gitIdentity("release-e2e");
const summary = [];

class StepError extends Error {}
/** Runs a command; `stream` shows its output as it comes (the long steps), else it is kept for the error. */
function sh(cmd, args, { cwd, env = {}, allow = [0], stream = false } = {}) {
  const result = spawnSync(cmd, args, { cwd, env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: stream ? ["ignore", "inherit", "inherit"] : ["ignore", "pipe", "pipe"] });
  if (!allow.includes(result.status)) {
    const tail = stream ? "(output above)" : `${result.stdout ?? ""}\n${result.stderr ?? ""}`.trim().split("\n").slice(-40).join("\n");
    throw new StepError(`${cmd} ${args.join(" ")} (in ${cwd}) exited with ${result.status}${result.error ? ` (${result.error.message})` : ""}:\n${tail}`);
  }
  return result;
}
const assert = (condition, message) => {
  if (!condition) throw new StepError(`assertion failed: ${message}`);
};
const readJson = (file) => JSON.parse(readFileSync(file, "utf8"));
const pkgJson = (repo, dir) => readJson(path.join(repo, "packages", dir, "package.json"));

/** What the copy would otherwise download again: the generator JAR and the matrix runtimes. */
function shareCaches(repo) {
  for (const dir of ["node_modules/.cache/openapi-generator", "node_modules/.cache/runtimes"]) {
    const from = path.join(ROOT, dir);
    if (!existsSync(from)) continue;
    mkdirSync(path.dirname(path.join(repo, dir)), { recursive: true });
    symlinkSync(from, path.join(repo, dir));
  }
}

/**
 * A package's document on the registry. A new connection each time (no keep-alive pool): this
 * process blocks in spawnSync for minutes, and a pooled socket the server closed meanwhile would
 * fail the next request.
 */
function registryPackage(registry, name) {
  return new Promise((resolve, reject) => {
    http
      .get(`${registry.url}${name.replace("/", "%2f")}`, { agent: false }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve(response.statusCode === 200 ? JSON.parse(body) : undefined));
      })
      .on("error", reject);
  });
}

/** A consumer project: installs the given ranges from the registry (other packages from the default registry). */
async function consumer(dir, registry, ranges) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, ".npmrc"), `@vendor-auth:registry=${registry.url}\n`);
  writeFileSync(path.join(dir, "package.json"), `${JSON.stringify({ name: "release-e2e-consumer", private: true, dependencies: { ...ranges, "@types/node": "^20.19.0" } }, null, 2)}\n`);
  sh("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], { cwd: dir });
  const installed = Object.fromEntries(Object.keys(ranges).map((name) => [name, readJson(path.join(dir, "node_modules", name, "package.json")).version]));
  // Each @vendor-auth tarball must be the one the local registry serves (npm leaves `resolved`
  // out of the lockfile for a scoped registry; the integrity says where it came from).
  const lock = readJson(path.join(dir, "package-lock.json"));
  for (const [where, entry] of Object.entries(lock.packages ?? {})) {
    if (!where.includes("node_modules/@vendor-auth/")) continue;
    const name = where.slice(where.lastIndexOf("node_modules/") + "node_modules/".length);
    const served = (await registryPackage(registry, name))?.versions?.[entry.version]?.dist?.integrity;
    assert(served && served === entry.integrity, `${where}@${entry.version} is not the tarball the local registry serves`);
  }
  return installed;
}

/** The smoke test of the runtime matrix (ESM and CJS) and a tsc check of every entry's declarations. */
async function checkConsumer(dir) {
  const api = await startVendorApi();
  try {
    for (const [kind, file] of [["esm", "smoke.mjs"], ["cjs", "smoke.cjs"]]) {
      writeFileSync(path.join(dir, file), renderSmoke(kind, api.url));
      // Asynchronously: the vendor API answers from this process's event loop.
      const { stdout } = await promisify(execFile)(process.execPath, [file], { cwd: dir, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 });
      const results = parseSmokeOutput(stdout);
      for (const key of Object.keys(PACKAGE_NAMES)) assert(results[key]?.ok, `${kind} smoke of ${PACKAGE_NAMES[key]}: ${results[key]?.detail}`);
    }
  } finally {
    await api.close();
  }
  const lines = [];
  for (const dir_ of PUBLISHED) {
    const name = `@vendor-auth/${dir_}`;
    const exports = readJson(path.join(dir, "node_modules", name, "package.json")).exports;
    for (const entry of Object.keys(exports).filter((e) => e !== "./package.json")) {
      const id = `${dir_.replace(/\W/g, "_")}_${entry.replace(/\W/g, "") || "index"}`;
      lines.push(`import * as ${id} from "${name}${entry === "." ? "" : entry.slice(1)}";`, `export const use_${id}: object = ${id};`);
    }
  }
  writeFileSync(path.join(dir, "entries.ts"), `${lines.join("\n")}\n`);
  for (const [module, resolution] of [["nodenext", "nodenext"], ["esnext", "bundler"]]) {
    writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, module, moduleResolution: resolution, target: "es2022", lib: ["es2022", "dom"], types: ["node"] }, files: ["entries.ts"] }));
    sh(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"], { cwd: dir });
  }
  return lines.length / 2;
}

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), "vendor-auth-release-e2e-"));
  const registry = await startRegistry(path.join(work, "registry"));
  log(`verdaccio ${registry.version} on ${registry.url}`);
  try {
    const repo = path.join(work, "repo");
    const files = copyTree(repo, "release-e2e");
    const git = (...args) => sh("git", args, { cwd: repo, env: gitEnv });
    log(`copied ${files} files into a scratch repository`);
    // The registry and its token live outside the tree, in a user config only these commands see.
    const npmrc = path.join(work, "npmrc");
    writeFileSync(npmrc, `@vendor-auth:registry=${registry.url}\n//127.0.0.1:${registry.port}/:_authToken=${registry.token}\n`);
    // The tree's turbo cache, when it has one (a CI clone after its build): unchanged packages hit it.
    const turboCache = path.join(ROOT, ".turbo/cache");
    const env = { ...gitEnv, npm_config_userconfig: npmrc, ...(existsSync(turboCache) ? { TURBO_CACHE_DIR: turboCache } : {}), TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1", REDOCLY_TELEMETRY: "off" };
    const pnpm = (...args) => sh("pnpm", args, { cwd: repo, env, stream: ["release", "release:publish", "generate", "build", "--filter", "changeset"].includes(args[0]) });
    pnpm("install", "--frozen-lockfile", "--prefer-offline");
    shareCaches(repo);

    // 1. Provenance is configured for every published package; the local registry cannot take it.
    for (const dir of PUBLISHED) {
      const pkg = pkgJson(repo, dir);
      assert(pkg.publishConfig?.provenance === true && pkg.publishConfig?.access === "public", `${pkg.name}: publishConfig must ask for provenance and public access`);
      delete pkg.publishConfig.provenance;
      writeFileSync(path.join(repo, "packages", dir, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
    }
    git("commit", "-qam", "Local registry: publish without provenance (it needs CI's OIDC token)");
    summary.push(`provenance: publishConfig.provenance is true for all ${PUBLISHED.length} packages (not used against the local registry)`);

    // 2. First release.
    pnpm("version-packages");
    git("add", "-A");
    git("commit", "-qm", "Version packages");
    const first = Object.fromEntries(PUBLISHED.map((dir) => [`@vendor-auth/${dir}`, pkgJson(repo, dir).version]));
    const full = process.env.RELEASE_E2E_FULL === "1";
    log(`versioned: ${Object.entries(first).map(([n, v]) => `${n}@${v}`).join(", ")}; running pnpm ${full ? "release" : "release:publish"}`);
    pnpm(full ? "release" : "release:publish");
    for (const [name, version] of Object.entries(first)) {
      const doc = await registryPackage(registry, name);
      assert(doc?.versions?.[version], `${name}@${version} is not on the registry`);
      assert(doc["dist-tags"].latest === version, `${name}: latest is ${doc["dist-tags"].latest}, not ${version}`);
    }
    log("first release published");
    summary.push(`release 1: pnpm ${full ? "release" : "release:publish"} published ${Object.entries(first).map(([n, v]) => `${n}@${v}`).join(", ")}`);

    // 3. A fresh project installs every package from the registry.
    const ranges = Object.fromEntries(Object.entries(first).map(([n, v]) => [n, `^${v}`]));
    const app = path.join(work, "consumer");
    const installed = await consumer(app, registry, ranges);
    for (const [name, version] of Object.entries(first)) assert(installed[name] === version, `${name}: installed ${installed[name]}, expected ${version}`);
    const entries = await checkConsumer(app);
    log("consumer: installed from the registry, smoke tests and declaration checks pass");
    summary.push(`consumer: npm install of ${Object.keys(ranges).length} packages from the registry; ESM and CJS smoke tests pass; tsc (nodenext and bundler) on ${entries} entries passes`);

    // 4. A breaking spec change, the maintainer's way, and the second release.
    const spec = path.join(repo, "specs/unicourt.yaml");
    const text = readFileSync(spec, "utf8");
    const edited = text.replace(/(    AccessTokenResponse:\n(?:.*\n)*?      required:\n(?:        - .*\n)*?)        - tokenType\n/, "$1");
    assert(edited !== text, "the release-2 spec edit (tokenType no longer required in AccessTokenResponse) did not apply");
    writeFileSync(spec, edited);
    pnpm("generate");
    const drafted = sh("pnpm", ["--silent", "contract-diff", "--write-changeset"], { cwd: repo, env, allow: [1] });
    assert(/exit status 1 = the contract changes are breaking/.test(drafted.stderr), "contract-diff explains its exit status 1");
    const changesetFile = /wrote (\.changeset\/contract-unicourt-[0-9a-f]+\.md)/.exec(drafted.stderr)?.[1];
    assert(changesetFile, `contract-diff drafted no changeset for unicourt:\n${drafted.stderr}`);
    const changeset = readFileSync(path.join(repo, changesetFile), "utf8");
    assert(changeset.startsWith('---\n"@vendor-auth/unicourt": major\n---'), `the drafted changeset declares major:\n${changeset}`);
    const draftedLine = changeset.split("\n").find((l) => l.includes("tokenType"));
    assert(draftedLine, `the drafted changeset names the field:\n${changeset}`);
    git("add", "-A");
    git("commit", "-qm", "unicourt: tokenType is optional in AccessTokenResponse");
    pnpm("contract-check");
    pnpm("version-packages");
    // Built after versioning, so that the release's own build is a cache hit (turbo's hash covers
    // the workspace versions); the API reports follow the regenerated code.
    pnpm("build");
    pnpm("api-report", "--update");
    const reports = sh("git", ["status", "--porcelain", "--", "packages/unicourt/api"], { cwd: repo }).stdout.trim();
    assert(reports, "pnpm api-report --update rewrote no unicourt report after the spec change");
    git("add", "-A");
    git("commit", "-qm", "Version packages");
    const second = pkgJson(repo, "unicourt").version;
    const [major1] = first["@vendor-auth/unicourt"].split(".").map(Number);
    assert(Number(second.split(".")[0]) === major1 + 1 && second.endsWith(".0.0"), `unicourt ${first["@vendor-auth/unicourt"]} → ${second} is not a major bump`);
    const changelog = readFileSync(path.join(repo, "packages/unicourt/CHANGELOG.md"), "utf8");
    assert(changelog.includes(draftedLine.replace(/^- /, "")), `CHANGELOG.md carries the drafted text (${draftedLine})`);
    assert(/## 1\.0\.0|## \d+\.0\.0/.test(changelog) && /### Major Changes/.test(changelog), "CHANGELOG.md has the major release section");
    // The second release runs the release steps for what changed: the whole `pnpm release` (every
    // test, the runtime matrix) already ran on this tree for the first release, and turbo's cache
    // does not survive the version bump (its hash covers the workspace versions), so running it
    // again would retest four unchanged packages.
    log(`unicourt versioned ${first["@vendor-auth/unicourt"]} → ${second}; typecheck and test unicourt, contract-check, package-check, changeset publish`);
    pnpm("--filter", "@vendor-auth/unicourt", "typecheck");
    pnpm("--filter", "@vendor-auth/unicourt", "test");
    pnpm("contract-check");
    pnpm("package-check");
    pnpm("changeset", "publish");
    const doc = await registryPackage(registry, "@vendor-auth/unicourt");
    assert(doc.versions[second] && doc["dist-tags"].latest === second, `@vendor-auth/unicourt@${second} is the latest on the registry`);
    for (const [name, version] of Object.entries(first)) {
      if (name !== "@vendor-auth/unicourt") assert((await registryPackage(registry, name))["dist-tags"].latest === version, `${name} was not republished`);
    }
    summary.push(`release 2: breaking spec change (AccessTokenResponse.tokenType no longer required) → drafted changeset "major" → contract-check, version-packages, build, api-report --update, unicourt typecheck and tests, package-check, changeset publish → @vendor-auth/unicourt ${first["@vendor-auth/unicourt"]} → ${second}; the other packages untouched`);
    summary.push(`CHANGELOG.md (${second}, Major Changes) carries the drafted line: ${draftedLine.replace(/^- /, "").slice(0, 160)}`);

    // The consumer on ^first stays on the first major, fresh install and update alike.
    sh("npm", ["update", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: app });
    const updated = readJson(path.join(app, "node_modules/@vendor-auth/unicourt/package.json")).version;
    assert(updated === first["@vendor-auth/unicourt"], `npm update on ^${first["@vendor-auth/unicourt"]} installed ${updated}`);
    const fresh = await consumer(path.join(work, "consumer-2"), registry, { "@vendor-auth/unicourt": `^${first["@vendor-auth/unicourt"]}` });
    assert(fresh["@vendor-auth/unicourt"] === first["@vendor-auth/unicourt"], `a fresh install of ^${first["@vendor-auth/unicourt"]} got ${fresh["@vendor-auth/unicourt"]}`);
    summary.push(`consumer on ^${first["@vendor-auth/unicourt"]}: npm update and a fresh install both stay on ${updated} (latest on the registry: ${second})`);
    log("done");
  } finally {
    await registry.stop();
    if (!process.env.RELEASE_E2E_KEEP) rmSync(work, { recursive: true, force: true });
    else console.log(`release-e2e: kept ${work}`);
  }
}

try {
  await main();
  console.log(`\nrelease-e2e: passed in ${elapsed()}`);
  for (const line of summary) console.log(`  - ${line}`);
} catch (error) {
  console.error(`\nrelease-e2e: FAILED after ${elapsed()}: ${error instanceof StepError ? error.message : error.stack}`);
  for (const line of summary) console.error(`  - ${line}`);
  process.exitCode = 1;
}
