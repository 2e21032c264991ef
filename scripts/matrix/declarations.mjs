// Declaration projects of the runtime matrix: do the published .d.ts / .d.cts files type-check in
// the projects users have, with `skipLibCheck: false`? Each project (lib and @types/node as in
// PROJECTS) x module resolution (bundler, node16, nodenext) is one tsc program in the scratch
// project where the tarballs are installed, with two entry files: entries.mts imports every entry
// point of every published package (read from the installed package.json `exports`) as ESM,
// entries.cts requires them as CJS (so each resolves its own condition: .d.ts, .d.cts); both use a
// few types. A row per module kind: its entry file and the declarations it resolved type-check.
//
//   node scripts/matrix/declarations.mjs     standalone: packs, installs, type-checks (no runtimes)
//
// The projects are never loosened to make a package pass: a failure is a fix in the package.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { PUBLISHED, ROOT, seconds } from "../package-check/pack.mjs";
import { identifierOf } from "../vendors.mjs";
import { UNSUPPORTED } from "./smoke.mjs";

const run = promisify(execFile);
const TSC = join(ROOT, "node_modules/typescript/bin/tsc");
const TSC_TIMEOUT_MS = 300_000;

/**
 * The projects. `nodeTypes`: @types/node is installed and in `types` (the Node projects), or is
 * not resolvable at all (the browser project: a dependency that needs it fails there, as it would
 * for a user). `nodeOnly: false` leaves out the Node-only entries (`./testing`, the Redis store).
 */
export const PROJECTS = [
  { id: "node", label: "Node: lib ES2022, @types/node", lib: ["ES2022"], nodeTypes: true, nodeOnly: true },
  { id: "browser", label: "Browser: lib ES2022 + DOM, no @types/node", lib: ["ES2022", "DOM", "DOM.Iterable"], nodeTypes: false, nodeOnly: false },
  // lib esnext declares Symbol.asyncDispose and AsyncDisposable itself: ours must merge with it.
  { id: "esnext", label: "ESNext: lib ESNext + DOM, @types/node", lib: ["ESNext", "DOM", "DOM.Iterable"], nodeTypes: true, nodeOnly: true },
];

/**
 * Module resolution -> its `module` setting. node16/nodenext read each file's format from its
 * extension (.mts ESM, .cts CJS); bundler has no format of its own: `preserve` keeps `import` and
 * `require()` as written and resolves each with its condition ("import", "require").
 */
export const RESOLUTIONS = { bundler: "preserve", node16: "node16", nodenext: "nodenext" };
export const KINDS = { esm: { label: "ESM (import)", file: "entries.mts", declarations: ".d.ts" }, cjs: { label: "CJS (require)", file: "entries.cts", declarations: ".d.cts" } };

/** Entry points no browser loads: every package's `./testing` fakes, and the packages smoke.mjs marks n/a in Chromium (the Redis store, the test toolkit). */
const NODE_ONLY = (pkg, entry) => entry === "./testing" || UNSUPPORTED[identifierOf(pkg)]?.chromium !== undefined;

/** `{ pkg, name, entry, specifier, id }` for every entry point of every installed published package. */
export function entryPoints(scratchDir) {
  const entries = [];
  for (const pkg of PUBLISHED) {
    const name = `@vendor-auth/${pkg}`;
    const { exports } = JSON.parse(readFileSync(join(scratchDir, "node_modules", name, "package.json"), "utf8"));
    for (const entry of Object.keys(exports).filter((e) => !e.endsWith(".json"))) {
      entries.push({ pkg, name, entry, specifier: entry === "." ? name : `${name}${entry.slice(1)}`, id: `${pkg}${entry === "." ? "" : `_${entry.slice(2)}`}`.replace(/\W/g, "_") });
    }
  }
  return entries;
}

