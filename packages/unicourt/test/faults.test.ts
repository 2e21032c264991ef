// The shared fault-injection suite (packages/testing/src/fault-suite.ts) for the UniCourt client.
import { describeFaultInjection } from "@vendor-auth/testing/suite";
import { createUniCourtClient, type UniCourtClient } from "../src/index.js";
import { CLIENT_ID, CLIENT_SECRET, exceptionBody, tokenResponse } from "./fixtures.js";

const list = { object: "AccessTokenIdListResponse", AccessTokenIdArray: [] };
let issued = 0;

describeFaultInjection<UniCourtClient>({
  vendor: "unicourt",
  createClient: (baseUrl, transport) => createUniCourtClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl, ...transport }),
  // Every token request gets a new token, so a re-authentication is visible.
  background: (request) => (request.path === "/generateNewToken" ? { body: tokenResponse(++issued) } : undefined),
  safe: { match: (r) => r.path === "/listAllTokenIds", ok: { body: list }, call: (c, o) => c.listAllTokenIds(o) },
  unsafe: { match: (r) => r.path === "/generateNewToken", ok: { body: tokenResponse(1) }, call: (c, o) => c.generateNewToken(o) },
  reauth: {
    match: (r) => r.path === "/caseSearch",
    ok: { body: { ok: true } },
    call: async (c) => {
      const response = await c.authorizedFetch("/caseSearch?q=test");
      return response.ok ? response.json() : response;
    },
    tokensObtained: (requests) => requests.filter((r) => r.path === "/generateNewToken").length,
  },
  passthrough: { fetch: (c) => c.authorizedFetch, path: "/caseSearch" },
  tokenFanOut: {
    match: (r) => r.path === "/generateNewToken",
    ok: { body: tokenResponse(7) },
    failure: { reply: { status: 400, body: exceptionBody("TOO_MANY_TOKENS", "test: 10 active tokens") }, errorName: "BadRequestError" },
    get: (c) => c.getAccessToken(),
  },
  input: (c, value) => c.invalidateToken(value),
  secrets: [CLIENT_SECRET, tokenResponse(1).accessToken.slice(0, 40)],
  // Each request's own token is echoed by the suite; tokenResponse(1) belongs to another client.
  echoSecrets: [CLIENT_SECRET],
});
