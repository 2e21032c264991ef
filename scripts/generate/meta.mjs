// meta.gen.ts: the servers of a spec with their environment names (`x-environment`) and the
// default environment (the first server's). Per-operation facts are in operations.gen.ts
// (operations.mjs).
import { readFile } from "node:fs/promises";
import { parse } from "yaml";

export async function generateMeta(specPath, header) {
  const spec = parse(await readFile(specPath, "utf8"));
  const servers = (spec.servers ?? []).map((server) => ({
    url: server.url,
    description: server.description ?? "",
    environment: server["x-environment"] ?? null,
  }));
  const environments = Object.fromEntries(servers.filter((s) => s.environment).map((s) => [s.environment, s.url]));
  const defaultEnvironment = servers.find((s) => s.environment)?.environment ?? null;
  const json = (value) => JSON.stringify(value, null, 2);
  return `${header}
/** The servers of the spec, in its order; the first is the default. */
export const servers = ${json(servers)} as const;

/** Base URL per named environment (from the servers' \`x-environment\`). */
export const environments = ${json(environments)} as const;

export type Environment = keyof typeof environments;

/** The environment of the spec's first server: the one a client uses unless told otherwise. */
export const defaultEnvironment = ${json(defaultEnvironment)} as const;
`;
}
