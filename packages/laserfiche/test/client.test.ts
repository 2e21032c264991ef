// The helper client against a real HTTP server on 127.0.0.1: exact wire format, typed results,
// typed errors with the vendor's APIServerException, single flight, sessions (keep-alive timer,
// close, await using), the Keep-Alive header rules, bearer auth and secret redaction.
import { inspect } from "node:util";
import createClient from "openapi-fetch";
import { afterEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import { startLoopbackServer, type RecordedRequest, type Reply } from "@vendor-auth/testing";
import { useLoopbackServer } from "@vendor-auth/testing/suite";
import {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  PermissionDeniedError,
  RateLimitError,
  ResponseParseError,
  SessionClosedError,
  TimeoutError,
  ValidationError,
  createLaserficheClient,
  operations,
  type LaserficheClientOptions,
  type SessionKeyInfo,
} from "../src/index.js";
import { CUSTOMER_ID, PASSWORD, REPO_ID, SESSION_KEY, USERNAME, apiServerException, authToken, expireTime, path, sessionKeyInfo } from "./fixtures.js";
import { nodeHttpFetch } from "@vendor-auth/testing";

const server = useLoopbackServer();
afterEach(() => {
  vi.restoreAllMocks();
});

const newClient = (extra: Partial<LaserficheClientOptions> = {}) =>
  createLaserficheClient({ repoId: REPO_ID, username: USERNAME, password: PASSWORD, baseUrl: server.url, ...extra });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const operationOf = (request: RecordedRequest) => request.path.split("/").pop();
const calls = (operation: string) => server.requests.filter((r) => operationOf(r) === operation);

/** A server that issues numbered tokens on Create, and answers Refresh/Invalidate like the vendor. */
function vendorLike(overrides: Partial<Record<"Create" | "Refresh" | "Invalidate", (request: RecordedRequest) => Reply | Promise<Reply>>> = {}) {
  let issued = 0;
  server.setHandler(async (request) => {
    const operation = operationOf(request) as "Create" | "Refresh" | "Invalidate";
    const override = overrides[operation];
    if (override) return override(request);
    if (operation === "Create") return { body: { "@odata.context": "test-context", ...sessionKeyInfo(++issued) } };
    if (operation === "Refresh") return { body: { "@odata.context": "test-context", value: expireTime(2) } };
    if (operation === "Invalidate") return { body: { "@odata.context": "test-context", value: true } };
    return { status: 404 };
  });
}

describe("the three operations on the wire", () => {
  it("createAccessToken: POST …/Create with the credentials as JSON, createCookie and customerId in the query, no auth header", async () => {
    vendorLike();
    const client = newClient({ customerId: CUSTOMER_ID, createCookie: true, applicationName: "test-app" });
    const info = await client.createAccessToken();
    expect(info).toEqual({ "@odata.context": "test-context", ...sessionKeyInfo(1) });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request!.method).toBe("POST");
    expect(request!.path).toBe(path("Create"));
    expect(Object.fromEntries(request!.query)).toEqual({ createCookie: "true", customerId: CUSTOMER_ID });
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers.authorization).toBeUndefined();
    expect(request!.json).toEqual({ username: USERNAME, password: PASSWORD, applicationName: "test-app" });
    expect(client.expiresAt?.toISOString()).toBe("2030-01-01T01:00:00.000Z");
  });

  it("createAccessToken: createCookie=false is sent, unset options are not; sessionKey goes in the body", async () => {
    vendorLike();
    await newClient({ createCookie: false }).createAccessToken();
    await createLaserficheClient({ repoId: REPO_ID, sessionKey: SESSION_KEY, baseUrl: server.url }).createAccessToken();
    expect(server.requests.map((r) => [r.query.toString(), r.json])).toEqual([
      ["createCookie=false", { username: USERNAME, password: PASSWORD }],
      ["", { sessionKey: SESSION_KEY }],
    ]);
  });

  it("refreshAccessToken: POST …/Refresh with the bearer token and no body; returns the OData wrapper; updates expiresAt", async () => {
    vendorLike();
    const client = newClient();
    const result = await client.refreshAccessToken();
    expect(result).toEqual({ "@odata.context": "test-context", value: expireTime(2) });
    const [create, refresh] = server.requests;
    expect(operationOf(create!)).toBe("Create");
    expect(refresh!.method).toBe("POST");
    expect(refresh!.path).toBe(path("Refresh"));
    expect(refresh!.headers.authorization).toBe(`Bearer ${authToken(1)}`);
    expect(refresh!.headers["keep-alive"]).toBeUndefined();
    expect(refresh!.rawBody).toBe("");
    expect(client.expiresAt?.toISOString()).toBe("2030-01-01T02:00:00.000Z");
    // The cached SessionKeyInfo reports the refreshed expiry, without another request.
    expect(await client.createAccessToken()).toMatchObject({ authToken: authToken(1), expireTime: expireTime(2) });
    expect(server.requests).toHaveLength(2);
  });

  it("invalidateAccessToken: POST …/Invalidate with the bearer token; the next use creates a new token", async () => {
    vendorLike();
    const client = newClient();
    expect(await client.getAccessToken()).toBe(authToken(1));
    await expect(client.invalidateAccessToken()).resolves.toEqual({ "@odata.context": "test-context", value: true });
    const invalidate = calls("Invalidate");
    expect(invalidate).toHaveLength(1);
    expect(invalidate[0]!.path).toBe(path("Invalidate"));
    expect(invalidate[0]!.headers.authorization).toBe(`Bearer ${authToken(1)}`);
    expect(client.expiresAt).toBeUndefined();
    expect(await client.getAccessToken()).toBe(authToken(2));
  });

  it("invalidateAccessToken without a token sends nothing and answers { value: false }", async () => {
    vendorLike();
    await expect(newClient().invalidateAccessToken()).resolves.toEqual({ value: false });
    expect(server.requests).toHaveLength(0);
  });

  it("URL-encodes repoId in the path", async () => {
    vendorLike();
    const client = newClient({ repoId: "r-a b/c?d" });
    await client.refreshAccessToken();
    await client.invalidateAccessToken();
    expect(server.requests.map((r) => r.path)).toEqual(["Create", "Refresh", "Invalidate"].map((op) => `/v1-alpha/Repositories/r-a%20b%2Fc%3Fd/AccessTokens/${op}`));
  });

  it("sends the configured extra headers", async () => {
    vendorLike();
    await newClient({ headers: { "x-trace-id": "test-trace" } }).createAccessToken();
    expect(server.requests[0]!.headers["x-trace-id"]).toBe("test-trace");
  });

  it("picks the server from the environment (default us)", () => {
    const base = { repoId: REPO_ID, username: USERNAME, password: PASSWORD };
    expect(createLaserficheClient(base).baseUrl).toBe("https://api.laserfiche.com/repository");
    expect(createLaserficheClient({ ...base, environment: "ca" }).baseUrl).toBe("https://api.laserfiche.ca/repository");
    expect(createLaserficheClient({ ...base, environment: "eu" }).baseUrl).toBe("https://api.eu.laserfiche.com/repository");
    expect(() => createLaserficheClient({ ...base, environment: "au" as never })).toThrow(/environment: "au" is not one of: us, ca, eu/);
  });
});