/**
 * A few types in use, as users' code touches them (only where the entries are there): the
 * typescript-fetch runtime's fetch option, an error class narrowed, a helper's options and result,
 * the platform's WebCrypto as an option, a disposable session and the schema's paths.
 */
function typeUses(ids) {
  const uses = [
    ["core", `export function statusOf(error: unknown): number | undefined {\n  return error instanceof core.ApiError ? error.status : undefined;\n}`],
    ["unicourt_sdk", `export const sdkConfiguration = new unicourt_sdk.Configuration({ basePath: "http://127.0.0.1:1", fetchApi: fetch });`],
    ["agilicus_sdk", `export const agilicusSdk = new agilicus_sdk.TokensApi(new agilicus_sdk.Configuration({ fetchApi: (input, init) => fetch(input, init) }));`],
    // The platform's own SubtleCrypto (the DOM's, or @types/node's) fits the structural option type.
    ["agilicus", `export const subtle: NonNullable<agilicus.AgilicusServiceAccountOptions["subtle"]> = globalThis.crypto.subtle;`],
    ["unicourt", `export type UniCourtOptions = Parameters<typeof unicourt.createUniCourtClient>[0];\nexport const uniCourtToken = (client: ReturnType<typeof unicourt.createUniCourtClient>): Promise<string> => client.getAccessToken();`],
    ["unicourt", `export const authorizedFetch = (client: ReturnType<typeof unicourt.createUniCourtClient>) => client.authorizedFetch(new URL("http://127.0.0.1:1/caseSearch"), { method: "GET", headers: { accept: "application/json" } });`],
    ["laserfiche", `export async function withSession(client: ReturnType<typeof laserfiche.createLaserficheClient>): Promise<void> {\n  const session = await client.openSession();\n  await session[Symbol.asyncDispose]();\n}`],
    ["bluejeans_schema", `export type BlueJeansPath = keyof bluejeans_schema.paths;`],
    ["unicourt_testing", `export type UniCourtFake = Awaited<ReturnType<typeof unicourt_testing.startUniCourtFake>>;`],
    ["token_store_redis", `export type RedisStoreOptions = Parameters<typeof token_store_redis.createRedisTokenStore>[0];`],
  ];
  return uses.filter(([id]) => ids.has(id)).map(([, code]) => code);
}

/** The entry file of one project and kind. */
export function renderEntries(entries, kind) {
  const imports = entries.map(({ id, specifier }) => (kind === "esm" ? `import * as ${id} from "${specifier}";` : `import ${id} = require("${specifier}");`));
  const exported = `export const entryPoints: object[] = [${entries.map(({ id }) => id).join(", ")}];`;
  return `// Generated by scripts/matrix/declarations.mjs: every entry point, and a few types in use.\n${imports.join("\n")}\n\n${exported}\n\n${typeUses(new Set(entries.map((e) => e.id))).join("\n\n")}\n`;
}

/**
 * Installs @types/node (the workspace's version) into `<scratch>/node-types`: the Node projects live
 * under it and find it, the browser projects live beside it and cannot.
 */
async function installNodeTypes(scratchDir) {
  const dir = join(scratchDir, "node-types");
  mkdirSync(dir, { recursive: true });
  const { version } = JSON.parse(readFileSync(join(ROOT, "node_modules/@types/node/package.json"), "utf8"));
  writeFileSync(join(dir, "package.json"), '{ "private": true }\n');
  await run("npm", ["install", "--prefix", dir, "--no-audit", "--no-fund", "--ignore-scripts", "--prefer-offline", "--loglevel=error", `@types/node@${version}`], { maxBuffer: 16 * 1024 * 1024 });
  if (existsSync(join(scratchDir, "node_modules/@types/node"))) throw new Error("the tarballs pulled in @types/node: the browser projects would see it");
  return { dir, version };
}

