// A real npm registry on loopback for the release end-to-end test: Verdaccio 6.8.0 (installed by
// `npm ci` into scripts/release-e2e/verdaccio/, apart from the workspace), run in a child process
// that listens on a free port of 127.0.0.1 and reports it back. It hosts @vendor-auth/* only
// (no uplinks): everything else comes from the usual registry.
//
//   const registry = await startRegistry(dir); … registry.url, registry.token … await registry.stop();
import { fork, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const TOOL = path.join(here, "verdaccio");
const VERSION = JSON.parse(readFileSync(path.join(TOOL, "package.json"), "utf8")).dependencies.verdaccio;
// Fake credentials for the throwaway registry, obviously not real ones.
const USER = "release-e2e";
const PASSWORD = "test-release-e2e-password";

/** Installs Verdaccio from the committed lockfile when it is not there yet. */
export function ensureVerdaccio() {
  const installed = path.join(TOOL, "node_modules/verdaccio/package.json");
  if (existsSync(installed) && JSON.parse(readFileSync(installed, "utf8")).version === VERSION) return;
  console.log(`release-e2e: installing verdaccio ${VERSION} (npm ci in scripts/release-e2e/verdaccio)`);
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: TOOL, stdio: "inherit" });
  if (result.status !== 0) throw new Error("npm ci of verdaccio failed");
}

/** Starts the registry with its storage under `dir`; resolves with { url, token, stop }. */
export async function startRegistry(dir) {
  ensureVerdaccio();
  mkdirSync(dir, { recursive: true });
  const config = path.join(dir, "config.yaml");
  writeFileSync(
    config,
    [
      `storage: ${JSON.stringify(path.join(dir, "storage"))}`,
      "auth:",
      "  htpasswd:",
      `    file: ${JSON.stringify(path.join(dir, "htpasswd"))}`,
      "    max_users: 1",
      "uplinks: {}",
      "packages:",
      "  '@vendor-auth/*':",
      "    access: $all",
      "    publish: $authenticated",
      "  '**':",
      "    access: $all",
      "log: { type: stdout, format: json, level: error }",
      "",
    ].join("\n"),
  );
  // NODE_NO_WARNINGS: Verdaccio warns that it runs as root (the CI machine's user) on every start.
  const child = fork(fileURLToPath(import.meta.url), ["--serve", config], { stdio: ["ignore", "inherit", "inherit", "ipc"], env: { ...process.env, NODE_NO_WARNINGS: "1" } });
  const port = await new Promise((resolve, reject) => {
    child.once("message", (m) => (m.port ? resolve(m.port) : reject(new Error(m.error))));
    child.once("exit", (code) => reject(new Error(`verdaccio exited with ${code} before listening`)));
  });
  const url = `http://127.0.0.1:${port}/`;
  const response = await fetch(`${url}-/user/org.couchdb.user:${USER}`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: USER, password: PASSWORD }) });
  if (!response.ok) throw new Error(`creating the registry user failed: HTTP ${response.status}`);
  const { token } = await response.json();
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", resolve);
      child.kill();
    });
  return { url, port, token, stop, version: VERSION };
}

// The child: Verdaccio's own server, on a free loopback port.
if (process.argv[2] === "--serve") {
  const require = createRequire(path.join(TOOL, "package.json"));
  const { runServer } = require("verdaccio");
  runServer(process.argv[3])
    .then((server) => server.listen(0, "127.0.0.1", () => process.send({ port: server.address().port })))
    .catch((error) => process.send({ error: error.message }));
  process.on("disconnect", () => process.exit(0));
}
