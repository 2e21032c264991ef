// The loopback server of the call-overhead and token fan-out benchmarks. It runs in its own
// process (started with child_process.fork by lib/server-handle.mjs) so its work never shares an
// event loop, or a JIT, with the client being measured; on a 2-core machine each gets a core.
// node:http with keep-alive (the default, with long timeouts here so no connection is recycled
// mid-run); it reads the whole request body, then answers with a small fixed JSON body, the shape
// UniCourt returns. The parent asks for request counts over IPC ({ type: "count" | "reset" }).
import { createServer } from "node:http";

// Fake values in the shapes of specs/unicourt.yaml (AccessTokenIdListResponse, AccessTokenResponse).
const LIST_BODY = JSON.stringify({
  object: "AccessTokenIdListResponse",
  AccessTokenIdArray: [{ object: "AccessTokenIdResponse", tokenId: "TKIDtestbench00001", issuedDate: "2024-01-01T00:00:00+00:00", issueAddress: "127.0.0.1" }],
});
const TOKEN_BODY = JSON.stringify({ object: "AccessTokenResponse", accessToken: `test-token-${"x".repeat(700)}`, tokenId: "TKIDtestbench00002", tokenType: "Bearer" });
// `/resource`: what `authorizedFetch` and `authMiddleware` reach for the rest of a vendor's API (GET or POST).
const RESOURCE_BODY = JSON.stringify({ object: "Resource", id: "test-resource-1", items: [{ name: "a", value: 1 }, { name: "b", value: 2 }] });
// The JSON operations benched for the other vendors: Agilicus listApiKeys, BlueJeans getTokenInfo
// (fake values in the shapes of specs/agilicus.yaml ListAPIKeysResponse and specs/bluejeans.yaml TokenInfo).
const AGILICUS_KEYS_BODY = JSON.stringify({ api_keys: [{ metadata: { id: "test-key-1" }, spec: { user_id: "test-user-1", org_id: "test-org-1", scopes: [] }, status: { token_id: "test-token-id-1" } }], limit: 500 });
const BLUEJEANS_TOKEN_INFO_BODY = JSON.stringify({ scope: { user: 1234, partitionName: "test" }, expires_in: 3600, isAppToken: false });
const BODIES = { "/listAllTokenIds": LIST_BODY, "/generateNewToken": TOKEN_BODY, "/resource": RESOURCE_BODY, "/v1/api_keys": AGILICUS_KEYS_BODY, "/oauth2/tokenInfo": BLUEJEANS_TOKEN_INFO_BODY };

const counts = {};
const server = createServer({ keepAliveTimeout: 120_000, requestTimeout: 0 }, (req, res) => {
  // Drain the body first, as a real server would before answering.
  req.on("data", () => {});
  req.on("end", () => {
    const path = req.url.split("?")[0];
    counts[path] = (counts[path] ?? 0) + 1;
    const body = BODIES[path];
    if (!body) res.writeHead(404, { "content-type": "application/json" }).end('{"message":"not found"}');
    else res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
  });
});
server.headersTimeout = 0;

server.listen(0, "127.0.0.1", () => process.send({ type: "listening", port: server.address().port }));
process.on("message", (message) => {
  if (message.type === "count") process.send({ type: "count", counts: { ...counts } });
  if (message.type === "reset") {
    for (const key of Object.keys(counts)) delete counts[key];
    process.send({ type: "reset" });
  }
  if (message.type === "close") {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  }
});
// Never outlive the benchmark that started it.
process.on("disconnect", () => process.exit(0));
