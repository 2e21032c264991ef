// An OAuth session on one grant: obtains an access token, renews it before `expires_in` runs out
// (with the refresh_token grant when a refresh token and the client credentials are available,
// otherwise by repeating the original grant, which only the password, meeting and client grants
// allow), keeps one request in flight however many callers wait, and authorises requests to the
// rest of the BlueJeans API. Lifetimes, revoke races and bounded re-authentication are core's
// TokenCache; what is BlueJeans' here is which grant renews and where the token goes.
import {
  ApiError,
  TokenCache,
  ValidationError,
  VendorAuthError,
  asSession,
  checkTokenLifetimeOptions,
  createClosable,
  optionalObject,
  renewalTime,
  tokenHolderOf,
  withSafeDescription,
  type ApiClient,
  type CallOptions,
  type TokenHolder,
  type TokenLifetimeOptions,
} from "@vendor-auth/core/internal";
import type { GrantRequest, GrantRequestRefresh } from "./generated/models.gen.js";
import { refreshTokenOf, resolveCredentials, type CredentialDefaults, type GrantResponses, type GrantType, type TokenResponse } from "./grants.js";

export interface SessionOptions extends TokenLifetimeOptions {
  /**
   * How `authMiddleware()` and `authorizedFetch` send the token. Default: "query", the spec's
   * `access_token` scheme (`?access_token=<token>`); "header" sends `Authorization: Bearer <token>`,
   * which later vendor documentation uses.
   */
  tokenPlacement?: "query" | "header";
}

/**
 * An OAuth session: its token (renewed as needed) for the rest of the BlueJeans API, until
 * `close()` (or `await using`) revokes it and ends the session.
 */
export interface BlueJeansSession<T extends GrantType = GrantType> extends TokenHolder {
  /** The session's original grant. */
  readonly grantType: T;
  /** The whole response of the token request behind `getAccessToken()` (scope, expires_in, …). */
  getTokenResponse(): Promise<GrantResponses[T] | GrantResponses["refresh_token"]>;
  /** Drops the cached token locally (e.g. after the API answered 401), so the next call obtains a new one. Sends nothing. */
  invalidate(): void;
  /**
   * Revokes the session's current access token (`DELETE /oauth2/token`, needs the client id and
   * secret) and forgets it and its refresh token. A token request in flight is waited for and its
   * token revoked too; an answer that arrives after `revoke()` is never used. Does nothing when no
   * token was obtained. The session stays open: the next `getAccessToken()` obtains a new token
   * when its grant can be repeated.
   */
  revoke(options?: CallOptions): Promise<void>;
  /** True once `close()` was called. */
  readonly closed: boolean;
  /**
   * Ends the session: revokes its access token at the server, as `revoke()` does (when one was
   * obtained; a token request in flight is waited for and its token revoked), then every later use
   * (`getAccessToken`, `getTokenResponse`, `authorizedFetch`) throws SessionClosedError. Idempotent:
   * later calls wait for the same revoke and never throw its error again. The session is closed even
   * when the revoke fails (the error is still thrown).
   */
  close(options?: CallOptions): Promise<void>;
  /** `await using session = client.createSession(grant)`: the same as `close()`. */
  [Symbol.asyncDispose](): Promise<void>;
}

/** What a session needs from its client. */
export interface SessionContext {
  /** The client's transport: its vendor, base URL, options (for `authorizedFetch`), redactor and logger. */
  api: Pick<ApiClient<{}>, "vendor" | "options" | "redactor" | "emit" | "shareTokens">;
  defaults: CredentialDefaults;
  requestToken(body: GrantRequest): Promise<TokenResponse>;
  revoke(accessToken: string, credentials: { client_id: string; client_secret: string }, options?: CallOptions): Promise<void>;
}

type SessionToken = { readonly value: string; readonly expiresAt: number | undefined; readonly response: TokenResponse };

/** The grants that can be sent again (a code is single-use, a refresh token rotates). */
const REPEATABLE: ReadonlySet<GrantType> = new Set<GrantType>(["password", "meeting_passcode", "client_credentials"]);

