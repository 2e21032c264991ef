// The shared fault-injection suite (packages/testing/src/fault-suite.ts) for the BlueJeans client.
import { describeFaultInjection } from "@vendor-auth/testing/suite";
import { createBlueJeansClient, type BlueJeansClient, type BlueJeansSession } from "../src/index.js";
import { APP_TOKEN, CLIENT_ID, CLIENT_SECRET, USER_ID, accessToken, errorBody, grantClient } from "./fixtures.js";

let issued = 0;
const sessions = new WeakMap<BlueJeansClient, BlueJeansSession<"client_credentials">>();
const sessionOf = (c: BlueJeansClient) => {
  if (!sessions.has(c)) sessions.set(c, c.createSession({ grant_type: "client_credentials" }));
  return sessions.get(c)!;
};
const isToken = (r: { method: string; path: string }) => r.method === "POST" && r.path === "/oauth2/token";

describeFaultInjection<BlueJeansClient>({
  vendor: "bluejeans",
  createClient: (baseUrl, transport) => createBlueJeansClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, accessToken: APP_TOKEN, baseUrl, ...transport }),
  // Every token request issues a new token, so a re-authentication is visible.
  background: (request) => (isToken(request) ? { body: grantClient(++issued) } : undefined),
  safe: { match: (r) => r.path === "/oauth2/tokenInfo", ok: { body: { scope: { user: USER_ID } } }, call: (c, o) => c.getTokenInfo(o) },
  unsafe: { match: isToken, ok: { body: grantClient(1) }, call: (c, o) => c.getTokenByClient(undefined, o) },
  noContent: { match: (r) => r.method === "DELETE" && r.path === "/oauth2/token", call: (c) => c.revokeAccessToken(accessToken(9)) },
  reauth: {
    match: (r) => r.path === `/v1/user/${USER_ID}/rooms`,
    ok: { body: { rooms: [] } },
    call: async (c) => {
      const response = await sessionOf(c).authorizedFetch(`/v1/user/${USER_ID}/rooms`);
      return response.ok ? response.json() : response;
    },
    tokensObtained: (requests) => requests.filter(isToken).length,
  },
  passthrough: { fetch: (c) => sessionOf(c).authorizedFetch, path: `/v1/user/${USER_ID}/meetings` },
  tokenFanOut: {
    match: isToken,
    ok: { body: grantClient(3) },
    failure: { reply: { status: 401, body: errorBody("test: invalid client") }, errorName: "AuthenticationError" },
    get: (c) => sessionOf(c).getAccessToken(),
  },
  input: (c, value) => c.regenerateClientApplicationSecret(USER_ID, value),
  secrets: [CLIENT_SECRET, APP_TOKEN, accessToken(1)],
  // Each request's own token is echoed by the suite; accessToken(1) belongs to another client.
  echoSecrets: [CLIENT_SECRET, APP_TOKEN],
});
