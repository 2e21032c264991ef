// sdk.gen.ts: the package's `./sdk` entry. It is the typescript-fetch SDK (`./sdk/index.ts`) plus
// two things the generator cannot write:
//   - `createSdkConfiguration(options)`: a Configuration whose requests run through
//     @vendor-auth/core (retries, timeouts, typed errors, redaction), built from the spec's facts;
//   - the vendor's seed operations (`x-seed-operations`) that one spec operation stands for, as
//     methods of the API class with their own response models (BlueJeans' five grants on one
//     `POST /oauth2/token`), so the SDK has the vendor's method names and exact types.
import { readFile } from "node:fs/promises";
import { parse } from "yaml";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
// typescript-fetch's names: PascalCase classes and models, camelCase properties and parameters.
const camel = (name) => name.replace(/[-_ ]+([a-zA-Z0-9])/g, (_, c) => c.toUpperCase()).replace(/^[A-Z]/, (c) => c.toLowerCase());
const pascal = (name) => camel(name).replace(/^[a-z]/, (c) => c.toUpperCase());

export async function generateSdkEntry(specPath, vendor, header) {
  const spec = parse(await readFile(specPath, "utf8"));
  const byClass = new Map();
  let firstClass;
  for (const item of Object.values(spec.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      firstClass ??= `${pascal(op.tags?.[0] ?? "Default")}Api`;
      for (const seed of op["x-seed-operations"] ?? []) {
        if (seed.operationId === op.operationId || !seed.requestSchema) continue;
        const className = `${pascal(op.tags?.[0] ?? "Default")}Api`;
        const request = spec.components?.schemas?.[seed.requestSchema] ?? {};
        // The seed's fixed request fields (its `grant_type`), as the SDK's model names them.
        const fixed = Object.entries(seed).filter(([key, value]) => key in (request.properties ?? {}) && ["string", "number", "boolean"].includes(typeof value));
        const body = spec.paths && resolveBodyParameter(op);
        if (!byClass.has(className)) byClass.set(className, []);
        byClass.get(className).push({ seed, op, fixed, body });
      }
    }
  }
  const lines = [header, `export * from "./sdk/index.js";`];
  lines.push(`import { sdkConfigurationParameters, type SdkConfigurationOptions } from "@vendor-auth/core/internal";`);
  lines.push(`import { Configuration, type ConfigurationParameters${byClass.size ? ", type InitOverrideFunction" : ""} } from "./sdk/runtime.js";`);
  lines.push(`import { defaultEnvironment, environments, type Environment } from "./meta.gen.js";`);
  lines.push(`import { operations } from "./operations.gen.js";`);
  const models = new Set();
  for (const entries of byClass.values()) for (const { seed } of entries) models.add(seed.requestSchema).add(seed.responseSchema);
  const classImports = [...byClass.keys()].map((name) => `${name} as Generated${name}`);
  const modelImports = [...models].filter(Boolean).sort();
  if (classImports.length) {
    lines.push(`import { ${[...classImports, ...[...byClass.values()].flat().map(({ seed }) => `${seed.responseSchema}FromJSON`)].join(", ")} } from "./sdk/index.js";`);
    lines.push(`import type { ${[...modelImports, ...[...byClass.values()].flat().map(({ op }) => `${pascal(op.operationId)}Request`)].filter((v, i, a) => a.indexOf(v) === i).join(", ")} } from "./sdk/index.js";`);
  }
  lines.push(`
/**
 * A Configuration for the SDK's API classes whose requests run through @vendor-auth/core, as the
 * helper client's do: retries of what is safe to repeat, a time limit per attempt, typed errors
 * (\`BadRequestError\`, …) instead of \`ResponseError\`, no redirects followed, body limits, redacted
 * errors. \`new ${firstClass}(createSdkConfiguration({ timeoutMs: 10_000 }))\`. Pass your
 * credentials in \`parameters\` (\`accessToken\`, \`apiKey\`, …) and in \`options.secrets\` to redact them.
 */
export function createSdkConfiguration(options: SdkConfigurationOptions<Environment> = {}, parameters: Omit<ConfigurationParameters, "basePath" | "fetchApi"> = {}): Configuration {
  const transport = sdkConfigurationParameters({ vendor: ${JSON.stringify(vendor)}, operations, environments, defaultEnvironment }, options);
  // Your middleware first; the last one hands core's typed errors on (typescript-fetch would wrap them).
  return new Configuration({ ...parameters, ...transport, middleware: [...(parameters.middleware ?? []), ...transport.middleware] });
}`);
  for (const [className, entries] of byClass) {
    lines.push(`
/** ${className} with the vendor's seed operations, each typed with its own response model. */
export class ${className} extends Generated${className} {`);
    for (const { seed, op, fixed, body } of entries) {
      const fixedFields = fixed.map(([key]) => camel(key));
      const inputType = fixedFields.length ? `Omit<${seed.requestSchema}, ${fixedFields.map((f) => JSON.stringify(f)).join(" | ")}>` : seed.requestSchema;
      const assigned = fixed.map(([key, value]) => `${camel(key)}: ${JSON.stringify(value)}`).join(", ");
      const requestType = `${pascal(op.operationId)}Request`;
      lines.push(`  /** ${seed.summary ?? seed.operationId} (the vendor's \`${seed.seedPath ?? seed.operationId}\`): ${op.operationId} with the ${seed.requestSchema} body, answered with ${seed.responseSchema}. */
  async ${seed.operationId}(${camel(seed.requestSchema)}: ${inputType}, initOverrides?: RequestInit | InitOverrideFunction): Promise<${seed.responseSchema}> {
    const request = { ${body}: { ...${camel(seed.requestSchema)}${assigned ? `, ${assigned}` : ""} } } as unknown as ${requestType};
    const response = await this.${camel(op.operationId)}Raw(request, initOverrides);
    return ${seed.responseSchema}FromJSON(await response.raw.json());
  }`);
    }
    lines.push(`}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The SDK's name of an operation's body parameter: its schema's name, camelCase (`grantRequest`). */
function resolveBodyParameter(op) {
  const ref = op.requestBody?.content?.["application/json"]?.schema?.$ref ?? "";
  const name = ref.split("/").pop() || "body";
  return camel(name);
}
