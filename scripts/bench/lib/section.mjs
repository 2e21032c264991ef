// Runs one section in a fresh Node process (so no section's JIT state or heap affects another's)
// and writes its JSON result: node lib/section.mjs <section> <out.json> [<options-json>].
import { writeFile } from "node:fs/promises";

const [section, out, options = "{}"] = process.argv.slice(2);
const { main } = await import(new URL(`../${section}.mjs`, import.meta.url).href);
const result = await main(JSON.parse(options));
await writeFile(out, JSON.stringify(result, null, 2));
