// An OAuth session on one grant: obtains an access token, renews it before `expires_in` runs out
// (with the refresh_token grant when a refresh token and the client credentials are available,
// otherwise by repeating the original grant), keeps one request in flight however many callers
// wait, and authorises requests to the rest of the BlueJeans API.
import {
  ApiError,
  ResponseParseError,
  TokenCache,
  VendorAuthError,
  bearerFetch,
  bearerMiddleware,
  queryTokenFetch,
  queryTokenMiddleware,
  resolveAgainstBase,
  withSafeDescription,
  type CachedToken,
  type CallOptions,
  type Redactor,
} from "@vendor-auth/core";
import type { Middleware } from "openapi-fetch";
import type { GrantRefresh, GrantRequest, GrantRequestRefresh, GrantResponse } from "./generated/schema.gen.js";
import { refreshTokenOf, resolveCredentials, type CredentialDefaults, type GrantResponses, type GrantType } from "./grants.js";

export interface SessionOptions {
  /**
   * Renew the token this long before its `expires_in` runs out. Default: 60000 ms, capped at half
   * the token's lifetime so a short-lived token is still reused.
   */
  refreshAheadMs?: number;
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
   */
  getAccessToken(): Promise<string>;
  /** The whole response of the token request behind `getAccessToken()` (scope, expires_in, …). */
  getTokenResponse(): Promise<GrantResponses[T] | GrantRefresh>;
  /** openapi-fetch middleware that authorises every request with the session's token. */
  authMiddleware(): Middleware;
  /** A fetch that authorises every request with the session's token; relative URLs resolve against the client's `baseUrl`. */
  authorizedFetch: typeof globalThis.fetch;
  /** Drops the cached token (e.g. after the API answered 401), so the next call obtains a new one. */
  invalidate(): void;
  /**
   * Revokes the session's current access token (`DELETE /oauth2/token`, needs the client id and
   * secret) and forgets it and its refresh token. Does nothing when no token was obtained yet.
   */
  revoke(options?: CallOptions): Promise<void>;
}

/** What a session needs from its client. */
export interface SessionContext {
  vendor: string;
  baseUrl: string;
  fetch: typeof globalThis.fetch;
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

/** `initial` must already be validated (see toGrantRequest): sessions are created by the client. */
export function createSession<T extends GrantType>(context: SessionContext, initial: GrantRequest, options: SessionOptions = {}): BlueJeansSession<T> {
  const now = options.now ?? Date.now;
  const refreshAheadMs = options.refreshAheadMs ?? 60_000;
  const repeatable = REPEATABLE.has(initial.grant_type);
  // The refresh grant needs the application's credentials: the grant's own, else the client's.
  const credentials =
    "client_id" in initial ? { client_id: initial.client_id, client_secret: initial.client_secret } : tryCredentials(context.defaults);
  let refreshToken = initial.grant_type === "refresh_token" ? (initial as GrantRequestRefresh).refresh_token : undefined;
  let initialUsed = false;
  let revoked = false;
  let latest: SessionToken | undefined;

  const accept = (response: GrantResponse): SessionToken => {
    const value = response?.access_token;
    if (typeof value !== "string" || value.length === 0) {
      throw new ResponseParseError("getToken: the token response has no access_token", { vendor: context.vendor, operation: "getToken", status: 200, excerpt: "" });
    }
    refreshToken = refreshTokenOf(response) ?? refreshToken;
    const lifetimeMs = typeof response.expires_in === "number" && response.expires_in >= 0 ? response.expires_in * 1000 : undefined;
    const expiresAt = lifetimeMs === undefined ? undefined : now() + lifetimeMs - Math.min(refreshAheadMs, lifetimeMs / 2);
    latest = { value, expiresAt, response };
    return latest;
  };

  const obtain = async (): Promise<SessionToken> => {
    if (refreshToken && credentials) {
      const body: GrantRequestRefresh = { grant_type: "refresh_token", ...credentials, refresh_token: refreshToken };
      try {
        return accept(await context.requestToken(body));
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
    return accept(await context.requestToken(initial));
  };

  const tokens = new TokenCache<SessionToken>(obtain, { refreshAheadMs: 0, now });
  const getAccessToken = async () => (await tokens.get()).value;
  const fetchImpl = context.fetch;
  const resolve = (input: RequestInfo | URL) => resolveAgainstBase(context.baseUrl, input);
  const placement = options.tokenPlacement ?? "query";
  // A 401 drops the cached token, obtains a fresh one once and retries once.
  const reauth = { invalidate: (token: string) => void tokens.invalidate(token) };
  const authorized = placement === "header" ? bearerFetch(getAccessToken, fetchImpl, reauth) : queryTokenFetch("access_token", getAccessToken, fetchImpl, reauth);

  const session: BlueJeansSession<T> = {
    grantType: initial.grant_type as T,
    getAccessToken,
    getTokenResponse: async () => (await tokens.get()).response as GrantResponses[T] | GrantRefresh,
    authMiddleware: () => (placement === "header" ? bearerMiddleware(getAccessToken, reauth) : queryTokenMiddleware("access_token", getAccessToken, reauth)),
    authorizedFetch: (input, init) => authorized(resolve(input), init),
    invalidate: () => {
      tokens.invalidate();
    },
    async revoke(call) {
      const current = latest;
      if (!current) return;
      const revokeCredentials = credentials ?? resolveCredentials(undefined, context.defaults, "revoking a token");
      await context.revoke(current.value, revokeCredentials, call);
      if (latest === current) latest = undefined;
      refreshToken = undefined;
      revoked = true;
      tokens.invalidate();
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
