// Fails when the generated code is stale (the spec or generator settings changed without
// `pnpm generate`) or was edited by hand. CI additionally regenerates and diffs the tree.
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain .mjs script without type declarations
import { verifyManifest } from "../../../scripts/generate/manifest.mjs";

describe("generated code", () => {
  it("matches specs/__VENDOR__.yaml and was not edited by hand", async () => {
    expect(await verifyManifest("__VENDOR__")).toEqual([]);
  });
});