describe("typed errors with the vendor's APIServerException", () => {
  const cases = [
    ["Create", 400, BadRequestError, "BadRequestError"],
    ["Create", 401, AuthenticationError, "AuthenticationError"],
    ["Create", 403, PermissionDeniedError, "PermissionDeniedError"],
    ["Create", 429, RateLimitError, "RateLimitError"],
    ["Refresh", 401, AuthenticationError, "AuthenticationError"],
    ["Refresh", 403, PermissionDeniedError, "PermissionDeniedError"],
    ["Refresh", 429, RateLimitError, "RateLimitError"],
    ["Invalidate", 401, AuthenticationError, "AuthenticationError"],
    ["Invalidate", 403, PermissionDeniedError, "PermissionDeniedError"],
    ["Invalidate", 429, RateLimitError, "RateLimitError"],
  ] as const;

  it.each(cases)("%s %i becomes %O", async (operation, status, ErrorClass, name) => {
    const body = apiServerException(status, `test ${operation} refused`);
    vendorLike({ [operation]: () => ({ status, headers: { "x-test": "1" }, body }) });
    // No retries: this test is about the mapping (retries have their own fault-injection tests).
    const client = newClient({ maxRetries: 0 });
    const run = { Create: () => client.createAccessToken(), Refresh: () => client.refreshAccessToken(), Invalidate: async () => (await client.getAccessToken(), client.invalidateAccessToken()) }[operation];
    const error = (await run().catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.name).toBe(name);
    expect(error.status).toBe(status);
    expect(error.code).toBe(String(9000 + status));
    expect(error.body).toEqual(body);
    expect(error.operation).toBe(`${operation.toLowerCase()}AccessToken`);
    expect(error.vendor).toBe("laserfiche");
    expect(error.headers["x-test"]).toBe("1");
    expect(error.message).toContain(`test ${operation} refused`);
    expect(calls(operation)).toHaveLength(1);
  });

  it("a 200 without authToken, and a 200 that is HTML, become ResponseParseError", async () => {
    vendorLike({ Create: () => ({ body: { expireTime: expireTime() } }) });
    await expect(newClient().createAccessToken()).rejects.toMatchObject({ name: "ResponseParseError", status: 200, operation: "createAccessToken" });
    vendorLike({ Create: () => ({ body: { authToken: null, expireTime: expireTime() } }) });
    await expect(newClient().createAccessToken()).rejects.toMatchObject({ name: "ResponseParseError", status: 200 });
    vendorLike({ Refresh: () => ({ headers: { "content-type": "text/html" }, body: "<html>test maintenance</html>" }) });
    const error = await newClient().refreshAccessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as ResponseParseError).excerpt).toContain("test maintenance");
  });

  it("a slow response becomes TimeoutError, the caller's abort becomes AbortError", async () => {
    vendorLike({ Create: async () => (await sleep(300), { body: sessionKeyInfo(1) }) });
    await expect(newClient({ timeoutMs: 50 }).createAccessToken()).rejects.toBeInstanceOf(TimeoutError);
    const controller = new AbortController();
    const pending = newClient().createAccessToken({ signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(AbortError);
    const aborted = new AbortController();
    aborted.abort();
    await expect(newClient().refreshAccessToken(undefined, { signal: aborted.signal })).rejects.toBeInstanceOf(AbortError);
    await sleep(20);
    // Only Refresh is this call's: the aborted Create above may reach the server late on a loaded machine.
    expect(server.requests.filter((request) => operationOf(request) === "Refresh")).toHaveLength(0);
  });

  it("a per-call timeout fails only that caller; the shared Create still completes and is reused", async () => {
    vendorLike({ Create: async () => (await sleep(150), { body: sessionKeyInfo(7) }) });
    const client = newClient();
    const patient = client.getAccessToken();
    await expect(client.createAccessToken({ timeoutMs: 20 })).rejects.toBeInstanceOf(TimeoutError);
    expect(await patient).toBe(authToken(7));
    expect(await client.getAccessToken()).toBe(authToken(7));
    expect(calls("Create")).toHaveLength(1);
  });

  it("a refused connection becomes ConnectionError", async () => {
    const closed = await startLoopbackServer();
    await closed.close();
    await expect(newClient({ baseUrl: closed.url }).createAccessToken()).rejects.toBeInstanceOf(ConnectionError);
  });
});

