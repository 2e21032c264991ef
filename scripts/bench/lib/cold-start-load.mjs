// One cold start, in a fresh Node process: import the client's package, create the client, make its
// first call (UniCourt listAllTokenIds against the bench server), then print the milliseconds since
// the process started (performance.now() counts from the time origin) and the part spent in import.
// Usage: node lib/cold-start-load.mjs <server-url> <variant-id>
import { pathToFileURL } from "node:url";
import { fromRoot, resolveFrom } from "./paths.mjs";
import { CLIENT_ID, CLIENT_SECRET } from "./credentials.mjs";

const [baseUrl, id] = process.argv.slice(2);
const body = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
const started = performance.now();

const variants = {
  // The floor: nothing to import.
  "raw-fetch": async () => {
    const imported = performance.now();
    const response = await fetch(`${baseUrl}/listAllTokenIds`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return { imported, data: await response.json() };
  },
  "openapi-fetch": async () => {
    const { default: createClient } = await import(resolveFrom(fromRoot("packages/unicourt"), "openapi-fetch").url);
    const imported = performance.now();
    const { data } = await createClient({ baseUrl }).PUT("/listAllTokenIds", { body });
    return { imported, data };
  },
  helper: async () => {
    const { createUniCourtClient } = await import(pathToFileURL(fromRoot("packages/unicourt/dist/index.js")).href);
    const imported = performance.now();
    return { imported, data: await createUniCourtClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl }).listAllTokenIds() };
  },
};

const { imported, data } = await variants[id]();
const end = performance.now();
if (data?.AccessTokenIdArray?.length !== 1) throw new Error(`${id}: unexpected reply ${JSON.stringify(data)}`);
process.stdout.write(JSON.stringify({ totalMs: end, importMs: imported - started }));
