// The shared fault-injection suite (packages/testing/src/fault-suite.ts) for the Laserfiche client.
import { describeFaultInjection } from "@vendor-auth/testing/suite";
import { createLaserficheClient, type LaserficheClient } from "../src/index.js";
import { PASSWORD, REPO_ID, USERNAME, apiServerException, authToken, expireTime, path, sessionKeyInfo } from "./fixtures.js";

let issued = 0;
const credentials = { repoId: REPO_ID, username: USERNAME, password: PASSWORD };

describeFaultInjection<LaserficheClient>({
  vendor: "laserfiche",
  createClient: (baseUrl, transport) => createLaserficheClient({ ...credentials, baseUrl, ...transport }),
  // Every Create issues a new token, so a re-authentication is visible.
  background: (request) => (request.path === path("Create") ? { body: sessionKeyInfo(++issued) } : undefined),
  // Refresh only resets a timer: the spec marks it x-idempotent, so it is retried.
  safe: { match: (r) => r.path === path("Refresh"), ok: { body: { value: expireTime(2) } }, call: (c, o) => c.refreshAccessToken(undefined, o) },
  unsafe: { match: (r) => r.path === path("Create"), ok: { body: sessionKeyInfo(1) }, call: (c, o) => c.createAccessToken(o) },
  reauth: {
    match: (r) => r.path === `/v1-alpha/Repositories/${REPO_ID}/Entries/1`,
    ok: { body: { id: 1 } },
    call: async (c) => {
      const response = await c.authorizedFetch(`/v1-alpha/Repositories/${REPO_ID}/Entries/1`);
      return response.ok ? response.json() : response;
    },
    tokensObtained: (requests) => requests.filter((r) => r.path === path("Create")).length,
  },
  passthrough: { fetch: (c) => c.authorizedFetch, path: `/v1-alpha/Repositories/${REPO_ID}/Entries/2` },
  tokenFanOut: {
    match: (r) => r.path === path("Create"),
    ok: { body: sessionKeyInfo(5) },
    failure: { reply: { status: 401, body: apiServerException(401, "test: invalid credentials") }, errorName: "AuthenticationError" },
    get: (c) => c.getAccessToken(),
  },
  input: async (_client, value, baseUrl) => createLaserficheClient({ ...credentials, repoId: value, baseUrl, maxRetries: 0 }).createAccessToken(),
  secrets: [PASSWORD, authToken(1)],
  // The token of each request is echoed by the suite itself; authToken(1) belongs to another client.
  echoSecrets: [PASSWORD],
});
