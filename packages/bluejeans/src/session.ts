// An OAuth session on one grant: obtains an access token, renews it before `expires_in` runs out
// (with the refresh_token grant when a refresh token and the client credentials are available,
// otherwise by repeating the original grant), keeps one request in flight however many callers
// wait, and authorises requests to the rest of the BlueJeans API.
import {
  AbortError,
  ApiError,
  TokenCache,
  ValidationError,
  VendorAuthError,
  createAuthMiddleware,
  createAuthorizedFetch,
  optionalFunction,
  optionalNumber,
  optionalObject,
  requireResponseString,
  withSafeDescription,
  MAX_TIMER_MS,
  type AuthorizedFetch,
  type CachedToken,
  type CallOptions,
  type ClientEvent,
  type Redactor,
  type TransportOptions,
} from "@vendor-auth/core/internal";
import type { Middleware } from "openapi-fetch";
import type { GrantRefresh, GrantRequest, GrantRequestRefresh, GrantResponse } from "./generated/schema.gen.js";
import { refreshTokenOf, resolveCredentials, type CredentialDefaults, type GrantResponses, type GrantType } from "./grants.js";

export interface SessionOptions {
  /**
   * Renew the token this long before its `expires_in` runs out. Default: 60000 ms, capped at half
   * the token's lifetime so a short-lived token is still reused.
   */
  refreshAheadMs?: number;
  /**
   * Use a token at least this long, whatever its `expires_in` says (a server answering 0 or a
   * negative number must not make every call obtain a token). Default: 5000 ms.
   */
  minLifetimeMs?: number;
  /** The clock, in epoch milliseconds (for tests). Default: `Date.now`. */
  now?: () => number;
  /**
   * How `authMiddleware()` and `authorizedFetch` send the token. Default: "query", the spec's
   * `access_token` scheme (`?access_token=<token>`); "header" sends `Authorization: Bearer <token>`,
   * which later vendor documentation uses.
   */
  tokenPlacement?: "query" | "header";
}

export interface BlueJeansSession<T extends GrantType = GrantType> {
  /** The session's original grant. */
  readonly grantType: T;
  /**
   * A valid access token: the cached one, or the result of the one token request in flight, or a new
   * request (refresh grant or the original grant) when none is cached or it is about to expire.
   * Your `signal` aborts your own wait (a signal that is already aborted starts no request).
   */
  getAccessToken(options?: CallOptions): Promise<string>;
  /** The whole response of the token request behind `getAccessToken()` (scope, expires_in, …). */
  getTokenResponse(): Promise<GrantResponses[T] | GrantRefresh>;
  /**
   * openapi-fetch middleware that authorises every request with the session's token, with the rules
   * of `authorizedFetch` (add it last: it sends the request).
   */
  authMiddleware(): Middleware;
  /**
   * A fetch that authorises every request with the session's token. Relative URLs resolve against
   * the client's `baseUrl`; the token goes only to the client's origin (and `allowedOrigins`),
   * redirects are followed within the same origin only; `timeoutMs` bounds the wait for the
   * headers. Third argument: `{ signal, timeoutMs, maxRetries }`.
   */
  authorizedFetch: AuthorizedFetch;
  /** Drops the cached token (e.g. after the API answered 401), so the next call obtains a new one. */
  invalidate(): void;
  /**
   * Revokes the session's current access token (`DELETE /oauth2/token`, needs the client id and
   * secret) and forgets it and its refresh token. A token request in flight is waited for and its
   * token revoked too; an answer that arrives after `revoke()` is never used. Does nothing when no
   * token was obtained.
   */
  revoke(options?: CallOptions): Promise<void>;
}

/** What a session needs from its client. */
export interface SessionContext {
  vendor: string;
  baseUrl: string;
  /** The client's transport options, for `authorizedFetch` (fetch, timeoutMs, allowedOrigins, …). */
  transport: TransportOptions;
  emit: (event: ClientEvent) => void;
  redactor: Redactor;
  defaults: CredentialDefaults;
  requestToken(body: GrantRequest): Promise<GrantResponse>;
  revoke(accessToken: string, credentials: { client_id: string; client_secret: string }, options?: CallOptions): Promise<void>;
}

