// The fault-injection suite every vendor package runs against a real misbehaving HTTP server on
// 127.0.0.1 (and a second one standing for another origin): transient 5xx, 429 with Retry-After
// (seconds, HTTP date, longer than the client accepts), connection resets before and during the
// body, a body that stops short, HTML or the wrong content type with a 200, a reply slower than the
// timeout, an empty 204, huge and compressed bodies (a brotli bomb), invalid UTF-8, 100,000-deep
// JSON, forged `__proto__` keys, redirects of every kind to another origin, bad options, a 401 that
// triggers one re-authentication and a 401 storm that must not; and, for clients with
// `authorizedFetch`, the origin, base-path, redirect, timeout and abort rules of the passthrough.
// Each scenario asserts the outcome (a result or the exact error class), how many requests each
// server saw, that no timer or unhandled rejection is left behind, and that no secret reaches any
// serialised form of the error. Plus: 1,000 concurrent token callers cause one token request, and
// property-based runs over server responses (secrets echoed in bodies, reason phrases and headers,
// raw, JSON-escaped, percent-encoded and base64) and caller input.
import { constants as zlibConstants, createBrotliCompress, createGzip } from "node:zlib";
import { inspect } from "node:util";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startLoopbackServer, type LoopbackServer, type RecordedRequest, type Reply } from "./loopback-server.js";

/** Transport options the suite passes to the vendor's client factory. */
export interface FaultTransport {
  timeoutMs?: number;
  maxRetries?: number;
  retry?: { initialDelayMs?: number; maxDelayMs?: number; maxRetryAfterMs?: number };
  maxResponseBytes?: number;
  logger?: (event: { type: string; delayMs?: number; action?: string }) => void;
  reauthIntervalMs?: number;
}

/** The call options every helper method takes (passed through by `call`). */
export interface FaultCallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxRetries?: number;
}

export interface FaultOperation<Client> {
  /** Matches the requests of this operation. */
  match: (request: RecordedRequest) => boolean;
  /** A valid success reply (per the spec). */
  ok: Reply;
  /** Calls the operation on the client (with the call options, when given). */
  call: (client: Client, options?: FaultCallOptions) => Promise<unknown>;
}

/** A fetch with the client's token: `authorizedFetch` of the client (or of one of its sessions). */
export type FaultPassthrough = (input: string | URL | Request, init?: RequestInit, options?: FaultCallOptions) => Promise<Response>;

export interface FaultSuite<Client> {
  vendor: string;
  createClient: (baseUrl: string, transport: FaultTransport) => Client;
  /** Answers requests the scenario does not target (e.g. the token request before a protected call). */
  background?: (request: RecordedRequest) => Reply | undefined;
  /** An operation that is safe to repeat (GET/PUT/DELETE, or a POST marked x-idempotent). */
  safe: FaultOperation<Client>;
  /** A token- or key-creating POST: never retried. */
  unsafe: FaultOperation<Client>;
  /** An operation documented as 204 No Content, if the vendor has one. */
  noContent?: Omit<FaultOperation<Client>, "ok">;
  /**
   * A request made with a token: a 401 on a token in use for a while must replace it once and
   * repeat the request once; a 401 storm must not mint a token per call.
   */
  reauth: {
    match: (request: RecordedRequest) => boolean;
    ok: Reply;
    /** Makes the request, always with the same client-held token source (cache, session or provider). */
    call: (client: Client) => Promise<unknown>;
    /** How many tokens were obtained so far (from the server's requests or a provider's counter). */
    tokensObtained: (requests: RecordedRequest[]) => number;
    /** True when the client asks its token source once per request (a provider, no cache). */
    tokenPerRequest?: boolean;
  };
  /**
   * The client's `authorizedFetch` (or a session's), when it has one, and a path under the base URL
   * that `background` does not answer (the suite answers it).
   */
  passthrough?: { fetch: (client: Client) => FaultPassthrough; path: string };
  /** The client's token cache, if it has one: 1,000 concurrent callers must cause one token request. */
  tokenFanOut?: {
    match: (request: RecordedRequest) => boolean;
    ok: Reply;
    /** An error reply of the token endpoint and the error class (name) it must become. */
    failure: { reply: Reply; errorName: string };
    get: (client: Client) => Promise<string>;
  };
  /** Calls an operation with caller-supplied text (an id, a token): bad input must be a ValidationError. */
  input: (client: Client, value: string, baseUrl: string) => Promise<unknown>;
  /** Secret values the client was configured with or will receive: never in any error. */
  secrets: string[];
  /**
   * Secrets the property test has the server echo back in error bodies. Default: `secrets`. The
   * credential of each request (Authorization header, access_token parameter) is always echoed too.
   */
  echoSecrets?: string[];
}

const FAST = { initialDelayMs: 1, maxDelayMs: 4 };
/**
 * The limit of a test that does a fixed, large amount of work (hundreds of loopback exchanges, a
 * compression bomb): not a deadline but a guard against a hang. At a load of 40 on 2 cores such a
 * test took 187 s, so the limit is far above that.
 */