describe("validation before any request", () => {
  it("rejects bad options with a ValidationError naming the field", () => {
    const base = { repoId: REPO_ID, username: USERNAME, password: PASSWORD, baseUrl: server.url };
    const field = (options: unknown) => {
      try {
        createLaserficheClient(options as LaserficheClientOptions);
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).field;
      }
      return "no error";
    };
    expect(field(undefined)).toBe("options");
    expect(field({ ...base, repoId: undefined })).toBe("repoId");
    expect(field({ ...base, repoId: " " })).toBe("repoId");
    expect(field({ ...base, repoId: 42 })).toBe("repoId");
    expect(field({ ...base, password: undefined })).toBe("password");
    expect(field({ ...base, username: undefined })).toBe("username");
    expect(field({ repoId: REPO_ID, baseUrl: server.url })).toBe("username");
    expect(field({ ...base, customerId: 42 })).toBe("customerId");
    expect(field({ ...base, password: 7 })).toBe("password");
    expect(field({ ...base, createCookie: "yes" })).toBe("createCookie");
    expect(field({ ...base, applicationName: 1 })).toBe("applicationName");
    expect(field({ ...base, baseUrl: "http://api.laserfiche.com/repository" })).toBe("baseUrl");
    expect(newClient({ baseUrl: "http://api.laserfiche.test/repository", allowInsecureHttp: true }).baseUrl).toBe("http://api.laserfiche.test/repository");
    expect(server.requests).toHaveLength(0);
  });

  it("rejects bad keep-alive values and intervals", async () => {
    vendorLike();
    const client = newClient({ fetch: nodeHttpFetch });
    for (const keepAliveSeconds of [0, -1, 1.5, 3601, Number.NaN, "60" as never]) {
      await expect(client.refreshAccessToken({ keepAliveSeconds })).rejects.toMatchObject({ name: "ValidationError", field: "keepAliveSeconds" });
    }
    await expect(client.refreshAccessToken({ keepAlive: "" })).rejects.toMatchObject({ field: "keepAlive" });
    await expect(client.refreshAccessToken({ keepAlive: "timeout=5\r\nx-evil: 1" })).rejects.toMatchObject({ field: "keepAlive" });
    await expect(client.refreshAccessToken({ keepAlive: "timeout=5", keepAliveSeconds: 5 })).rejects.toMatchObject({ field: "keepAlive" });
    for (const interval of [0, -5, Number.POSITIVE_INFINITY, 2 ** 31]) {
      expect(() => client.startKeepAlive(interval)).toThrow(ValidationError);
    }
    expect(() => client.startKeepAlive(1000, { keepAliveSeconds: 7200 })).toThrow(/keepAliveSeconds/);
    expect(client.keepAliveRunning).toBe(false);
    expect(server.requests).toHaveLength(0);
  });
});

