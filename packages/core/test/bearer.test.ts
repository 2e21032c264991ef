// authorizedFetch and authMiddleware on their own, against real loopback servers: where the token
// may go, redirects, typed failures, bounded re-authentication and opt-in retries.
import { getEventListeners } from "node:events";
import createClient from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { startLoopbackServer, type RecordedRequest } from "@vendor-auth/testing";
import { useLoopbackServer, serialisedForms } from "@vendor-auth/testing/suite";
import {
  AbortError,
  ConnectionError,
  Redactor,
  TimeoutError,
  TokenCache,
  ValidationError,
  createAuthMiddleware,
  createAuthorizedFetch,
  createTargetPolicy,
  type AuthorizedFetchConfig,
} from "../src/internal.js";

const server = useLoopbackServer();
const credential = (r: RecordedRequest) => String(r.headers.authorization ?? "").replace(/^Bearer /, "") || r.query.get("access_token") || "";

function setup(extra: Partial<AuthorizedFetchConfig> = {}) {
  let minted = 0;
  const tokens = new TokenCache(async () => ({ value: `test-token-${++minted}` }));
  const redactor = new Redactor();
  const authorizedFetch = createAuthorizedFetch({ vendor: "test", baseUrl: server.url, tokens, redactor, ...extra });
  return { authorizedFetch, tokens, minted: () => minted };
}
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error as Error & { field?: string },
  );

describe("createTargetPolicy", () => {
  const policy = createTargetPolicy("https://api.example.com/repository", { allowedOrigins: ["https://files.example.com", "http://127.0.0.1:8080"] });
  const ok = (url: string) => policy.check(policy.resolve(url));

  it("relative paths resolve under the base path; the base origin and listed origins pass", () => {
    expect(policy.resolve("/v1/x?q=1").href).toBe("https://api.example.com/repository/v1/x?q=1");
    expect(() => ok("v1/x")).not.toThrow();
    expect(() => ok("https://api.example.com/repository/v2")).not.toThrow();
    expect(() => ok("https://files.example.com/anything")).not.toThrow();
    expect(() => ok("http://127.0.0.1:8080/x")).not.toThrow();
  });

  it.each([
    ["another origin", "https://evil.example.com/repository/v1"],
    ["another port", "https://api.example.com:8443/repository/v1"],
    ["another scheme", "http://api.example.com/repository/v1"],
    ["escaping the base path", "../admin"],
    ["escaping with %2e%2e", "%2e%2e/admin"],
    ["escaping with an encoded slash", "x/..%2F..%2Fadmin"],
    ["a sibling of the base path", "https://api.example.com/repository-other/x"],
    ["credentials in the URL", "https://user:pw@api.example.com/repository/x"],
    ["a protocol-relative URL", "//evil.example.com/x"],
  ])("refuses %s", (_label, url) => {
    expect(() => ok(url)).toThrow(ValidationError);
  });

  it("refuses plain http to a non-loopback origin, in the list too, unless allowInsecureHttp", () => {
    expect(() => createTargetPolicy("https://api.example.com", { allowedOrigins: ["http://files.example.com"] })).toThrow(/plain http/);
    expect(() => createTargetPolicy("https://api.example.com", { allowedOrigins: ["http://files.example.com"], allowInsecureHttp: true })).not.toThrow();
    expect(() => createTargetPolicy("https://api.example.com", { allowedOrigins: ["https://files.example.com/path"] })).toThrow(/origin only/);
  });
});

