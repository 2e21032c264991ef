// Running the snippets against the fakes. A snippet runs unless it is marked `no-check`/`no-run`,
// or it uses a name of its file's snippet-context that no fake can give (e.g. `myTokenStore`); one
// that uses no vendor package (the Redis test server's) runs without a fake.
// For each run, the vendor's fake (`<vendor>/testing`) is started and:
// - every `create<Vendor>Client(options)` the snippet calls gets the fake's URL as `baseUrl` unless
//   its options set one (the snippet's import of `@vendor-auth/<vendor>` is pointed at a shim that
//   adds it), so the README keeps the production setup a reader copies;
// - the context names the fake can give (RUN_VALUES: `fake`, its credentials, vitest's `expect`)
//   and the environment variables the snippets read (RUN_ENV) are set to the fake's values.
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { WORK, contextFor, renderModule } from "./snippets.mjs";

const ts = createRequire(import.meta.url)("typescript");

/** The vendor packages with a fake: the factory the shim wraps and how to start the fake. */
export const VENDORS = {
  unicourt: { factory: "createUniCourtClient", start: "startUniCourtFake" },
  laserfiche: { factory: "createLaserficheClient", start: "startLaserficheFake" },
  agilicus: { factory: "createAgilicusClient", start: "startAgilicusFake" },
  bluejeans: { factory: "createBlueJeansClient", start: "startBlueJeansFake" },
};

/** Options of the fakes: the repository id the Laserfiche README's quickstart uses. */
export const FAKE_OPTIONS = { laserfiche: { repoId: "r-abc123" } };

/** Context names a run can give, from the started fake (`expect` comes from the test). */
export const RUN_VALUES = {
  unicourt: (fake) => ({ fake, clientId: fake.clientId, clientSecret: fake.clientSecret }),
  laserfiche: (fake) => ({ fake, repoId: fake.repoId, username: fake.username, password: fake.password, customerId: undefined }),
  agilicus: (fake) => ({ fake, token: fake.adminToken }),
  bluejeans: (fake) => ({ fake, clientId: fake.clientId, clientSecret: fake.clientSecret, username: fake.username, password: fake.password }),
};
/** The environment variables the READMEs read, from the fake. */
export const RUN_ENV = {
  unicourt: (fake) => ({ UNICOURT_CLIENT_ID: fake.clientId, UNICOURT_CLIENT_SECRET: fake.clientSecret }),
  laserfiche: (fake) => ({ LASERFICHE_USERNAME: fake.username, LASERFICHE_PASSWORD: fake.password }),
  agilicus: (fake) => ({ AGILICUS_TOKEN: fake.adminToken }),
  bluejeans: (fake) => ({ BLUEJEANS_CLIENT_ID: fake.clientId, BLUEJEANS_CLIENT_SECRET: fake.clientSecret }),
};

/**
 * The vendor whose fake a snippet runs against: its package's README's, else the one vendor it (or
 * the context it needs) imports; undefined when none (it runs without a fake) or several.
 */
export function vendorOf(snippet) {
  const own = /^packages\/([^/]+)\/README\.md$/.exec(snippet.file)?.[1];
  if (own && VENDORS[own]) return own;
  const code = renderModule(snippet, snippet.context, "esm");
  const imported = [...new Set([...code.matchAll(/from "@vendor-auth\/([a-z-]+)/g)].map((m) => m[1]).filter((v) => VENDORS[v]))];
  return imported.length === 1 ? imported[0] : undefined;
}

/** Why a snippet is not run, or undefined when it runs. */
export function whyNotRun(snippet) {
  if (snippet.flag) return `${snippet.flag}: ${snippet.reason}`;
  const vendor = vendorOf(snippet);
  const { names } = contextFor(snippet, snippet.context);
  const given = new Set(["expect", ...(vendor ? Object.keys(RUN_VALUES[vendor]({})) : [])]);
  const missing = names.filter((name) => !given.has(name));
  return missing.length ? `uses ${missing.map((n) => `\`${n}\``).join(", ")} from the prose, which no fake gives` : undefined;
}

/**
 * Writes the runnable module of a snippet (and its vendor's shim) and returns its file URL. The
 * snippet's TypeScript is transpiled as is; only the specifier `@vendor-auth/<vendor>` changes.
 */
export function writeRunModule(snippet, work = WORK) {
  const vendor = vendorOf(snippet);
  const dir = path.join(work, "run");
  mkdirSync(dir, { recursive: true });
  const { factory } = VENDORS[vendor] ?? {};
  if (vendor) writeFileSync(
    path.join(dir, `shim-${vendor}.mjs`),
    `// The package as the snippet imports it, with the run's fake as the default baseUrl.
export * from "@vendor-auth/${vendor}";
import { ${factory} as create } from "@vendor-auth/${vendor}";
export const ${factory} = (options, ...rest) => create({ baseUrl: globalThis.__snippetFake.url, ...options }, ...rest);
`,
  );
  // The snippet with the context imports it needs (the context's declarations are erased).
  const js = ts.transpileModule(renderModule(snippet, snippet.context, "esm"), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }, fileName: `${snippet.id}.mts` }).outputText;
  const file = path.join(dir, `${snippet.id}.mjs`);
  writeFileSync(file, `// ${snippet.file}:${snippet.line} (line 2 on)\n${vendor ? js.replaceAll(`"@vendor-auth/${vendor}"`, `"./shim-${vendor}.mjs"`) : js}`);
  return pathToFileURL(file).href;
}

/**
 * Runs one snippet: starts its vendor's fake, sets the context values and environment, imports
 * the module (which resolves when the snippet's top-level code has finished), then restores all.
 */
export async function runSnippet(snippet, { expect }) {
  const vendor = vendorOf(snippet);
  const fake = vendor ? await (await import(`@vendor-auth/${vendor}/testing`))[VENDORS[vendor].start](FAKE_OPTIONS[vendor]) : undefined;
  const values = { ...(fake && RUN_VALUES[vendor](fake)), expect, __snippetFake: fake };
  const env = fake ? RUN_ENV[vendor](fake) : {};
  const savedEnv = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  try {
    Object.assign(globalThis, values);
    Object.assign(process.env, env);
    await import(writeRunModule(snippet));
  } finally {
    for (const name of Object.keys(values)) delete globalThis[name];
    for (const [name, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await fake?.close();
  }
}