interface SessionToken extends CachedToken {
  readonly value: string;
  /** When to renew: the real expiry minus the refresh-ahead margin; undefined when `expires_in` is absent. */
  readonly expiresAt: number | undefined;
  readonly response: GrantResponse;
}

const REPEATABLE: ReadonlySet<GrantType> = new Set<GrantType>(["password", "meeting_passcode", "client_credentials"]);
/** The longest `expires_in` believed: a year (a larger value, 1e300 say, is a fault, not a lifetime). */
const MAX_LIFETIME_MS = 365 * 24 * 3600 * 1000;

/** Checks the session options before anything is sent. */
function checkSessionOptions(options: unknown): SessionOptions {
  const checked = (optionalObject("sessionOptions", options) ?? {}) as SessionOptions;
  optionalNumber("refreshAheadMs", checked.refreshAheadMs, { min: 0, max: MAX_TIMER_MS, unit: "milliseconds" });
  optionalNumber("minLifetimeMs", checked.minLifetimeMs, { min: 0, max: MAX_TIMER_MS, unit: "milliseconds" });
  optionalFunction("now", checked.now);
  if (checked.tokenPlacement !== undefined && checked.tokenPlacement !== "query" && checked.tokenPlacement !== "header") {
    throw new ValidationError("tokenPlacement", 'must be "query" or "header"');
  }
  return checked;
}

