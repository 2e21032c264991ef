// Authorised requests to the rest of a vendor's API, outside the helper methods: `authorizedFetch`
// (a fetch with the client's token) and `authMiddleware` (the same for an openapi-fetch client).
// The token goes in the `Authorization: Bearer` header, or in a query parameter for APIs whose
// security scheme is `apiKey` `in: query` (BlueJeans: `access_token`).
//
// Where the token may go:
//   - only to the client's own origin (scheme, host and port) and under its base path, or to an
//     origin the caller listed in `allowedOrigins`; anything else, a `../` that escapes the base
//     path included, is a ValidationError before anything is sent. Plain http only to loopback
//     unless `allowInsecureHttp`.
//   - redirects are followed only within the same origin (and the same rules); a redirect to another
//     origin is returned to the caller as it is, not followed.
// Reliability: the client's `timeoutMs` (or the call's) bounds the wait for the response headers;
// the caller's signal (`init.signal` or the call's) aborts it. Failures are typed (ConnectionError,
// TimeoutError, AbortError, ValidationError). The body is the caller's to read, as a stream. A 401
// is handled by the token source (`TokenLease.after401`: bounded re-authentication, see
// token-cache.ts) and repeated once when the body can be sent again; retries of transient failures
// happen only when the caller asks (`maxRetries`), for methods that are safe to repeat.
import type { Middleware } from "openapi-fetch";
import { AbortError, ConnectionError, TimeoutError, ValidationError, VendorAuthError } from "./errors.js";
import { isLoopbackHost } from "./base-url.js";
import { createDeadline, type Deadline } from "./deadline.js";
import { describeNetworkError } from "./api-client.js";
import { DEFAULT_TIMEOUT_MS, checkCallOptions, type CallOptions } from "./options.js";
import type { Redactor } from "./redact.js";
import { DEFAULT_MAX_RETRY_AFTER_MS, RETRYABLE_STATUSES, parseRetryAfter, retryDelay, sleep, type RetryOptions } from "./retry.js";
import type { AcquiredToken, TokenLease } from "./token-cache.js";
import { HEADER_NAME } from "./validate.js";

/**
 * Where the token goes on a request: the Authorization header (`Bearer <token>`, or another
 * `scheme` such as "Basic" for a basic-auth credential), or a query parameter.
 */
export type TokenPlacement = { readonly in: "header"; readonly scheme?: string } | { readonly in: "query"; readonly name: string };

export interface AuthorizedFetchConfig {
  vendor: string;
  /** The client's validated base URL: its origin and path bound where the token may go. */
  baseUrl: string;
  tokens: TokenLease;
  redactor: Redactor;
  /** Default: `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch | undefined;
  /** Default: the Authorization header. */
  placement?: TokenPlacement | undefined;
  allowedOrigins?: readonly string[] | undefined;
  allowInsecureHttp?: boolean | undefined;
  /** Default: 60000. Bounds the wait for the response headers. */
  timeoutMs?: number | undefined;
  retry?: Omit<RetryOptions, "maxRetries"> | undefined;
}

/**
 * What `fetch` takes as its first argument. The DOM lib calls it `RequestInfo | URL`, a name a Node
 * project (`@types/node`, no DOM lib) does not have; this union is in both.
 */
export type FetchInput = string | URL | Request;

/** `fetch` with the client's token, plus the call options every client method takes. */
export type AuthorizedFetch = (input: FetchInput, init?: RequestInit, options?: CallOptions) => Promise<Response>;

/** What every client (or session) that holds a token offers for the rest of its vendor's API. */
export interface TokenHolder {
  /** The held token: the cached one, or the one request in flight, or a new one. Your `signal`/`timeoutMs` bound your own wait. */
  getAccessToken(options?: CallOptions): Promise<string>;
  /**
   * openapi-fetch middleware adding the token, with the rules of `authorizedFetch`:
   * `api.use(x.authMiddleware())` (add it last: it sends the request).
   */
  authMiddleware(): Middleware;
  /**
   * A fetch adding the token. Relative URLs resolve against the base URL; the token goes only to
   * the client's origin and base path (and `allowedOrigins`), redirects are followed within the
   * same origin only; `timeoutMs` bounds the wait for the headers. Third argument: `{ signal,
   * timeoutMs, maxRetries }`.
   */
  authorizedFetch: AuthorizedFetch;
}

