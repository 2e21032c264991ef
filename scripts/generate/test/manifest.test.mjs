// The manifest: what marks generated code stale (a spec, a generator setting, one of the project's
// generator scripts, a hand edit).
import { describe, expect, it } from "vitest";
import { compareManifests, computeManifest } from "../manifest.mjs";

describe("manifest", () => {
  it("records the spec, the generator settings, a hash of every generator script and of every generated file", async () => {
    const manifest = await computeManifest("unicourt");
    expect(manifest.spec.path).toBe("specs/unicourt.yaml");
    expect(Object.keys(manifest.generators.scripts)).toEqual(expect.arrayContaining(["index.mjs", "operations.mjs", "meta.mjs", "models.mjs", "sdk-entry.mjs", "manifest.mjs"]));
    expect(Object.keys(manifest.files)).toEqual(expect.arrayContaining(["src/generated/operations.gen.ts", "src/generated/sdk.gen.ts", "src/generated/models.gen.ts"]));
  });

  it("a changed generator script, a changed setting, a hand edit and a stray file are each reported", async () => {
    const fresh = await computeManifest("unicourt");
    expect(compareManifests("unicourt", fresh, fresh)).toEqual([]);
    const recorded = structuredClone(fresh);
    recorded.generators.scripts["operations.mjs"] = "0".repeat(64);
    recorded.generators.generatorName = "typescript-axios";
    recorded.files["src/generated/meta.gen.ts"] = "1".repeat(64);
    delete recorded.files["src/generated/models.gen.ts"];
    const problems = compareManifests("unicourt", recorded, fresh);
    expect(problems).toEqual([
      "generator scripts changed since the code was generated: operations.mjs.",
      "generator versions or settings changed since the code was generated.",
      "src/generated/meta.gen.ts was edited by hand.",
      "src/generated/models.gen.ts is not a generated file (not in the manifest).",
      "To fix this, run: pnpm generate (and commit the result with the spec change).",
    ]);
  });
});
