// spec.gen.ts: the spec itself as a JS object, for the `./testing` fakes (which validate every
// request against it) without reading files at run time. Not imported by the client entry points.
import { readFile } from "node:fs/promises";
import { parse } from "yaml";

export async function generateSpecModule(specPath, header) {
  const spec = parse(await readFile(specPath, "utf8"));
  return `${header}
/** specs/… as parsed from its YAML; used by the ./testing fakes to validate requests. */
const spec: Record<string, unknown> = ${JSON.stringify(spec, null, 2)};

export default spec;
`;
}
