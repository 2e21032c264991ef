#!/usr/bin/env node
// Proof that the spec drives the clients. In a scratch copy of this tree it edits two specs the way
// a maintainer would, runs `pnpm generate` and `pnpm build` for those packages, and shows against a
// loopback server, without touching a hand-written file, that the helper layer follows:
//
//   UniCourt  AccessTokenRequest.clientId 32 -> 40 characters   the new length is required, the old refused
//             the path of listAllTokenIds -> /v2/listAllTokenIds the request goes to the new path
//   Agilicus  listTokens `limit` maximum 100 -> 20               21 is refused, iterateTokens asks for 20
//             createTokenValidation loses `x-idempotent`          a 503 is no longer retried
//             RawToken gains `session_secret` (x-secret)          the new field is redacted from errors
//
//   pnpm propagation        (run by .ci/run; a few minutes: an install and two packages' generate + build)
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { copyTree } from "../scratch-copy.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const started = performance.now();
const log = (message) => console.log(`propagation [${((performance.now() - started) / 1000).toFixed(0)} s]: ${message}`);

function sh(cmd, args, cwd) {
  const result = spawnSync(cmd, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited with ${result.status}:\n${`${result.stdout}\n${result.stderr}`.trim().split("\n").slice(-30).join("\n")}`);
  return result.stdout;
}

/** Replaces every occurrence of `from` (there must be `times` of them) in a spec of the copy. */
function edit(repo, spec, from, to, times = 1) {
  const file = path.join(repo, "specs", spec);
  const parts = readFileSync(file, "utf8").split(from);
  if (parts.length - 1 !== times) throw new Error(`${spec}: the text to edit occurs ${parts.length - 1} times, not ${times}: ${from}`);
  writeFileSync(file, parts.join(to));
}

/** A loopback server that records requests and answers with `answer(request)`. */
async function startServer(answer) {
  const requests = [];
  const server = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const request = { method: req.method, url: new URL(req.url, "http://x"), body };
    requests.push(request);
    const { status = 200, json } = answer(request);
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(json ?? {}));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, requests, close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))) };
}

const results = [];
async function check(name, fn) {
  try {
    results.push([name, "pass", await fn()]);
  } catch (error) {
    results.push([name, "FAIL", String(error?.message ?? error).split("\n")[0]]);
  }
}
const assert = (condition, message) => {
  if (!condition) throw new Error(message);
};
const rejection = async (promise) => promise.then(() => undefined, (error) => error);

const work = mkdtempSync(path.join(tmpdir(), "vendor-auth-propagation-"));
try {
  const repo = path.join(work, "repo");
  copyTree(repo, "propagation");
  log("copied the tree");
  sh("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"], repo);
  // The generator JAR: downloaded once, shared.
  const jar = path.join(ROOT, "node_modules/.cache/openapi-generator");
  if (existsSync(jar)) {
    mkdirSync(path.join(repo, "node_modules/.cache"), { recursive: true });
    symlinkSync(jar, path.join(repo, "node_modules/.cache/openapi-generator"));
  }

  edit(repo, "unicourt.yaml", "  /listAllTokenIds:\n", "  /v2/listAllTokenIds:\n");
  // Both request models that carry the client id (AccessTokenRequest, InvalidateAccessTokenRequest).
  edit(repo, "unicourt.yaml", "        clientId:\n          type: string\n          minLength: 32\n          maxLength: 32\n", "        clientId:\n          type: string\n          minLength: 40\n          maxLength: 40\n", 2);
  edit(repo, "agilicus.yaml", "          description: limit the number of rows in the response\n          schema:\n            type: integer\n            minimum: 1\n            maximum: 100\n            default: 100\n", "          description: limit the number of rows in the response\n          schema:\n            type: integer\n            minimum: 1\n            maximum: 20\n            default: 20\n");
  const agilicus = readFileSync(path.join(repo, "specs/agilicus.yaml"), "utf8");
  const validation = agilicus.indexOf("operationId: createTokenValidation");
  const flag = agilicus.indexOf("      x-idempotent: true\n", validation);
  writeFileSync(path.join(repo, "specs/agilicus.yaml"), agilicus.slice(0, flag) + agilicus.slice(flag + "      x-idempotent: true\n".length));
  edit(repo, "agilicus.yaml", "    RawToken:\n      type: object\n      description: Raw token\n      required:\n        - token\n      properties:\n", "    RawToken:\n      type: object\n      description: Raw token\n      required:\n        - token\n      properties:\n        session_secret:\n          x-secret: true\n          type: string\n          description: A secret of the session (added by the propagation test).\n");
  log("edited specs/unicourt.yaml and specs/agilicus.yaml");

  sh("pnpm", ["exec", "turbo", "run", "build", "--filter=@vendor-auth/unicourt", "--filter=@vendor-auth/agilicus", "--output-logs=errors-only"], repo);
  log("pnpm generate and pnpm build of both packages done");
  const handWritten = sh("git", ["status", "--porcelain", "--", "packages/*/src", ":(exclude)packages/*/src/generated"], repo).trim();
  await check("no hand-written file changed (only specs and generated code)", async () => {
    assert(handWritten === "", `hand-written files changed:\n${handWritten}`);
    const generated = sh("git", ["status", "--porcelain", "--", "packages/unicourt/src/generated", "packages/agilicus/src/generated"], repo).trim().split("\n").length;
    return `${generated} generated files regenerated`;
  });

  const { createUniCourtClient } = await import(pathToFileURL(path.join(repo, "packages/unicourt/dist/index.js")).href);
  const { createAgilicusClient } = await import(pathToFileURL(path.join(repo, "packages/agilicus/dist/index.js")).href);
  const server = await startServer((request) => {
    if (request.url.pathname === "/v2/listAllTokenIds") return { json: { object: "AccessTokenIdListResponse", AccessTokenIdArray: [] } };
    if (request.url.pathname === "/v1/tokens/validations") return { status: 503, json: { error_message: "test: down" } };
    if (request.url.pathname === "/v1/tokens" && request.method === "POST") return { status: 201, json: { token: "test-raw-token-0001", session_secret: "test-session-secret-0042" } };
    // A complete ListTokensResponse (limit is required: an answer without it is a ResponseParseError).
    if (request.url.pathname === "/v1/tokens") return { json: { tokens: [], limit: Number(request.url.searchParams.get("limit") ?? 100) } };
    return { status: 400, json: { error_message: "echo test-session-secret-0042" } };
  });
  try {
    const clientSecret = "test-client-secret-".padEnd(64, "0");
    await check("UniCourt validates clientId with the new length (40), not the old (32)", async () => {
      const old = (() => {
        try {
          createUniCourtClient({ clientId: "x".repeat(32), clientSecret, baseUrl: server.url });
        } catch (error) {
          return error;
        }
      })();
      assert(old?.name === "ValidationError" && /exactly 40 characters/.test(old.message), `a 32-character clientId: ${old?.message ?? "accepted"}`);
      createUniCourtClient({ clientId: "x".repeat(40), clientSecret, baseUrl: server.url });
      return old.message;
    });
    await check("UniCourt sends listAllTokenIds to the new path", async () => {
      await createUniCourtClient({ clientId: "x".repeat(40), clientSecret, baseUrl: server.url }).listAllTokenIds();
      const request = server.requests.at(-1);
      assert(request.method === "PUT" && request.url.pathname === "/v2/listAllTokenIds", `sent to ${request.method} ${request.url.pathname}`);
      return `${request.method} ${request.url.pathname}`;
    });
    const agilicusClient = createAgilicusClient({ accessToken: "test-agilicus-token-1", baseUrl: server.url, retry: { initialDelayMs: 1, maxDelayMs: 2 } });
    await check("Agilicus refuses a listTokens limit over the new maximum (20); iterateTokens asks for 20", async () => {
      const error = await rejection(agilicusClient.listTokens({ limit: 21 }));
      assert(error?.name === "ValidationError" && /from 1 to 20/.test(error.message), `limit 21: ${error?.message ?? "accepted"}`);
      for await (const _ of agilicusClient.iterateTokens());
      const limit = server.requests.at(-1).url.searchParams.get("limit");
      assert(limit === "20", `iterateTokens sent limit=${limit}`);
      return `${error.message}; iterateTokens: limit=${limit}`;
    });
    await check("Agilicus no longer retries createTokenValidation (x-idempotent removed)", async () => {
      const before = server.requests.length;
      const error = await rejection(agilicusClient.createTokenValidation({ sub: "u", org: "o", audiences: [], time_validity: { duration: 60 } }, { maxRetries: 3 }));
      const sent = server.requests.length - before;
      assert(error?.name === "InternalServerError" && sent === 1, `${error?.name}, ${sent} requests`);
      return `503 -> ${error.name} after ${sent} request`;
    });
    await check("Agilicus redacts the new x-secret response field from later errors", async () => {
      const created = await agilicusClient.createToken({ sub: "u", org: "o", audiences: [], time_validity: { duration: 60 } });
      assert(created.session_secret === "test-session-secret-0042", "the new field is in the result");
      const error = await rejection(agilicusClient.getSession("test-session-1"));
      const forms = [error.message, String(error), JSON.stringify(error)];
      assert(forms.every((form) => !form.includes("test-session-secret-0042")), `leaked: ${error.message}`);
      return error.message;
    });
  } finally {
    await server.close();
  }
} finally {
  if (process.env.PROPAGATION_KEEP !== "1") rmSync(work, { recursive: true, force: true });
}

const width = Math.max(...results.map(([name]) => name.length));
for (const [name, status, detail] of results) console.log(`${status.padEnd(4)}  ${name.padEnd(width)}  ${detail}`);
const failed = results.filter(([, status]) => status !== "pass").length;
log(failed ? `${failed} of ${results.length} checks failed` : `${results.length} checks passed`);
process.exit(failed ? 1 : 0);
