// The ways of making the same calls that the call-overhead benchmark compares, in groups that
// share a baseline. Each variant returns the parsed body, so every variant of a group does the same
// work: send the request (and its body), read the whole reply, parse it.
//
//   operation:   UniCourt listAllTokenIds (PUT with a JSON body, small JSON reply): the floor
//                (node:http with a keep-alive agent, raw fetch), bare openapi-fetch, the generated
//                typescript-fetch SDK, hey-api's fetch client with its SDK generated from the same
//                spec (lib/hey-api.mjs), and our helper method; and a JSON GET of Agilicus
//                (listApiKeys, bearer token) and BlueJeans (getTokenInfo, token in the query), each
//                against raw fetch of the same request, with bare openapi-fetch beside it (and
//                openapi-fetch with a timeout signal: what a helper call, which bounds its wait,
//                is built on).
//                (Laserfiche's operations all create, refresh or end a session token, which the
//                client caches: none is a repeatable call.)
//   passthrough: a request to the rest of the API with the client's token (`/resource`, GET and
//                POST with a JSON body): raw fetch with the header set by hand against
//                `authorizedFetch` (and raw fetch with a timeout signal, the least a call that
//                bounds its wait does), and bare openapi-fetch against the same client with
//                `authMiddleware()` (and bare openapi-fetch with a timeout signal).
import { Agent, request as httpRequest } from "node:http";
import { pathToFileURL } from "node:url";
import { heyApiSdk } from "./hey-api.mjs";
import { fromRoot, resolveFrom } from "./paths.mjs";

import { CLIENT_ID, CLIENT_SECRET } from "./credentials.mjs";

export { CLIENT_ID, CLIENT_SECRET };

const unicourtDir = fromRoot("packages/unicourt");
const distUrl = (file, vendor = "unicourt") => pathToFileURL(fromRoot("packages", vendor, "dist", file)).href;