describe("the Keep-Alive header", () => {
  it("with the runtime's built-in fetch: a clear ValidationError before any request", async () => {
    vendorLike();
    const client = newClient();
    const error = (await client.refreshAccessToken({ keepAliveSeconds: 300 }).catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.field).toBe("keepAliveSeconds");
    expect(error.message).toMatch(/cannot be sent with the runtime's built-in fetch/);
    expect(() => client.startKeepAlive(1000, { keepAlive: "timeout=300" })).toThrow(/keepAlive: the Keep-Alive request header cannot be sent/);
    // Passing the built-in fetch explicitly is the same thing.
    await expect(newClient({ fetch: globalThis.fetch }).refreshAccessToken({ keepAliveSeconds: 300 })).rejects.toBeInstanceOf(ValidationError);
    expect(server.requests).toHaveLength(0);
    // Without a keep-alive value the built-in fetch is fine.
    await expect(client.refreshAccessToken()).resolves.toMatchObject({ value: expireTime(2) });
  });

  it("with a caller's fetch that is undici underneath: undici's rejection becomes the same ValidationError", async () => {
    vendorLike();
    const wrapped: typeof fetch = (input, init) => globalThis.fetch(input, init);
    const client = newClient({ fetch: wrapped });
    const error = (await client.refreshAccessToken({ keepAliveSeconds: 60 }).catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.field).toBe("keepAliveSeconds");
    expect(error.operation).toBe("refreshAccessToken");
    expect(error.message).toMatch(/undici underneath/);
    expect(error.cause).toBeInstanceOf(ConnectionError);
    // Create went out; the Refresh never reached the server.
    expect(server.requests.map(operationOf)).toEqual(["Create"]);
  });

  it("with a fetch built on node:http the header reaches the server: bare seconds, or a raw value", async () => {
    vendorLike();
    const client = newClient({ fetch: nodeHttpFetch });
    await expect(client.refreshAccessToken({ keepAliveSeconds: 3600 })).resolves.toMatchObject({ value: expireTime(2) });
    await client.refreshAccessToken({ keepAlive: "timeout=300" });
    await client.refreshAccessToken();
    expect(calls("Refresh").map((r) => [r.headers["keep-alive"], r.headers.authorization])).toEqual([
      ["3600", `Bearer ${authToken(1)}`],
      ["timeout=300", `Bearer ${authToken(1)}`],
      [undefined, `Bearer ${authToken(1)}`],
    ]);
  });
});

describe("single flight", () => {
  it("50 concurrent callers cause exactly one Create; later calls reuse it", async () => {
    vendorLike({ Create: async () => (await sleep(20), { body: sessionKeyInfo(1) }) });
    const client = newClient();
    const infos = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? client.createAccessToken() : client.getAccessToken().then((authToken) => ({ authToken })))));
    expect(new Set(infos.map((info) => info.authToken))).toEqual(new Set([authToken(1)]));
    expect(await client.createAccessToken()).toEqual(sessionKeyInfo(1));
    expect(calls("Create")).toHaveLength(1);
  });

  it("50 concurrent callers of one session cause one Create, independent of the client's token", async () => {
    vendorLike({ Create: async () => (await sleep(20), { body: sessionKeyInfo(calls("Create").length) }) });
    const client = newClient();
    const session = client.openSession();
    const tokens = await Promise.all(Array.from({ length: 50 }, () => session.getAccessToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(calls("Create")).toHaveLength(1);
    expect(await client.getAccessToken()).not.toBe(tokens[0]);
    expect(calls("Create")).toHaveLength(2);
  });

  it("a failed Create rejects every waiter with the same error; the next call tries again", async () => {
    let attempt = 0;
    vendorLike({ Create: () => (++attempt === 1 ? { status: 401, body: apiServerException(401) } : { body: sessionKeyInfo(2) }) });
    const session = newClient().openSession();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => session.createAccessToken()));
    const reasons = new Set(results.map((r) => (r.status === "rejected" ? r.reason : "fulfilled")));
    expect(reasons.size).toBe(1);
    expect([...reasons][0]).toBeInstanceOf(AuthenticationError);
    expect(await session.getAccessToken()).toBe(authToken(2));
    expect(calls("Create")).toHaveLength(2);
  });
});

