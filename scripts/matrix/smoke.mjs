// The smoke test every runtime runs, per package: import it, call one operation end to end
// against the loopback vendor API (vendor-api.mjs), and provoke a 400 that must arrive as the
// package's own BadRequestError. `smoke` is serialised with toString() into an ESM file, a CJS
// file and a browser page, so the function must stay self-contained: no imports, no outer variables.
//
// `mods` = the module namespace of every entry of PACKAGE_NAMES and EXTRA_MODULES, by key;
// `packages` = the keys of PACKAGE_NAMES; resolves with { <package>: { ok: boolean, detail: string } }.
import { VENDORS, identifierOf, packageName } from "../vendors.mjs";

export async function smoke(mods, apiUrl, packages) {
  const assert = (condition, message) => {
    if (!condition) throw new Error(`assertion failed: ${message}`);
  };
  /** Runs `call`, which must reject with `mod.BadRequestError` (status 400) without leaking `secret`. */
  const expectBadRequest = async (mod, call, secret) => {
    try {
      await call();
    } catch (error) {
      assert(error instanceof mod.BadRequestError, `BadRequestError expected, got ${error && error.name}: ${error && error.message}`);
      assert(error instanceof mod.VendorAuthError, "BadRequestError extends VendorAuthError");
      assert(error.status === 400 && error.name === "BadRequestError", `status 400, got ${error.status}`);
      if (secret) assert(!JSON.stringify(error).includes(secret) && !String(error.stack).includes(secret), "the error leaks a secret");
      return `400 -> ${error.name}`;
    }
    throw new Error("the 400 did not reject");
  };
  const cases = {
    async core() {
      const { core, coreInternal } = mods;
      // The toolkit (./internal) and the public surface (.) share one copy of every class.
      assert(coreInternal.BadRequestError === core.BadRequestError, "core/internal shares core's error classes");
      const ping = { method: "GET", path: "/ping", idempotent: true, security: [], parameters: [{ in: "query", name: "fail", required: false, schema: { type: "string" } }], body: null, response: { body: true, type: "object" }, secrets: { request: [], response: [] }, errors: {} };
      const api = coreInternal.createApiClient({ vendor: "smoke", baseUrl: `${apiUrl}/core`, redactor: new coreInternal.Redactor(), operations: { ping }, maxRetries: 0 });
      const body = await api.call("ping", (init) => api.http.GET("/ping", init));
      assert(body && body.pong === true, `pong expected, got ${JSON.stringify(body)}`);
      // One copy of core behind every vendor package: their error classes are core's.
      for (const key of packages) if (key !== "core" && mods[key] && "BadRequestError" in mods[key]) assert(mods[key].BadRequestError === core.BadRequestError, `${key} shares core's error classes`);
      assert((await api.op("ping")).pong === true, "ping answered");
      return `ping ok; ${await expectBadRequest(core, () => api.op("ping", { params: { query: { fail: "400" } } }))}`;
    },
    async unicourt() {
      const { unicourt } = mods;
      const clientSecret = "test-secret-".padEnd(64, "0");
      const client = unicourt.createUniCourtClient({ clientId: "test-client-".padEnd(32, "0"), clientSecret, baseUrl: `${apiUrl}/unicourt`, maxRetries: 0 });
      const token = await client.getAccessToken();
      assert(token === "test-unicourt-token" && client.getCachedTokenId() === "TKIDtest0000000001", `token expected, got ${token}`);
      const bad = unicourt.createUniCourtClient({ clientId: "test-bad-".padEnd(32, "0"), clientSecret, baseUrl: `${apiUrl}/unicourt`, maxRetries: 0 });
      return `generateNewToken ok; ${await expectBadRequest(unicourt, () => bad.generateNewToken(), clientSecret)}`;
    },
    async laserfiche() {
      const { laserfiche } = mods;
      const options = { username: "test-user", password: "test-password", baseUrl: `${apiUrl}/laserfiche`, maxRetries: 0 };
      const client = laserfiche.createLaserficheClient({ ...options, repoId: "r-smoke" });
      const info = await client.createAccessToken();
      assert(info.authToken === "test-laserfiche-token" && client.expiresAt instanceof Date, `authToken expected, got ${JSON.stringify(info)}`);
      const bad = laserfiche.createLaserficheClient({ ...options, repoId: "r-bad" });
      return `createAccessToken ok; ${await expectBadRequest(laserfiche, () => bad.createAccessToken(), "test-password")}`;
    },
    async agilicus() {
      const { agilicus } = mods;
      const client = agilicus.createAgilicusClient({ accessToken: "test-agilicus-token", baseUrl: `${apiUrl}/agilicus`, maxRetries: 0 });
      const page = await client.listTokens({ limit: 1 });
      assert(page.limit === 1 && Array.isArray(page.tokens), `a page expected, got ${JSON.stringify(page)}`);
      const bad = agilicus.createAgilicusClient({ accessToken: "test-bad-token", baseUrl: `${apiUrl}/agilicus`, maxRetries: 0 });
      return `listTokens ok; ${await expectBadRequest(agilicus, () => bad.listTokens({ limit: 1 }), "test-bad-token")}`;
    },
    async bluejeans() {
      const { bluejeans } = mods;
      const options = { clientSecret: "test-client-secret", baseUrl: `${apiUrl}/bluejeans`, maxRetries: 0 };
      const client = bluejeans.createBlueJeansClient({ ...options, clientId: "test-client" });
      const grant = await client.getTokenByClient();
      assert(grant.access_token === "test-bluejeans-token" && grant.expires_in === 3600, `a grant expected, got ${JSON.stringify(grant)}`);
      const bad = bluejeans.createBlueJeansClient({ ...options, clientId: "test-bad-client" });
      return `getTokenByClient ok; ${await expectBadRequest(bluejeans, () => bad.getTokenByClient(), "test-client-secret")}`;
    },
    async tokenStoreRedis() {
      const { tokenStoreRedis, unicourt, core } = mods;
      let refused;
      try {
        tokenStoreRedis.createRedisTokenStore({ url: "redis://127.0.0.1:9", encryptionKey: "too-short" });
      } catch (error) {
        refused = error;
      }
      assert(refused instanceof core.ValidationError && refused.field === "encryptionKey", "a short encryptionKey is a ValidationError");
      // Redis unreachable (nothing listens on port 9): the client still gets its token, on its own cache, and says so.
      const tokenStore = tokenStoreRedis.createRedisTokenStore({ url: "redis://127.0.0.1:9", encryptionKey: "test-encryption-key-".padEnd(32, "0") });
      const events = [];
      const client = unicourt.createUniCourtClient({ clientId: "test-client-".padEnd(32, "0"), clientSecret: "test-secret-".padEnd(64, "0"), baseUrl: `${apiUrl}/unicourt`, maxRetries: 0, tokenStore, logger: (e) => events.push(e) });
      const token = await client.getAccessToken();
      await tokenStore.close();
      assert(token === "test-unicourt-token", `token expected, got ${token}`);
      assert(events.some((e) => e.type === "token-store" && e.action === "degraded"), "a degraded event");
      return "Redis unreachable: getAccessToken ok on the local cache, degraded event; short key refused";
    },
    async testing() {
      // What a user's test does: a vendor fake (built on @vendor-auth/testing, the vendor package's
      // optional peer) and a client against it; then the toolkit's own spec mock.
      // Loaded here, not with the other packages: on a runtime it does not support (Node 18) only this column fails.
      // Not even tried on Node 18 (n/a there): Node 18's ESM loader ends the process on openapi-backend's require of an ES module.
      if (Number(process.versions.node.split(".")[0]) < 20) throw new Error("@vendor-auth/testing needs Node 20+");
      const load = (name) => (typeof require === "function" ? require(name) : import(name));
      const [testing, unicourtTesting] = await Promise.all([load("@vendor-auth/testing"), load("@vendor-auth/unicourt/testing")]);
      const { unicourt } = mods;
      const fake = await unicourtTesting.startUniCourtFake();
      try {
        const client = unicourt.createUniCourtClient({ clientId: fake.clientId, clientSecret: fake.clientSecret, baseUrl: fake.url, maxRetries: 0 });
        const token = await client.getAccessToken();
        assert(typeof token === "string" && token.length > 0 && fake.violations.length === 0, `a token from the fake expected, got ${token}, violations ${JSON.stringify(fake.violations)}`);
        fake.failNext({ status: 400 });
        await expectBadRequest(unicourt, () => client.generateNewToken(), fake.clientSecret);
      } finally {
        await fake.close();
      }
      const spec = { openapi: "3.0.3", info: { title: "smoke", version: "1" }, paths: { "/ping": { get: { operationId: "ping", responses: { 200: { description: "ok", content: { "application/json": { schema: { type: "object" }, example: { pong: true } } } } } } } } };
      const mock = await testing.startSpecMockServer(spec);
      try {
        const answer = await (await fetch(`${mock.url}/ping`)).json();
        assert(answer.pong === true && mock.violations.length === 0, `the spec mock's example expected, got ${JSON.stringify(answer)}`);
      } finally {
        await mock.close();
      }
      return "UniCourt fake: getAccessToken ok, failNext 400 -> BadRequestError; spec mock ok";
    },
  };
  // A package without a case of its own (a vendor just scaffolded): it loads and shares core's errors.
  for (const key of packages) {
    cases[key] ??= async () => {
      assert(mods[key] && mods[key].BadRequestError === mods.core.BadRequestError, `${key} loads and shares core's error classes`);
      return "loads; error classes are core's (no smoke case of its own yet: scripts/matrix/smoke.mjs)";
    };
  }
  const results = {};
  for (const [name, run] of Object.entries(cases)) {
    try {
      results[name] = { ok: true, detail: await run() };
    } catch (error) {
      results[name] = { ok: false, detail: String((error && error.stack) || error).split("\n").slice(0, 4).join(" | ") };
    }
  }
  return results;
}

