// meta.gen.ts: the facts of a spec that the hand-written layer needs at run time and that neither
// openapi-typescript (types only) nor typescript-fetch exposes: the servers with their environment
// names (`x-environment`), and per operation its method, path, whether it is safe to retry
// (GET/HEAD/OPTIONS/PUT/DELETE, or a POST marked `x-idempotent: true`), whether it needs auth and
// whether its success responses carry a body.
import { readFile } from "node:fs/promises";
import { parse } from "yaml";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);

const resolve = (spec, node) => {
  let current = node;
  for (let hops = 0; current?.$ref && hops < 20; hops++) {
    current = current.$ref.slice(2).split("/").reduce((at, key) => at?.[key.replaceAll("~1", "/").replaceAll("~0", "~")], spec);
  }
  return current;
};

function successType(spec, success) {
  const types = new Set();
  for (const [, node] of success) {
    const content = resolve(spec, node)?.content;
    if (!content) return null;
    for (const media of Object.values(content)) {
      const schema = resolve(spec, media.schema ?? {});
      if (!schema || schema.nullable) return null;
      // A union whose branches all have one type (BlueJeans' grant responses) has that type.
      const branches = schema.type ? [schema] : (schema.oneOf ?? schema.anyOf ?? []).map((branch) => resolve(spec, branch));
      if (branches.length === 0 || branches.some((branch) => !branch?.type || branch.nullable)) return null;
      for (const branch of branches) types.add(branch.type);
    }
  }
  return types.size === 1 ? [...types][0] : null;
}

export async function generateMeta(specPath, header) {
  const spec = parse(await readFile(specPath, "utf8"));
  const servers = (spec.servers ?? []).map((server) => ({
    url: server.url,
    description: server.description ?? "",
    environment: server["x-environment"] ?? null,
  }));
  const environments = Object.fromEntries(servers.filter((s) => s.environment).map((s) => [s.environment, s.url]));
  const globalSecurity = spec.security ?? [];
  const operations = {};
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const upper = method.toUpperCase();
      const security = op.security ?? globalSecurity;
      const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2/.test(status));
      operations[op.operationId] = {
        method: upper,
        path,
        tag: op.tags?.[0] ?? null,
        idempotent: IDEMPOTENT.has(upper) || op["x-idempotent"] === true,
        authenticated: security.length > 0 && security.some((requirement) => Object.keys(requirement).length > 0),
        // Every documented success response has a body: an empty one is a broken response.
        responseBody: success.length > 0 && success.every(([, response]) => resolve(spec, response)?.content),
        // The JSON type every success body has (null when they differ or the schema does not say).
        responseType: successType(spec, success),
      };
    }
  }
  const json = (value) => JSON.stringify(value, null, 2);
  return `${header}
/** The servers of the spec, in its order; the first is the default. */
export const servers = ${json(servers)} as const;

/** Base URL per named environment (from the servers' \`x-environment\`). */
export const environments = ${json(environments)} as const;

export type Environment = keyof typeof environments;

/** Per operationId: method, path, whether a retry is safe, whether it needs authorization, whether success has a body. */
export const operations = ${json(operations)} as const;

export type OperationId = keyof typeof operations;
`;
}
