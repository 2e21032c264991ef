// The shared fault-injection suite (packages/testing/src/fault-suite.ts) for the Agilicus client.
// Agilicus keeps no token cache (the caller's provider owns the token), so the re-authentication
// scenario uses a provider: after a 401 it is asked once more and the call repeated with its new token.
import { describeFaultInjection } from "@vendor-auth/testing/suite";
import { createAgilicusClient, type AgilicusClient } from "../src/index.js";
import { RAW_TOKEN, createTokenRequest, rawToken, session } from "./fixtures.js";

let provided = 0;

describeFaultInjection<AgilicusClient>({
  vendor: "agilicus",
  createClient: (baseUrl, transport) => createAgilicusClient({ accessToken: () => `test-provider-token-${++provided}`, baseUrl, ...transport }),
  safe: { match: (r) => r.method === "GET" && r.path === "/v1/sessions/test-session-1", ok: { body: session(1) }, call: (c, o) => c.getSession("test-session-1", undefined, o) },
  unsafe: { match: (r) => r.method === "POST" && r.path === "/v1/tokens", ok: { status: 201, body: rawToken }, call: (c, o) => c.createToken(createTokenRequest, o) },
  noContent: { match: (r) => r.method === "DELETE" && r.path === "/v1/sessions/test-session-2", call: (c) => c.deleteSession("test-session-2") },
  reauth: {
    match: (r) => r.method === "GET" && r.path === "/v1/sessions/test-session-3",
    ok: { body: session(3) },
    call: (c) => c.getSession("test-session-3"),
    tokensObtained: (requests) => new Set(requests.filter((r) => r.path === "/v1/sessions/test-session-3").map((r) => r.headers.authorization)).size,
    tokenPerRequest: true,
  },
  input: (c, value) => c.getSession(value),
  // No provider token may appear in an error, whichever request it was made for.
  secrets: ["test-provider-token-", RAW_TOKEN],
  echoSecrets: [],
});