describe("sessions", () => {
  it("invalidateAccessToken closes the session; every later use throws SessionClosedError", async () => {
    vendorLike();
    const session = newClient().openSession();
    await session.createAccessToken();
    await expect(session.invalidateAccessToken()).resolves.toMatchObject({ value: true });
    expect(session.closed).toBe(true);
    expect(session.expiresAt).toBeUndefined();
    for (const use of [
      () => session.createAccessToken(),
      () => session.getAccessToken(),
      () => session.refreshAccessToken(),
      () => session.invalidateAccessToken(),
      () => session.authorizedFetch("/v1-alpha/Repositories"),
    ]) {
      const error = await use().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SessionClosedError);
      expect((error as SessionClosedError).name).toBe("SessionClosedError");
      expect((error as SessionClosedError).vendor).toBe("laserfiche");
    }
    expect(() => session.startKeepAlive(1000)).toThrow(SessionClosedError);
    await expect(session.close()).resolves.toBeUndefined();
    expect(server.requests.map(operationOf)).toEqual(["Create", "Invalidate"]);
  });

  it("a failed Invalidate still closes the session and forgets the token", async () => {
    vendorLike({ Invalidate: () => ({ status: 429, body: apiServerException(429) }) });
    const session = newClient({ maxRetries: 0 }).openSession();
    await session.getAccessToken();
    await expect(session.invalidateAccessToken()).rejects.toBeInstanceOf(RateLimitError);
    expect(session.closed).toBe(true);
    await expect(session.close()).resolves.toBeUndefined();
    await expect(session.getAccessToken()).rejects.toBeInstanceOf(SessionClosedError);
  });

  it("closing while Create is in flight invalidates the token it returns; the waiters get SessionClosedError", async () => {
    vendorLike({ Create: async () => (await sleep(50), { body: sessionKeyInfo(3) }) });
    const session = newClient().openSession();
    const waiting = session.getAccessToken().catch((e: unknown) => e);
    await sleep(5);
    await session.close();
    expect(await waiting).toBeInstanceOf(SessionClosedError);
    expect(calls("Invalidate").map((r) => r.headers.authorization)).toEqual([`Bearer ${authToken(3)}`]);
  });

  it("closing while authorizedFetch waits for Create: SessionClosedError, and the closed session's token goes nowhere", async () => {
    vendorLike({ Create: async () => (await sleep(50), { body: sessionKeyInfo(3) }) });
    const session = newClient().openSession();
    const fetching = session.authorizedFetch("/v1-alpha/Repositories").catch((e: unknown) => e);
    await sleep(5);
    await session.close();
    expect(await fetching).toBeInstanceOf(SessionClosedError);
    expect(server.requests.map((r) => r.path).filter((path) => path.endsWith("/Repositories"))).toEqual([]);
    expect(calls("Invalidate").map((r) => r.headers.authorization)).toEqual([`Bearer ${authToken(3)}`]);
  });

  it("await using closes the session: Invalidate with its token, then SessionClosedError", async () => {
    vendorLike();
    const client = newClient();
    let escaped: ReturnType<typeof client.openSession> | undefined;
    {
      await using session = client.openSession();
      escaped = session;
      await session.createAccessToken();
      session.startKeepAlive(60_000);
    }
    expect(escaped.closed).toBe(true);
    expect(escaped.keepAliveRunning).toBe(false);
    expect(calls("Invalidate").map((r) => r.headers.authorization)).toEqual([`Bearer ${authToken(1)}`]);
    await expect(escaped.getAccessToken()).rejects.toBeInstanceOf(SessionClosedError);
  });

  it("is disposable under the native symbol and under Symbol.for('Symbol.asyncDispose') (Node 18/20 transpilers)", async () => {
    vendorLike();
    const client = newClient();
    const registered = Symbol.for("Symbol.asyncDispose");
    const a = client.openSession() as unknown as Record<symbol, () => Promise<void>>;
    expect(typeof a[registered]).toBe("function");
    expect(a[Symbol.asyncDispose]).toBe(a[registered]);
    await a[registered]!();
    expect((a as unknown as { closed: boolean }).closed).toBe(true);
    // A session that never created a token closes without a request.
    expect(server.requests).toHaveLength(0);
  });

  it("a disposal whose Invalidate fails throws that error (the session is closed anyway)", async () => {
    vendorLike({ Invalidate: () => ({ status: 403, body: apiServerException(403) }) });
    const session = newClient().openSession();
    await session.getAccessToken();
    await expect(session[Symbol.asyncDispose]()).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(session.closed).toBe(true);
  });
});