/** `initial` must already be validated (see toGrantRequest): sessions are created by the client. */
export function createSession<T extends GrantType>(context: SessionContext, initial: GrantRequest, sessionOptions?: SessionOptions): BlueJeansSession<T> {
  const { vendor } = context.api;
  const lifetime = checkTokenLifetimeOptions("sessionOptions", sessionOptions);
  const placement = (optionalObject("sessionOptions", sessionOptions) as SessionOptions | undefined)?.tokenPlacement;
  if (placement !== undefined && placement !== "query" && placement !== "header") throw new ValidationError("tokenPlacement", 'must be "query" or "header"');
  const repeatable = REPEATABLE.has(initial.grant_type);
  // The refresh grant needs the application's credentials: the grant's own, else the client's.
  const { clientId, clientSecret } = context.defaults;
  const credentials = "client_id" in initial ? { client_id: initial.client_id, client_secret: initial.client_secret } : clientId && clientSecret ? { client_id: clientId, client_secret: clientSecret } : undefined;
  let refreshToken = initial.grant_type === "refresh_token" ? (initial as GrantRequestRefresh).refresh_token : undefined;
  let initialUsed = false;
  let revoked = false;
  // Bumped by revoke(): an answer to a request sent before it brings back no refresh token.
  let era = 0;

  const accept = (response: TokenResponse, sentIn: number): SessionToken => {
    if (sentIn === era) refreshToken = refreshTokenOf(response) ?? refreshToken;
    // op() has checked the access_token the spec guarantees (x-required-in-response).
    return { value: response.access_token, expiresAt: renewalTime(response.expires_in, lifetime), response };
  };
  const obtain = async (previous?: SessionToken): Promise<SessionToken> => {
    const sentIn = era;
    // Renewing a token another process obtained (tokenStore): its refresh token is the latest.
    if (previous) refreshToken = refreshTokenOf(previous.response) ?? refreshToken;
    if (refreshToken && credentials) {
      const body: GrantRequestRefresh = { grant_type: "refresh_token", ...credentials, refresh_token: refreshToken };
      try {
        return accept(await context.requestToken(body), sentIn);
      } catch (error) {
        // A rejected refresh token: fall back to the original grant when it can be repeated.
        if (!(repeatable && error instanceof ApiError && (error.status === 400 || error.status === 401))) throw error;
        refreshToken = undefined;
      }
    }
    if (initialUsed && !repeatable) {
      const why = revoked ? "the session was revoked" : "the server returned no refresh_token";
      throw new VendorAuthError(`Cannot renew the access token: the ${initial.grant_type} grant cannot be repeated and ${why}; start a new authorization`, { vendor, operation: "getToken" });
    }
    // Set before sending: an authorization code is single-use even when its exchange fails.
    initialUsed = true;
    return accept(await context.requestToken(initial), sentIn);
  };

  const tokens = new TokenCache<SessionToken>(obtain, {
    // The renewal time already holds the clamped lifetime and the refresh-ahead margin.
    refreshAheadMs: 0,
    minLifetimeMs: 0,
    now: lifetime.now,
    vendor,
    reauthIntervalMs: context.api.options.reauthIntervalMs,
    emit: context.api.emit,
    shared: context.api.shareTokens([initial]),
    // A token replaced after a 401 is revoked on the server when the application's credentials are known.
    revoke: async (replaced) => {
      if (credentials) await context.revoke(replaced.value, credentials);
    },
  });
  const closable = createClosable(vendor);
  // getAccessToken: your signal or timeout bounds your own wait; an already aborted signal starts no request.
  const holder = tokenHolderOf({ ...context.api.options, vendor, redactor: context.api.redactor, tokens, closable, placement: placement === "header" ? { in: "header" } : { in: "query", name: "access_token" } });

  const session: Omit<BlueJeansSession<T>, "closed" | "close" | typeof Symbol.asyncDispose> = {
    grantType: initial.grant_type as T,
    ...holder,
    getTokenResponse: async () => (closable.ensureOpen("getTokenResponse"), (await tokens.get()).response as GrantResponses[T] | GrantResponses["refresh_token"]),
    invalidate: () => void tokens.invalidate(),
    async revoke(call) {
      const saved = { refreshToken, revoked };
      era++;
      refreshToken = undefined;
      revoked = true;
      try {
        await tokens.revoke((token) => context.revoke(token.value, credentials ?? resolveCredentials(undefined, context.defaults, "revoking a token"), call));
      } catch (error) {
        // The server still holds the token: the session keeps it (and can still refresh it).
        if (tokens.peek()) ({ refreshToken, revoked } = saved);
        throw error;
      }
    },
  };
  // Closing revokes the session's token (when it has one) and ends the session.
  const closing: BlueJeansSession<T> = asSession(session, closable, (call?: CallOptions) => session.revoke(call));
  return withSafeDescription(closing, "BlueJeansSession", () => {
    const current = tokens.peek();
    return { vendor, grantType: initial.grant_type, closed: closable.closed, hasToken: current !== undefined, renewAt: current?.expiresAt === undefined ? undefined : new Date(current.expiresAt).toISOString() };
  });
}
