#!/usr/bin/env node
// `pnpm new-vendor <name> [--title <Title>]`: scaffolds packages/<name>/ from specs/<name>.yaml.
// Every file comes from templates/ with the vendor's names filled in: the six files the vendor
// packages share except for the name (package tsconfig, tsup and vitest configs, turbo.json,
// LICENSE, the generated-code freshness test; test/templates.test.mjs of scripts/generate keeps the
// existing packages equal to them), and a start for the rest: package.json, README, a helper
// client (`create<Title>Client`, every operation through `op`), a fake on @vendor-auth/testing
// (the spec's own examples) and a test of the one against the other. It also adds the package to
// the root package.json and a changeset for its first release. Then: `pnpm install`, `pnpm build`.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { vendorPaths, repoRoot } from "../generate/paths.mjs";

export const TEMPLATES = path.join(path.dirname(fileURLToPath(import.meta.url)), "templates");
/** The templates the existing vendor packages are rendered from too (same for all but the name). */
export const SHARED_TEMPLATES = ["LICENSE", "tsconfig.json", "tsup.config.ts", "turbo.json", "vitest.config.ts", "test/generated.test.ts"];

/** The template files, relative to templates/. */
export function templateFiles(dir = TEMPLATES, prefix = "") {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? templateFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

/** A template with the vendor's names in place of __VENDOR__, __TITLE__ and __API_TITLE__. */
export function render(file, { vendor, title, apiTitle }) {
  return readFileSync(path.join(TEMPLATES, file), "utf8").replaceAll("__VENDOR__", vendor).replaceAll("__TITLE__", title).replaceAll("__API_TITLE__", apiTitle);
}

/** `sample-vendor` → `SampleVendor`: the part of `create<Title>Client`. */
export const defaultTitle = (vendor) => vendor.replace(/(^|-)([a-z0-9])/g, (_, _dash, c) => c.toUpperCase());

export function scaffold(vendor, { title = defaultTitle(vendor) } = {}) {
  const paths = vendorPaths(vendor);
  if (!existsSync(paths.spec)) throw new Error(`No spec at specs/${vendor}.yaml: write it first (OpenAPI 3.0.3; see "Maintaining a spec" in the README)`);
  if (existsSync(paths.packageDir)) throw new Error(`packages/${vendor} exists already`);
  if (!/^[A-Z][A-Za-z0-9]*$/.test(title)) throw new Error(`--title must be an identifier starting with a capital letter (it names create${title}Client)`);
  const spec = parse(readFileSync(paths.spec, "utf8"));
  const names = { vendor, title, apiTitle: String(spec?.info?.title ?? `${title} API`) };
  const written = [];
  for (const file of templateFiles()) {
    const target = path.join(paths.packageDir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, render(file, names));
    written.push(path.relative(repoRoot, target));
  }
  // The root package.json depends on every vendor package (the demo and the vendor-client suite import them).
  const rootFile = path.join(repoRoot, "package.json");
  const root = JSON.parse(readFileSync(rootFile, "utf8"));
  root.devDependencies = Object.fromEntries(Object.entries({ ...root.devDependencies, [`@vendor-auth/${vendor}`]: "workspace:*" }).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(rootFile, `${JSON.stringify(root, null, 2)}\n`);
  const changeset = path.join(repoRoot, ".changeset", `initial-${vendor}.md`);
  writeFileSync(changeset, `---\n"@vendor-auth/${vendor}": minor\n---\n\nFirst release of @vendor-auth/${vendor}: the ${names.apiTitle} client (create${title}Client), its SDK, schema types and fake.\n`);
  written.push("package.json", path.relative(repoRoot, changeset));
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [vendor, ...rest] = process.argv.slice(2);
  const titleAt = rest.indexOf("--title");
  if (!vendor || vendor.startsWith("-")) {
    console.error("usage: pnpm new-vendor <name> [--title <Title>]   (specs/<name>.yaml must exist)");
    process.exit(2);
  }
  try {
    const written = scaffold(vendor, titleAt >= 0 ? { title: rest[titleAt + 1] } : {});
    console.log(`new-vendor: wrote\n  ${written.join("\n  ")}`);
    console.log(`next: pnpm install && pnpm build && pnpm --filter @vendor-auth/${vendor} test && node scripts/package-check/size.mjs --update`);
  } catch (error) {
    console.error(`new-vendor: ${error.message}`);
    process.exit(1);
  }
}
