// Packs every published package exactly as `pnpm publish` would (workspace:* rewritten to real
// versions, `files` applied), so the checks and the runtime matrix look at what users download, not
// at the work tree. Shared by scripts/package-check and scripts/matrix.
import { execFile } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { VENDORS } from "../vendors.mjs";

const run = promisify(execFile);

export const ROOT = resolve(import.meta.dirname, "../..");

/** The packages that are published, in dependency order (core first; the vendors from scripts/vendors.mjs). */
export const PUBLISHED = ["core", "testing", ...VENDORS, "token-store-redis"];
/** The vendor packages: the published ones with a helper client, an SDK and a schema entry. */
export { VENDORS };

/** `{ folder, dir, name, version }` of each published package, read from its package.json. */
export function publishedPackages() {
  return PUBLISHED.map((folder) => {
    const dir = join(ROOT, "packages", folder);
    const { name, version } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    return { folder, dir, name, version };
  });
}

/** Fails early, with the fix, when a package has not been built (packing would ship no dist/). */
export function assertBuilt(packages = publishedPackages()) {
  const missing = packages.filter((pkg) => !existsSync(join(pkg.dir, "dist", "index.js"))).map((pkg) => pkg.name);
  if (missing.length > 0) throw new Error(`not built: ${missing.join(", ")}. Run \`pnpm build\` first.`);
}

/**
 * Runs `pnpm pack` for every published package into `outDir`, two at a time (the machine has two
 * cores). Returns the packages with `tarball`, the absolute path of their .tgz.
 */
export async function packAll(outDir, packages = publishedPackages()) {
  assertBuilt(packages);
  const queue = [...packages];
  const worker = async () => {
    for (let pkg = queue.shift(); pkg; pkg = queue.shift()) {
      const before = new Set(readdirSync(outDir));
      await run("pnpm", ["pack", "--pack-destination", outDir], { cwd: pkg.dir, maxBuffer: 16 * 1024 * 1024 });
      // pnpm names the file after the package; look it up rather than re-deriving its naming rule.
      const expected = `${pkg.name.replace(/^@/, "").replace("/", "-")}-${pkg.version}.tgz`;
      const created = readdirSync(outDir).find((file) => file === expected) ?? readdirSync(outDir).find((file) => !before.has(file));
      if (!created) throw new Error(`pnpm pack wrote no tarball for ${pkg.name}`);
      pkg.tarball = join(outDir, created);
    }
  };
  await Promise.all([worker(), worker()]);
  return packages;
}

/** Milliseconds since `start`, as "1.2 s", for the timing lines every script prints. */
export const seconds = (start) => `${((performance.now() - start) / 1000).toFixed(1)} s`;

/** A plain-text table: a header row and rows of cells, columns padded to their widest cell. */
export function textTable(header, rows) {
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => String(row[i]).length)));
  const line = (row) => row.map((cell, i) => String(cell).padEnd(widths[i])).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** A Markdown table. */
export function markdownTable(header, rows) {
  const line = (row) => `| ${row.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
