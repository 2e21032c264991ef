// A scratch project in a temp dir with the packed tarballs installed by npm, as a user would get
// them: the runtime matrix and the browser run import the packages from its node_modules. Only
// the packages' third-party dependencies (openapi-fetch; openapi-backend, ajv-formats and fast-check
// of @vendor-auth/testing; @redis/client) come from the registry (or npm's cache); the @vendor-auth
// packages all come from the tarballs.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { packAll, seconds } from "../package-check/pack.mjs";

const run = promisify(execFile);

/** Resolves with `{ dir, packages }`; `dir` is the scratch project (caller removes it). */
export async function prepareScratch() {
  const dir = mkdtempSync(join(tmpdir(), "vendor-auth-matrix-"));
  const tarballs = join(dir, "tarballs");
  mkdirSync(tarballs);
  let start = performance.now();
  const packages = await packAll(tarballs);
  console.log(`pack: ${packages.length} tarballs in ${seconds(start)}`);

  // No "type" field: .mjs and .cjs smoke files say what they are.
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: "vendor-auth-matrix-scratch", private: true }, null, 2)}\n`);
  start = performance.now();
  await run("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--prefer-offline", "--loglevel=error", ...packages.map((p) => p.tarball)], {
    cwd: dir,
    maxBuffer: 16 * 1024 * 1024,
  });
  // Every @vendor-auth package must be the packed one, never a same-named package of the registry.
  const lock = JSON.parse(readFileSync(join(dir, "package-lock.json"), "utf8"));
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (path.includes("node_modules/@vendor-auth/") && !String(entry.resolved ?? "").startsWith("file:")) {
      throw new Error(`${path} was installed from ${entry.resolved}, not from a packed tarball`);
    }
  }
  for (const pkg of packages) {
    if (!existsSync(join(dir, "node_modules", pkg.name, "package.json"))) throw new Error(`${pkg.name} is not installed in ${dir}`);
  }
  console.log(`npm install of the tarballs: ${seconds(start)}`);
  return { dir, packages };
}