const OPERATION = "authorizedFetch";
const MAX_REDIRECTS = 20;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** The origin and path rules of one client (see the header comment). */
export interface TargetPolicy {
  /** The absolute URL a request goes to (relative inputs resolve under the base URL). */
  resolve(input: string | URL): URL;
  /** Throws ValidationError when the token must not go to `url`. */
  check(url: URL): void;
}

export function createTargetPolicy(baseUrl: string, options: { allowedOrigins?: readonly string[] | undefined; allowInsecureHttp?: boolean | undefined } = {}): TargetPolicy {
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/+$/, "");
  const allowed = new Set<string>();
  for (const [index, origin] of (options.allowedOrigins ?? []).entries()) {
    const field = `allowedOrigins[${index}]`;
    if (typeof origin !== "string") throw new ValidationError(field, "must be an origin string such as https://files.example.com");
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new ValidationError(field, "is not an absolute URL");
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new ValidationError(field, "must be an http(s) origin");
    if (url.origin !== origin.replace(/\/+$/, "")) throw new ValidationError(field, "must be an origin only (scheme, host, port), without path, query or credentials");
    if (url.protocol === "http:" && !isLoopbackHost(url.hostname) && !options.allowInsecureHttp) {
      throw new ValidationError(field, `refusing plain http to ${url.host}: the token would travel unencrypted (set allowInsecureHttp: true to override)`);
    }
    allowed.add(url.origin);
  }
  return {
    resolve(input) {
      if (typeof input === "string" && !/^[a-z][a-z0-9+.-]*:/i.test(input)) {
        if (input.startsWith("//")) throw new ValidationError("url", "must not be protocol-relative (//host/…): use a path under the base URL or an absolute URL");
        return parseUrl(`${base.origin}${basePath}/${input.replace(/^\/+/, "")}`);
      }
      return parseUrl(String(input));
    },
    check(url) {
      if (url.username || url.password) throw new ValidationError("url", "must not contain credentials (user:password@)");
      if (url.protocol !== "https:" && url.protocol !== "http:") throw new ValidationError("url", `protocol ${url.protocol} is not supported`);
      if (url.origin === base.origin) {
        if (!underBasePath(url.pathname, basePath)) throw new ValidationError("url", `escapes the client's base path ${basePath || "/"}: the token goes only to the client's own API`);
      } else if (!allowed.has(url.origin)) {
        throw new ValidationError("url", `is on another origin than the client's (${base.origin}): the token goes only there (list other origins in \`allowedOrigins\`)`);
      }
      if (url.protocol === "http:" && !isLoopbackHost(url.hostname) && !options.allowInsecureHttp) {
        throw new ValidationError("url", `refusing plain http to ${url.host}: the token would travel unencrypted (set allowInsecureHttp: true to override)`);
      }
    },
  };
}

function parseUrl(raw: string): URL {
  try {
    return new URL(raw);
  } catch {
    throw new ValidationError("url", "is not a valid URL");
  }
}

/**
 * Whether `pathname` (already normalised by URL parsing, which resolves `..` and `%2e%2e`) stays
 * under `basePath`, also for servers that decode `%2f` or `%5c` into separators.
 */
function underBasePath(pathname: string, basePath: string): boolean {
  if (basePath && pathname !== basePath && !pathname.startsWith(`${basePath}/`)) return false;
  // URL parsing already removed literal dot segments: only percent-encoding can hide one.
  if (!pathname.includes("%")) return true;
  const segments = pathname.replace(/%2f|%5c/gi, "/").split("/");
  return !segments.some((segment) => /^(?:\.|%2e){1,2}$/i.test(segment));
}

/** A body that fetch can send again (for a 401 retry or a 307/308); a stream cannot. */
function isReusable(body: BodyInit | null | undefined): boolean {
  return body === undefined || body === null || typeof body === "string" || body instanceof URLSearchParams || body instanceof ArrayBuffer || ArrayBuffer.isView(body) || (typeof Blob !== "undefined" && body instanceof Blob) || (typeof FormData !== "undefined" && body instanceof FormData);
}

