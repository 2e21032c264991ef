// The UniCourt helper client: the four token operations with the configured credentials, a
// token cache that never burns tokens needlessly (an account holds at most 10, and they never
// expire), and bearer auth for the rest of the UniCourt API. Every fact of the spec (paths,
// methods, lengths, secrets, idempotency) comes from the generated operations; this file holds only
// the token rules the spec cannot state.
import {
  Redactor,
  TokenCache,
  checkSchema,
  createApiClient,
  ProvidedTokens,
  ValidationError,
  checkTokenSource,
  optionalString,
  tokenHolderOf,
  requireObject,
  resolveBaseUrl,
  withSafeDescription,
  type CallOptions,
  type TokenHolder,
  type TokenSource,
  type TransportOptions,
} from "@vendor-auth/core/internal";
import type { Client } from "openapi-fetch";
import type { AccessTokenIdListResponse, AccessTokenRequest, AccessTokenResponse, Success } from "./generated/models.gen.js";
import type { paths } from "./generated/schema.gen.js";
import { defaultEnvironment, environments, type Environment } from "./generated/meta.gen.js";
import { operations, schemas, securitySchemes } from "./generated/operations.gen.js";
import { tokenIdToInvalidate } from "./invalidate.js";

export interface UniCourtClientOptions extends TransportOptions {
  /** Your Client ID (32 characters), from your UniCourt account. Required. */
  clientId: string;
  /**
   * Your Client Secret ID (64 characters), from your UniCourt account. Required. Sent only in the
   * body of the token operations; never appears in errors, logs or serialised forms of the client.
   */
  clientSecret: string;
  /** Base URL of the Enterprise API. Default: the URL of `environment`. Wins over `environment`. */
  baseUrl?: string;
  /** Named server from the spec. Default: "production" (`https://enterpriseapi.unicourt.com`). */
  environment?: Environment;
  /**
   * A token you already hold, or a function returning the current one (a TokenSource). A string
   * seeds the cache (UniCourt tokens never expire), so a restarted process reuses it instead of
   * generating an 11th; a 401 then generates a new one with the client credentials. A function is
   * the token source: the client generates no token of its own (a 401 asks the function once more,
   * at most once per `reauthIntervalMs`). Default: none; the first `getAccessToken()` generates one.
   */
  accessToken?: TokenSource | undefined;
  /**
   * The Token ID (18 characters) of a string `accessToken`, so that `invalidateToken()` without an
   * argument invalidates it, and `getCachedTokenId()` reports it. Default: none.
   */
  accessTokenId?: string | undefined;
}

export interface UniCourtClient extends TokenHolder {
  /** The base URL requests go to. */
  readonly baseUrl: string;
  /** POST /generateNewToken: always generates a new token (counts against the 10-token limit). */
  generateNewToken(options?: CallOptions): Promise<AccessTokenResponse>;
  /** PUT /invalidateAllTokens: invalidates every token of the account (and the cached one). */
  invalidateAllTokens(options?: CallOptions): Promise<Success>;
  /**
   * PUT /invalidateToken: invalidates one token by its Token ID (18 characters). Without a Token ID,
   * the cached token's (as the vendor SDK's `Authentication.invalidate_token()` does); the cache is
   * then cleared, so the next `getAccessToken()` generates a new token.
   */
  invalidateToken(tokenId?: string, options?: CallOptions): Promise<Success>;
  /** PUT /listAllTokenIds: the account's active tokens (at most 10). */
  listAllTokenIds(options?: CallOptions): Promise<AccessTokenIdListResponse>;
  // getAccessToken(): an access token for the rest of the UniCourt API, generated once and reused;
  // concurrent callers share one request; after a failure the next call tries again. A token that
  // a 401 proves invalid is replaced at most once per `reauthIntervalMs` (default 30 s) and the
  // replaced one invalidated on the server (`invalidateToken`): the account's 10-token limit is
  // never used up by a resource that refuses every token. authMiddleware() / authorizedFetch: the
  // token as `Authorization: Bearer`, to the client's origin only (see TokenHolder).
  /** The Token ID of the cached token, if one is cached. */
  getCachedTokenId(): string | undefined;
  /** The underlying openapi-fetch client for the token operations (no auth middleware). */
  readonly http: Client<paths>;
}

interface UniCourtToken {
  value: string;
  tokenId: string | undefined;
}

const VENDOR = "unicourt";

