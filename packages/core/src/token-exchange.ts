// A token obtained by posting a form to an authorisation server's token endpoint (RFC 6749 §3.2,
// §5.1), for flows whose endpoint lives outside the vendor's API spec: an identity assertion or a
// JWT-bearer grant exchanged at an issuer's `/token`. One exchange at a time (single-flight), the
// token kept until a fraction of its lifetime has passed, the request never retried (it mints a
// token), no redirect followed, and every secret (the bearer sent, the token received) redacted.
import { ResponseParseError } from "./errors.js";
import { createApiClient, type ApiClient } from "./api-client.js";
import { unverifiedJwtClaims } from "./jws.js";
import type { CallOptions, TransportOptions } from "./options.js";
import type { Redactor } from "./redact.js";
import { TokenCache } from "./token-cache.js";
import { waitWithCallOptions } from "./wait.js";

/** One exchange's request: the server (checked with checkServerUrl), the endpoint's path and the form. */
export interface TokenExchangeRequest {
  readonly baseUrl: string;
  readonly path: string;
  /** The form fields, sent `application/x-www-form-urlencoded` in this order. */
  readonly form: Readonly<Record<string, string>>;
  /** Sent as `Authorization: Bearer …` (an assertion, say); redacted while the exchange runs. */
  readonly bearer?: string | undefined;
}

/** A token from the endpoint. */
export interface ExchangedToken {
  readonly accessToken: string;
  readonly tokenType: string | undefined;
  /** The granted scopes, as the server wrote them (space-separated), if it said. */
  readonly scope: string | undefined;
  /** Epoch milliseconds at which the token expires, when the server said (`expires_in`, or the JWT's `exp`). */
  readonly expiresAt: number | undefined;
}

export interface TokenExchangeOptions extends TransportOptions {
  vendor: string;
  /** The operation name errors and events carry. */
  operation: string;
  redactor: Redactor;
  /** Builds each exchange's request afresh (a new assertion each time). */
  request: () => Promise<TokenExchangeRequest>;
  /** A token is renewed once this fraction of its lifetime (obtained → expiresAt) has passed; one of unknown lifetime is not kept. */
  renewAtFraction: number;
  now?: (() => number) | undefined;
}

export interface TokenExchange {
  /** The kept token, or the one exchange in flight, or a new exchange. Your `signal`/`timeoutMs` bound your own wait. */
  getAccessToken(options?: CallOptions): Promise<string>;
  /** Exchanges now; the kept token is replaced. */
  exchange(options?: CallOptions): Promise<ExchangedToken>;
  /** Drops the kept token: the next getAccessToken exchanges again. */
  invalidate(): void;
}

type TokenEndpointPaths = Record<string, { post: { parameters: { query?: never; header?: never; path?: never; cookie?: never }; requestBody: { content: { "application/x-www-form-urlencoded": Record<string, string> } }; responses: { 200: { headers: Record<string, unknown>; content: { "application/json": unknown } } } } }>;

export function createTokenExchange(options: TokenExchangeOptions): TokenExchange {
  const { vendor, operation, redactor, renewAtFraction } = options;
  const now = options.now ?? Date.now;
  const clients = new Map<string, ApiClient<TokenEndpointPaths>>();
  const clientFor = (baseUrl: string) => {
    let client = clients.get(baseUrl);
    if (!client) {
      const { fetch, timeoutMs, headers, maxRetries, retry, logger, maxResponseBytes } = options;
      // No operation facts: the exchange is never retried.
      client = createApiClient<TokenEndpointPaths>({ fetch, timeoutMs, headers, maxRetries, retry, logger, maxResponseBytes, vendor, baseUrl, redactor });
      clients.set(baseUrl, client);
    }
    return client;
  };

  async function exchange(call?: CallOptions): Promise<ExchangedToken> {
    const { baseUrl, path, form, bearer } = await options.request();
    const api = clientFor(baseUrl);
    const issuedAt = now();
    const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" };
    if (bearer !== undefined) headers["Authorization"] = `Bearer ${bearer}`;
    const body = await redactor.during([bearer], () =>
      api.call(operation, (init) => api.http.POST(path, { body: { ...form }, bodySerializer: (fields: Record<string, string>) => new URLSearchParams(fields).toString(), headers, ...init }), call),
    );
    const token = readTokenResponse(body, issuedAt, { vendor, operation });
    redactor.remember(token.accessToken);
    return token;
  }

  const keep = (token: ExchangedToken, obtainedAt: number) => ({
    value: token.accessToken,
    expiresAt: token.expiresAt === undefined ? obtainedAt : obtainedAt + (token.expiresAt - obtainedAt) * renewAtFraction,
  });
  const cache = new TokenCache(async () => keep(await exchange(), now()), { refreshAheadMs: 0, minLifetimeMs: 0, now, vendor, operation });
  return {
    getAccessToken: async (call) => (await waitWithCallOptions(() => cache.get(), call, { vendor, operation })).value,
    exchange: async (call) => {
      const token = await exchange(call);
      cache.set(keep(token, now()));
      return token;
    },
    invalidate: () => void cache.invalidate(),
  };
}

/** RFC 6749 §5.1: `access_token` required; the lifetime from `expires_in`, else the JWT's `exp`. */
function readTokenResponse(body: unknown, issuedAt: number, fields: { vendor: string; operation: string }): ExchangedToken {
  const answer = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const accessToken = answer["access_token"];
  if (typeof accessToken !== "string" || accessToken.length === 0) {
    throw new ResponseParseError("The token endpoint's answer has no access_token", { ...fields, status: 200, excerpt: "" });
  }
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const expiresIn = answer["expires_in"];
  const exp = unverifiedJwtClaims(accessToken)?.["exp"];
  const expiresAt = typeof expiresIn === "number" && Number.isFinite(expiresIn) && expiresIn > 0 ? issuedAt + expiresIn * 1000 : typeof exp === "number" ? exp * 1000 : undefined;
  return { accessToken, tokenType: text(answer["token_type"]), scope: text(answer["scope"]), expiresAt };
}
