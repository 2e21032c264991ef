// The UniCourt helper client: the four token operations with the configured credentials, a
// token cache that never burns tokens needlessly (an account holds at most 10, and they never
// expire), and bearer auth for the rest of the UniCourt API. Runs on openapi-fetch with the
// generated `paths` types; transport, errors and redaction come from @vendor-auth/core.
import {
  Redactor,
  TokenCache,
  createApiClient,
  createAuthMiddleware,
  createAuthorizedFetch,
  optionalObject,
  requireObject,
  requireResponseString,
  requireString,
  resolveBaseUrl,
  withSafeDescription,
  type AuthorizedFetch,
  type CallOptions,
  type TransportOptions,
} from "@vendor-auth/core";
import type { Client, Middleware } from "openapi-fetch";
import type { AccessTokenIdListResponse, AccessTokenResponse, Success, paths } from "./generated/schema.gen.js";
import { environments, operations, type Environment } from "./generated/meta.gen.js";

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
   * An access token you already hold (UniCourt tokens never expire), so a restarted process reuses
   * it instead of generating an 11th. Default: none; the first `getAccessToken()` generates one.
   */
  accessToken?: { accessToken: string; tokenId?: string };
}

export interface UniCourtClient {
  /** The base URL requests go to. */
  readonly baseUrl: string;
  /** POST /generateNewToken: always generates a new token (counts against the 10-token limit). */
  generateNewToken(options?: CallOptions): Promise<AccessTokenResponse>;
  /** PUT /invalidateAllTokens: invalidates every token of the account (and the cached one). */
  invalidateAllTokens(options?: CallOptions): Promise<Success>;
  /** PUT /invalidateToken: invalidates one token by its Token ID (18 characters). */
  invalidateToken(tokenId: string, options?: CallOptions): Promise<Success>;
  /** PUT /listAllTokenIds: the account's active tokens (at most 10). */
  listAllTokenIds(options?: CallOptions): Promise<AccessTokenIdListResponse>;
  /**
   * An access token for the rest of the UniCourt API: generated once and reused; concurrent
   * callers share one in-flight request; after a failure the next call tries again. A token that a
   * 401 proves invalid is replaced at most once per `reauthIntervalMs` (default 30 s), and the
   * replaced one is invalidated on the server (`invalidateToken`), so the account's 10-token limit
   * is never used up by a resource that refuses every token.
   */
  getAccessToken(): Promise<string>;
  /** The Token ID of the cached token, if one is cached. */
  getCachedTokenId(): string | undefined;
  /**
   * openapi-fetch middleware that adds `Authorization: Bearer <token>`, with the rules of
   * `authorizedFetch`: `api.use(client.authMiddleware())` (add it last: it sends the request).
   */
  authMiddleware(): Middleware;
  /**
   * A fetch that adds `Authorization: Bearer <token>`. Relative URLs resolve against `baseUrl`; the
   * token goes only to the client's origin (and `allowedOrigins`), redirects are followed within the
   * same origin only; `timeoutMs` bounds the wait for the headers. Third argument: `{ signal,
   * timeoutMs, maxRetries }`.
   */
  authorizedFetch: AuthorizedFetch;
  /** The underlying openapi-fetch client for the token operations (no auth middleware). */
  readonly http: Client<paths>;
}

interface UniCourtToken {
  value: string;
  tokenId: string | undefined;
}

const VENDOR = "unicourt";

export function createUniCourtClient(options: UniCourtClientOptions): UniCourtClient {
  requireObject("options", options);
  // Lengths from specs/unicourt.yaml (AccessTokenRequest). Checked before any request is sent.
  const clientId = requireString("clientId", options.clientId, { minLength: 32, maxLength: 32 });
  const clientSecret = requireString("clientSecret", options.clientSecret, { minLength: 64, maxLength: 64 });
  const baseUrl = resolveBaseUrl({
    baseUrl: options.baseUrl,
    environment: options.environment,
    environments,
    defaultEnvironment: "production",
    allowInsecureHttp: options.allowInsecureHttp,
  });
  const redactor = new Redactor().add(clientSecret);
  const api = createApiClient<paths>({ ...options, vendor: VENDOR, baseUrl, redactor, operations });
  const credentials = () => ({ clientId, clientSecret });

  const generateNewToken = (call?: CallOptions) =>
    api.call("generateNewToken", (init) => api.http.POST("/generateNewToken", { body: credentials(), ...init }), call).then((token) => {
      // Never cache `undefined` and send `Bearer undefined`: a token response must hold a token.
      redactor.remember(requireResponseString(token, ["accessToken"], { vendor: VENDOR, operation: "generateNewToken" }));
      return token;
    });

  const invalidateToken = async (tokenId: string, call?: CallOptions) => {
    const id = requireString("tokenId", tokenId, { minLength: 18, maxLength: 18 });
    const result = await api.call("invalidateToken", (init) => api.http.PUT("/invalidateToken", { body: { ...credentials(), tokenId: id }, ...init }), call);
    const cached = tokens.peek();
    if (cached?.tokenId === id) tokens.invalidate(cached.value);
    return result;
  };

  const tokens: TokenCache<UniCourtToken> = new TokenCache<UniCourtToken>(
    async () => {
      const token = await generateNewToken();
      return { value: token.accessToken, tokenId: token.tokenId };
    },
    {
      reauthIntervalMs: options.reauthIntervalMs,
      emit: api.emit,
      // A token replaced after a 401 still counts against the account's 10 until it is invalidated.
      revoke: async (replaced) => {
        if (replaced.tokenId !== undefined) await invalidateToken(replaced.tokenId);
      },
    },
  );
  const held = optionalObject("accessToken", options.accessToken);
  if (held) {
    const value = requireString("accessToken.accessToken", held["accessToken"]);
    redactor.add(value);
    const tokenId = held["tokenId"] === undefined ? undefined : requireString("accessToken.tokenId", held["tokenId"], { minLength: 18, maxLength: 18 });
    tokens.set({ value, tokenId });
  }
  const getAccessToken = async () => (await tokens.get()).value;
  const authorizedFetch = createAuthorizedFetch({ ...options, vendor: VENDOR, baseUrl, tokens, redactor });

  const client: UniCourtClient = {
    baseUrl,
    generateNewToken,
    async invalidateAllTokens(call) {
      const result = await api.call("invalidateAllTokens", (init) => api.http.PUT("/invalidateAllTokens", { body: credentials(), ...init }), call);
      tokens.invalidate();
      return result;
    },
    invalidateToken,
    listAllTokenIds: (call) => api.call("listAllTokenIds", (init) => api.http.PUT("/listAllTokenIds", { body: credentials(), ...init }), call),
    getAccessToken,
    getCachedTokenId: () => tokens.peek()?.tokenId,
    // A 401 on a cached token (invalidated elsewhere) replaces it once, bounded (see getAccessToken).
    authMiddleware: () => createAuthMiddleware(authorizedFetch),
    authorizedFetch,
    http: api.http,
  };
  return withSafeDescription(client, "UniCourtClient", () => ({ vendor: VENDOR, baseUrl, clientId }));
}
