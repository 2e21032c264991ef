// meta.gen.ts: the facts of a spec that the hand-written layer needs at run time and that neither
// openapi-typescript (types only) nor typescript-fetch exposes: the servers with their environment
// names (`x-environment`), and per operation its method, path, whether it is safe to retry
// (GET/HEAD/OPTIONS/PUT/DELETE, or a POST marked `x-idempotent: true`) and whether it needs auth.
import { readFile } from "node:fs/promises";
import { parse } from "yaml";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);

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
      operations[op.operationId] = {
        method: upper,
        path,
        tag: op.tags?.[0] ?? null,
        idempotent: IDEMPOTENT.has(upper) || op["x-idempotent"] === true,
        authenticated: security.length > 0 && security.some((requirement) => Object.keys(requirement).length > 0),
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

/** Per operationId: method, path, whether a retry is safe, whether it needs authorization. */
export const operations = ${json(operations)} as const;

export type OperationId = keyof typeof operations;
`;
}
