// The options every vendor client and every call accept, and the one validator that checks them
// before anything is sent: a bad option is a ValidationError naming it, never a silent default (a
// `timeoutMs` of NaN once removed the timeout; 2^31 made it fire after 3 ms).
import type { ClientLogger } from "./events.js";
import type { RetryOptions } from "./retry.js";
import {
  MAX_RETRIES,
  MAX_TIMER_MS,
  optionalBoolean,
  optionalFunction,
  optionalHeaders,
  optionalNumber,
  optionalObject,
  optionalSignal,
  optionalString,
  optionalTimeout,
} from "./validate.js";
import { ValidationError } from "./errors.js";
import { checkTokenStore, type TokenStore } from "./token-store.js";

/** Options every vendor client accepts. */
export interface TransportOptions {
  /** The fetch implementation. Default: `globalThis.fetch` (Node 18+, browsers, edge runtimes). */
  fetch?: typeof globalThis.fetch | undefined;
  /** Time limit of one attempt, response body included, in milliseconds (1 to 2147483647). Default: 60000. */
  timeoutMs?: number | undefined;
  /** Extra headers sent with every request (e.g. a User-Agent or tracing header). Default: none. */
  headers?: Record<string, string> | undefined;
  /**
   * Retries after a transient failure (408, 429, 500, 502, 503, 504, connection error), only for
   * operations that are safe to repeat. 0 to 10. Default: 2. 0 turns retries off.
   */
  maxRetries?: number | undefined;
  /** Backoff settings: `initialDelayMs` (500), `maxDelayMs` (8000), `maxRetryAfterMs` (60000). */
  retry?: Omit<RetryOptions, "maxRetries"> | undefined;
  /**
   * Receives one event per request, response, retry, failure and token change, with secrets
   * redacted. Default: none (off). `logger: (e) => console.debug(e)` prints them.
   */
  logger?: ClientLogger | undefined;
  /** Largest response body accepted, in decoded bytes; a larger one is a ResponseParseError. Default: 10 MiB. */
  maxResponseBytes?: number | undefined;
  /** Allow `http://` to non-loopback hosts (base URL and `allowedOrigins`). Default: false (https only). */
  allowInsecureHttp?: boolean | undefined;
  /**
   * Origins besides the client's own (scheme, host and port, e.g. `"https://files.example.com"`)
   * that `authorizedFetch` and `authMiddleware` may send the token to. Default: none.
   */
  allowedOrigins?: readonly string[] | undefined;
  /**
   * The least time between two re-authentications after a 401, in milliseconds. A 401 within it
   * is returned as it is and the token kept. Default: 30000.
   */
  reauthIntervalMs?: number | undefined;
  /**
   * A store shared by every process of a fleet (e.g. `createRedisTokenStore(...)` from
   * `@vendor-auth/token-store-redis`): one token request for the whole fleet, invalidations seen by
   * every process. Keys are derived from the vendor, the base URL and the credentials (hashed).
   * Default: none (each client caches on its own).
   */
  tokenStore?: TokenStore | undefined;
  /**
   * An extra part of the store key (a tenant or service name), so clients that must not share a
   * token never do. Required where the client cannot tell whose token it holds (an Agilicus `accessToken` function).
   */
  tokenStoreKey?: string | undefined;
}

/** Options of one call. */
export interface CallOptions {
  /** Aborts the call, retries and backoff included; the promise then rejects with AbortError. */
  signal?: AbortSignal | undefined;
  /** Overrides the client's `timeoutMs` for this call (per attempt). */
  timeoutMs?: number | undefined;
  /**
   * Overrides the client's `maxRetries` for this call (ignored for operations unsafe to repeat; for
   * `authorizedFetch`, retries of GET, HEAD, OPTIONS, PUT and DELETE only, off by default).
   */
  maxRetries?: number | undefined;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_REAUTH_INTERVAL_MS = 30_000;

const retryCount = (field: string, value: unknown) => optionalNumber(field, value, { min: 0, max: MAX_RETRIES, integer: true });
const delay = (field: string, value: unknown) => optionalNumber(field, value, { min: 0, max: MAX_TIMER_MS, unit: "milliseconds" });

/** Checks every transport option (see TransportOptions); throws ValidationError naming the first bad one. */
export function checkTransportOptions(options: TransportOptions): void {
  optionalFunction("fetch", options.fetch);
  optionalTimeout("timeoutMs", options.timeoutMs);
  optionalHeaders("headers", options.headers);
  retryCount("maxRetries", options.maxRetries);
  const retry = optionalObject("retry", options.retry);
  if (retry) for (const name of ["initialDelayMs", "maxDelayMs", "maxRetryAfterMs"] as const) delay(`retry.${name}`, retry[name]);
  optionalFunction("logger", options.logger);
  optionalNumber("maxResponseBytes", options.maxResponseBytes, { min: 1, max: Number.MAX_SAFE_INTEGER, integer: true, unit: "bytes" });
  optionalBoolean("allowInsecureHttp", options.allowInsecureHttp);
  delay("reauthIntervalMs", options.reauthIntervalMs);
  if (options.allowedOrigins !== undefined && !Array.isArray(options.allowedOrigins)) throw new ValidationError("allowedOrigins", "must be an array of origins");
  checkTokenStore("tokenStore", options.tokenStore);
  optionalString("tokenStoreKey", options.tokenStoreKey, { minLength: 1, maxLength: 200 });
  if (options.tokenStoreKey !== undefined && options.tokenStore === undefined) throw new ValidationError("tokenStoreKey", "needs tokenStore");
}

/** Checks the options of one call; `undefined` means none. Returns them (never null). */
export function checkCallOptions<T extends CallOptions>(options: T | undefined, field = "options"): T | undefined {
  if (options === undefined) return undefined;
  optionalObject(field, options);
  optionalSignal(`${field}.signal`, options.signal);
  optionalTimeout(`${field}.timeoutMs`, options.timeoutMs);
  retryCount(`${field}.maxRetries`, options.maxRetries);
  return options;
}
