// One openapi-typescript run for the scaling benchmark, with the project's own options
// (scripts/generate/schema-types.mjs). Prints the time of the generation call itself, in ms; the
// parent also times the whole process (module loading included).
// Usage: node lib/scaling-ots.mjs <spec> <out.ts>
import { writeFile } from "node:fs/promises";
import { generateSchemaTypes } from "../../generate/schema-types.mjs";

const [spec, out] = process.argv.slice(2);
const start = performance.now();
const text = await generateSchemaTypes(spec);
const callMs = performance.now() - start;
await writeFile(out, text);
process.stdout.write(JSON.stringify({ callMs, bytes: text.length }));
