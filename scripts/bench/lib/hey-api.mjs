// The hey-api anchor: what a user would pick instead of our packages, @hey-api/openapi-ts with its
// fetch client (the `@hey-api/client-fetch` plugin, whose runtime the generator copies into the
// output), generated from our own specs/unicourt.yaml. Installed with `npm --prefix` into
// node_modules/.cache/bench/hey-api (never into the workspace), generated there, and bundled by
// esbuild into one ESM file the benchmarks import; regenerated when the spec or the version changes.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { esbuild } from "../../package-check/bundle-size.mjs";
import { benchCache, fromRoot } from "./paths.mjs";

/** The last @hey-api/openapi-ts that runs on Node 20 (0.96 wants Node 22.13), and its TypeScript peer. */
export const HEY_API = "@hey-api/openapi-ts@0.95.0";
const TYPESCRIPT = "typescript@5.9.3";
const PLUGINS = ["@hey-api/client-fetch", "@hey-api/typescript", "@hey-api/sdk"];

/** What a user imports: the operation functions, the default client and the client factory. */
export const HEY_API_ENTRY = `export * from "./index"; export { client } from "./client.gen"; export { createClient, createConfig } from "./client";`;

const prefix = path.join(benchCache, "hey-api");
const version = HEY_API.split("@").pop();

function install() {
  const manifest = path.join(prefix, "node_modules/@hey-api/openapi-ts/package.json");
  if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).version === version) return;
  mkdirSync(prefix, { recursive: true });
  const npm = spawnSync("npm", ["install", "--prefix", prefix, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--loglevel=error", HEY_API, TYPESCRIPT], { encoding: "utf8", timeout: 300_000 });
  if (npm.status !== 0) throw new Error(`npm install ${HEY_API} failed: ${(npm.error?.message ?? npm.stderr).trim().split("\n").slice(-3).join(" ")}`);
}

/**
 * Generates hey-api's SDK for `specs/<vendor>.yaml` (once per spec text and version) and returns
 * `{ dir, sdkFile, bundle, version }`: the generated TypeScript, its `index.ts`, and one ESM bundle of
 * HEY_API_ENTRY (not minified) that Node imports.
 */
export async function heyApiSdk(vendor = "unicourt") {
  const spec = fromRoot("specs", `${vendor}.yaml`);
  const key = createHash("sha256").update(HEY_API).update(PLUGINS.join()).update(readFileSync(spec)).digest("hex").slice(0, 16);
  const dir = path.join(prefix, "generated", vendor);
  const bundle = path.join(prefix, `${vendor}-${key}.mjs`);
  const sdkFile = path.join(dir, "index.ts");
  if (existsSync(bundle) && existsSync(sdkFile)) return { dir, sdkFile, bundle, version };
  install();
  rmSync(dir, { recursive: true, force: true });
  // Its own process: the generator is an ESM package under the cache prefix, not the workspace.
  const script = `import { createClient } from ${JSON.stringify(pathToFileURL(path.join(prefix, "node_modules/@hey-api/openapi-ts/dist/index.mjs")).href)};
await createClient({ input: ${JSON.stringify(spec)}, output: ${JSON.stringify(dir)}, plugins: ${JSON.stringify(PLUGINS)}, logs: { level: "silent" } });`;
  const generated = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: prefix, encoding: "utf8", timeout: 180_000 });
  if (generated.status !== 0 || !existsSync(sdkFile)) throw new Error(`${HEY_API} could not generate from specs/${vendor}.yaml: ${`${generated.stderr}${generated.stdout}`.trim().split("\n").slice(-5).join(" ")}`);
  await esbuild.build({ stdin: { contents: HEY_API_ENTRY, resolveDir: dir, loader: "ts" }, bundle: true, format: "esm", platform: "neutral", target: "es2022", outfile: bundle, logLevel: "silent" });
  return { dir, sdkFile, bundle, version };
}
