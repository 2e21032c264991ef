// models.gen.ts: one type per component schema, under the spec's own name (`APIKey`, not a
// re-cased `ApiKey`): the names every entry point, the SDK and the docs share. Each vendor's `.`
// entry re-exports them all (`export * from "./generated/models.gen.js"`).
import { readFile } from "node:fs/promises";
import { parse } from "yaml";

export async function generateModels(specPath, header) {
  const spec = parse(await readFile(specPath, "utf8"));
  const names = Object.keys(spec.components?.schemas ?? {});
  const lines = names.map((name) => {
    const description = spec.components.schemas[name]?.description;
    const doc = description ? `/** ${String(description).replace(/\*\//g, "* /").replace(/\s+/g, " ").trim()} */\n` : "";
    return `${doc}export type ${name} = components["schemas"][${JSON.stringify(name)}];`;
  });
  return `${header}
import type { components } from "./schema.gen.js";

${lines.join("\n")}
`;
}