/** A JSON request over node:http with a keep-alive agent: the floor under fetch. */
function nodeHttpJson(agent, url, method, body) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers = payload === undefined ? {} : { "content-type": "application/json", "content-length": Buffer.byteLength(payload) };
    const req = httpRequest(url, { method, headers, agent }, (res) => {
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode}`));
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
        } catch (error) {
          reject(error);
        }
      });
    });
    req.on("error", reject);
    req.end(payload);
  });
}

export async function loadClients(baseUrl) {
  const openapiFetch = resolveFrom(unicourtDir, "openapi-fetch");
  const { default: createClient } = await import(openapiFetch.url);
  const { createUniCourtClient } = await import(distUrl("index.js"));
  const { AuthenticationApi, Configuration } = await import(distUrl("sdk.js"));
  const { createAgilicusClient } = await import(distUrl("index.js", "agilicus"));
  const { createBlueJeansClient } = await import(distUrl("index.js", "bluejeans"));

  const body = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
  const url = `${baseUrl}/listAllTokenIds`;
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });

  // Baseline: what a hand-written call costs.
  const rawFetch = async () => {
    const response = await fetch(url, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  };

  // openapi-fetch with the generated `paths` of packages/unicourt (types only: nothing at run time).
  const bare = createClient({ baseUrl });
  // (With `signal`: the bound on the wait that every helper call has, timeoutMs, 60 s by default.)
  const openapiFetchCall = async (signal) => {
    const { data, error } = await bare.PUT("/listAllTokenIds", { body, signal });
    if (error !== undefined) throw new Error("error response");
    return data;
  };

  // Our helper client, from the built package (dist/), as users get it.
  const helper = createUniCourtClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl });
  const helperCall = () => helper.listAllTokenIds();

  // The generated typescript-fetch SDK (@vendor-auth/unicourt/sdk).
  const sdk = new AuthenticationApi(new Configuration({ basePath: baseUrl }));
  const sdkCall = () => sdk.listAllTokenIds({ accessTokenRequest: body });

  // hey-api: its fetch client and the SDK it generates from specs/unicourt.yaml.
  const heyApi = await heyApiSdk("unicourt");
  const hey = await import(pathToFileURL(heyApi.bundle).href);
  const heyClient = hey.createClient(hey.createConfig({ baseUrl }));
  const heyApiCall = async () => {
    const { data, error } = await hey.listAllTokenIds({ client: heyClient, body });
    if (error !== undefined) throw new Error("error response");
    return data;
  };

  // The passthrough: the token is obtained once (the cache holds it), then every call carries it.
  const token = await helper.getAccessToken();
  const resource = `${baseUrl}/resource`;
  const payload = { name: "test-item", values: [1, 2, 3] };
  const bearer = { authorization: `Bearer ${token}` };
  const json = async (response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  };
  const rawGet = async () => json(await fetch(resource, { headers: bearer }));
  // authorizedFetch bounds the wait for the headers (60 s by default): this is that guarantee by hand.
  const rawGetWithTimeout = async () => json(await fetch(resource, { headers: bearer, signal: AbortSignal.timeout(60_000) }));
  const rawPost = async () => json(await fetch(resource, { method: "POST", headers: { ...bearer, "content-type": "application/json" }, body: JSON.stringify(payload) }));
  const rawPostWithTimeout = async () => json(await fetch(resource, { method: "POST", headers: { ...bearer, "content-type": "application/json" }, body: JSON.stringify(payload), signal: AbortSignal.timeout(60_000) }));
  const authorizedGet = async () => json(await helper.authorizedFetch("resource"));
  const authorizedPost = async () => json(await helper.authorizedFetch("resource", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(payload) }));
  const bareWithHeader = createClient({ baseUrl, headers: bearer });
  const withMiddleware = createClient({ baseUrl });
  withMiddleware.use(helper.authMiddleware());
  const dataOf = ({ data, error }) => {
    if (error !== undefined) throw new Error("error response");
    return data;
  };

  // A JSON operation of two more vendors, each against raw fetch of the same request.
  const vendorToken = "test-vendor-token-".padEnd(48, "0");
  const agilicus = createAgilicusClient({ accessToken: vendorToken, baseUrl });
  const bluejeans = createBlueJeansClient({ accessToken: vendorToken, baseUrl });
  const rawAgilicus = async () => json(await fetch(`${baseUrl}/v1/api_keys`, { headers: { authorization: `Bearer ${vendorToken}` } }));
  const rawBlueJeans = async () => json(await fetch(`${baseUrl}/oauth2/tokenInfo?access_token=${vendorToken}`));
  // What the helpers are built on, alone: openapi-fetch with the token set by hand.
  const bareAgilicus = createClient({ baseUrl, headers: { authorization: `Bearer ${vendorToken}` } });
  const bareBlueJeans = createClient({ baseUrl });
  const keysOk = (b) => b?.api_keys?.[0]?.spec?.org_id === "test-org-1";
  const tokenInfoOk = (b) => b?.scope?.user === 1234;

  return {
    versions: { "openapi-fetch": openapiFetch.version, "@hey-api/openapi-ts": heyApi.version },
    close: () => agent.destroy(),
    groups: [
      {
        id: "operation",
        baseline: "raw-fetch",
        variants: [
          { id: "raw-fetch", label: "raw `fetch` (baseline)", call: rawFetch, check: (b) => b?.AccessTokenIdArray?.length === 1 },
          { id: "node-http", label: "`node:http`, keep-alive agent (floor)", call: () => nodeHttpJson(agent, url, "PUT", body), check: (b) => b?.AccessTokenIdArray?.length === 1 },
          { id: "openapi-fetch", label: "bare `openapi-fetch`", call: () => openapiFetchCall(), check: (b) => b?.AccessTokenIdArray?.length === 1 },
          { id: "openapi-fetch-timeout", label: "bare `openapi-fetch` with a 60 s `AbortSignal.timeout`", call: () => openapiFetchCall(AbortSignal.timeout(60_000)), check: (b) => b?.AccessTokenIdArray?.length === 1 },
          { id: "helper", label: "helper `createUniCourtClient`", call: helperCall, check: (b) => b?.AccessTokenIdArray?.length === 1 },
          // (The SDK maps the wire name AccessTokenIdArray to accessTokenIdArray.)
          { id: "sdk", label: "generated SDK (`/sdk`)", call: sdkCall, check: (b) => b?.accessTokenIdArray?.length === 1 },
          { id: "hey-api", label: "hey-api fetch client + its generated SDK", call: heyApiCall, check: (b) => b?.AccessTokenIdArray?.length === 1 },
          { id: "raw-agilicus", label: "raw `fetch` GET /v1/api_keys (Agilicus), bearer by hand", call: rawAgilicus, check: keysOk },
          { id: "openapi-fetch-agilicus", label: "bare `openapi-fetch` GET /v1/api_keys (Agilicus), bearer in the client", call: async () => dataOf(await bareAgilicus.GET("/v1/api_keys")), baseline: "raw-agilicus", check: keysOk },
          { id: "openapi-fetch-agilicus-timeout", label: "bare `openapi-fetch` GET /v1/api_keys (Agilicus) with a 60 s `AbortSignal.timeout`", call: async () => dataOf(await bareAgilicus.GET("/v1/api_keys", { signal: AbortSignal.timeout(60_000) })), baseline: "raw-agilicus", check: keysOk },
          { id: "helper-agilicus", label: "helper `createAgilicusClient().listApiKeys()`", call: () => agilicus.listApiKeys(), baseline: "raw-agilicus", check: keysOk },
          { id: "raw-bluejeans", label: "raw `fetch` GET /oauth2/tokenInfo (BlueJeans), token in the query", call: rawBlueJeans, check: tokenInfoOk },
          { id: "openapi-fetch-bluejeans", label: "bare `openapi-fetch` GET /oauth2/tokenInfo (BlueJeans), token in the query", call: async () => dataOf(await bareBlueJeans.GET("/oauth2/tokenInfo", { params: { query: { access_token: vendorToken } } })), baseline: "raw-bluejeans", check: tokenInfoOk },
          { id: "openapi-fetch-bluejeans-timeout", label: "bare `openapi-fetch` GET /oauth2/tokenInfo (BlueJeans) with a 60 s `AbortSignal.timeout`", call: async () => dataOf(await bareBlueJeans.GET("/oauth2/tokenInfo", { params: { query: { access_token: vendorToken } }, signal: AbortSignal.timeout(60_000) })), baseline: "raw-bluejeans", check: tokenInfoOk },
          { id: "helper-bluejeans", label: "helper `createBlueJeansClient().getTokenInfo()`", call: () => bluejeans.getTokenInfo(), baseline: "raw-bluejeans", check: tokenInfoOk },
        ],
      },
      {
        id: "passthrough",
        baseline: "raw-get",
        variants: [
          { id: "raw-get", label: "raw `fetch` GET, header by hand (baseline)", call: rawGet, check: (b) => b?.id === "test-resource-1" },
          { id: "raw-get-timeout", label: "raw `fetch` GET with a 60 s `AbortSignal.timeout`, header by hand", call: rawGetWithTimeout, baseline: "raw-get", check: (b) => b?.id === "test-resource-1" },
          { id: "authorized-get", label: "`authorizedFetch` GET", call: authorizedGet, baseline: "raw-get", check: (b) => b?.id === "test-resource-1" },
          { id: "raw-post", label: "raw `fetch` POST with a JSON body", call: rawPost, check: (b) => b?.id === "test-resource-1" },
          { id: "raw-post-timeout", label: "raw `fetch` POST with a JSON body and a 60 s `AbortSignal.timeout`", call: rawPostWithTimeout, baseline: "raw-post", check: (b) => b?.id === "test-resource-1" },
          { id: "authorized-post", label: "`authorizedFetch` POST with a JSON body", call: authorizedPost, baseline: "raw-post", check: (b) => b?.id === "test-resource-1" },
          { id: "openapi-fetch-get", label: "bare `openapi-fetch` GET, header in the client", call: async () => dataOf(await bareWithHeader.GET("/resource")), check: (b) => b?.id === "test-resource-1" },
          { id: "openapi-fetch-get-timeout", label: "bare `openapi-fetch` GET with a 60 s `AbortSignal.timeout`, header in the client", call: async () => dataOf(await bareWithHeader.GET("/resource", { signal: AbortSignal.timeout(60_000) })), baseline: "openapi-fetch-get", check: (b) => b?.id === "test-resource-1" },
          { id: "middleware-get", label: "`openapi-fetch` GET with `authMiddleware()`", call: async () => dataOf(await withMiddleware.GET("/resource")), baseline: "openapi-fetch-get", check: (b) => b?.id === "test-resource-1" },
          { id: "openapi-fetch-post", label: "bare `openapi-fetch` POST, header in the client", call: async () => dataOf(await bareWithHeader.POST("/resource", { body: payload })), check: (b) => b?.id === "test-resource-1" },
          { id: "openapi-fetch-post-timeout", label: "bare `openapi-fetch` POST with a 60 s `AbortSignal.timeout`, header in the client", call: async () => dataOf(await bareWithHeader.POST("/resource", { body: payload, signal: AbortSignal.timeout(60_000) })), baseline: "openapi-fetch-post", check: (b) => b?.id === "test-resource-1" },
          { id: "middleware-post", label: "`openapi-fetch` POST with `authMiddleware()`", call: async () => dataOf(await withMiddleware.POST("/resource", { body: payload })), baseline: "openapi-fetch-post", check: (b) => b?.id === "test-resource-1" },
        ],
      },
    ],
  };
}
