// core's transport on its own, against a real loopback server: redirects, failure classes, retries,
// Retry-After, redaction of everything an error keeps, and the option validator.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { startLoopbackServer } from "@vendor-auth/testing";
import { useLoopbackServer, serialisedForms } from "@vendor-auth/testing/suite";
import {
  ApiError,
  BadRequestError,
  ConnectionError,
  RateLimitError,
  RedirectError,
  Redactor,
  ResponseParseError,
  ValidationError,
  createApiClient,
  type ClientEvent,
  type TransportOptions,
} from "../src/internal.js";

import { facts } from "./support/facts.js";

const SECRET = "test-core-secret-7f3a9c";

type Paths = {
  "/op": {
    post: {
      requestBody?: { content: { "application/json": unknown } };
      responses: { 200: { content: { "application/json": { ok: boolean } } } };
    };
  };
};

const server = useLoopbackServer();

function newApi(extra: Partial<TransportOptions> = {}, redactor = new Redactor().add(SECRET)) {
  return createApiClient<Paths>({
    vendor: "test",
    baseUrl: server.url,
    redactor,
    operations: { safeOp: facts({ idempotent: true, response: { body: true, type: "object" } }), unsafeOp: facts({ response: { body: true, type: null } }) },
    retry: { initialDelayMs: 1, maxDelayMs: 2 },
    ...extra,
  });
}
const run = (api: ReturnType<typeof newApi>, operation: "safeOp" | "unsafeOp", body: unknown = { secret: SECRET }, options?: Parameters<ReturnType<typeof newApi>["call"]>[2]) =>
  api.call(operation, (init) => api.http.POST("/op", { body, ...init }), options);
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error as Error & Record<string, unknown>,
  );

describe("redirects on the helper's own operations", () => {
  it("a 307 to another origin is a RedirectError: status and target origin only; the body is not re-sent", async () => {
    const elsewhere = await startLoopbackServer(() => ({ status: 200, body: { ok: true } }));
    try {
      server.setHandler(() => ({ status: 307, headers: { location: `${elsewhere.url}/steal?token=${SECRET}` } }));
      const error = await failure(run(newApi(), "safeOp"));
      expect(error).toBeInstanceOf(RedirectError);
      expect(error).toBeInstanceOf(ApiError);
      expect(error["status"]).toBe(307);
      expect(error["targetOrigin"]).toBe(elsewhere.url);
      expect(error.message).toMatch(/^safeOp: HTTP 307 redirect to http:\/\/127\.0\.0\.1:\d+ refused/);
      for (const form of serialisedForms(error)) expect(form).not.toContain(SECRET);
      expect(elsewhere.requests).toHaveLength(0);
      expect(server.requests).toHaveLength(1);
    } finally {
      await elsewhere.close();
    }
  });

  it("is never retried, even for a safe operation", async () => {
    server.setHandler(() => ({ status: 301, headers: { location: "/moved" } }));
    await failure(run(newApi({ maxRetries: 5 }), "safeOp"));
    expect(server.requests).toHaveLength(1);
  });
});

