// Section 5, scaling: for synthetic specs of N operations (synthetic-spec.mjs), the time of each
// pipeline step: openapi-typescript generation, openapi-generator typescript-fetch generation (the
// pinned JAR, run with java directly and the settings of scripts/generate/sdk.mjs), `tsc --noEmit`
// of each generated output (the compiler options of tsconfig.base.json), and contract-diff between
// the spec and a mutated copy (the CLI as users run it, plus an in-process breakdown of its time).
// Every step is a fresh process, timed from outside (wall clock), so fixed costs (JVM and Node
// start-up, module loading) are in the intercept of the fit; the fastest of 3 runs at 100
// operations and of 2 at 1,000 counts.
//
// Budget: the suite has a deadline. Before a step at a new size, its time is predicted from the
// sizes already measured (linear, ×1.3); a step that would not finish in time is skipped and its
// value extrapolated from the linear fit, labelled as such in the report.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureGeneratorJar } from "../generate/generator-jar.mjs";
import { SDK_GENERATOR, SDK_PROPERTIES } from "../generate/sdk.mjs";
import { benchCache, fromRoot, repoRoot } from "./lib/paths.mjs";
import { runTimed } from "./lib/proc.mjs";
import { linearFit } from "./lib/stats.mjs";
import { mutateSpec, syntheticSpec, toYaml } from "./synthetic-spec.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const TSC = fromRoot("node_modules/typescript/bin/tsc");
const CONTRACT_DIFF = fromRoot("scripts/contract-diff/src/cli.mjs");
// swagger-parser (inside openapi-generator) refuses YAML documents over 3,145,728 code points
// unless this system property raises the limit; the 5,000-operation spec is about 5 MB.
const SWAGGER_DEFAULT_CODE_POINTS = 3_145_728;
const YAML_CODE_POINTS = 100_000_000;

export const STEPS = [
  { id: "contractDiff", label: "contract-diff CLI (spec vs mutated copy)" },
  { id: "openapiTypescript", label: "openapi-typescript (process)" },
  { id: "tscSchema", label: "tsc --noEmit, openapi-typescript output" },
  { id: "typescriptFetch", label: "openapi-generator typescript-fetch (java)" },
  { id: "tscSdk", label: "tsc --noEmit, typescript-fetch output" },
];

// tsconfig.base.json's compiler options, without `types` (the generated code needs no @types).
const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2022", "DOM", "DOM.Iterable"],
    module: "ESNext",
    moduleResolution: "Bundler",
    strict: true,
    noUncheckedIndexedAccess: true,
    isolatedModules: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  },
};

/** Runs per step: 3 up to 100 operations, 2 up to 1,000, then 1 (the fastest run counts). */
const repeats = (n) => (n <= 100 ? 3 : n <= 1000 ? 2 : 1);