export const LONG_TEST_MS = 600_000;
/** A re-authentication interval no test outlasts: a bound per interval then holds whatever the speed. */
export const HOUR_MS = 3_600_000;
const ERROR_NAMES = [
  "VendorAuthError",
  "ApiError",
  "BadRequestError",
  "AuthenticationError",
  "PermissionDeniedError",
  "NotFoundError",
  "ConflictError",
  "GoneError",
  "UnprocessableEntityError",
  "RateLimitError",
  "InternalServerError",
  "RedirectError",
  "ConnectionError",
  "TimeoutError",
  "ResponseParseError",
];
/** The credential a request carried: its bearer token or `access_token` parameter. */
const credentialOf = (request: RecordedRequest) => String(request.headers.authorization ?? "").replace(/^Bearer /i, "") || request.query.get("access_token") || "";
/** Every form a secret may be echoed in by a server (what the redactor must catch). */
const encodings = {
  raw: (secret: string) => secret,
  json: (secret: string) => JSON.stringify(secret).slice(1, -1),
  uri: (secret: string) => encodeURIComponent(secret),
  form: (secret: string) => new URLSearchParams({ s: secret }).toString().slice(2),
  base64: (secret: string) => Buffer.from(secret).toString("base64"),
  basic: (secret: string) => `Basic ${Buffer.from(`test-user:${secret}`).toString("base64")}`,
  basicLower: (secret: string) => `basic ${Buffer.from(`test-user:${secret}`).toString("base64url")}`,
} as const;

/** A compressed body that inflates to `inflatedBytes` of zeros (built in chunks, never whole in memory). */
async function compressionBomb(kind: "br" | "gzip", inflatedBytes: number): Promise<Buffer> {
  const stream = kind === "br" ? createBrotliCompress({ params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } }) : createGzip({ level: 9 });
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  const zeros = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < inflatedBytes; written += zeros.length) {
    if (!stream.write(zeros)) await new Promise((resolve) => stream.once("drain", resolve));
  }
  stream.end();
  await done;
  return Buffer.concat(chunks);
}
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
const sockets = () => process.getActiveResourcesInfo().filter((r) => r === "TCPSocketWrap").length;

