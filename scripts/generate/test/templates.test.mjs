// The files every vendor package shares except for its name come from the new-vendor templates:
// each vendor's copy is the template rendered for it, so a change to one is a change to all (edit
// scripts/new-vendor/templates/ and re-render, or the scaffold would drift from the packages).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SHARED_TEMPLATES, defaultTitle, render, templateFiles } from "../../new-vendor/run.mjs";
import { VENDORS } from "../../vendors.mjs";
import { repoRoot } from "../paths.mjs";

describe("new-vendor templates", () => {
  it.each(VENDORS)("%s: the shared per-package files are the templates rendered for it", (vendor) => {
    for (const file of SHARED_TEMPLATES) {
      const names = { vendor, title: defaultTitle(vendor), apiTitle: "(not used by the shared templates)" };
      expect(readFileSync(path.join(repoRoot, "packages", vendor, file), "utf8"), `packages/${vendor}/${file}`).toBe(render(file, names));
    }
  });

  it("every shared template exists, and names the vendor only through the placeholder", () => {
    const files = templateFiles();
    for (const file of SHARED_TEMPLATES) expect(files).toContain(file);
    for (const file of files) for (const vendor of VENDORS) expect(readFileSync(path.join(repoRoot, "scripts/new-vendor/templates", file), "utf8"), file).not.toMatch(new RegExp(`\\b${vendor}\\b`, "i"));
  });
});