describe("keep-alive timer", () => {
  it("calls Refresh on the interval with the token (and the Keep-Alive header), stops on stopKeepAlive, and is unref'd", async () => {
    vendorLike();
    const setIntervalSpy = vi.spyOn(globalThis, "setInterval");
    const client = newClient({ fetch: nodeHttpFetch });
    const session = client.openSession();
    session.startKeepAlive(15, { keepAliveSeconds: 600 });
    expect(session.keepAliveRunning).toBe(true);
    const timer = setIntervalSpy.mock.results.at(-1)!.value as NodeJS.Timeout;
    // The handle is unref'd: it cannot keep the process alive.
    expect(timer.hasRef()).toBe(false);
    // No token yet: ticks send nothing.
    await sleep(60);
    expect(calls("Refresh")).toHaveLength(0);
    await session.createAccessToken();
    await vi.waitFor(() => expect(calls("Refresh").length).toBeGreaterThanOrEqual(3), { timeout: 5000, interval: 10 });
    session.stopKeepAlive();
    expect(session.keepAliveRunning).toBe(false);
    await sleep(250); // a Refresh already on the wire may still land (generous: CI machines are loaded)
    const count = calls("Refresh").length;
    await sleep(80);
    expect(calls("Refresh")).toHaveLength(count);
    for (const refresh of calls("Refresh")) {
      expect(refresh.headers.authorization).toBe(`Bearer ${authToken(1)}`);
      expect(refresh.headers["keep-alive"]).toBe("600");
    }
    expect(session.expiresAt?.toISOString()).toBe("2030-01-01T02:00:00.000Z");
    await session.close();
  });

  it("stops when the session is closed, and reports failures to onError", async () => {
    vendorLike({ Refresh: () => ({ status: 401, body: apiServerException(401) }) });
    const errors: unknown[] = [];
    const session = newClient().openSession();
    await session.getAccessToken();
    session.startKeepAlive(10, { onError: (error) => errors.push(error) });
    await vi.waitFor(() => expect(errors.length).toBeGreaterThanOrEqual(2), { timeout: 5000, interval: 10 });
    expect(errors[0]).toBeInstanceOf(AuthenticationError);
    await session.close();
    expect(session.keepAliveRunning).toBe(false);
    await sleep(250); // a Refresh already on the wire may still land
    const count = calls("Refresh").length;
    await sleep(60);
    expect(calls("Refresh")).toHaveLength(count);
  });

  it("the client's own timer: one Refresh at a time, replaced by a second start, stopped by invalidate", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    vendorLike({
      Refresh: async () => {
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        await sleep(40);
        inFlight--;
        return { body: { value: expireTime(3) } };
      },
    });
    const setIntervalSpy = vi.spyOn(globalThis, "setInterval");
    const clearIntervalSpy = vi.spyOn(globalThis, "clearInterval");
    const client = newClient();
    await client.getAccessToken();
    client.startKeepAlive(60_000);
    client.startKeepAlive(5);
    expect(clearIntervalSpy).toHaveBeenCalledWith(setIntervalSpy.mock.results[0]!.value);
    await vi.waitFor(() => expect(calls("Refresh").length).toBeGreaterThanOrEqual(2), { timeout: 5000, interval: 10 });
    expect(maxInFlight).toBe(1);
    await client.invalidateAccessToken();
    expect(client.keepAliveRunning).toBe(false);
  });
});