describe("createAuthorizedFetch", () => {
  it("puts the token on requests to the client's origin, relative or absolute, string, URL or Request", async () => {
    server.setHandler(() => ({ body: { ok: true } }));
    const { authorizedFetch } = setup();
    await authorizedFetch("/a");
    await authorizedFetch(new URL(`${server.url}/b`));
    await authorizedFetch(new Request(`${server.url}/c`, { method: "PUT", body: "x" }));
    expect(server.requests.map((r) => [r.method, r.path, credential(r), r.rawBody])).toEqual([
      ["GET", "/a", "test-token-1", ""],
      ["GET", "/b", "test-token-1", ""],
      ["PUT", "/c", "test-token-1", "x"],
    ]);
  });

  it("the caller's headers reach the server as new Headers() would send them, in every form; the token replaces their Authorization", async () => {
    server.setHandler(() => ({ body: { ok: true } }));
    const { authorizedFetch } = setup();
    const sent = async (headers: HeadersInit) => {
      server.requests.length = 0;
      await authorizedFetch("/h", { headers });
      const { headers: got } = server.requests[0]!;
      return { authorization: got.authorization, x: got["x-a"], constructor: got["constructor"] };
    };
    // (Node's server cannot record a header named __proto__: it is sent, and nothing breaks.)
    const expected = { authorization: "Bearer test-token-1", x: "one, two", constructor: "c" };
    // A plain object: names in any case (the same name twice is one header), odd names that are only keys.
    expect(await sent({ "X-A": "one", "x-a": "two", Authorization: "Bearer caller-own", constructor: "c", ["__proto__"]: "p" } as Record<string, string>)).toEqual(expected);
    expect(await sent(new Headers([["x-a", "one"], ["X-A", "two"], ["authorization", "Basic x"], ["constructor", "c"], ["__proto__", "p"]]))).toEqual(expected);
    expect(await sent([["x-a", "one"], ["x-a", "two"], ["constructor", "c"], ["__proto__", "p"]])).toEqual(expected);
    // Values fetch normalises (surrounding whitespace) are normalised; Latin-1 passes as it is.
    expect((await sent({ "x-a": "  one, two\t", constructor: "c", ["__proto__"]: "p" } as Record<string, string>)).x).toBe("one, two");
    expect(server.requests[0]!.headers["x-a"]).toBe("one, two");
    // What fetch would refuse is a ValidationError naming init.headers, and nothing is sent.
    server.requests.length = 0;
    for (const headers of [{ "x-a": "one\r\nx-injected: yes" }, { "bad name": "x" }, { "x-a": "\u20ac" }, [["x-a"]]]) {
      const error = await failure(authorizedFetch("/h", { headers: headers as HeadersInit }));
      expect([error.constructor, error.field]).toEqual([ValidationError, "init.headers"]);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("a query placement sets the parameter and drops one a redirect's Location tries to carry", async () => {
    server.setHandler((r) => (r.path === "/a" ? { status: 302, headers: { location: "/b?access_token=server-chosen&x=1" } } : { body: { ok: true } }));
    const { authorizedFetch } = setup({ placement: { in: "query", name: "access_token" } });
    await authorizedFetch("/a");
    expect(server.requests.map((r) => [r.path, r.query.getAll("access_token"), r.query.get("x")])).toEqual([
      ["/a", ["test-token-1"], null],
      ["/b", ["test-token-1"], "1"],
    ]);
  });

  it("303 (and 302 after a POST) becomes a GET without the body; the token is placed on every hop", async () => {
    server.setHandler((r) => (r.path === "/a" ? { status: 303, headers: { location: "/b" } } : { body: { ok: true } }));
    const { authorizedFetch } = setup();
    await authorizedFetch("/a", { method: "POST", body: "payload", headers: { "content-type": "text/plain" } });
    const [, second] = server.requests;
    expect([second!.method, second!.rawBody, second!.headers["content-type"], credential(second!)]).toEqual(["GET", "", undefined, "test-token-1"]);
  });

  it("a redirect to another origin or out of the base path is returned, not followed", async () => {
    const elsewhere = await startLoopbackServer(() => ({ body: { stolen: true } }));
    try {
      server.setHandler(() => ({ status: 307, headers: { location: `${elsewhere.url}/steal` } }));
      const { authorizedFetch } = setup({ baseUrl: `${server.url}/api` });
      expect((await authorizedFetch("x")).status).toBe(307);
      server.setHandler(() => ({ status: 307, headers: { location: "/outside" } }));
      expect((await authorizedFetch("x")).status).toBe(307);
      expect(elsewhere.requests).toHaveLength(0);
      expect(server.requests.map((r) => r.path)).toEqual(["/api/x", "/api/x"]);
    } finally {
      await elsewhere.close();
    }
  });

  it("the caller's own redirect: 'manual' is respected (3xx returned)", async () => {
    server.setHandler((r) => (r.path === "/a" ? { status: 302, headers: { location: "/b" } } : { body: {} }));
    const { authorizedFetch } = setup();
    expect((await authorizedFetch("/a", { redirect: "manual" })).status).toBe(302);
    expect(server.requests).toHaveLength(1);
  });

  it("a token that cannot be a header value is a ValidationError with no trace of it", async () => {
    const bad = "test-token\r\nX-Injected: yes";
    const tokens = new TokenCache(async () => ({ value: bad }));
    const redactor = new Redactor().add(bad);
    const error = await failure(createAuthorizedFetch({ vendor: "test", baseUrl: server.url, tokens, redactor })("/a"));
    expect(error).toBeInstanceOf(ValidationError);
    for (const form of serialisedForms(error)) expect(form).not.toContain("X-Injected");
    expect(server.requests).toHaveLength(0);
  });

  it("typed failures: TimeoutError (client or call timeoutMs), AbortError (init.signal or options.signal), ConnectionError", async () => {
    server.setHandler(
      (_r, raw) =>
        new Promise((resolve) => {
          const timer = setTimeout(() => resolve({ body: {} }), 10_000);
          raw.res.once("close", () => {
            clearTimeout(timer);
            resolve(undefined);
          });
        }),
    );
    expect(await failure(setup({ timeoutMs: 200 }).authorizedFetch("/slow"))).toBeInstanceOf(TimeoutError);
    expect(await failure(setup().authorizedFetch("/slow", {}, { timeoutMs: 200 }))).toBeInstanceOf(TimeoutError);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    expect(await failure(setup().authorizedFetch("/slow", { signal: controller.signal }))).toBeInstanceOf(AbortError);
    expect(await failure(setup().authorizedFetch("/slow", {}, { signal: AbortSignal.abort() }))).toBeInstanceOf(AbortError);
    const closed = await startLoopbackServer();
    const url = closed.url;
    await closed.close();
    expect(await failure(setup({ baseUrl: url }).authorizedFetch("/x"))).toBeInstanceOf(ConnectionError);
  });

  it("the timeout covers the headers only: a body read after it has elapsed is the caller's", async () => {
    server.setHandler((_r, raw) => {
      raw.res.writeHead(200, { "content-type": "text/plain" });
      raw.res.write("first ");
      setTimeout(() => raw.res.end("second"), 400);
    });
    const response = await setup({ timeoutMs: 150 }).authorizedFetch("/stream");
    expect(await response.text()).toBe("first second");
  });

  it("invalid caller headers are a ValidationError that names the header and never quotes its value", async () => {
    const { authorizedFetch } = setup();
    const secret = "test-caller-credential-5b1e";
    for (const headers of [{ "X-Api-Key": `${secret}\r\nX-Injected: 1` }, [["x-api-key", `${secret}\u0000`]], { "x-api-key": `${secret}\u20ac` }]) {
      const error = await failure(authorizedFetch("/h", { headers: headers as HeadersInit }));
      expect([error.constructor, error.field]).toEqual([ValidationError, "init.headers"]);
      expect(error.message).toMatch(/x-api-key/i);
      for (const form of serialisedForms(error)) expect(form).not.toContain(secret);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("a Request of the caller's sent many times leaves no listener behind on its signal", async () => {
    server.setHandler(() => ({ body: { ok: true } }));
    const { authorizedFetch } = setup();
    const request = new Request(`${server.url}/again`);
    const listeners = () => getEventListeners(request.signal, "abort").length;
    await (await authorizedFetch(request)).text();
    const afterOne = listeners();
    for (let i = 0; i < 20; i++) await (await authorizedFetch(request)).text();
    expect(listeners()).toBe(afterOne);
  });

  it("authMiddleware: the call's signal aborts the wait for the headers", async () => {
    server.setHandler((_r, raw) => new Promise((resolve) => raw.res.once("close", () => resolve(undefined))));
    const { authorizedFetch } = setup();
    const api = createClient<Record<string, never>>({ baseUrl: server.url });
    api.use(createAuthMiddleware(authorizedFetch));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("test: stop waiting")), 50);
    const error = await failure((api as unknown as { GET(path: string, init: object): Promise<unknown> }).GET("/silent", { signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
  });

  it("the signal of a Request given as input aborts the wait for the headers, and the body after them", async () => {
    server.setHandler((r, raw) => {
      if (r.path === "/silent") return new Promise((resolve) => raw.res.once("close", () => resolve(undefined)));
      raw.res.writeHead(200, { "content-type": "text/plain" });
      raw.res.write("first ");
    });
    const { authorizedFetch } = setup();
    const waiting = new AbortController();
    const pending = failure(authorizedFetch(new Request(`${server.url}/silent`, { signal: waiting.signal })));
    setTimeout(() => waiting.abort(new Error("test: stop waiting")), 50);
    expect(await pending).toBeInstanceOf(AbortError);
    const reading = new AbortController();
    const response = await authorizedFetch(new Request(`${server.url}/stalled-body`, { signal: reading.signal }));
    expect(response.status).toBe(200);
    const text = response.text();
    reading.abort(new Error("test: stop reading"));
    await expect(text).rejects.toThrow();
  });

  it("a 401 with a token held for a while: replaced once, the request (body included) repeated once", async () => {
    let n = 0;
    server.setHandler(() => (++n === 2 ? { status: 401 } : { body: { ok: true } }));
    const { authorizedFetch, minted } = setup();
    await authorizedFetch("/warm");
    const response = await authorizedFetch("/x", { method: "POST", body: "again" });
    expect(response.status).toBe(200);
    expect(server.requests.slice(1).map((r) => [credential(r), r.rawBody])).toEqual([
      ["test-token-1", "again"],
      ["test-token-2", "again"],
    ]);
    expect(minted()).toBe(2);
  });

  it("a 401 with a streamed body is returned as it is (the body cannot be sent again)", async () => {
    server.setHandler((r) => (r.path === "/x" ? { status: 401 } : { body: {} }));
    const { authorizedFetch, minted } = setup();
    await authorizedFetch("/warm");
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("streamed"));
        controller.close();
      },
    });
    const response = await authorizedFetch("/x", { method: "POST", body, duplex: "half" } as RequestInit);
    expect(response.status).toBe(401);
    expect(minted()).toBe(1);
  });

  it("retries only when asked, and only methods safe to repeat", async () => {
    server.setHandler(() => ({ status: 503 }));
    const { authorizedFetch } = setup({ retry: { initialDelayMs: 1, maxDelayMs: 2 } });
    expect((await authorizedFetch("/x")).status).toBe(503);
    expect((await authorizedFetch("/x", { method: "POST", body: "b" }, { maxRetries: 2 })).status).toBe(503);
    expect(server.requests).toHaveLength(2);
    expect((await authorizedFetch("/x", {}, { maxRetries: 2 })).status).toBe(503);
    expect(server.requests).toHaveLength(5);
  });

  it("authMiddleware: an openapi-fetch client's requests, with the same rules", async () => {
    server.setHandler(() => ({ body: { ok: true } }));
    const { authorizedFetch } = setup();
    const api = createClient<{ "/v1/x": { get: { responses: { 200: { content: { "application/json": { ok: boolean } } } } } } }>({ baseUrl: server.url });
    api.use(createAuthMiddleware(authorizedFetch));
    expect((await api.GET("/v1/x")).data).toEqual({ ok: true });
    expect(credential(server.requests[0]!)).toBe("test-token-1");
    const other = createClient<{ "/v1/x": { get: { responses: { 200: { content: { "application/json": { ok: boolean } } } } } } }>({ baseUrl: "https://evil.example.com" });
    other.use(createAuthMiddleware(authorizedFetch));
    await expect(other.GET("/v1/x")).rejects.toBeInstanceOf(ValidationError);
  });
});