/** The column of each package: key (an identifier) → npm name; the vendors from scripts/vendors.mjs. */
export const PACKAGE_NAMES = {
  core: "@vendor-auth/core",
  testing: "@vendor-auth/testing",
  ...Object.fromEntries(VENDORS.map((vendor) => [identifierOf(vendor), packageName(vendor)])),
  tokenStoreRedis: "@vendor-auth/token-store-redis",
};
/** Runtimes a package is not made for (by runtime id, with the reason): "n/a" there, not run in the browser bundle. */
export const UNSUPPORTED = {
  tokenStoreRedis: { chromium: "a TCP client to Redis, for server runtimes", node18: "needs Node 20+ (node-redis; Web Crypto as a global)" },
  testing: { chromium: "loopback servers on node:http, for tests on Node", node18: "needs Node 20+ (openapi-backend's JSON-schema ref parser)" },
};
/** Entry points the smoke test loads besides the packages' main ones (no column of their own). */
export const EXTRA_MODULES = { coreInternal: "@vendor-auth/core/internal" };
/** Packages their smoke case loads itself (so a runtime that cannot load them fails only their column). */
export const LOADED_BY_CASE = ["testing"];
/** The line a smoke run prints its results on (stdout may carry other output). */
export const RESULT_MARKER = "SMOKE-RESULT ";