describe("bearer auth for the rest of the Repository API", () => {
  it("authMiddleware and authorizedFetch send the token of their session", async () => {
    vendorLike();
    server.setHandler((request) =>
      operationOf(request) === "Create" ? { body: sessionKeyInfo(calls("Create").length) } : { body: { value: [] } },
    );
    const client = newClient();
    const session = client.openSession();
    const other = createClient<{ "/v1-alpha/Repositories/{repoId}/Entries/{entryId}": { get: { parameters: { path: { repoId: string; entryId: number } }; responses: { 200: { content: { "application/json": { value: unknown[] } } } } } } }>({ baseUrl: client.baseUrl });
    other.use(session.authMiddleware());
    const { data } = await other.GET("/v1-alpha/Repositories/{repoId}/Entries/{entryId}", { params: { path: { repoId: REPO_ID, entryId: 1 } } });
    expect(data).toEqual({ value: [] });
    const response = await session.authorizedFetch(`/v1-alpha/Repositories/${REPO_ID}/Entries/1`);
    expect(await response.json()).toEqual({ value: [] });
    await client.authorizedFetch(`${client.baseUrl}/v1-alpha/Repositories/${REPO_ID}/Entries/1`);
    const entries = server.requests.filter((r) => r.path.includes("/Entries/"));
    expect(entries.map((r) => r.headers.authorization)).toEqual([`Bearer ${authToken(1)}`, `Bearer ${authToken(1)}`, `Bearer ${authToken(2)}`]);
    expect(calls("Create")).toHaveLength(2);
  });
});

