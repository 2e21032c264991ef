// A bearer token given either as a fixed string or as a function that returns one (for example
// from the caller's own refresh logic). Normalised to one async provider.
import { ValidationError } from "./errors.js";
import type { ClientEvent } from "./events.js";
import { TokenCache, type AcquiredToken, type CachedToken, type TokenLease } from "./token-cache.js";
import type { SharedTokens } from "./shared-tokens.js";
import type { CallOptions } from "./options.js";
import { waitWithCallOptions } from "./wait.js";
import { createAuthMiddleware, createAuthorizedFetch, type AuthorizedFetchConfig, type TokenHolder } from "./bearer.js";
import type { Closable } from "./lifecycle.js";

/**
 * The `accessToken` option of every client (docs/vocabulary.md): a token you already hold, or a
 * function returning the current one (called whenever the client needs the token).
 */
export type TokenSource = string | (() => string | Promise<string>);

/**
 * The one check of a `TokenSource` option (`accessToken` on every client): undefined when absent,
 * the token itself when a string (so a client that can obtain tokens may seed its cache with it),
 * or the function as a provider that checks what it returns.
 */
export function checkTokenSource(field: string, value: unknown): string | (() => Promise<string>) | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" && typeof value !== "function") {
    const got = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
    throw new ValidationError(field, `must be a token string or a function returning one (a TokenSource), got ${got}`);
  }
  if (typeof value === "function") return toTokenProvider(field, value as TokenSource);
  if (!value.trim()) throw new ValidationError(field, "must not be empty");
  return value;
}

/** Throws a ValidationError naming the new option when `options` still uses a renamed one (callers without types). */
export function rejectRenamedOptions(options: object, renamed: Readonly<Record<string, string>>): void {
  for (const [old, replacement] of Object.entries(renamed)) {
    if ((options as Record<string, unknown>)[old] !== undefined) throw new ValidationError(old, `is no longer an option: use ${replacement} (see docs/vocabulary.md)`);
  }
}

/** The lease of a client that was given no token: every use is a ValidationError naming the option, before anything is sent. */
export function missingTokenLease(field: string, hint: string): TokenLease {
  const refuse = async (): Promise<never> => Promise.reject(new ValidationError(field, `is not set: ${hint}`));
  return { acquire: refuse, after401: refuse };
}

/**
 * `getAccessToken(options?)` of a client whose token comes from `lease` (a provider, or a cache):
 * your `signal`/`timeoutMs` bound your own wait; an already aborted signal asks for no token.
 */
export function leaseAccessToken(lease: TokenLease, fields: { vendor: string; operation?: string }): (options?: CallOptions) => Promise<string> {
  const where = { vendor: fields.vendor, operation: fields.operation ?? "getAccessToken" };
  return async (options) => (await waitWithCallOptions(() => lease.acquire(), options, where)).token.value;
}

/**
 * The providers toTokenProvider made from a token string, with that token, so that ProvidedTokens
 * can hand it out without a promise (and a call goes without a wait: see TokenLease.acquireNow).
 * Kept here rather than as a property of the function, where inspecting it would show the token.
 */
const FIXED_TOKENS = new WeakMap<() => Promise<string>, string>();

export function toTokenProvider(field: string, source: TokenSource | undefined): () => Promise<string> {
  if (typeof source === "string") {
    if (!source.trim()) throw new ValidationError(field, "must not be empty");
    const provider = async () => source;
    FIXED_TOKENS.set(provider, source);
    return provider;
  }
  if (typeof source === "function") {
    return async () => {
      const token = await source();
      if (typeof token !== "string" || !token.trim()) throw new ValidationError(field, "the token provider returned no token");
      return token;
    };
  }
  throw new ValidationError(field, "is required (a token string or a function returning one)");
}

export interface ProvidedTokensOptions {
  /** The least time between two re-authentications after a 401. Default: 30000 ms. */
  reauthIntervalMs?: number | undefined;
  /** Receives `token` events (see ClientEvent). */
  emit?: ((event: ClientEvent) => void) | undefined;
  /** The operation name `token` events carry. */
  operation?: string | undefined;
  /** Clock, for tests. Default: Date.now. */
  now?: (() => number) | undefined;
}

/**
 * The three TokenHolder methods of a client or session: `getAccessToken` (default: the token of
 * `config.tokens`), and `authorizedFetch` / `authMiddleware` sending `config.tokens` with the rules
 * of bearer.ts. With `closable` (a session), all three throw SessionClosedError once it is closed,
 * and a token that arrives after the close is not handed out.
 */
export function tokenHolderOf(config: AuthorizedFetchConfig & { closable?: Closable | undefined }, getAccessToken: TokenHolder["getAccessToken"] = leaseAccessToken(config.tokens, config)): TokenHolder {
  const { closable, tokens } = config;
  if (!closable) {
    const authorizedFetch = createAuthorizedFetch(config);
    return { getAccessToken, authorizedFetch, authMiddleware: () => createAuthMiddleware(authorizedFetch) };
  }
  const open = async <T>(operation: string, get: () => Promise<T>): Promise<T> => {
    closable.ensureOpen(operation);
    const value = await get();
    closable.ensureOpen(operation);
    return value;
  };
  const lease: TokenLease = {
    acquire: (signal) => open("authorizedFetch", () => tokens.acquire(signal)),
    acquireNow: () => (closable.ensureOpen("authorizedFetch"), tokens.acquireNow?.()),
    after401: (used) => tokens.after401(used),
  };
  return tokenHolderOf({ ...config, closable: undefined, tokens: lease }, (options) => open("getAccessToken", () => getAccessToken(options)));
}

