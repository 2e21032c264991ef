// The UniCourt helper client: the four token operations with the configured credentials, a
// token cache that never burns tokens needlessly (an account holds at most 10, and they never
// expire), and bearer auth for the rest of the UniCourt API. Runs on openapi-fetch with the
// generated `paths` types; transport, errors and redaction come from @vendor-auth/core.
import {
  Redactor,
  TokenCache,
  bearerFetch,
  bearerMiddleware,
  createApiClient,
  requireString,
  resolveAgainstBase,
  resolveBaseUrl,
  withSafeDescription,
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
  /** Allow `http://` base URLs to non-loopback hosts. Default: false (https only). */
  allowInsecureHttp?: boolean;
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
   * callers share one in-flight request; after a failure the next call tries again.
   */
  getAccessToken(): Promise<string>;
  /** The Token ID of the cached token, if one is cached. */
  getCachedTokenId(): string | undefined;
  /** openapi-fetch middleware that adds `Authorization: Bearer <token>`: `api.use(client.authMiddleware())`. */
  authMiddleware(): Middleware;
  /** A fetch that adds `Authorization: Bearer <token>`; relative URLs resolve against `baseUrl`. */
  authorizedFetch: typeof globalThis.fetch;
  /** The underlying openapi-fetch client for the token operations (no auth middleware). */
  readonly http: Client<paths>;
}

interface UniCourtToken {
  value: string;
  tokenId: string | undefined;
}

const VENDOR = "unicourt";

export function createUniCourtClient(options: UniCourtClientOptions): UniCourtClient {
  // Lengths from specs/unicourt.yaml (AccessTokenRequest). Checked before any request is sent.
  const clientId = requireString("clientId", options?.clientId, { minLength: 32, maxLength: 32 });
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
      redactor.add(token.accessToken);
      return token;
    });

  const tokens = new TokenCache<UniCourtToken>(async () => {
    const token = await generateNewToken();
    return { value: token.accessToken, tokenId: token.tokenId };
  });
  if (options.accessToken) {
    const value = requireString("accessToken.accessToken", options.accessToken.accessToken);
    redactor.add(value);
    tokens.set({ value, tokenId: options.accessToken.tokenId });
  }
  const getAccessToken = async () => (await tokens.get()).value;
  const reauth = { invalidate: (token: string) => void tokens.invalidate(token) };

  const client: UniCourtClient = {
    baseUrl,
    generateNewToken,
    async invalidateAllTokens(call) {
      const result = await api.call("invalidateAllTokens", (init) => api.http.PUT("/invalidateAllTokens", { body: credentials(), ...init }), call);
      tokens.invalidate();
      return result;
    },
    async invalidateToken(tokenId, call) {
      const id = requireString("tokenId", tokenId, { minLength: 18, maxLength: 18 });
      const result = await api.call("invalidateToken", (init) => api.http.PUT("/invalidateToken", { body: { ...credentials(), tokenId: id }, ...init }), call);
      const cached = tokens.peek();
      if (cached?.tokenId === id) tokens.invalidate(cached.value);
      return result;
    },
    listAllTokenIds: (call) => api.call("listAllTokenIds", (init) => api.http.PUT("/listAllTokenIds", { body: credentials(), ...init }), call),
    getAccessToken,
    getCachedTokenId: () => tokens.peek()?.tokenId,
    // A 401 on a cached token (invalidated elsewhere) drops it, generates a new one once, retries once.
    authMiddleware: () => bearerMiddleware(getAccessToken, reauth),
    authorizedFetch: (() => {
      const authorized = bearerFetch(getAccessToken, options.fetch ?? globalThis.fetch, reauth);
      return (input: RequestInfo | URL, init?: RequestInit) => authorized(resolveAgainstBase(baseUrl, input), init);
    })(),
    http: api.http,
  };
  return withSafeDescription(client, "UniCourtClient", () => ({ vendor: VENDOR, baseUrl, clientId }));
}