describe("secrets stay secret", () => {
  it("an error body echoing the password and the token shows neither in any serialised form", async () => {
    vendorLike({
      Refresh: () => ({
        status: 403,
        headers: { "set-cookie": "authToken=test-cookie-value" },
        body: { ...apiServerException(403), message: `bad ${PASSWORD} with ${authToken(1)} and Bearer ${authToken(1)}` },
      }),
    });
    const client = newClient({ sessionKey: SESSION_KEY });
    const error = (await client.refreshAccessToken().catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(PermissionDeniedError);
    const forms = [error.message, String(error), JSON.stringify(error), inspect(error, { depth: 10 }), error.stack ?? "", JSON.stringify(error.body), JSON.stringify(error.headers)];
    for (const form of forms) {
      expect(form).not.toContain(PASSWORD);
      expect(form).not.toContain(authToken(1));
      expect(form).not.toContain("test-cookie-value");
    }
    expect(error.message).toContain("[REDACTED]");
  });

  it("the client and its sessions serialise without password, session key or token", async () => {
    vendorLike();
    const client = newClient({ sessionKey: SESSION_KEY });
    const session = client.openSession();
    await client.getAccessToken();
    await session.getAccessToken();
    for (const form of [JSON.stringify(client), inspect(client, { depth: 10 }), JSON.stringify(session), inspect(session, { depth: 10 }), String(Object.keys(client))]) {
      expect(form).not.toContain(PASSWORD);
      expect(form).not.toContain(SESSION_KEY);
      expect(form).not.toContain(authToken(1));
      expect(form).not.toContain(authToken(2));
    }
    expect(JSON.parse(JSON.stringify(client))).toMatchObject({ vendor: "laserfiche", repoId: REPO_ID, username: USERNAME });
    expect(JSON.parse(JSON.stringify(session))).toMatchObject({ repoId: REPO_ID, closed: false });
  });

  it("a ValidationError names the field but never echoes the value", () => {
    const secret = "test-secret-password-value";
    try {
      createLaserficheClient({ repoId: REPO_ID, password: secret, baseUrl: server.url });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe("username");
      expect(JSON.stringify(error) + String(error) + inspect(error)).not.toContain(secret);
    }
  });
});

describe("the accessToken option (a TokenSource, as on every client)", () => {
  it("a held token is the client's token: no Create until a 401, then Create with the credentials (the refused one logged out)", async () => {
    const held = "test-held-auth-token-1";
    server.setHandler(async (request) => {
      const operation = operationOf(request);
      if (operation === "Create") return { body: sessionKeyInfo(2) };
      if (operation === "Invalidate") return { body: { value: true } };
      return request.headers.authorization === `Bearer ${held}` ? { status: 401, body: apiServerException(401) } : { body: { ok: true } };
    });
    const client = newClient({ accessToken: held });
    expect(await client.getAccessToken()).toBe(held);
    expect(server.requests).toHaveLength(0);
    expect((await client.authorizedFetch("/v1-alpha/Repositories/r-test123/Entries/1")).status).toBe(200);
    expect(server.requests.map(operationOf)).toEqual(["1", "Create", "Invalidate", "1"]);
    expect(calls("Invalidate")[0]!.headers.authorization).toBe(`Bearer ${held}`);
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${authToken(2)}`);
    expect(await client.getAccessToken()).toBe(authToken(2));
  });

  it("a token function is the source: no Create, no credentials needed; sessions still need credentials", async () => {
    let asked = 0;
    vendorLike();
    const client = createLaserficheClient({ repoId: REPO_ID, baseUrl: server.url, accessToken: async () => `test-provided-auth-token-${++asked}` });
    expect(await client.getAccessToken()).toBe("test-provided-auth-token-1");
    expect((await client.createAccessToken()).authToken).toBe("test-provided-auth-token-1");
    await client.refreshAccessToken();
    expect(calls("Refresh")[0]!.headers.authorization).toBe("Bearer test-provided-auth-token-1");
    await client.invalidateAccessToken();
    expect(await client.getAccessToken()).toBe("test-provided-auth-token-2");
    expect(calls("Create")).toHaveLength(0);
    expect(() => client.openSession()).toThrow(/Invalid username: credentials are required/);
  });

  it("without a token function the credentials stay required; a non-TokenSource is a ValidationError", () => {
    expect(() => createLaserficheClient({ repoId: REPO_ID, baseUrl: server.url, accessToken: "test-held-auth-token-1" })).toThrow(/credentials are required/);
    expect(() => newClient({ accessToken: { authToken: "test-held-auth-token-1" } as never })).toThrow(/Invalid accessToken: must be a token string or a function/);
    expect(() => newClient({ accessToken: "" })).toThrow(/Invalid accessToken: must not be empty/);
    expect(server.requests).toHaveLength(0);
  });
});

describe("types as precise as the runtime", () => {
  it("createAccessToken() guarantees authToken: string (the spec's x-required-in-response, through the generated requiredSecrets)", async () => {
    expect(operations.createAccessToken.response.requiredSecrets).toEqual(["authToken"]);
    vendorLike();
    const client = newClient();
    const info = await client.createAccessToken();
    expectTypeOf(info.authToken).toEqualTypeOf<string>();
    expectTypeOf(client.openSession().createAccessToken).returns.resolves.toHaveProperty("authToken").toEqualTypeOf<string>();
    expectTypeOf<SessionKeyInfo["authToken"]>().toEqualTypeOf<string | null | undefined>();
    expect(info.authToken).toBe(authToken(1));
  });
});