/**
 * Bearer auth from a caller's token provider (which caches, or not, on its own). After a 401 the
 * provider is asked once more, at most once per `reauthIntervalMs`, and the request is repeated
 * once only when it hands out a different token: a provider that mints on every call must not
 * mint on every 401 of a resource that refuses every token.
 */
export class ProvidedTokens implements TokenLease {
  readonly #provider: () => Promise<string>;
  /** The token of a provider made from a token string, as every acquire() hands it out; undefined for a function. */
  readonly #fixed: AcquiredToken | undefined;
  readonly #reauthIntervalMs: number;
  readonly #emit: (event: ClientEvent) => void;
  readonly #operation: string;
  readonly #now: () => number;
  #lastReauthAt = Number.NEGATIVE_INFINITY;

  constructor(provider: () => Promise<string>, options: ProvidedTokensOptions = {}) {
    this.#provider = provider;
    const fixed = FIXED_TOKENS.get(provider);
    this.#fixed = fixed === undefined ? undefined : { token: { value: fixed }, fresh: false };
    this.#reauthIntervalMs = options.reauthIntervalMs ?? 30_000;
    this.#emit = options.emit ?? (() => {});
    this.#operation = options.operation ?? "getToken";
    this.#now = options.now ?? Date.now;
  }

  async acquire(signal?: AbortSignal): Promise<AcquiredToken> {
    // A caller who already gave up runs no provider.
    if (signal?.aborted) throw signal.reason ?? new Error("aborted");
    return this.#fixed ?? { token: { value: await this.#provider() }, fresh: false };
  }

  /** The fixed token at once; undefined for a provider function, which must be asked (acquire). */
  acquireNow(): AcquiredToken | undefined {
    return this.#fixed;
  }

  async after401(used: AcquiredToken): Promise<CachedToken | undefined> {
    const now = this.#now();
    if (now - this.#lastReauthAt < this.#reauthIntervalMs) {
      this.#report("kept", `401 within ${this.#reauthIntervalMs} ms of the last re-authentication: the token is kept`);
      return undefined;
    }
    this.#lastReauthAt = now;
    const value = await this.#provider();
    if (value === used.token.value) {
      this.#report("kept", "401, and the token provider handed out the same token: returned as it is");
      return undefined;
    }
    this.#report("replaced", "401: the token provider handed out a new token");
    return { value };
  }

  #report(action: "replaced" | "kept", reason: string): void {
    try {
      this.#emit({ type: "token", action, operation: this.#operation, reason });
    } catch {
      // A failing logger must never fail the request it describes.
    }
  }
}

/**
 * A bearer token with the expiry its JWT `exp` claim states, if it is a JWT that states one (read,
 * not verified: it only decides when to ask for a new token; the server still checks it).
 */
export function tokenWithJwtExpiry(value: string): { value: string; expiresAt: number | undefined } {
  const payload = value.split(".")[1];
  let exp: unknown;
  try {
    exp = payload && (JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as { exp?: unknown }).exp;
  } catch {
    exp = undefined;
  }
  return { value, expiresAt: typeof exp === "number" && Number.isFinite(exp) ? exp * 1000 : undefined };
}

export interface ProvidedTokenLeaseOptions extends ProvidedTokensOptions {
  /** The client's `tokenStore` option: with one, the provider's tokens are cached and shared. */
  tokenStore?: unknown;
  /** The client's `tokenStoreKey`: required with `tokenStore` (a provider's token has no credential to key it by). */
  tokenStoreKey?: string | undefined;
  /** The shared level (`api.shareTokens([])`), built on first use (the client is created after its token source). */
  shared?: (() => SharedTokens<CachedToken> | undefined) | undefined;
}

/**
 * Bearer auth from a caller's token provider: asked for every request (ProvidedTokens), or, with a
 * `tokenStore`, cached and shared by the fleet (a TokenCache over the provider, renewed ahead of the
 * token's JWT `exp` when it has one, or after a 401).
 */
export function providedTokenLease(provider: () => Promise<string>, options: ProvidedTokenLeaseOptions): TokenLease {
  if (options.tokenStore === undefined) return new ProvidedTokens(provider, options);
  if (options.tokenStoreKey === undefined) throw new ValidationError("tokenStoreKey", "is required with tokenStore here: name whose token the provider returns (e.g. the service account), so clients of different accounts never share one");
  let cache: TokenCache<CachedToken> | undefined;
  const lease = () => (cache ??= new TokenCache(async () => tokenWithJwtExpiry(await provider()), { ...options, shared: options.shared?.() }));
  return { acquire: (signal) => lease().acquire(signal), acquireNow: () => lease().acquireNow(), after401: (used) => lease().after401(used) };
}