/** Options (defaults): sizes ([100, 1000, 5000]), deadline (epoch ms, none), keep outputs (false). */
export async function main({ sizes = [100, 1000, 5000], deadline = Infinity, keep = false } = {}) {
  const jar = await ensureGeneratorJar();
  const root = path.join(benchCache, "scaling");
  rmSync(root, { recursive: true, force: true });
  const measured = Object.fromEntries(STEPS.map((s) => [s.id, []]));
  const rows = [];
  const notes = [];
  const extrapolated = [];
  try {
    for (const n of sizes) {
      const dir = path.join(root, String(n));
      mkdirSync(dir, { recursive: true });
      const spec = syntheticSpec(n);
      const mutated = mutateSpec(spec);
      const files = { yaml: path.join(dir, "spec.yaml"), mutatedYaml: path.join(dir, "mutated.yaml"), json: path.join(dir, "spec.json"), mutatedJson: path.join(dir, "mutated.json") };
      writeFileSync(files.yaml, toYaml(spec));
      writeFileSync(files.mutatedYaml, toYaml(mutated));
      writeFileSync(files.json, JSON.stringify(spec, null, 2));
      writeFileSync(files.mutatedJson, JSON.stringify(mutated, null, 2));
      const row = { operations: n, schemas: Object.keys(spec.components.schemas).length, specBytes: toYaml(spec).length, steps: {} };
      rows.push(row);
      if (row.specBytes > SWAGGER_DEFAULT_CODE_POINTS) {
        notes.push(`The ${n}-operation spec (${(row.specBytes / 2 ** 20).toFixed(1)} MiB of YAML) is over swagger-parser's default limit of ${SWAGGER_DEFAULT_CODE_POINTS.toLocaleString("en-US")} code points: openapi-generator fails on it ("The incoming YAML document exceeds the limit") unless run with -DmaxYamlCodePoints (here ${YAML_CODE_POINTS.toLocaleString("en-US")}; for \`pnpm generate\`, JAVA_OPTS=-DmaxYamlCodePoints=... reaches the generator)`);
      }

      /** Runs a step unless its predicted time does not fit before the deadline. */
      const step = async (id, run) => {
        const points = measured[id];
        const predicted = points.length === 0 ? 0 : points.length === 1 ? (points[0].y * n) / points[0].x : Math.max(0, (({ slope, intercept }) => intercept + slope * n)(linearFit(points)));
        const remaining = deadline - Date.now();
        if (predicted * 1.3 > remaining) {
          row.steps[id] = { skipped: true, predictedMs: predicted };
          return undefined;
        }
        // Small sizes are cheap: run them more than once and keep the fastest run (on a busy machine
        // noise only ever adds time, so the minimum is the best estimate of the work itself).
        const runs = [];
        for (let i = 0; i < repeats(n); i++) {
          if (i > 0 && Date.now() + runs[0].ms * 1.3 > deadline) break;
          const result = await run(Math.max(10_000, Math.min(deadline - Date.now(), 600_000)));
          if (result.timedOut) break;
          runs.push(result);
        }
        if (runs.length === 0) {
          row.steps[id] = { skipped: true, predictedMs: predicted, note: "stopped at the deadline" };
          return undefined;
        }
        const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
        row.steps[id] = { ms: best.ms, runs: runs.map((r) => r.ms), ...best.extra };
        points.push({ x: n, y: best.ms });
        return best;
      };
      const tool = async (args, timeoutMs, { okCodes = [0], parse } = {}) => {
        const result = await runTimed(args[0], args.slice(1), { cwd: repoRoot, timeoutMs });
        if (result.timedOut) return { timedOut: true, ms: result.ms };
        if (!okCodes.includes(result.code)) throw new Error(`${path.basename(args[1] ?? args[0])} failed for ${n} operations (exit ${result.code}):\n${result.output.split("\n").slice(-20).join("\n")}`);
        return { ms: result.ms, extra: parse ? parse(result.stdout) : {} };
      };

      // contract-diff first: it has a target (5,000 operations under 2 s). Exit status 1 = breaking changes found.
      const diffArgs = [process.execPath, CONTRACT_DIFF, "--base", files.yaml, "--head", files.mutatedYaml, "--format", "json"];
      await step("contractDiff", (t) => tool(diffArgs, t, { okCodes: [0, 1], parse: (out) => ({ changes: JSON.parse(out).changes.length }) }));
      if (row.steps.contractDiff.ms !== undefined && deadline - Date.now() > 2 * row.steps.contractDiff.ms + 30_000) {
        const timeoutMs = Math.min(600_000, deadline - Date.now());
        const breakdown = await tool([process.execPath, path.join(here, "lib/contract-diff-breakdown.mjs"), files.yaml, files.mutatedYaml, files.json, files.mutatedJson], timeoutMs, { parse: JSON.parse });
        if (!breakdown.timedOut) row.contractDiffBreakdown = breakdown.extra;
      }

      const schemaOut = path.join(dir, "schema.gen.ts");
      await step("openapiTypescript", (t) => tool([process.execPath, path.join(here, "lib/scaling-ots.mjs"), files.yaml, schemaOut], t, { parse: (out) => ({ callMs: JSON.parse(out).callMs }) }));
      if (existsSync(schemaOut)) {
        writeFileSync(path.join(dir, "tsconfig.schema.json"), JSON.stringify({ ...TSCONFIG, include: ["schema.gen.ts"] }));
        await step("tscSchema", (t) => tool([process.execPath, TSC, "-p", path.join(dir, "tsconfig.schema.json")], t));
      }

      const sdkOut = path.join(dir, "sdk");
      const props = Object.entries(SDK_PROPERTIES).map(([k, v]) => `${k}=${v}`).join(",");
      const generated = await step("typescriptFetch", (t) => {
        rmSync(sdkOut, { recursive: true, force: true });
        return tool(["java", `-DmaxYamlCodePoints=${YAML_CODE_POINTS}`, "-jar", jar, "generate", "-g", SDK_GENERATOR, "-i", files.yaml, "-o", sdkOut, `--additional-properties=${props}`], t, {
          parse: () => ({ files: countFiles(sdkOut, ".ts") }),
        });
      });
      if (generated) {
        writeFileSync(path.join(dir, "tsconfig.sdk.json"), JSON.stringify({ ...TSCONFIG, include: ["sdk/**/*.ts"] }));
        await step("tscSdk", (t) => tool([process.execPath, TSC, "-p", path.join(dir, "tsconfig.sdk.json")], t));
      } else if (row.steps.typescriptFetch?.skipped) {
        row.steps.tscSdk = { skipped: true, note: "no typescript-fetch output at this size" };
      }
      // The outputs of a size are not needed once it is measured (5,000 operations: tens of MB).
      if (!keep) rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    if (!keep) rmSync(root, { recursive: true, force: true });
  }

  const fits = {};
  for (const { id } of STEPS) {
    const points = measured[id];
    if (points.length < 2) continue;
    fits[id] = growth(points);
    for (const row of rows) {
      const cell = row.steps[id];
      if (cell?.skipped) {
        cell.extrapolatedMs = fits[id].intercept + fits[id].slope * row.operations;
        const why = cell.note ?? `predicted ${Math.round((cell.predictedMs ?? 0) / 1000)} s would not fit the time budget`;
        extrapolated.push(`${id} at ${row.operations} operations: not run (${why}); extrapolated from the linear fit`);
      }
    }
  }
  const largest = rows.find((r) => r.operations === 5000);
  const diff5000 = largest?.steps.contractDiff;
  return {
    rows,
    fits,
    notes,
    extrapolated,
    target: { contractDiff5000Ms: diff5000?.ms ?? diff5000?.extrapolatedMs, extrapolated: diff5000?.ms === undefined, met: diff5000?.ms !== undefined && diff5000.ms < 2000 },
  };
}

/**
 * The least-squares line (intercept = fixed cost, slope = cost per operation) and the marginal cost
 * per operation between consecutive sizes. Growth is called linear when the marginal cost of the
 * last interval is within 0.7-1.3× that of the one before, superlinear above, sublinear below
 * (fixed costs still being amortised); with two sizes only, it cannot be told.
 */
function growth(points) {
  const sorted = [...points].sort((a, b) => a.x - b.x);
  const fit = linearFit(sorted);
  const marginal = sorted.slice(1).map((p, i) => ({ from: sorted[i].x, to: p.x, msPerOperation: (p.y - sorted[i].y) / (p.x - sorted[i].x) }));
  let verdict = "not enough sizes to tell";
  if (marginal.length >= 2 && fit.r2 < 0.95) verdict = `inconclusive: the sizes do not fall on a line (R² ${fit.r2.toFixed(2)}); noise, re-run on an idle machine`;
  else if (marginal.length >= 2) {
    const ratio = marginal.at(-1).msPerOperation / marginal.at(-2).msPerOperation;
    verdict = ratio > 1.3 ? `superlinear (marginal cost ×${ratio.toFixed(2)})` : ratio < 0.7 ? `sublinear (marginal cost ×${ratio.toFixed(2)})` : `linear (marginal cost ×${ratio.toFixed(2)})`;
  }
  return { slope: fit.slope, intercept: fit.intercept, r2: fit.r2, marginal, verdict, points: sorted.length };
}

function countFiles(dir, extension) {
  if (!existsSync(dir)) return 0;
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) count += countFiles(path.join(dir, entry.name), extension);
    else if (entry.name.endsWith(extension)) count++;
  }
  return count;
}
