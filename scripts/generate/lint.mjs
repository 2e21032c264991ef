// Lints a spec with Redocly CLI (rules in the root redocly.yaml). Any error fails generation;
// warnings are printed. The generator's own validation runs again inside openapi-generator.
import { run } from "./run.mjs";
import { repoRoot } from "./paths.mjs";
import path from "node:path";

export async function lintSpec(specPath) {
  const { code, output } = await run(
    "redocly",
    ["lint", "--format=stylish", "--config", path.join(repoRoot, "redocly.yaml"), specPath],
    { cwd: repoRoot, env: { REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } },
  );
  if (code !== 0) throw new Error(`spec lint failed for ${path.relative(repoRoot, specPath)}:\n${output}`);
}