export function describeFaultInjection<Client>(suite: FaultSuite<Client>): void {
  describe(`${suite.vendor}: fault injection against a misbehaving server on 127.0.0.1`, () => {
    let server: LoopbackServer;
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    let timersBefore = 0;
    type Raw = Parameters<Parameters<LoopbackServer["setHandler"]>[0]>[1];
    // The operation under test and how the server answers it; every other request gets `background`.
    let target: { match: (request: RecordedRequest) => boolean; answer: (request: RecordedRequest, raw: Raw) => Reply | void | Promise<Reply | void> } | undefined;

    let socketsBefore = 0;
    // Another origin: a redirect target or a URL the token must never reach. It answers 200 to anything.
    let elsewhere: LoopbackServer;
    beforeAll(async () => {
      socketsBefore = sockets();
      server = await startLoopbackServer();
      elsewhere = await startLoopbackServer(() => ({ status: 200, body: { stolen: true } }));
      process.on("unhandledRejection", onRejection);
    });
    afterAll(async () => {
      process.off("unhandledRejection", onRejection);
      await server.close();
      await elsewhere.close();
      // Once the server is gone, no client socket may stay open (pooled keep-alive ones close with it).
      for (let waited = 0; sockets() > socketsBefore && waited < 2000; waited += 20) await pause(20);
      expect(sockets(), "sockets left behind").toBeLessThanOrEqual(socketsBefore);
    });
    beforeEach(() => {
      server.requests.length = 0;
      elsewhere.requests.length = 0;
      rejections.length = 0;
      timersBefore = timers();
      server.setHandler((request, raw) => {
        if (target?.match(request)) return target.answer(request, raw);
        return suite.background?.(request) ?? { status: 404, body: { test: "no route" } };
      });
    });
    afterEach(async () => {
      target = undefined;
      await pause(5);
      expect(rejections, "unhandled rejections").toEqual([]);
      // A leaked timer stays; one the client clears a few turns after the call settles (socket and
      // stream teardown) is gone soon, however loaded the machine: wait for that, not a fixed pause.
      for (let waited = 0; timers() > timersBefore && waited < 5000; waited += 20) await pause(20);
      expect(timers(), "timers left behind").toBeLessThanOrEqual(timersBefore);
    });

    const client = (transport: FaultTransport = {}) => suite.createClient(server.url, { retry: FAST, ...transport });
    const count = (op: { match: (r: RecordedRequest) => boolean }) => server.requests.filter(op.match).length;
    const failure = async (promise: Promise<unknown>) => {
      const error = await promise.then(
        (value) => ({ resolved: value }),
        (e: unknown) => e,
      );
      const forms = error instanceof Error ? serialisedForms(error) : [];
      for (const form of forms) for (const secret of suite.secrets) expect(form).not.toContain(secret);
      return error as Error & { status?: number; field?: string; retryAfterMs?: number; targetOrigin?: string; code?: string; body?: unknown };
    };
    /** The operation `op` answers with `replies` in turn (the last one repeats). */
    const sequence = (op: { match: (r: RecordedRequest) => boolean }, replies: Array<Reply | ((raw: Raw) => void)>) => {
      let n = 0;
      target = {
        match: op.match,
        answer: (_request, raw) => {
          const next = replies[Math.min(n++, replies.length - 1)]!;
          if (typeof next === "function") return next(raw);
          return next;
        },
      };
    };
    const resetNow = (raw: { req: { socket: { resetAndDestroy(): void } } }) => raw.req.socket.resetAndDestroy();
    const midBody = (end: "reset" | "close") => (raw: { res: import("node:http").ServerResponse }) => {
      raw.res.writeHead(200, { "content-type": "application/json", "content-length": "4000" });
      raw.res.write('{"partial": "');
      setTimeout(() => (end === "reset" ? raw.res.socket?.resetAndDestroy() : raw.res.socket?.end()), 50);
    };

    it("500, 502, 503, then success: the safe operation is retried and succeeds", async () => {
      sequence(suite.safe, [{ status: 500, body: { message: "test 500" } }, { status: 502, body: "bad gateway" }, { status: 503, body: { message: "test 503" } }, suite.safe.ok]);
      await expect(suite.safe.call(client({ maxRetries: 3 }))).resolves.toBeDefined();
      expect(count(suite.safe)).toBe(4);
    });

    it("a lasting 503 gives up after the default 2 retries with InternalServerError", async () => {
      sequence(suite.safe, [{ status: 503, body: { message: "test down" } }]);
      const error = await failure(suite.safe.call(client()));
      expect(error.name).toBe("InternalServerError");
      expect(error.status).toBe(503);
      expect(count(suite.safe)).toBe(3);
    });

    it("a token-creating POST is never retried, whatever the failure", async () => {
      sequence(suite.unsafe, [{ status: 503, body: { message: "test down" } }]);
      expect((await failure(suite.unsafe.call(client({ maxRetries: 5 })))).name).toBe("InternalServerError");
      expect(count(suite.unsafe)).toBe(1);
      sequence(suite.unsafe, [resetNow]);
      expect((await failure(suite.unsafe.call(client({ maxRetries: 5 })))).name).toBe("ConnectionError");
      expect(count(suite.unsafe)).toBe(2);
    });

    it("429 with Retry-After in seconds is honoured when the client accepts the wait", async () => {
      const delays: number[] = [];
      sequence(suite.safe, [{ status: 429, headers: { "retry-after": "0.02" }, body: { message: "slow down" } }, suite.safe.ok]);
      const c = client({ retry: { ...FAST, maxRetryAfterMs: 1000 }, logger: (e) => e.type === "retry" && delays.push(e.delayMs!) });
      await expect(suite.safe.call(c)).resolves.toBeDefined();
      expect(delays).toEqual([20]);
      expect(count(suite.safe)).toBe(2);
    });

    it("429 with Retry-After as an HTTP date is honoured when the client accepts the wait", async () => {
      const delays: number[] = [];
      const past = new Date(Date.now() - 5_000).toUTCString();
      sequence(suite.safe, [{ status: 429, headers: { "retry-after": past }, body: { message: "slow down" } }, suite.safe.ok]);
      const c = client({ retry: { ...FAST, maxRetryAfterMs: 1000 }, logger: (e) => e.type === "retry" && delays.push(e.delayMs!) });
      await expect(suite.safe.call(c)).resolves.toBeDefined();
      expect(delays).toEqual([0]);
      expect(count(suite.safe)).toBe(2);
    });

    it("a Retry-After longer than maxRetryAfterMs fails at once: RateLimitError with retryAfterMs, no capped wait", async () => {
      for (const retryAfter of ["3600", new Date(Date.now() + 3_600_000).toUTCString()]) {
        server.requests.length = 0;
        const delays: number[] = [];
        sequence(suite.safe, [{ status: 429, headers: { "retry-after": retryAfter }, body: { message: "slow down" } }, suite.safe.ok]);
        const error = await failure(suite.safe.call(client({ maxRetries: 3, logger: (e) => e.type === "retry" && delays.push(e.delayMs!) })));
        expect(error.name).toBe("RateLimitError");
        expect(error.retryAfterMs).toBeGreaterThan(3_500_000);
        expect(delays).toEqual([]);
        expect(count(suite.safe)).toBe(1);
      }
    });

    it("a connection reset before the response: retried, then ConnectionError", async () => {
      sequence(suite.safe, [resetNow]);
      expect((await failure(suite.safe.call(client()))).name).toBe("ConnectionError");
      expect(count(suite.safe)).toBe(3);
      server.requests.length = 0;
      sequence(suite.safe, [resetNow, suite.safe.ok]);
      await expect(suite.safe.call(client())).resolves.toBeDefined();
      expect(count(suite.safe)).toBe(2);
    });

    it("a connection reset in the middle of the body: retried, then ConnectionError", async () => {
      sequence(suite.safe, [midBody("reset")]);
      expect((await failure(suite.safe.call(client({ maxRetries: 1 })))).name).toBe("ConnectionError");
      expect(count(suite.safe)).toBe(2);
    });

    it("a body that stops short (peer closes early): the same retryable ConnectionError as a reset, keeping the status", async () => {
      sequence(suite.safe, [midBody("close")]);
      const error = await failure(suite.safe.call(client({ maxRetries: 1 })));
      expect(error.name).toBe("ConnectionError");
      expect(error.status).toBe(200);
      expect(count(suite.safe)).toBe(2);
      server.requests.length = 0;
      sequence(suite.safe, [midBody("close"), suite.safe.ok]);
      await expect(suite.safe.call(client({ maxRetries: 1 }))).resolves.toBeDefined();
      expect(count(suite.safe)).toBe(2);
    });

    it("HTML with status 200: ResponseParseError with a short excerpt", async () => {
      sequence(suite.safe, [{ status: 200, headers: { "content-type": "text/html" }, body: `<html><body>test maintenance page ${"x".repeat(500)}</body></html>` }]);
      const error = (await failure(suite.safe.call(client()))) as Error & { status: number; excerpt: string };
      expect(error.name).toBe("ResponseParseError");
      expect(error.excerpt).toContain("test maintenance page");
      expect(error.excerpt.length).toBeLessThanOrEqual(200);
      expect(count(suite.safe)).toBe(1);
    });

    it("the wrong content type: ResponseParseError", async () => {
      sequence(suite.safe, [{ status: 200, headers: { "content-type": "text/plain" }, body: JSON.stringify(suite.safe.ok.body ?? {}) }]);
      expect((await failure(suite.safe.call(client()))).name).toBe("ResponseParseError");
      expect(count(suite.safe)).toBe(1);
    });

    it("a response slower than the timeout: TimeoutError, not retried, no timer left", async () => {
      target = {
        match: suite.safe.match,
        // Slow, but the server's own timer ends as soon as the client gives up and hangs up.
        answer: (_request, raw) =>
          new Promise<Reply>((resolve) => {
            const timer = setTimeout(() => resolve(suite.safe.ok), 10_000);
            raw.res.once("close", () => {
              clearTimeout(timer);
              resolve(suite.safe.ok);
            });
          }),
      };
      // Long enough for any preparatory request (a token) on a loaded machine; far shorter than the reply.
      expect((await failure(suite.safe.call(client({ timeoutMs: 600 })))).name).toBe("TimeoutError");
      expect(count(suite.safe)).toBe(1);
    });

    it("a 204 with no body where the spec promises JSON: ResponseParseError", async () => {
      sequence(suite.safe, [{ status: 204 }]);
      expect((await failure(suite.safe.call(client()))).name).toBe("ResponseParseError");
      expect(count(suite.safe)).toBe(1);
    });

    if (suite.noContent) {
      const noContent = suite.noContent;
      it("a 204 where the spec documents one: resolves", async () => {
        sequence(noContent, [{ status: 204 }]);
        await expect(noContent.call(client())).resolves.toBeUndefined();
        expect(count(noContent)).toBe(1);
      });
    }

    it("a very large body (declared or streamed): ResponseParseError, read no further than the limit", async () => {
      const huge = Buffer.from(`{"data":"${"a".repeat(3 * 1024 * 1024)}"}`);
      sequence(suite.safe, [{ status: 200, headers: { "content-type": "application/json", "content-length": String(huge.length) }, body: huge }]);
      expect((await failure(suite.safe.call(client({ maxResponseBytes: 1024 * 1024 })))).name).toBe("ResponseParseError");
      sequence(suite.safe, [
        (raw: { res: import("node:http").ServerResponse }) => {
          raw.res.writeHead(200, { "content-type": "application/json" });
          raw.res.end(huge);
        },
      ]);
      expect((await failure(suite.safe.call(client({ maxResponseBytes: 1024 * 1024 })))).name).toBe("ResponseParseError");
      expect(count(suite.safe)).toBe(2);
    });

    it("invalid UTF-8: ResponseParseError", async () => {
      sequence(suite.safe, [{ status: 200, headers: { "content-type": "application/json" }, body: Buffer.concat([Buffer.from('{"message":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]) }]);
      expect((await failure(suite.safe.call(client()))).name).toBe("ResponseParseError");
      expect(count(suite.safe)).toBe(1);
    });

    const settled = (promise: Promise<unknown>) =>
      promise.then(
        (value) => value,
        (error: unknown) => error,
      );
    const is401 = (outcome: unknown) => (outcome instanceof Error ? outcome.name === "AuthenticationError" : (outcome as { status?: number }).status === 401);

    it("a 401 on a token in use for a while: it is replaced once, the request repeated once with the new token", async () => {
      const events: Array<{ type: string; action?: string }> = [];
      const c = client({ logger: (e) => events.push(e) });
      sequence(suite.reauth, [suite.reauth.ok, { status: 401, body: { message: "test token revoked" } }, suite.reauth.ok]);
      await expect(suite.reauth.call(c)).resolves.toBeDefined();
      const before = suite.reauth.tokensObtained(server.requests);
      const result = await suite.reauth.call(c);
      expect(is401(result)).toBe(false);
      const [, revoked, repeated] = server.requests.filter(suite.reauth.match);
      expect(count(suite.reauth)).toBe(3);
      expect(credentialOf(repeated!)).not.toBe(credentialOf(revoked!));
      // A provider is asked once per request anyway: the repeat adds the one new token.
      expect(suite.reauth.tokensObtained(server.requests)).toBe(before + (suite.reauth.tokenPerRequest ? 2 : 1));
      expect(events.filter((e) => e.type === "token").map((e) => e.action)).toContain("replaced");
    });

    it("a 401 that persists after re-authentication is returned, not retried again", async () => {
      const c = client();
      sequence(suite.reauth, [suite.reauth.ok, { status: 401, body: { message: "test still unauthorised" } }]);
      await suite.reauth.call(c);
      expect(is401(await settled(suite.reauth.call(c)))).toBe(true);
      expect(count(suite.reauth)).toBe(3);
    });

    it("a 401 storm (a resource that refuses every token): no token per call, at most one re-authentication", async () => {
      const events: Array<{ type: string; action?: string }> = [];
      // The bound is one re-authentication per interval: an hour outlasts the storm however slow
      // the machine is, so the count cannot depend on how long the 300 calls take.
      const c = client({ logger: (e) => events.push(e), reauthIntervalMs: HOUR_MS });
      sequence(suite.reauth, [{ status: 401, body: { message: "test sealed resource" } }]);
      const calls = 300;
      for (let batch = 0; batch < calls / 50; batch++) {
        const outcomes = await Promise.all(Array.from({ length: 50 }, () => settled(suite.reauth.call(c))));
        for (const outcome of outcomes) expect(is401(outcome)).toBe(true);
      }
      // Each call is sent once; those in flight when the token was replaced (one batch at most) twice.
      expect(count(suite.reauth)).toBeLessThanOrEqual(calls + 50);
      if (suite.reauth.tokenPerRequest) expect(suite.reauth.tokensObtained(server.requests)).toBeLessThanOrEqual(calls + 1);
      else expect(suite.reauth.tokensObtained(server.requests)).toBeLessThanOrEqual(2);
      expect(events.filter((e) => e.type === "token" && e.action === "replaced").length).toBeLessThanOrEqual(1);
      expect(events.some((e) => e.type === "token" && e.action === "kept")).toBe(true);
      // 300 requests (and up to 2 token requests): a fixed amount of work, so a generous limit.
    }, LONG_TEST_MS);

    if (suite.tokenFanOut) {
      const fanOut = suite.tokenFanOut;
      it("1,000 concurrent callers cause exactly one token request", async () => {
        server.setHandler(async (request) => {
          if (!fanOut.match(request)) return { status: 404 };
          await pause(20);
          return fanOut.ok;
        });
        const c = client();
        const tokens = await Promise.all(Array.from({ length: 1000 }, () => fanOut.get(c)));
        expect(new Set(tokens).size).toBe(1);
        expect(server.requests.filter(fanOut.match)).toHaveLength(1);
      });

      it("a failing token request rejects every waiter with the same typed error; the next call tries again", async () => {
        let calls = 0;
        server.setHandler(async (request) => {
          if (!fanOut.match(request)) return { status: 404 };
          await pause(10);
          return ++calls === 1 ? fanOut.failure.reply : fanOut.ok;
        });
        const c = client();
        const results = await Promise.allSettled(Array.from({ length: 1000 }, () => fanOut.get(c)));
        const reasons = new Set(results.map((r) => (r.status === "rejected" ? r.reason : "fulfilled")));
        expect(reasons.size).toBe(1);
        expect(([...reasons][0] as Error).name).toBe(fanOut.failure.errorName);
        await expect(fanOut.get(c)).resolves.toEqual(expect.any(String));
        expect(server.requests.filter(fanOut.match)).toHaveLength(2);
      });
    }

    // ── Redirects on the helper's own operations: never followed, nothing re-sent ────────────────
    for (const [label, op] of [
      ["a safe operation", suite.safe],
      ["a credential-carrying POST", suite.unsafe],
    ] as const) {
      for (const status of [301, 302, 303, 307, 308]) {
        it(`${label} answered ${status} to another origin: RedirectError naming the status and origin; nothing reaches the target`, async () => {
          sequence(op, [{ status, headers: { location: `${elsewhere.url}/steal?x=1` }, body: { message: "moved" } }]);
          const error = await failure(op.call(client({ maxRetries: 3 })));
          expect(error.name).toBe("RedirectError");
          expect(error.status).toBe(status);
          expect(error.targetOrigin).toBe(new URL(elsewhere.url).origin);
          expect(error.message).toContain(String(status));
          expect(error.message).not.toContain("/steal");
          expect(count(op)).toBe(1);
          expect(elsewhere.requests).toHaveLength(0);
        });
      }
    }

    it("a redirect within the same origin is not followed either on the helper's own operations", async () => {
      sequence(suite.safe, [{ status: 307, headers: { location: "/somewhere-else" } }]);
      const error = await failure(suite.safe.call(client()));
      expect(error.name).toBe("RedirectError");
      expect(server.requests.filter((r) => r.path === "/somewhere-else")).toHaveLength(0);
    });

    // ── Errors that must stay plain data ────────────────────────────────────────────────────────
    it("an error body with a __proto__ key cannot forge error.code or hidden properties", async () => {
      sequence(suite.safe, [{ status: 400, headers: { "content-type": "application/json" }, body: '{"__proto__": {"code": "FORGED", "message": "forged", "polluted": true}, "message": "test real message"}' }]);
      const error = await failure(suite.safe.call(client()));
      expect(error.code).not.toBe("FORGED");
      expect(error.message).not.toContain("forged");
      expect(Object.getPrototypeOf(error.body)).toBe(Object.prototype);
      expect((error.body as Record<string, unknown>)["code"]).toBeUndefined();
      expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    });

    it("a 100,000-deep error body: the error serialises and inspects without throwing", async () => {
      const depth = 100_000;
      sequence(suite.safe, [{ status: 400, headers: { "content-type": "application/json" }, body: `${"[".repeat(depth)}${"]".repeat(depth)}` }]);
      const error = await failure(suite.safe.call(client()));
      expect(error.name).toBe("BadRequestError");
      expect(() => JSON.stringify(error)).not.toThrow();
      expect(() => inspect(error, { depth: Infinity })).not.toThrow();
      expect(JSON.stringify(error)).toContain("[TRUNCATED]");
    });

    // ── Bodies that would exhaust memory ─────────────────────────────────────────────────────────
    for (const [kind, inflated] of [
      ["br", 512],
      ["gzip", 128],
    ] as const) {
      it(`a ${kind} bomb (a small body that inflates to ${inflated} MiB): ResponseParseError at the limit, memory stays bounded`, async () => {
        const bomb = await compressionBomb(kind, inflated * 1024 * 1024);
        expect(bomb.length).toBeLessThan(1024 * 1024);
        sequence(suite.safe, [{ status: 200, headers: { "content-type": "application/json", "content-encoding": kind, "content-length": String(bomb.length) }, body: bomb }]);
        const before = process.memoryUsage();
        const error = await failure(suite.safe.call(client({ maxResponseBytes: 1024 * 1024 })));
        const after = process.memoryUsage();
        expect(error.name).toBe("ResponseParseError");
        expect(error.message).toMatch(/exceeds the limit/);
        // Inflating the whole body would take 512 MiB of array buffers.
        expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(64 * 1024 * 1024);
        expect(count(suite.safe)).toBe(1);
        // Compressing the bomb takes seconds on a loaded machine.
      }, LONG_TEST_MS);
    }

    // ── Options checked before anything is sent ─────────────────────────────────────────────────
    it("bad transport options are a ValidationError naming the option, at construction", () => {
      const bad: Array<[string, Record<string, unknown>]> = [
        ["timeoutMs", { timeoutMs: 0 }],
        ["timeoutMs", { timeoutMs: Number.NaN }],
        ["timeoutMs", { timeoutMs: -5 }],
        ["timeoutMs", { timeoutMs: "100" }],
        ["timeoutMs", { timeoutMs: Number.POSITIVE_INFINITY }],
        ["timeoutMs", { timeoutMs: 2 ** 31 }],
        ["maxRetries", { maxRetries: Number.NaN }],
        ["maxRetries", { maxRetries: Number.POSITIVE_INFINITY }],
        ["maxRetries", { maxRetries: 1.5 }],
        ["maxResponseBytes", { maxResponseBytes: Number.NaN }],
        ["retry.maxRetryAfterMs", { retry: { maxRetryAfterMs: -1 } }],
        ["logger", { logger: "console" }],
        ["headers.x-test", { headers: { "x-test": "a\r\nInjected: 1" } }],
        ["reauthIntervalMs", { reauthIntervalMs: Number.NaN }],
      ];
      for (const [field, options] of bad) {
        let thrown: unknown;
        try {
          suite.createClient(server.url, options as FaultTransport);
        } catch (error) {
          thrown = error;
        }
        expect(thrown, field).toBeInstanceOf(Error);
        expect((thrown as Error).name, field).toBe("ValidationError");
        expect((thrown as { field?: string }).field, field).toBe(field);
      }
      expect(server.requests).toHaveLength(0);
    });

    it("bad call options are a ValidationError naming the option, before anything is sent", async () => {
      const c = client();
      for (const [field, options] of [
        ["options", null],
        ["options.signal", { signal: { aborted: false } }],
        ["options.timeoutMs", { timeoutMs: Number.NaN }],
        ["options.maxRetries", { maxRetries: Number.POSITIVE_INFINITY }],
      ] as const) {
        const error = await failure(suite.safe.call(c, options as unknown as FaultCallOptions));
        expect(error.name, field).toBe("ValidationError");
        expect(error.field, field).toBe(field);
      }
      expect(count(suite.safe)).toBe(0);
    });

    it("an already aborted signal: AbortError, nothing sent", async () => {
      const error = await failure(suite.safe.call(client(), { signal: AbortSignal.abort(new Error("test: gave up")) }));
      expect(error.name).toBe("AbortError");
      expect(count(suite.safe)).toBe(0);
    });

    if (suite.passthrough) {
      const passthrough = suite.passthrough;
      const onPath = (r: RecordedRequest) => r.path === passthrough.path;
      const tokenRequests = () => suite.reauth.tokensObtained(server.requests);

      describe("authorizedFetch: the token goes only to the client's own origin and base path", () => {
        it("a URL on another origin is a ValidationError; nothing is sent, not even a token request", async () => {
          const c = client();
          for (const url of [`${elsewhere.url}${passthrough.path}`, new URL(`${elsewhere.url}/x`), `//${new URL(elsewhere.url).host}/x`, "https://api.example.invalid/x"]) {
            const error = await failure(passthrough.fetch(c)(url));
            expect(error.name).toBe("ValidationError");
            expect(error.field).toBe("url");
          }
          expect(elsewhere.requests).toHaveLength(0);
          expect(server.requests).toHaveLength(0);
        });

        it("a path that escapes the base path (../, %2e%2e, %2f) is a ValidationError", async () => {
          const c = suite.createClient(`${server.url}/api/v2`, { retry: FAST });
          for (const escape of ["../admin", "../../x", "%2e%2e/admin", "x/..%2f..%2fadmin", `${server.url}/other`]) {
            const error = await failure(passthrough.fetch(c)(escape));
            expect(error.name, escape).toBe("ValidationError");
          }
          expect(server.requests).toHaveLength(0);
        });

        it("a redirect to another origin is returned as it is, not followed", async () => {
          target = { match: onPath, answer: () => ({ status: 302, headers: { location: `${elsewhere.url}/steal` } }) };
          const response = await passthrough.fetch(client())(passthrough.path);
          expect(response.status).toBe(302);
          expect(elsewhere.requests).toHaveLength(0);
        });

        it("a redirect within the origin is followed, with the token, and a 307 keeps method and body", async () => {
          target = {
            match: (r) => r.path.startsWith(passthrough.path),
            answer: (r) => (r.path === passthrough.path ? { status: 307, headers: { location: `${passthrough.path}/moved` } } : { status: 200, body: { moved: true } }),
          };
          const response = await passthrough.fetch(client())(passthrough.path, { method: "POST", body: JSON.stringify({ test: 1 }), headers: { "content-type": "application/json" } });
          expect(response.status).toBe(200);
          const [first, second] = server.requests.filter((r) => r.path.startsWith(passthrough.path));
          expect(second!.path).toBe(`${passthrough.path}/moved`);
          expect(second!.method).toBe("POST");
          expect(second!.rawBody).toBe('{"test":1}');
          expect(credentialOf(second!)).toBe(credentialOf(first!));
          expect(credentialOf(second!)).not.toBe("");
        });

        it("a server that never answers: TimeoutError after timeoutMs (client or call), no timer left", async () => {
          target = {
            match: onPath,
            answer: (_request, raw) =>
              new Promise<Reply>((resolve) => {
                const timer = setTimeout(() => resolve({ status: 200 }), 10_000);
                raw.res.once("close", () => {
                  clearTimeout(timer);
                  resolve({ status: 200 });
                });
              }),
          };
          expect((await failure(passthrough.fetch(client({ timeoutMs: 600 }))(passthrough.path))).name).toBe("TimeoutError");
          expect((await failure(passthrough.fetch(client())(passthrough.path, {}, { timeoutMs: 600 }))).name).toBe("TimeoutError");
        });

        it("transport failures are typed: ConnectionError on a reset, AbortError on the caller's signal (init or options)", async () => {
          target = { match: onPath, answer: (_request, raw) => resetNow(raw) };
          expect((await failure(passthrough.fetch(client())(passthrough.path))).name).toBe("ConnectionError");
          const c = client();
          expect((await failure(passthrough.fetch(c)(passthrough.path, { signal: AbortSignal.abort() }))).name).toBe("AbortError");
          expect((await failure(passthrough.fetch(c)(passthrough.path, {}, { signal: AbortSignal.abort() }))).name).toBe("AbortError");
        });

        it("an already aborted signal obtains no token", async () => {
          const before = tokenRequests();
          expect((await failure(passthrough.fetch(client())(passthrough.path, {}, { signal: AbortSignal.abort() }))).name).toBe("AbortError");
          expect(tokenRequests()).toBe(before);
        });

        it("not retried unless asked; with maxRetries a GET is retried after a 503", async () => {
          target = { match: onPath, answer: () => ({ status: 503, body: { message: "test down" } }) };
          expect((await passthrough.fetch(client())(passthrough.path)).status).toBe(503);
          expect(server.requests.filter(onPath)).toHaveLength(1);
          sequence({ match: onPath }, [{ status: 503, body: { message: "test down" } }, { status: 200, body: { ok: true } }]);
          expect((await passthrough.fetch(client())(passthrough.path, {}, { maxRetries: 2 })).status).toBe(200);
          expect(server.requests.filter(onPath)).toHaveLength(3);
        });
      });
    }

    it("property: whatever the server answers, only typed errors come out and no secret leaks, in any encoding or place", async () => {
      const echoed = suite.echoSecrets ?? suite.secrets;
      const encoding = fc.constantFrom(...(Object.keys(encodings) as Array<keyof typeof encodings>));
      const response = fc.record({
        status: fc.constantFrom(200, 201, 204, 301, 302, 307, 308, 400, 401, 403, 404, 409, 410, 418, 422, 429, 500, 502, 503),
        contentType: fc.constantFrom("application/json", "application/problem+json", "text/html", "text/plain", undefined),
        // Where the echo goes besides the body: the reason phrase, the content type, a header.
        echoIn: fc.constantFrom("body", "reason", "content-type", "header"),
        encoding,
        body: fc.oneof(
          fc.json(),
          fc.string(),
          fc.constant(suite.safe.ok.body),
          fc.jsonValue().map((v) => ({ message: `echo SECRETS CREDENTIAL`, details: v, access_token: "CREDENTIAL" })),
          fc.jsonValue().map((v) => ({ error_message: `rejected SECRETS`, nested: { deeper: ["CREDENTIAL", v] } })),
          fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
        ),
      });
      let runs = 0;
      let echoes = 0;
      await fc.assert(
        fc.asyncProperty(response, async ({ status, contentType, echoIn, encoding: how, body }) => {
          runs++;
          const encode = encodings[how];
          const sent: string[] = [];
          target = {
            match: suite.safe.match,
            answer: (request) => {
              // The request's own credential and the client's secrets, echoed back in one encoding.
              const credential = credentialOf(request);
              const echo = [...echoed, credential].filter(Boolean).map(encode);
              sent.push(...echo);
              const together = echo.join(" ");
              const text = Buffer.isBuffer(body) || typeof body === "string" ? body : JSON.stringify(body).replaceAll("CREDENTIAL", encode(credential)).replaceAll("SECRETS", together);
              const headers: Record<string, string> = contentType ? { "content-type": contentType } : {};
              if (echoIn === "content-type") headers["content-type"] = `${contentType ?? "text/plain"}; echo=${together}`;
              if (echoIn === "header") headers["x-echo"] = together;
              if (status >= 300 && status < 400) headers["location"] = `${elsewhere.url}/steal?c=${encode(credential)}`;
              return {
                status,
                ...(echoIn === "reason" ? { reason: `Echo ${together}`.slice(0, 500) } : {}),
                headers,
                body: status === 204 ? undefined : text,
              } as Reply;
            },
          };
          const outcome = await suite.safe.call(client({ maxRetries: 0 })).then(
            () => undefined,
            (error: unknown) => error,
          );
          expect(elsewhere.requests).toHaveLength(0);
          if (outcome === undefined) return;
          expect(outcome).toBeInstanceOf(Error);
          expect((outcome as Error).constructor.name).toMatch(/Error$/);
          expect(ERROR_NAMES).toContain((outcome as Error).name);
          for (const form of serialisedForms(outcome as Error)) {
            for (const secret of sent) {
              echoes++;
              expect(form).not.toContain(secret);
            }
          }
        }),
        { numRuns: 200, seed: 20261123 },
      );
      expect(runs).toBe(200);
      expect(echoes).toBeGreaterThan(200);
      // A fixed amount of work (200 exchanges on loopback), not a deadline: as generous as the storms.
    }, LONG_TEST_MS);

    it("property: whatever the caller passes, bad input is a ValidationError and never crashes", async () => {
      target = { match: () => true, answer: (request) => suite.background?.(request) ?? suite.safe.ok };
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom("", " ", ".", "..", "../x", "a/b", "%2F", "\u0000", "x".repeat(5000))), async (value) => {
          runs++;
          const outcome = await suite.input(client({ maxRetries: 0 }), value, server.url).then(
            () => undefined,
            (error: unknown) => error,
          );
          if (outcome === undefined) return;
          expect(outcome).toBeInstanceOf(Error);
          const name = (outcome as Error).name;
          expect(["ValidationError", "NotFoundError", "BadRequestError", "ApiError", "ResponseParseError"]).toContain(name);
        }),
        { numRuns: 150, seed: 20261124 },
      );
      expect(runs).toBe(150);
    }, LONG_TEST_MS);
  });
}

/** Every serialised form of an error a log or a crash report may show, its cause included. */
export function serialisedForms(error: Error): string[] {
  const cause = (error as { cause?: unknown }).cause;
  return [
    error.message,
    String(error),
    JSON.stringify(error),
    inspect(error, { depth: 8 }),
    error.stack ?? "",
    cause === undefined ? "" : inspect(cause, { depth: 8 }),
    cause instanceof Error ? (cause.stack ?? "") : "",
  ];
}