/** Runs one tsc; resolves with its error lines (scratch path dropped), [] when it passed. */
async function typeCheck(dir, scratchDir) {
  try {
    await run(process.execPath, [TSC, "-p", "tsconfig.json", "--pretty", "false"], { cwd: dir, timeout: TSC_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 });
    return [];
  } catch (error) {
    const output = `${error.stdout ?? ""}${error.stderr ?? ""}`.trim() || (error.killed ? `timed out after ${TSC_TIMEOUT_MS} ms` : error.message);
    const errors = output.split("\n").filter((line) => line.includes("error")).map((line) => line.replaceAll(scratchDir, "<scratch>").replace(/^(\.\.\/)+/, ""));
    return errors.length ? errors : [output.split("\n")[0]];
  }
}

/**
 * The kinds an error line belongs to: the entry file's, the declarations of our packages by their
 * extension, and both for the rest (lib files, @types/node, dependencies' declarations).
 */
function kindsOf(line) {
  const file = line.split("(")[0];
  for (const [kind, { file: entry, declarations }] of Object.entries(KINDS)) {
    if (file === entry || (file.includes("@vendor-auth/") && file.endsWith(declarations))) return [kind];
  }
  return Object.keys(KINDS);
}

/** Resolves with one row per project x resolution x kind: `{ project, resolution, kind, ok, errors, entries }`. */
export async function checkDeclarations(scratchDir, { concurrency = 2 } = {}) {
  const start = performance.now();
  const nodeTypes = await installNodeTypes(scratchDir);
  const all = entryPoints(scratchDir);
  const jobs = [];
  for (const project of PROJECTS) {
    const entries = all.filter((e) => project.nodeOnly || !NODE_ONLY(e.pkg, e.entry));
    for (const [resolution, module] of Object.entries(RESOLUTIONS)) {
      const dir = join(project.nodeTypes ? nodeTypes.dir : scratchDir, `decl-${project.id}-${resolution}`);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir);
      for (const [kind, { file }] of Object.entries(KINDS)) writeFileSync(join(dir, file), renderEntries(entries, kind));
      const compilerOptions = { strict: true, noEmit: true, skipLibCheck: false, target: "ES2022", lib: project.lib, module, moduleResolution: resolution, types: project.nodeTypes ? ["node"] : [] };
      writeFileSync(join(dir, "tsconfig.json"), `${JSON.stringify({ compilerOptions, files: Object.values(KINDS).map((k) => k.file) }, null, 2)}\n`);
      jobs.push(async () => {
        const errors = await typeCheck(dir, scratchDir);
        return Object.keys(KINDS).map((kind) => {
          const own = errors.filter((line) => kindsOf(line).includes(kind));
          return { project, resolution, kind, entries: entries.length, ok: own.length === 0, errors: own };
        });
      });
    }
  }
  const results = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < jobs.length; i = next++) results[i] = await jobs[i]();
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  console.log(`declarations: ${jobs.length} tsc programs (@types/node ${nodeTypes.version}) in ${seconds(start)}`);
  return results.flat();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { prepareScratch } = await import("./scratch.mjs");
  const { markdownTable } = await import("../package-check/pack.mjs");
  const keep = process.argv.includes("--keep");
  const { dir } = process.env.DECL_SCRATCH ? { dir: process.env.DECL_SCRATCH } : await prepareScratch();
  try {
    const rows = await checkDeclarations(dir);
    console.log(markdownTable(["project", "moduleResolution", "module", "entry points", "result"], rows.map((row) => [row.project.label, row.resolution, KINDS[row.kind].label, String(row.entries), row.ok ? "pass" : `FAIL (${row.errors.length} errors)`])));
    for (const row of rows.filter((r) => !r.ok)) console.error(`\n${row.project.id} ${row.resolution} ${row.kind}:\n  ${row.errors.slice(0, 30).join("\n  ")}`);
    if (rows.some((r) => !r.ok)) process.exitCode = 1;
  } finally {
    if (keep || process.env.DECL_SCRATCH) console.log(`scratch kept: ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
