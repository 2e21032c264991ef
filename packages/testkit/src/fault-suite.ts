// The fault-injection suite every vendor package runs against a real misbehaving HTTP server on
// 127.0.0.1: transient 5xx, 429 with Retry-After (seconds and HTTP date), connection resets before
// and during the body, a body that stops short, HTML or the wrong content type with a 200, a reply
// slower than the timeout, an empty 204, a huge body, invalid UTF-8, and a 401 that triggers one
// re-authentication. Each scenario asserts the outcome (a result or the exact error class), how many
// requests the server saw, that no timer or unhandled rejection is left behind, and that no secret
// reaches any serialised form of the error. Plus: 1,000 concurrent token callers cause one token
// request, and property-based runs over server responses and caller input.
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
  logger?: (event: { type: string; delayMs?: number }) => void;
}

export interface FaultOperation<Client> {
  /** Matches the requests of this operation. */
  match: (request: RecordedRequest) => boolean;
  /** A valid success reply (per the spec). */
  ok: Reply;
  /** Calls the operation on the client. */
  call: (client: Client) => Promise<unknown>;
}

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
  /** A request made with a cached token: a 401 must drop it, get one new token and retry once. */
  reauth: {
    match: (request: RecordedRequest) => boolean;
    ok: Reply;
    call: (client: Client) => Promise<unknown>;
    /** How many tokens were obtained so far (from the server's requests or a provider's counter). */
    tokensObtained: (requests: RecordedRequest[]) => number;
  };
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
    beforeAll(async () => {
      socketsBefore = sockets();
      server = await startLoopbackServer();
      process.on("unhandledRejection", onRejection);
    });
    afterAll(async () => {
      process.off("unhandledRejection", onRejection);
      await server.close();
      // Once the server is gone, no client socket may stay open (pooled keep-alive ones close with it).
      for (let waited = 0; sockets() > socketsBefore && waited < 2000; waited += 20) await pause(20);
      expect(sockets(), "sockets left behind").toBeLessThanOrEqual(socketsBefore);
    });
    beforeEach(() => {
      server.requests.length = 0;
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
      expect(timers(), "timers left behind").toBeLessThanOrEqual(timersBefore);
    });

    const client = (transport: FaultTransport = {}) => suite.createClient(server.url, { retry: FAST, ...transport });
    const count = (op: { match: (r: RecordedRequest) => boolean }) => server.requests.filter(op.match).length;
    const failure = async (promise: Promise<unknown>) => {
      const error = await promise.then(
        (value) => ({ resolved: value }),
        (e: unknown) => e,
      );
      const forms = error instanceof Error ? [error.message, String(error), JSON.stringify(error), inspect(error, { depth: 8 }), error.stack ?? ""] : [];
      for (const form of forms) for (const secret of suite.secrets) expect(form).not.toContain(secret);
      return error as Error & { status?: number };
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

    it("429 with Retry-After in seconds is honoured (capped)", async () => {
      const delays: number[] = [];
      sequence(suite.safe, [{ status: 429, headers: { "retry-after": "120" }, body: { message: "slow down" } }, suite.safe.ok]);
      const c = client({ retry: { ...FAST, maxRetryAfterMs: 25 }, logger: (e) => e.type === "retry" && delays.push(e.delayMs!) });
      await expect(suite.safe.call(c)).resolves.toBeDefined();
      expect(delays).toEqual([25]);
      expect(count(suite.safe)).toBe(2);
    });

    it("429 with Retry-After as an HTTP date is honoured (capped)", async () => {
      const delays: number[] = [];
      const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
      sequence(suite.safe, [{ status: 429, headers: { "retry-after": inTwoMinutes }, body: { message: "slow down" } }, suite.safe.ok]);
      const c = client({ retry: { ...FAST, maxRetryAfterMs: 30 }, logger: (e) => e.type === "retry" && delays.push(e.delayMs!) });
      await expect(suite.safe.call(c)).resolves.toBeDefined();
      expect(delays).toEqual([30]);
      expect(count(suite.safe)).toBe(2);
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

    it("a body that stops short: ResponseParseError keeping the status", async () => {
      sequence(suite.safe, [midBody("close")]);
      const error = await failure(suite.safe.call(client()));
      expect(error.name).toBe("ResponseParseError");
      expect(error.status).toBe(200);
      expect(count(suite.safe)).toBe(1);
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

    it("a 401 on a cached token: one new token, one retry, success", async () => {
      sequence(suite.reauth, [{ status: 401, body: { message: "test token revoked" } }, suite.reauth.ok]);
      const c = client();
      const result = await suite.reauth.call(c);
      expect(result).toBeDefined();
      expect(count(suite.reauth)).toBe(2);
      expect(suite.reauth.tokensObtained(server.requests)).toBe(2);
    });

    it("a 401 that persists after re-authentication is returned, not retried again", async () => {
      sequence(suite.reauth, [{ status: 401, body: { message: "test still unauthorised" } }]);
      const result = await suite.reauth.call(client()).then(
        (value) => value,
        (error: unknown) => error,
      );
      expect(count(suite.reauth)).toBe(2);
      if (result instanceof Error) expect(result.name).toBe("AuthenticationError");
      else expect((result as { status?: number }).status).toBe(401);
    });

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

    it("property: whatever the server answers, only typed errors come out and no secret leaks", async () => {
      const echoed = suite.echoSecrets ?? suite.secrets;
      const response = fc.record({
        status: fc.constantFrom(200, 201, 204, 301, 400, 401, 403, 404, 409, 410, 418, 422, 429, 500, 502, 503),
        contentType: fc.constantFrom("application/json", "application/problem+json", "text/html", "text/plain", undefined),
        body: fc.oneof(
          fc.json(),
          fc.string(),
          fc.constant(suite.safe.ok.body),
          fc.jsonValue().map((v) => ({ message: `echo ${echoed.join(" ")} CREDENTIAL`, details: v, access_token: echoed[0] ?? "CREDENTIAL" })),
          fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
        ),
      });
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(response, async ({ status, contentType, body }) => {
          runs++;
          const credentials: string[] = [];
          target = {
            match: suite.safe.match,
            answer: (request) => {
              // The request's own credential, echoed back wherever the body says CREDENTIAL.
              const credential = String(request.headers.authorization ?? "").replace(/^Bearer /, "") || request.query.get("access_token") || "";
              if (credential) credentials.push(credential);
              const text = Buffer.isBuffer(body) || typeof body === "string" ? body : JSON.stringify(body).replaceAll("CREDENTIAL", credential);
              return {
                status,
                headers: contentType ? { "content-type": contentType } : ({} as Record<string, string>),
                body: status === 204 || status === 301 ? undefined : text,
              };
            },
          };
          const outcome = await suite.safe.call(client({ maxRetries: 0 })).then(
            () => undefined,
            (error: unknown) => error,
          );
          if (outcome === undefined) return;
          expect(outcome).toBeInstanceOf(Error);
          expect((outcome as Error).constructor.name).toMatch(/Error$/);
          expect(["VendorAuthError", "ApiError", "BadRequestError", "AuthenticationError", "PermissionDeniedError", "NotFoundError", "ConflictError", "GoneError", "UnprocessableEntityError", "RateLimitError", "InternalServerError", "ConnectionError", "TimeoutError", "ResponseParseError"]).toContain((outcome as Error).name);
          const error = outcome as Error;
          for (const form of [error.message, String(error), JSON.stringify(error), inspect(error, { depth: 8 })]) {
            for (const secret of [...echoed, ...credentials]) expect(form).not.toContain(secret);
          }
        }),
        { numRuns: 150, seed: 20261123 },
      );
      expect(runs).toBe(150);
    });

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
    });
  });
}