describe("failure classes: only fetch itself failing is a ConnectionError", () => {
  it("a body that cannot be serialised is a ValidationError: nothing sent, never retried", async () => {
    server.setHandler(() => ({ body: { ok: true } }));
    const circular: Record<string, unknown> = {};
    circular["self"] = circular;
    const error = await failure(run(newApi({ maxRetries: 3 }), "safeOp", circular));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error["field"]).toBe("request");
    expect(server.requests).toHaveLength(0);
  });

  it("a URL that does not parse (a bad per-request baseUrl) is a ValidationError naming the request, never retried, nothing sent", async () => {
    server.setHandler(() => ({ body: { ok: true } }));
    const api = newApi({ maxRetries: 3 });
    const error = await failure(api.call("safeOp", (init) => api.http.POST("/op", { body: {}, baseUrl: "http://[not-a-host", ...init })));
    expect([error.constructor, error["field"]]).toEqual([ValidationError, "request"]);
    expect(error.message).toContain("Failed to parse URL");
    expect(server.requests).toHaveLength(0);
  });

  it("a header value that cannot be sent (a token with CRLF) is a ValidationError whose cause holds no secret", async () => {
    server.setHandler(() => ({ body: { ok: true } }));
    const api = newApi({ maxRetries: 3 }, new Redactor().add(`${SECRET}\r\nX-Injected: 1`));
    const error = await failure(api.call("safeOp", (init) => api.http.POST("/op", { body: {}, headers: { Authorization: `Bearer ${SECRET}\r\nX-Injected: 1` }, ...init })));
    expect(error).toBeInstanceOf(ValidationError);
    for (const form of serialisedForms(error)) expect(form).not.toContain(SECRET);
    expect(server.requests).toHaveLength(0);
  });

  it("a fetch that rejects is a ConnectionError, retried for a safe operation, with a redacted cause", async () => {
    let calls = 0;
    const failingFetch = (async () => {
      calls++;
      throw new TypeError("fetch failed", { cause: new Error(`connect ECONNREFUSED while sending Bearer ${SECRET}`) });
    }) as typeof fetch;
    const error = await failure(run(newApi({ fetch: failingFetch, maxRetries: 2 }), "safeOp"));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(calls).toBe(3);
    for (const form of serialisedForms(error)) expect(form).not.toContain(SECRET);
    expect(inspect((error as { cause?: unknown }).cause, { depth: 8 })).toContain("ECONNREFUSED");
  });
});

describe("Retry-After", () => {
  it("longer than maxRetryAfterMs: RateLimitError at once, with retryAfterMs", async () => {
    const events: ClientEvent[] = [];
    server.setHandler(() => ({ status: 429, headers: { "retry-after": "3600" }, body: { message: "slow down" } }));
    const error = await failure(run(newApi({ maxRetries: 3, logger: (e) => events.push(e) }), "safeOp"));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error["retryAfterMs"]).toBe(3_600_000);
    expect(server.requests).toHaveLength(1);
    expect(events.filter((e) => e.type === "retry")).toHaveLength(0);
  });

  it("within maxRetryAfterMs: waited for exactly, then retried", async () => {
    let n = 0;
    const events: ClientEvent[] = [];
    server.setHandler(() => (++n === 1 ? { status: 503, headers: { "retry-after": "0.01" } } : { body: { ok: true } }));
    await expect(run(newApi({ logger: (e) => events.push(e) }), "safeOp")).resolves.toEqual({ ok: true });
    expect(events.find((e) => e.type === "retry")).toMatchObject({ delayMs: 10 });
  });
});

describe("what an error keeps is redacted first", () => {
  it("the reason phrase and the content type", async () => {
    server.setHandler(() => ({ status: 400, reason: `Bad ${SECRET}`, headers: { "content-type": `text/plain; x=${SECRET}` }, body: "no" }));
    const error = await failure(run(newApi(), "safeOp"));
    expect(error).toBeInstanceOf(BadRequestError);
    for (const form of serialisedForms(error)) expect(form).not.toContain(SECRET);
    server.setHandler(() => ({ status: 200, headers: { "content-type": `text/html; x=${SECRET}` }, body: "<html>" }));
    const parse = await failure(run(newApi(), "safeOp"));
    expect(parse).toBeInstanceOf(ResponseParseError);
    for (const form of serialisedForms(parse)) expect(form).not.toContain(SECRET);
  });

  it("the excerpt: redacted before it is cut, so a secret across the cut leaves nothing", async () => {
    server.setHandler(() => ({ status: 200, headers: { "content-type": "application/json" }, body: `{"x":"${"a".repeat(185)}${SECRET}"` }));
    const error = await failure(run(newApi(), "safeOp"));
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(String(error["excerpt"])).not.toContain(SECRET.slice(0, 8));
  });

  it("the vendor's error text, error_message included, and an own-property error code only", async () => {
    server.setHandler(() => ({ status: 400, headers: { "content-type": "application/json" }, body: `{"__proto__":{"code":"FORGED"},"error_message":"the vendor's reason ${SECRET}"}` }));
    const error = await failure(run(newApi(), "safeOp"));
    expect(error.message).toBe("safeOp: HTTP 400 Bad Request the vendor's reason [REDACTED]");
    expect(error["code"]).toBeUndefined();
  });
});