/**
 * The source of a runnable smoke file: "esm" (static imports) or "cjs" (require), with the API's
 * URL baked in, printing RESULT_MARKER + JSON. An import failure fails every package, as it should.
 */
export function renderSmoke(kind, apiUrl) {
  const entries = Object.entries({ ...PACKAGE_NAMES, ...EXTRA_MODULES }).filter(([key]) => !LOADED_BY_CASE.includes(key));
  const load =
    kind === "esm"
      ? entries.map(([key, name]) => `import * as ${key} from "${name}";`).join("\n")
      : entries.map(([key, name]) => `const ${key} = require("${name}");`).join("\n");
  const main = `(${smoke.toString()})({ ${entries.map(([key]) => key).join(", ")} }, ${JSON.stringify(apiUrl)}, ${JSON.stringify(Object.keys(PACKAGE_NAMES))})
  .then((results) => console.log(${JSON.stringify(RESULT_MARKER)} + JSON.stringify(results)))
  .catch((error) => { console.error(error); process.exitCode = 1; });`;
  return `// Generated by scripts/matrix/smoke.mjs (${kind}).\n${load}\n\n${main}\n`;
}

/** Reads the results a smoke run printed; undefined when it printed none. */
export function parseSmokeOutput(stdout) {
  const line = stdout.split("\n").find((l) => l.startsWith(RESULT_MARKER));
  return line ? JSON.parse(line.slice(RESULT_MARKER.length)) : undefined;
}
