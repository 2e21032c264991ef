// openapi-generator `typescript-fetch`: the class-based SDK whose names mirror the vendor's own SDKs
// (`new AuthenticationApi(config).generateNewToken({ accessTokenRequest })`).
// The generator version is pinned in the root openapitools.json.
import { mkdtemp, rm, cp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { run } from "./run.mjs";
import { repoRoot } from "./paths.mjs";
import { ensureGeneratorJar, generatorConfig } from "./generator-jar.mjs";
import { portableRuntime } from "./portable-runtime.mjs";

/** Settings are part of the manifest hash: changing them marks every package stale. */
export const SDK_GENERATOR = "typescript-fetch";
export const SDK_PROPERTIES = {
  supportsES6: "true",
  // One request-object parameter per operation (`{ accessTokenRequest }`), as the vendors' SDKs read.
  useSingleRequestParameter: "true",
  // The generator's timestamp would make every run differ.
  hideGenerationTimestamp: "true",
};

export async function generateSdk(specPath, sdkOut, docsOut) {
  const raw = await mkdtemp(path.join(tmpdir(), "vendor-auth-sdk-"));
  try {
    await ensureGeneratorJar();
    const { file: openapitools } = await generatorConfig();
    const props = Object.entries(SDK_PROPERTIES).map(([k, v]) => `${k}=${v}`).join(",");
    const { code, output } = await run(
      "openapi-generator-cli",
      // --openapitools and PWD: the CLI resolves its config and storage dir from $PWD, which is
      // the package folder when turbo runs this; point both at the repository root.
      ["--openapitools", openapitools, "generate", "-g", SDK_GENERATOR, "-i", specPath, "-o", raw, `--additional-properties=${props}`],
      { cwd: repoRoot, env: { PWD: repoRoot } },
    );
    if (code !== 0) throw new Error(`openapi-generator failed for ${path.relative(repoRoot, specPath)}:\n${output}`);
    // Keep the code and docs; drop the generator's bookkeeping files (.openapi-generator*).
    for (const entry of await readdir(raw)) {
      if (entry.startsWith(".")) continue;
      if (entry === "docs") await cp(path.join(raw, entry), docsOut, { recursive: true });
      else await cp(path.join(raw, entry), path.join(sdkOut, entry), { recursive: true });
    }
    // Declarations that type-check without the DOM lib (portable-runtime.mjs says why and what).
    const runtime = path.join(sdkOut, "runtime.ts");
    await writeFile(runtime, portableRuntime(await readFile(runtime, "utf8")));
  } finally {
    await rm(raw, { recursive: true, force: true });
  }
}