/** One signal for fetch from the timeout and the caller's signals, cleaned up by the runtime where it can. */
function fetchSignal(timer: AbortSignal, callers: AbortSignal[]): AbortSignal {
  if (callers.length === 0) return timer;
  const any = (AbortSignal as { any?: (signals: AbortSignal[]) => AbortSignal }).any;
  if (any) return any([timer, ...callers]);
  // Node 18: link by hand (the listeners live as long as the caller's signals).
  const controller = new AbortController();
  for (const signal of [timer, ...callers]) {
    if (signal.aborted) controller.abort(signal.reason);
    else signal.addEventListener("abort", () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}

interface Outgoing {
  url: URL;
  method: string;
  /**
   * Our own copy of the caller's headers (never theirs), names lower-case, as a plain record: fetch
   * builds its header list from a record without the sorted iteration a Headers object costs. The
   * token is set on it again before every send.
   */
  headers: Record<string, string>;
  body: BodyInit | null | undefined;
  /** The caller's `init.signal`: it may live as long as the app. */
  signal: AbortSignal | null;
  /**
   * Without `init.signal`, the signal of a Request built for this one call (by openapi-fetch, for
   * `authMiddleware`): it lives no longer than the call. A Request of the caller's, which may be sent
   * again and again, has its signal in `signal` instead.
   */
  requestSignal: AbortSignal | undefined;
  /** The rest of the caller's RequestInit (credentials, cache, keepalive, ...), passed on as it is. */
  rest: RequestInit;
  redirect: RequestRedirect;
}

export function createAuthorizedFetch(config: AuthorizedFetchConfig): AuthorizedFetch {
  const { vendor, tokens, redactor } = config;
  const policy = createTargetPolicy(config.baseUrl, config);
  const placement = config.placement ?? { in: "header" };
  const fields = { vendor, operation: OPERATION };
  const maxRetryAfterMs = config.retry?.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  let lastToken: string | undefined;
  let lastValue = "";

  return async function authorizedFetch(input, init = {}, callOptions) {
    const options = checkCallOptions(callOptions) ?? {};
    if (init === null || typeof init !== "object") throw new ValidationError("init", "must be an object (RequestInit)");
    const pending = outgoingOf(input, init, policy, placement);
    const outgoing = pending instanceof Promise ? await pending : pending;
    const fetchImpl = config.fetch ?? globalThis.fetch;
    const timeoutMs = options.timeoutMs ?? config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const maxRetries = SAFE_METHODS.has(outgoing.method) && isReusable(outgoing.body) ? (options.maxRetries ?? 0) : 0;
    for (let retry = 0; ; retry++) {
      // The signal of a Request built for this call (authMiddleware's) is linked to the deadline by
      // a listener, which may stay after the call (it goes with the request); the caller's own
      // signals (init.signal, options.signal, a Request of theirs), which may serve a whole app or
      // many calls, are combined by AbortSignal.any, which the runtime cleans up (and costs more).
      const deadline = createDeadline(timeoutMs, outgoing.requestSignal);
      const ownSignals = [options.signal, outgoing.signal ?? undefined].filter((s): s is AbortSignal => s !== undefined && s !== null);
      const signal = fetchSignal(deadline.signal, ownSignals);
      const callerSignals = outgoing.requestSignal ? [...ownSignals, outgoing.requestSignal] : ownSignals;
      let response: Response;
      try {
        response = await exchange(outgoing, signal, deadline, timeoutMs, callerSignals, fetchImpl);
      } catch (error) {
        if (!(error instanceof ConnectionError) || retry >= maxRetries) throw error;
        await backoff(retry, undefined, options.signal);
        continue;
      } finally {
        // The headers are in (or it failed): the timeout is over; the caller's signals still abort the body.
        deadline.stopTimer();
      }
      if (retry >= maxRetries || !RETRYABLE_STATUSES.has(response.status)) return response;
      const retryAfter = response.headers.get("retry-after");
      const requested = parseRetryAfter(retryAfter);
      if (requested !== undefined && requested > maxRetryAfterMs) return response;
      await response.body?.cancel().catch(() => {});
      await backoff(retry, retryAfter, options.signal);
    }
  };

  async function backoff(retry: number, retryAfter: string | null | undefined, signal: AbortSignal | undefined): Promise<void> {
    try {
      await sleep(retryDelay(retry, config.retry, retryAfter), signal);
    } catch {
      throw new AbortError({ ...fields, cause: signal?.reason });
    }
  }

  /** The request with its token, the same-origin redirects, and one repeat after a 401. */
  async function exchange(outgoing: Outgoing, signal: AbortSignal, deadline: Deadline, timeoutMs: number, callers: AbortSignal[], fetchImpl: typeof globalThis.fetch): Promise<Response> {
    const typed = (error: unknown): never => {
      if (error instanceof VendorAuthError) throw error;
      if (callers.some((s) => s.aborted)) throw new AbortError({ ...fields, cause: callers.find((s) => s.aborted)?.reason });
      if (deadline.timedOut) throw new TimeoutError(timeoutMs, fields);
      throw new ConnectionError(redactor.string(`${OPERATION}: connection failed (${describeNetworkError(error)})`), { ...fields, cause: redactor.error(error) });
    };
    if (signal.aborted) typed(undefined);
    // A cached token is used at once; only a wait for one is raced against the signal.
    let acquired = tokens.acquireNow?.();
    if (!acquired) {
      try {
        acquired = await untilAborted(tokens.acquire(signal), signal);
      } catch (error) {
        if (signal.aborted) typed(error);
        throw error;
      }
    }
    const held = acquired;
    const send = async (token: string): Promise<Response> => {
      let current: Outgoing = outgoing;
      for (let hops = 0; ; hops++) {
        const { url, init } = withToken(current, token, signal);
        let response: Response;
        try {
          response = await fetchImpl.call(globalThis, url, init);
        } catch (error) {
          return typed(error);
        }
        const next = current.redirect === "follow" && hops < MAX_REDIRECTS ? redirectTarget(current, response) : undefined;
        if (!next) return response;
        await response.body?.cancel().catch(() => {});
        current = next;
      }
    };
    return redactor.during([held.token.value], async () => {
      const response = await send(held.token.value);
      if (response.status !== 401 || !isReusable(outgoing.body)) return response;
      const replacement = await tokens.after401(held);
      if (!replacement) return response;
      await response.body?.cancel().catch(() => {});
      return redactor.during([replacement.value], () => send(replacement.value));
    });
  }

  /** The request on the wire: the token placed, redirects handled here (never by fetch). */
  function withToken(outgoing: Outgoing, token: string, signal: AbortSignal): { url: string; init: RequestInit } {
    let url = outgoing.url.href;
    const { headers } = outgoing;
    if (placement.in === "query") {
      const withQuery = new URL(url);
      withQuery.searchParams.set(placement.name, token);
      url = withQuery.href;
    } else headers["authorization"] = authorizationValue(token);
    return { url, init: { ...outgoing.rest, method: outgoing.method, headers, body: outgoing.body ?? null, signal, redirect: outgoing.redirect === "follow" ? "manual" : outgoing.redirect } };
  }

  /** `<scheme> <token>` as a header value, checked once per token (it is the same on every call). */
  function authorizationValue(token: string): string {
    if (token !== lastToken) {
      try {
        lastValue = headerValue(`${(placement.in === "header" && placement.scheme) || "Bearer"} ${token}`);
      } catch (error) {
        throw new ValidationError("token", "cannot be sent: it has characters a header value may not hold (CR, LF, NUL)", { ...fields, cause: redactor.error(error) });
      }
      lastToken = token;
    }
    return lastValue;
  }

  /** The next hop of a redirect that may be followed (same origin, same rules), else undefined. */
  function redirectTarget(current: Outgoing, response: Response): Outgoing | undefined {
    if (!REDIRECT_STATUSES.has(response.status)) return undefined;
    const location = response.headers.get("location");
    if (!location) return undefined;
    let target: URL;
    try {
      target = new URL(location, current.url);
    } catch {
      return undefined;
    }
    if (target.origin !== current.url.origin) return undefined;
    try {
      policy.check(target);
    } catch {
      return undefined;
    }
    // The token is placed again on every hop; one the server put in the Location is not kept.
    if (placement.in === "query") target.searchParams.delete(placement.name);
    const toGet = response.status === 303 ? current.method !== "HEAD" : (response.status === 301 || response.status === 302) && current.method === "POST";
    if (toGet) {
      const headers = { ...current.headers };
      for (const name of ["content-type", "content-length", "content-encoding", "content-language", "content-location"]) delete headers[name];
      return { ...current, url: target, method: "GET", headers, body: undefined };
    }
    if (!isReusable(current.body)) return undefined;
    return { ...current, url: target, headers: { ...current.headers } };
  }
}

/**
 * The parts of the request from fetch's arguments, checked against the target policy. A promise
 * only when a Request's body must be read (the common call costs no extra await).
 */
function outgoingOf(input: FetchInput, init: RequestInit, policy: TargetPolicy, placement: TokenPlacement): Outgoing | Promise<Outgoing> {
  const isRequest = typeof Request !== "undefined" && input instanceof Request;
  const url = policy.resolve(isRequest ? (input as Request).url : (input as string | URL));
  policy.check(url);
  const request = isRequest ? (input as Request) : undefined;
  const method = (init.method ?? request?.method ?? "GET").toUpperCase();
  let headers: Record<string, string>;
  try {
    headers = headerRecord(init.headers ?? request?.headers);
  } catch {
    // Not the runtime's message: it quotes the value, which may be a credential of the caller's.
    throw new ValidationError("init.headers", `are not valid headers (${invalidHeader(init.headers)})`, { operation: OPERATION });
  }
  // The token placed in the header replaces any the caller set.
  if (placement.in === "header") delete headers["authorization"];
  const requested = init.redirect ?? request?.redirect ?? "follow";
  const { signal, headers: _headers, body: _body, method: _method, redirect: _redirect, ...rest } = init;
  const own = signal ?? undefined;
  const perCall = request !== undefined && PER_CALL_REQUESTS.has(request);
  const outgoing: Outgoing = {
    url,
    method,
    headers,
    body: init.body,
    signal: own ?? (perCall ? null : (request?.signal ?? null)),
    requestSignal: own || !perCall ? undefined : request.signal,
    rest,
    redirect: requested,
  };
  if (outgoing.body !== undefined || !request?.body) return outgoing;
  return request.arrayBuffer().then((body) => ({ ...outgoing, body }));
}

/** A header value already in the form fetch sends: no surrounding whitespace, no CR, LF or NUL, Latin-1 only. */
const PLAIN_HEADER_VALUE = /^(?:[\x21-\x7e\x80-\xff](?:[\t\x20-\x7e\x80-\xff]*[\x21-\x7e\x80-\xff])?)?$/;

/**
 * The caller's headers as a record with lower-case names, with the rules of `new Headers()`: a plain
 * object whose names and values are already in their sent form is copied as it is (the common
 * case); any other form, or a value fetch would normalise or refuse, goes through `Headers`, which
 * normalises it or throws the TypeError fetch would.
 */
function headerRecord(init: HeadersInit | undefined): Record<string, string> {
  // No prototype: a header named `__proto__` or `constructor` is just a key.
  const record: Record<string, string> = Object.create(null);
  if (init === undefined || init === null) return record;
  if (Object.getPrototypeOf(init) === Object.prototype) {
    let plain = true;
    for (const name of Object.keys(init)) {
      const value = (init as Record<string, unknown>)[name];
      if (typeof value !== "string" || !HEADER_NAME.test(name) || !PLAIN_HEADER_VALUE.test(value)) {
        plain = false;
        break;
      }
      const key = name.toLowerCase();
      record[key] = record[key] === undefined ? value : `${record[key]}, ${value}`;
    }
    if (plain) return record;
  }
  const all: Record<string, string> = Object.create(null);
  // A Headers object (a Request's) holds valid, normalised values already: read, not copied.
  (init instanceof Headers ? init : new Headers(init)).forEach((value, name) => {
    all[name] = value;
  });
  return all;
}

/** What is wrong with headers `new Headers()` refused, naming the header but never quoting a value. */
function invalidHeader(init: HeadersInit | undefined): string {
  let entries: unknown[] = [];
  try {
    entries = Array.isArray(init) ? init : Object.entries(init ?? {});
  } catch {
    // Described generically below.
  }
  for (const entry of entries) {
    if (!Array.isArray(entry) || entry.length !== 2) return "an entry that is not a [name, value] pair";
    const [name, value] = entry as [unknown, unknown];
    if (typeof name !== "string" || !HEADER_NAME.test(name)) return "a header name that is not an HTTP token";
    try {
      new Headers([[name, String(value)]]);
    } catch {
      return `the value of ${name} holds CR, LF, NUL or a character outside Latin-1`;
    }
  }
  return "a name that is not an HTTP token, or a value with CR, LF, NUL or a character outside Latin-1";
}

/** One header value as fetch would send it, or the TypeError it would throw. */
function headerValue(value: string): string {
  return PLAIN_HEADER_VALUE.test(value) ? value : (new Headers([["x", value]]).get("x") as string);
}

/** Rejects as soon as `signal` aborts, while `promise` (a shared token request) runs on. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/**
 * openapi-fetch middleware with the same rules as `authorizedFetch`, for your own openapi-fetch
 * client: `api.use(client.authMiddleware())`. It sends the request itself (through the client's
 * fetch) and hands the response on, so add it after your other middleware.
 */
export function createAuthMiddleware(authorizedFetch: AuthorizedFetch): Middleware {
  return {
    async onRequest({ request }) {
      // openapi-fetch built this Request for this call alone (see Outgoing.requestSignal).
      PER_CALL_REQUESTS.add(request);
      return authorizedFetch(request);
    },
  };
}

/** Requests built for one call only (by openapi-fetch, handed to authMiddleware). */
const PER_CALL_REQUESTS = new WeakSet<Request>();
