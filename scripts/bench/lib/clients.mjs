// The four ways of making the same call (UniCourt listAllTokenIds: PUT with a JSON body, small JSON
// reply) that the call-overhead benchmark compares. Each returns the parsed body, so every variant
// does the same work: send the body, read the whole reply, parse it.
import { fromRoot, resolveFrom } from "./paths.mjs";
import { pathToFileURL } from "node:url";

// Obviously fake credentials, with the lengths the spec requires (32 and 64 characters).
export const CLIENT_ID = "test-client-id-".padEnd(32, "0");
export const CLIENT_SECRET = "test-client-secret-".padEnd(64, "0");

const unicourtDir = fromRoot("packages/unicourt");
const distUrl = (file) => pathToFileURL(fromRoot("packages/unicourt/dist", file)).href;

export async function loadClients(baseUrl) {
  const openapiFetch = resolveFrom(unicourtDir, "openapi-fetch");
  const { default: createClient } = await import(openapiFetch.url);
  const { createUniCourtClient } = await import(distUrl("index.js"));
  const { AuthenticationApi, Configuration } = await import(distUrl("sdk.js"));

  const body = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
  const url = `${baseUrl}/listAllTokenIds`;

  // Baseline: what a hand-written call costs.
  const rawFetch = async () => {
    const response = await fetch(url, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  };

  // openapi-fetch with the generated `paths` of packages/unicourt (types only: nothing at run time).
  const bare = createClient({ baseUrl });
  const openapiFetchCall = async () => {
    const { data, error } = await bare.PUT("/listAllTokenIds", { body });
    if (error !== undefined) throw new Error("error response");
    return data;
  };

  // Our helper client, from the built package (dist/), as users get it.
  const helper = createUniCourtClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl });
  const helperCall = () => helper.listAllTokenIds();

  // The generated typescript-fetch SDK (@vendor-auth/unicourt/sdk).
  const sdk = new AuthenticationApi(new Configuration({ basePath: baseUrl }));
  const sdkCall = () => sdk.listAllTokenIds({ accessTokenRequest: body });

  return {
    versions: { "openapi-fetch": openapiFetch.version },
    variants: [
      { id: "raw-fetch", label: "raw `fetch` (baseline)", call: rawFetch },
      { id: "openapi-fetch", label: "bare `openapi-fetch`", call: openapiFetchCall },
      { id: "helper", label: "helper `createUniCourtClient`", call: helperCall },
      { id: "sdk", label: "generated SDK (`/sdk`)", call: sdkCall },
    ],
  };
}