describe("the transport boundary", () => {
  it("middleware sees a real Response: clone(), text() and json() work, and the call still succeeds", async () => {
    server.setHandler(() => ({ body: { ok: true } }));
    const api = newApi();
    const seen: unknown[] = [];
    api.http.use({
      async onResponse({ response }) {
        seen.push(await response.clone().json());
      },
    });
    await expect(run(api, "safeOp")).resolves.toEqual({ ok: true });
    expect(seen).toEqual([{ ok: true }]);
  });

  it("without middleware of the caller's, fetch gets the URL and RequestInit (one Request, built by fetch); with it, a real Request", async () => {
    server.setHandler(() => ({ body: { ok: true } }));
    const inputs: unknown[] = [];
    const recording = ((input: RequestInfo | URL, init?: RequestInit) => {
      inputs.push(input);
      return globalThis.fetch(input, init);
    }) as typeof fetch;
    const api = newApi({ fetch: recording });
    await expect(run(api, "safeOp", { n: 1 })).resolves.toEqual({ ok: true });
    expect(typeof inputs[0]).toBe("string");
    expect(server.requests[0]?.rawBody).toBe('{"n":1}');
    const seen: unknown[] = [];
    const middleware = {
      async onRequest({ request }: { request: Request }) {
        seen.push(request instanceof Request, await request.clone().json());
      },
    };
    api.http.use(middleware);
    await expect(run(api, "safeOp", { n: 2 })).resolves.toEqual({ ok: true });
    expect(seen).toEqual([true, { n: 2 }]);
    expect(inputs[1]).toBeInstanceOf(Request);
    api.http.eject(middleware);
    await expect(run(api, "safeOp", { n: 3 })).resolves.toEqual({ ok: true });
    expect(typeof inputs[2]).toBe("string");
    expect(server.requests.map((r) => r.rawBody)).toEqual(['{"n":1}', '{"n":2}', '{"n":3}']);
  });

  it("a request that `new Request` would refuse (a body on GET) is still a ValidationError: nothing sent", async () => {
    server.setHandler(() => ({ body: { ok: true } }));
    const api = newApi({ maxRetries: 3 });
    const error = await failure(api.call("safeOp", (init) => api.http.request("get", "/op" as never, { body: { n: 1 }, ...init } as never)));
    expect(error).toBeInstanceOf(ValidationError);
    expect(server.requests).toHaveLength(0);
  });

  it("the buffered response reads like the original: headers, URL, status; json() twice gives two equal values; body, arrayBuffer() and clone() work", async () => {
    server.setHandler(() => ({ status: 201, headers: { "x-request-id": "test-req-1" }, body: { ok: true } }));
    const api = newApi();
    const { response } = await api.http.POST("/op", { body: {} });
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(201);
    expect(response.url).toBe(`${server.url}/op`);
    expect(response.headers.get("x-request-id")).toBe("test-req-1");
    expect(response.headers.get("content-type")).toMatch(/json/);
    const first = await response.clone().json();
    const second = await response.json();
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    expect(new TextDecoder().decode(await response.clone().arrayBuffer())).toBe('{"ok":true}');
    expect(await new Response(response.body).text()).toBe('{"ok":true}');
  });
});

describe("the response body", () => {
  it("a peer that closes before Content-Length is reached: a retryable ConnectionError, like a reset", async () => {
    let n = 0;
    server.setHandler((_request, raw) => {
      if (++n > 1) return { body: { ok: true } };
      raw.res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      raw.res.write('{"ok":');
      raw.res.socket?.end();
    });
    await expect(run(newApi(), "safeOp")).resolves.toEqual({ ok: true });
    expect(n).toBe(2);
  });

  it("an unsafe operation with a short body: ConnectionError keeping the status, not retried", async () => {
    server.setHandler((_request, raw) => {
      raw.res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      raw.res.write('{"ok":');
      raw.res.socket?.end();
    });
    const error = await failure(run(newApi({ maxRetries: 3 }), "unsafeOp"));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error["status"]).toBe(200);
    expect(server.requests).toHaveLength(1);
  });
});