/** `initial` must already be validated (see toGrantRequest): sessions are created by the client. */
export function createSession<T extends GrantType>(context: SessionContext, initial: GrantRequest, sessionOptions?: SessionOptions): BlueJeansSession<T> {
  const options = checkSessionOptions(sessionOptions);
  const clock = options.now ?? Date.now;
  const now = () => {
    const time = clock();
    if (typeof time !== "number" || !Number.isFinite(time)) throw new ValidationError("now", "must return a finite number of epoch milliseconds");
    return time;
  };
  const refreshAheadMs = options.refreshAheadMs ?? 60_000;
  const minLifetimeMs = options.minLifetimeMs ?? 5_000;
  const repeatable = REPEATABLE.has(initial.grant_type);
  // The refresh grant needs the application's credentials: the grant's own, else the client's.
  const credentials =
    "client_id" in initial ? { client_id: initial.client_id, client_secret: initial.client_secret } : tryCredentials(context.defaults);
  let refreshToken = initial.grant_type === "refresh_token" ? (initial as GrantRequestRefresh).refresh_token : undefined;
  let initialUsed = false;
  let revoked = false;
  let latest: SessionToken | undefined;
  /** Bumped by revoke(): a token answer that belongs to an earlier generation is never used. */
  let generation = 0;
  /** Tokens that arrived after revoke() for a request sent before it: revoke() revokes them once it settles. */
  const orphans: string[] = [];

  const accept = (response: GrantResponse, requestedIn: number): SessionToken => {
    const value = requireResponseString(response, ["access_token"], { vendor: context.vendor, operation: "getToken" });
    if (requestedIn !== generation) {
      // revoke() won the race: this answer (and its refresh token) must not bring the session back.
      orphans.push(value);
      throw new VendorAuthError("The session was revoked while its token request was in flight; start a new session", { vendor: context.vendor, operation: "getToken" });
    }
    refreshToken = refreshTokenOf(response) ?? refreshToken;
    // Clamped: `expires_in` 0 or negative is used for minLifetimeMs, a huge one for a year at most.
    const seconds = typeof response.expires_in === "number" && Number.isFinite(response.expires_in) ? response.expires_in : undefined;
    const lifetimeMs = seconds === undefined ? undefined : Math.min(Math.max(seconds * 1000, minLifetimeMs), MAX_LIFETIME_MS);
    const expiresAt = lifetimeMs === undefined ? undefined : now() + lifetimeMs - Math.min(refreshAheadMs, lifetimeMs / 2);
    latest = { value, expiresAt, response };
    return latest;
  };

  const obtain = async (): Promise<SessionToken> => {
    const requestedIn = generation;
    if (refreshToken && credentials) {
      const body: GrantRequestRefresh = { grant_type: "refresh_token", ...credentials, refresh_token: refreshToken };
      try {
        return accept(await context.requestToken(body), requestedIn);
      } catch (error) {
        // A rejected refresh token: fall back to the original grant when it can be repeated.
        if (!(repeatable && error instanceof ApiError && (error.status === 400 || error.status === 401))) throw error;
        refreshToken = undefined;
      }
    }
    if (initialUsed && !repeatable) {
      const why = revoked ? "the session was revoked" : "the server returned no refresh_token";
      throw new VendorAuthError(`Cannot renew the access token: the ${initial.grant_type} grant cannot be repeated and ${why}; start a new authorization`, {
        vendor: context.vendor,
        operation: "getToken",
      });
    }
    // Set before sending: an authorization code is single-use even when its exchange fails.
    initialUsed = true;
    return accept(await context.requestToken(initial), requestedIn);
  };

  const tokens = new TokenCache<SessionToken>(obtain, {
    refreshAheadMs: 0,
    // A token's renewal time already holds the clamped lifetime; the cache keeps it that long at least.
    minLifetimeMs: 0,
    now,
    reauthIntervalMs: context.transport.reauthIntervalMs,
    emit: context.emit,
    // A token replaced after a 401 is revoked on the server when the application's credentials are known.
    revoke: async (replaced) => {
      if (credentials) await context.revoke(replaced.value, credentials);
    },
  });
  const getAccessToken = async (call?: CallOptions) => {
    if (call?.signal?.aborted) throw new AbortError({ vendor: context.vendor, operation: "getAccessToken", cause: call.signal.reason });
    return (await tokens.acquire(call?.signal)).token.value;
  };
  const authorizedFetch = createAuthorizedFetch({
    ...context.transport,
    vendor: context.vendor,
    baseUrl: context.baseUrl,
    redactor: context.redactor,
    tokens,
    placement: options.tokenPlacement === "header" ? { in: "header" } : { in: "query", name: "access_token" },
  });

  const session: BlueJeansSession<T> = {
    grantType: initial.grant_type as T,
    getAccessToken,
    getTokenResponse: async () => (await tokens.get()).response as GrantResponses[T] | GrantRefresh,
    authMiddleware: () => createAuthMiddleware(authorizedFetch),
    authorizedFetch,
    invalidate: () => {
      tokens.invalidate();
    },
    async revoke(call) {
      // From here on no answer of an earlier request is used.
      generation++;
      const inFlight = tokens.pending;
      const current = latest;
      const saved = { refreshToken, revoked };
      latest = undefined;
      refreshToken = undefined;
      revoked = true;
      tokens.invalidate();
      const revokeCredentials = () => credentials ?? resolveCredentials(undefined, context.defaults, "revoking a token");
      if (current) {
        try {
          await context.revoke(current.value, revokeCredentials(), call);
        } catch (error) {
          // The server still holds the token: keep using it, unless a newer one came meanwhile.
          if (latest === undefined && tokens.peek() === undefined && tokens.pending === undefined) {
            latest = current;
            ({ refreshToken, revoked } = saved);
            tokens.set(current);
          }
          throw error;
        }
      }
      // A token request in flight: its token exists on the server even though it is never used.
      if (inFlight) await inFlight.catch(() => undefined);
      for (const orphan of orphans.splice(0)) await context.revoke(orphan, revokeCredentials(), call);
    },
  };
  return withSafeDescription(session, "BlueJeansSession", () => ({
    vendor: context.vendor,
    grantType: initial.grant_type,
    hasToken: latest !== undefined,
    renewAt: latest?.expiresAt === undefined ? undefined : new Date(latest.expiresAt).toISOString(),
  }));
}

function tryCredentials(defaults: CredentialDefaults) {
  return defaults.clientId !== undefined && defaults.clientSecret !== undefined ? { client_id: defaults.clientId, client_secret: defaults.clientSecret } : undefined;
}
