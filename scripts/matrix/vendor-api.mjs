// A loopback server that plays the one operation per vendor the smoke test calls (and the 400 it
// provokes), for every runtime of the matrix and for the browser. CORS is answered as a real API
// that allows browser calls would (preflight included), and preflights are counted so the browser
// run can show it went through them. Under /<vendor>/...:
//
//   core        GET  /core/ping                                  {pong:true}; ?fail=400 -> 400
//   unicourt    POST /unicourt/generateNewToken                  clientId "test-bad…" -> 400
//   laserfiche  POST /laserfiche/v1-alpha/Repositories/{repoId}/AccessTokens/Create   repoId "r-bad" -> 400
//   agilicus    GET  /agilicus/v1/tokens                         Bearer "test-bad-token" -> 400, none -> 401
//   bluejeans   POST /bluejeans/oauth2/token                     client_id "test-bad-client" -> 400
//
// All credentials are fake ("test-…"). Anything else is a 404.
import { createServer } from "node:http";

const json = (status, body) => ({ status, body });

/** Route table: [method, path pattern, handler({ url, body, headers, match }) -> {status, body}]. */
const ROUTES = [
  ["GET", /^\/core\/ping$/, ({ url }) => (url.searchParams.get("fail") === "400" ? json(400, { message: "test bad request" }) : json(200, { pong: true }))],
  [
    "POST",
    /^\/unicourt\/generateNewToken$/,
    ({ body }) =>
      String(body?.clientId).startsWith("test-bad")
        ? json(400, { object: "Exception", code: "InvalidRequest", message: "Invalid clientId", details: "test bad request" })
        : json(200, { object: "AccessTokenResponse", accessToken: "test-unicourt-token", tokenId: "TKIDtest0000000001", tokenType: "Bearer" }),
  ],
  [
    "POST",
    /^\/laserfiche\/v1-alpha\/Repositories\/([^/]+)\/AccessTokens\/Create$/,
    ({ match }) =>
      match[1] === "r-bad"
        ? json(400, { type: "test", title: "Bad request", status: 400, detail: "test bad request", operationId: "test-op", errorCode: 0, errorSource: "test", traceId: "test-trace" })
        : json(200, { authToken: "test-laserfiche-token", expireTime: new Date(Date.now() + 15 * 60_000).toISOString() }),
  ],
  [
    "GET",
    /^\/agilicus\/v1\/tokens$/,
    ({ url, headers }) => {
      const auth = headers.authorization ?? "";
      if (auth === "Bearer test-bad-token") return json(400, { error: "test bad request" });
      if (auth !== "Bearer test-agilicus-token") return json(401, { error: "test unauthorized" });
      return json(200, { tokens: [], limit: Number(url.searchParams.get("limit") ?? 100) });
    },
  ],
  [
    "POST",
    /^\/bluejeans\/oauth2\/token$/,
    ({ body }) =>
      body?.client_id === "test-bad-client"
        ? json(400, { message: "test bad request" })
        : json(200, { access_token: "test-bluejeans-token", expires_in: 3600, scope: { enterprise: 1, partitionName: "test" } }),
  ],
];

/** Headers that let any page call the API (no cookies are used, so "*" is enough for the origin). */
function corsHeaders(request) {
  return {
    "access-control-allow-origin": "*",
    "access-control-allow-methods": "GET, POST, PUT, DELETE, PATCH, OPTIONS",
    // "*" does not cover Authorization, so echo what the browser asks for.
    "access-control-allow-headers": request.headers["access-control-request-headers"] ?? "authorization, content-type",
    "access-control-expose-headers": "x-request-id, retry-after",
  };
}

/**
 * Starts the server on 127.0.0.1 (a free port). Resolves with `{ url, stats, close }`;
 * `stats` counts requests and preflights per vendor.
 */
export async function startVendorApi() {
  const stats = { requests: {}, preflights: {} };
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, "http://127.0.0.1");
    const vendor = url.pathname.split("/")[1] ?? "";
    const cors = corsHeaders(request);
    if (request.method === "OPTIONS") {
      stats.preflights[vendor] = (stats.preflights[vendor] ?? 0) + 1;
      response.writeHead(204, { ...cors, "access-control-max-age": "0" }).end();
      return;
    }
    stats.requests[vendor] = (stats.requests[vendor] ?? 0) + 1;
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString("utf8");
    let body;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    let result = json(404, { message: `no route ${request.method} ${url.pathname}` });
    for (const [method, pattern, handler] of ROUTES) {
      const match = url.pathname.match(pattern);
      if (match && method === request.method) {
        result = handler({ url, body, headers: request.headers, match });
        break;
      }
    }
    response.writeHead(result.status, { ...cors, "content-type": "application/json", "x-request-id": `test-req-${vendor}` });
    response.end(JSON.stringify(result.body));
  });
  await new Promise((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
