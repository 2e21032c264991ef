// Where specs, packages, ignore lists and changesets live, and how to read them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { InputError } from "./load.mjs";

export const SPECS_DIR = "specs";
export const CHANGESET_DIR = ".changeset";
export const IGNORE_DIR = "specs/contract-ignore";

/** `specs/<vendor>.yaml` → "<vendor>"; undefined for anything else (fixtures, ignore lists). */
export function vendorOfSpec(specPath) {
  const match = /^specs\/([a-z][a-z0-9-]*)\.ya?ml$/.exec(specPath.split(path.sep).join("/"));
  return match?.[1];
}

/** The npm package generated from a vendor's spec, or undefined when there is none yet. */
export function packageOfVendor(root, vendor) {
  const file = path.join(root, "packages", vendor, "package.json");
  if (!existsSync(file)) return undefined;
  const pkg = JSON.parse(readFileSync(file, "utf8"));
  return { name: pkg.name, version: pkg.version, private: pkg.private === true };
}

/** The accepted breaks of a vendor (specs/contract-ignore/<vendor>.yaml). Every entry needs a reason. */
export function readIgnoreList(root, vendor, file = path.join(root, IGNORE_DIR, `${vendor}.yaml`)) {
  if (!existsSync(file)) return [];
  const data = parse(readFileSync(file, "utf8")) ?? {};
  const entries = data.accepted ?? [];
  if (!Array.isArray(entries)) throw new InputError(`${file}: "accepted" must be a list`);
  entries.forEach((entry, i) => {
    if (!entry || typeof entry.rule !== "string") throw new InputError(`${file}: entry ${i + 1} has no rule`);
    if (typeof entry.reason !== "string" || entry.reason.trim().length < 10) throw new InputError(`${file}: entry ${i + 1} (${entry.rule}) needs a reason of at least 10 characters`);
  });
  return entries;
}

const BUMPS = new Set(["major", "minor", "patch", "none"]);

/**
 * The changesets among `files` (paths relative to the root; default: every `.changeset/*.md`):
 * front matter of `"package": bump` lines. Returns Map<package name, highest declared bump>.
 */
export function readDeclaredBumps(root, files) {
  const dir = path.join(root, CHANGESET_DIR);
  const declared = new Map();
  if (!existsSync(dir)) return declared;
  const order = { none: 0, patch: 1, minor: 2, major: 3 };
  const list = (files ?? readdirSync(dir).map((f) => `${CHANGESET_DIR}/${f}`)).filter((f) => f.startsWith(`${CHANGESET_DIR}/`) && f.endsWith(".md") && !f.endsWith("/README.md") && existsSync(path.join(root, f)));
  for (const file of list) {
    const text = readFileSync(path.join(root, file), "utf8");
    const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
    if (!match) continue;
    const front = parse(match[1]) ?? {};
    for (const [name, bump] of Object.entries(front)) {
      if (!BUMPS.has(bump)) throw new InputError(`${file}: "${name}" has an unknown bump "${bump}"`);
      if (!declared.has(name) || order[bump] > order[declared.get(name)]) declared.set(name, bump);
    }
  }
  return declared;
}
