// One vendor list (scripts/vendors.mjs: the specs directory): no script lists the vendors itself,
// and what must name every vendor (the root package.json, the size budgets) names exactly those.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { VENDORS, packageName, vendorLists } from "../../vendors.mjs";
import { repoRoot } from "../paths.mjs";

/**
 * Files whose content is per vendor by nature (a scenario, a case or a fixture for one named vendor,
 * side by side), not a list of the vendors: each says why. Everything else under scripts/, tests/,
 * .ci/ and the root configuration is scanned.
 */
const PER_VENDOR = {
  "tests/vendor-clients/run.mjs": "the vendors' own Python clients (several per vendor), one driver each: data about those clients, not the vendor list",
  "package.json": "its devDependencies name every vendor package (the demo and the vendor-client suite import them): checked against the list below",
  "scripts/readme-snippets/src/run.mjs": "what each vendor's README snippets take from its fake (the names and environment variables those READMEs use): data about the READMEs; a vendor without an entry has its snippets type-checked, not run",
  "scripts/readme-snippets/package.json": "its devDependencies are the packages whose snippets it type-checks, so that turbo builds them first",
  "scripts/matrix/declarations.mjs": "a few type uses, each of one named entry point (a vendor's own option or method), not a list of the vendors: the entry points themselves come from the packed packages' exports",
};
const SKIP_DIRS = new Set(["node_modules", "fixtures", ".cache", ".venv", "venv", "__pycache__"]);

function* sources(dir) {
  for (const entry of readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
    const file = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) yield* sources(file);
    } else if (/\.(mjs|cjs|js|ts|json|ya?ml|sh)$/.test(entry.name) || entry.name === "run") yield file;
  }
}

describe("one vendor list", () => {
  it("is the specs directory, and every vendor has its package", () => {
    expect(VENDORS.length).toBeGreaterThan(0);
    for (const vendor of VENDORS) {
      const pkg = JSON.parse(readFileSync(path.join(repoRoot, "packages", vendor, "package.json"), "utf8"));
      expect(pkg.name).toBe(packageName(vendor));
    }
  });

  it("finds a hard-coded list (so the scan below can fail)", () => {
    const vendors = ["alpha", "beta", "gamma", "delta"];
    expect(vendorLists('const all = ["alpha", "beta",\n  "gamma", "delta"];', vendors)).toHaveLength(1);
    expect(vendorLists("const names = { alpha: 1, beta: 2, gamma: 3 };", vendors)).toHaveLength(1);
    expect(vendorLists('run("--filter=@vendor-auth/alpha", "--filter=@vendor-auth/beta", "--filter=@vendor-auth/gamma")', vendors)).toHaveLength(1);
    expect(vendorLists('// alpha, beta and gamma are fine in a comment\nedit("specs/alpha.yaml");\nedit("specs/beta.yaml");', vendors)).toEqual([]);
  });

  it("no script, CI step or root configuration lists the vendors itself", () => {
    const files = [...sources("scripts"), ...sources("tests"), ...sources(".ci"), ...readdirSync(repoRoot).filter((file) => /\.(json|ts|mjs|ya?ml)$/.test(file))];
    const lists = files
      .filter((file) => !(file in PER_VENDOR))
      .flatMap((file) => vendorLists(readFileSync(path.join(repoRoot, file), "utf8"), VENDORS).map((where) => `${file} ${where}`));
    expect(lists, "read the vendors from scripts/vendors.mjs instead").toEqual([]);
  });

  it("the root package.json depends on every vendor package (the demo and the vendor-client suite import them), and only those", () => {
    const { devDependencies } = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8"));
    const vendorPackages = new Set(VENDORS.map(packageName));
    const listed = Object.keys(devDependencies).filter((name) => name.startsWith("@vendor-auth/") && (vendorPackages.has(name) || existsAsVendorFolder(name)));
    expect(listed.sort()).toEqual([...vendorPackages].sort());
  });

  it("the size budgets cover exactly the vendors", () => {
    const budgets = JSON.parse(readFileSync(path.join(repoRoot, "scripts/package-check/size-budget.json"), "utf8"));
    expect(Object.keys(budgets).filter((key) => key !== "$comment").sort()).toEqual(VENDORS);
  });
});

/** A @vendor-auth package that is not a vendor (core, testing, token-store-redis) has no spec. */
function existsAsVendorFolder(name) {
  return VENDORS.includes(name.slice("@vendor-auth/".length));
}