/**
 * The UniCourt AuthenticationApi client: the four token operations with your credentials, and one
 * cached token (bearer auth) for the rest of the UniCourt Enterprise API.
 *
 * @example
 * ```ts
 * import { createUniCourtClient } from "@vendor-auth/unicourt";
 *
 * const unicourt = createUniCourtClient({ clientId: "test-client-id", clientSecret: "test-client-secret" });
 * const token = await unicourt.getAccessToken(); // generated once, then reused
 * const cases = await unicourt.authorizedFetch("/caseSearch?q=Smith");
 * ```
 */
export function createUniCourtClient(options: UniCourtClientOptions): UniCourtClient {
  requireObject("options", options);
  const held = optionsAccessToken(options);
  // The credentials against the spec's AccessTokenRequest (lengths, required), before any request.
  const credentials: AccessTokenRequest = { clientId: options.clientId, clientSecret: options.clientSecret };
  checkSchema("", credentials, schemas.AccessTokenRequest, schemas);
  const baseUrl = resolveBaseUrl({ baseUrl: options.baseUrl, environment: options.environment, environments, defaultEnvironment, allowInsecureHttp: options.allowInsecureHttp });
  const redactor = new Redactor().add(options.clientSecret);
  const api = createApiClient<paths, typeof operations>({ ...options, vendor: VENDOR, baseUrl, redactor, operations, schemas, securitySchemes });

  const invalidateToken = async (tokenId: string, call?: CallOptions) => {
    const result = await api.op("invalidateToken", { body: { ...credentials, tokenId } }, call);
    const cached = tokens.peek();
    if (cached?.tokenId === tokenId) tokens.invalidate(cached.value);
    return result;
  };

  const tokens: TokenCache<UniCourtToken> = new TokenCache<UniCourtToken>(
    async () => {
      const token = await api.op("generateNewToken", { body: credentials });
      return { value: token.accessToken, tokenId: token.tokenId };
    },
    {
      reauthIntervalMs: options.reauthIntervalMs,
      emit: api.emit,
      // With a tokenStore, one token for every process on these credentials (the account holds 10).
      shared: api.shareTokens([credentials.clientId, credentials.clientSecret]),
      // A token replaced after a 401 still counts against the account's 10 until it is invalidated.
      revoke: async (replaced) => {
        if (replaced.tokenId !== undefined) await invalidateToken(replaced.tokenId);
      },
    },
  );
  // A held string seeds the cache; a function replaces it (the client then generates no token).
  if (typeof held.token === "string") {
    redactor.add(held.token);
    tokens.set({ value: held.token, tokenId: held.tokenId });
  }
  const provided = typeof held.token === "function" ? new ProvidedTokens(held.token, { reauthIntervalMs: options.reauthIntervalMs, emit: api.emit, operation: "accessToken" }) : undefined;
  const holder = tokenHolderOf({ ...options, vendor: VENDOR, baseUrl, tokens: provided ?? tokens, redactor });

  const client: UniCourtClient = {
    baseUrl,
    generateNewToken: (call) => api.op("generateNewToken", { body: credentials }, call),
    async invalidateAllTokens(call) {
      const result = await api.op("invalidateAllTokens", { body: credentials }, call);
      tokens.invalidate();
      return result;
    },
    // Without a Token ID: the cached token's (as the vendor SDK's helper does), then the cache is cleared.
    invalidateToken: async (tokenId, call) => invalidateToken(tokenIdToInvalidate(tokenId, tokens, provided !== undefined), call),
    listAllTokenIds: (call) => api.op("listAllTokenIds", { body: credentials }, call),
    ...holder,
    getCachedTokenId: () => tokens.peek()?.tokenId,
    http: api.http,
  };
  return withSafeDescription(client, "UniCourtClient", () => ({ vendor: VENDOR, baseUrl, clientId: credentials.clientId }));
}

/** The `accessToken` / `accessTokenId` options, checked (the old `{ accessToken, tokenId }` object named). */
function optionsAccessToken(options: UniCourtClientOptions): { token: string | (() => Promise<string>) | undefined; tokenId: string | undefined } {
  const value: unknown = options.accessToken;
  if (value !== null && typeof value === "object") throw new ValidationError("accessToken", "must be a token string or a function returning one: the { accessToken, tokenId } object is now accessToken + accessTokenId");
  const token = checkTokenSource("accessToken", value);
  const tokenId = optionalString("accessTokenId", options.accessTokenId);
  if (tokenId !== undefined && typeof token !== "string") throw new ValidationError("accessTokenId", "goes with a string accessToken (the Token ID of that token)");
  return { token, tokenId };
}
