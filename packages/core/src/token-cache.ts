// A single-flight token cache: however many callers ask at once, one token request is in flight;
// every waiter gets its result (or its error, after which the next call tries again). A token with
// a known expiry is renewed `refreshAheadMs` before it runs out, but never sooner than
// `minLifetimeMs` after it was obtained (a server answering `expires_in: 0` must not make every
// call mint a token).
//
// Re-authentication after a 401 is bounded (`after401`), because a 401 is not always about the
// token: a resource that refuses every token (a sealed case, a missing permission) would otherwise
// mint a token per call, and UniCourt locks an account out at 10 tokens.
//   - A 401 on a token this caller just obtained is an answer about the resource: returned as is.
//   - A token is replaced at most once: later 401s on it retry once with its replacement.
//   - At most one re-authentication per `reauthIntervalMs`; a 401 within it keeps the token.
//   - A replaced token is handed to `revoke` (invalidated on the server where the vendor can), and
//     every decision is reported to `emit` as a `token` event.
//
// With `shared` (a client's `tokenStore` option), the cache is the first level in front of a store
// the fleet shares (shared-tokens.ts): a miss reads the store before it requests, an invalidation
// reaches every process, and a token read from the store that another process obtained moments ago
// is kept after a 401, as one of our own would be (so a fleet re-authenticates as one client does).

import type { ClientEvent } from "./events.js";
import { ValidationError, VendorAuthError } from "./errors.js";
import { MAX_TIMER_MS, optionalFunction, optionalNumber, optionalObject } from "./validate.js";
import type { ObtainedToken, SharedTokens } from "./shared-tokens.js";

export interface CachedToken {
  /** The secret token value. */
  readonly value: string;
  /** Epoch milliseconds after which the token is no longer valid; undefined = never expires. */
  readonly expiresAt?: number | undefined;
}

export interface TokenCacheOptions<T extends CachedToken = CachedToken> {
  /** Renew this long before `expiresAt`. Default: 60000 ms. */
  refreshAheadMs?: number | undefined;
  /** Keep a token at least this long, whatever its expiry says. Default: 5000 ms. */
  minLifetimeMs?: number | undefined;
  /** The least time between two re-authentications after a 401. Default: 30000 ms. */
  reauthIntervalMs?: number | undefined;
  /** Invalidates a token that a re-authentication replaced, on the server. Errors are reported, not thrown. */
  revoke?: ((token: T) => Promise<unknown>) | undefined;
  /** Receives `token` events (see ClientEvent). */
  emit?: ((event: ClientEvent) => void) | undefined;
  /** The operation name `token` events (and errors) carry. Default: "getAccessToken". */
  operation?: string | undefined;
  /** The vendor errors carry. */
  vendor?: string | undefined;
  /** Clock, for tests. Default: Date.now. */
  now?: (() => number) | undefined;
  /** The store shared with other processes (see `api.shareTokens`). Default: none, this process only. */
  shared?: SharedTokens<T> | undefined;
}

/** A token as one caller received it: `fresh` when this caller waited for it to be obtained. */
export interface AcquiredToken<T extends CachedToken = CachedToken> {
  readonly token: T;
  readonly fresh: boolean;
}

/** What bearer auth needs from a token source: a token per request, and what to do after a 401. */
export interface TokenLease {
  acquire(signal?: AbortSignal): Promise<AcquiredToken>;
  /**
   * The token `acquire()` would hand out at once (a cached one), without a promise; undefined when
   * it would have to be waited for. Optional: the request path uses it to skip racing a wait that
   * cannot happen against the caller's signal.
   */
  acquireNow?(): AcquiredToken | undefined;
  /** The token to repeat a request with after it was answered 401, or undefined to return the 401. */
  after401(used: AcquiredToken): Promise<CachedToken | undefined>;
}

interface Entry<T> {
  readonly token: T;
  readonly obtainedAt: number;
  /** Its generation in the shared store; undefined when the store does not have it. */
  readonly storeGeneration?: number | undefined;
  /** Obtained on our own while the shared store failed: to be reconciled with the fleet's. */
  readonly unshared?: boolean | undefined;
  /** Read from the shared store (obtained by another process, or by this one for an earlier caller). */
  readonly adopted?: boolean | undefined;
}

export class TokenCache<T extends CachedToken> implements TokenLease {
  readonly #fetchToken: (previous?: T) => Promise<T>;
  readonly #refreshAheadMs: number;
  readonly #minLifetimeMs: number;
  readonly #reauthIntervalMs: number;
  readonly #revoke: ((token: T) => Promise<unknown>) | undefined;
  readonly #emit: (event: ClientEvent) => void;
  readonly #operation: string;
  readonly #vendor: string | undefined;
  readonly #now: () => number;
  #current: Entry<T> | undefined;
  /** The last generation `revoke()` ended: a request started in it or before is never used. */
  #revokedGeneration = -1;
  #pending: Promise<T> | undefined;
  #lastReauthAt = Number.NEGATIVE_INFINITY;
  /** Bumped by every invalidate/set, so a request started earlier cannot overwrite newer state. */
  #generation = 0;
  readonly #shared: SharedTokens<T> | undefined;
  /** Tokens that came from the shared store rather than from a request of ours (a 401 on them is not "fresh"). */
  readonly #adopted = new WeakSet<T>();
  #reconciling: Promise<void> | undefined;

  /** `fetchToken` requests a new token; `previous` is the stale one being renewed, if any. */
  constructor(fetchToken: (previous?: T) => Promise<T>, options: TokenCacheOptions<T> = {}) {
    this.#fetchToken = fetchToken;
    this.#refreshAheadMs = options.refreshAheadMs ?? 60_000;
    this.#minLifetimeMs = options.minLifetimeMs ?? 5_000;
    this.#reauthIntervalMs = options.reauthIntervalMs ?? 30_000;
    this.#revoke = options.revoke;
    this.#emit = options.emit ?? (() => {});
    this.#operation = options.operation ?? "getAccessToken";
    this.#vendor = options.vendor;
    this.#now = options.now ?? Date.now;
    this.#shared = options.shared;
  }

  /** The cached token if it is still fresh, without requesting one. */
  peek(): T | undefined {
    const entry = this.#current;
    if (!entry || !this.#usable(entry.token, entry.obtainedAt)) return undefined;
    return entry.token;
  }

  /** Whether a token obtained at `obtainedAt` is still to be used (not due for renewal). */
  readonly #usable = (token: T, obtainedAt: number): boolean => {
    const { expiresAt } = token;
    const now = this.#now();
    return expiresAt === undefined || expiresAt - this.#refreshAheadMs > now || now - obtainedAt < this.#minLifetimeMs;
  };

  /** The cached token, or the result of the one request in flight, or a new request. */
  async get(): Promise<T> {
    return (await this.acquire()).token;
  }

  /** Like `get()`, and says whether this caller waited for the token to be obtained (`fresh`). */
  acquire(signal?: AbortSignal): Promise<AcquiredToken<T>> {
    // A caller who already gave up starts nothing (no token is minted on its behalf).
    if (signal?.aborted) return Promise.reject(signal.reason ?? new Error("aborted"));
    const now = this.acquireNow();
    if (now) return Promise.resolve(now);
    return this.#request().then((token) => ({ token, fresh: !this.#adopted.has(token) }));
  }

  /** The cached token as `acquire()` hands it out, without a promise; undefined when it must be obtained. */
  acquireNow(): AcquiredToken<T> | undefined {
    const cached = this.peek();
    if (!cached) return undefined;
    if (this.#current?.unshared) this.#reconcile();
    return { token: cached, fresh: false };
  }

  /** Obtains a token: from the shared store or under its lease when there is one, else with a request. */
  #obtain(): Promise<ObtainedToken<T>> {
    const previous = this.#current?.token;
    if (!this.#shared) return this.#fetchToken(previous).then((token) => ({ token, obtainedAt: this.#now(), minted: true, generation: undefined }));
    return this.#shared.obtain((stale) => this.#fetchToken(stale), this.#usable, (superseded) => this.#revokeReplaced(superseded), previous);
  }

  #entry(obtained: ObtainedToken<T>): Entry<T> {
    if (!obtained.minted) this.#adopted.add(obtained.token);
    const shared = this.#shared !== undefined;
    return { token: obtained.token, obtainedAt: obtained.obtainedAt, storeGeneration: obtained.generation, unshared: shared && obtained.generation === undefined, adopted: !obtained.minted };
  }

  /**
   * In the background, once the store answers again: replaces a token obtained while it failed
   * by the fleet's (ours revoked), or publishes ours, so the fleet shares one token again.
   */
  #reconcile(): void {
    const shared = this.#shared;
    const entry = this.#current;
    if (!shared || !entry || this.#reconciling || shared.degraded) return;
    const generation = this.#generation;
    this.#reconciling = shared
      .reconcile({ token: entry.token, obtainedAt: entry.obtainedAt, minted: true, generation: undefined }, this.#usable)
      .then((result) => {
        if (!result || generation !== this.#generation || this.#current !== entry) return;
        this.#current = this.#entry(result);
        if (result.token !== entry.token) this.#revokeReplaced(entry.token);
      })
      .catch(() => {})
      .finally(() => {
        this.#reconciling = undefined;
      });
  }

  #request(): Promise<T> {
    if (this.#pending) return this.#pending;
    const generation = this.#generation;
    const settle = () => {
      // Clear only if this is still the request in flight (an invalidate may have replaced it).
      if (this.#pending === pending) this.#pending = undefined;
    };
    const pending: Promise<T> = Promise.resolve()
      .then(() => this.#obtain())
      .then(
        (obtained) => {
          const { token } = obtained;
          settle();
          if (generation <= this.#revokedGeneration) {
            // Kept for revoke(), which revokes it on the server.
            this.#lateTokens.set(pending, token);
            throw new VendorAuthError("The token was revoked while it was being obtained; ask again for a new one", { vendor: this.#vendor, operation: this.#operation });
          }
          if (generation === this.#generation) this.#current = this.#entry(obtained);
          return token;
        },
        (error: unknown) => {
          settle();
          throw error;
        },
      );
    this.#pending = pending;
    return pending;
  }

  /**
   * After a request authorised with `used` was answered 401: the token to repeat it with once, or
   * undefined when the 401 is to be returned as it is (see the header comment for the rules).
   */
  async after401(used: AcquiredToken): Promise<T | undefined> {
    const usedValue = used.token.value;
    const current = this.#current?.token;
    // Already replaced (by another caller's 401): repeat once with the replacement, mint nothing.
    if (current !== undefined && current.value !== usedValue) return current;
    if (current === undefined && this.#pending) {
      const replacement = await this.#pending;
      return replacement.value === usedValue ? undefined : replacement;
    }
    if (used.fresh) {
      this.#report("kept", "401 on a token obtained for this very request: the refusal is about the resource, not the token");
      return undefined;
    }
    const now = this.#now();
    const entry = this.#current;
    if (entry?.adopted && entry.token.value === usedValue && now - entry.obtainedAt < this.#reauthIntervalMs) {
      this.#report("kept", `401 on a shared token obtained less than ${this.#reauthIntervalMs} ms ago: the refusal is about the resource, not the token`);
      return undefined;
    }
    if (now - this.#lastReauthAt < this.#reauthIntervalMs) {
      this.#report("kept", `401 within ${this.#reauthIntervalMs} ms of the last re-authentication: the token is kept`);
      return undefined;
    }
    this.#lastReauthAt = now;
    const replaced = this.#current?.token;
    this.invalidate(usedValue);
    const fresh = await this.#request();
    this.#report("replaced", "401 on a cached token: it was dropped and one new token obtained");
    if (replaced !== undefined) this.#revokeReplaced(replaced);
    return fresh.value === usedValue ? undefined : fresh;
  }

  /** Stores a token obtained elsewhere (e.g. restored from the caller's storage). */
  set(token: T): void {
    this.#generation++;
    this.#current = { token, obtainedAt: this.#now() };
    this.#pending = undefined;
  }

  /**
   * Drops the cached token. With `value`, only if it is still the cached one (so a late 401 for an
   * old token does not throw away a newer one). Returns true when something was dropped.
   */
  invalidate(value?: string): boolean {
    if (value !== undefined && this.#current?.token.value !== value) return false;
    const had = this.#current !== undefined || this.#pending !== undefined;
    // The fleet drops it too: that very token when we know its generation; with no token of ours,
    // whatever is stored (`invalidateAllTokens()` on a process that holds none).
    const entry = this.#current;
    if (this.#shared && entry?.storeGeneration !== undefined) this.#shared.invalidate(entry.storeGeneration);
    else if (this.#shared && value === undefined && entry === undefined) this.#shared.invalidate("latest");
    this.#generation++;
    this.#current = undefined;
    this.#pending = undefined;
    return had;
  }

  /**
   * Revokes the cached token with `revoke` and drops it, and wins every race: a token request in
   * flight is waited for and its token revoked too, and never handed to anyone (its waiters reject).
   * When revoking the cached token fails, it stays cached (the server still holds it) unless a newer
   * one came meanwhile, and the error is thrown.
   */
  async revoke(revoke: (token: T) => Promise<unknown>): Promise<void> {
    const inFlight = this.#pending;
    const current = this.#current;
    this.#revokedGeneration = this.#generation;
    this.invalidate();
    if (current) {
      try {
        await revoke(current.token);
      } catch (error) {
        if (this.#current === undefined && this.#pending === undefined) this.#current = current;
        throw error;
      }
    }
    if (!inFlight) return;
    // The request's own promise settles with its token even though its waiters are refused.
    const late = await this.#lateToken(inFlight);
    if (late) await revoke(late);
  }

  /** Tokens that arrived for requests started before a revoke(), by request. */
  readonly #lateTokens = new WeakMap<Promise<T>, T>();
  async #lateToken(request: Promise<T>): Promise<T | undefined> {
    await request.catch(() => undefined);
    return this.#lateTokens.get(request);
  }

  /** The token request in flight, if any (for callers that must not leak a token being created). */
  get pending(): Promise<T> | undefined {
    return this.#pending;
  }

  #revokeReplaced(token: T): void {
    const revoke = this.#revoke;
    if (!revoke) return;
    Promise.resolve()
      .then(() => revoke(token))
      .then(
        () => this.#report("revoked", "the replaced token was invalidated on the server"),
        (error: unknown) => this.#report("revoke-failed", `the replaced token could not be invalidated on the server (${(error as Error)?.name ?? "error"})`),
      );
  }

  #report(action: "replaced" | "kept" | "revoked" | "revoke-failed", reason: string): void {
    try {
      this.#emit({ type: "token", action, operation: this.#operation, reason });
    } catch {
      // A failing logger must never fail the request it describes.
    }
  }
}

/** The longest `expires_in` believed: a year (a larger value, 1e300 say, is a fault, not a lifetime). */
const MAX_LIFETIME_MS = 365 * 24 * 3600 * 1000;

/** How a token with a server-given lifetime is renewed (the options of a session that holds one). */
export interface TokenLifetimeOptions {
  /** Renew this long before the lifetime runs out. Default: 60000 ms, capped at half the lifetime so a short-lived token is still reused. */
  refreshAheadMs?: number | undefined;
  /** Use a token at least this long, whatever its lifetime says (0 or negative must not mean a token per call). Default: 5000 ms. */
  minLifetimeMs?: number | undefined;
  /** The clock, in epoch milliseconds (for tests). Default: `Date.now`. */
  now?: (() => number) | undefined;
}

/** Checks lifetime options (ValidationError naming the option) and returns a checked clock. */
export function checkTokenLifetimeOptions(field: string, options: unknown): Required<TokenLifetimeOptions> {
  const given = (optionalObject(field, options) ?? {}) as TokenLifetimeOptions;
  const ms = { min: 0, max: MAX_TIMER_MS, unit: "milliseconds" };
  const clock = optionalFunction<() => number>("now", given.now) ?? Date.now;
  return {
    refreshAheadMs: optionalNumber("refreshAheadMs", given.refreshAheadMs, ms) ?? 60_000,
    minLifetimeMs: optionalNumber("minLifetimeMs", given.minLifetimeMs, ms) ?? 5_000,
    now: () => {
      const time = clock();
      if (typeof time !== "number" || !Number.isFinite(time)) throw new ValidationError("now", "must return a finite number of epoch milliseconds");
      return time;
    },
  };
}

/**
 * When to renew a token the server says lives `seconds` (OAuth `expires_in`): clamped to
 * [minLifetimeMs, a year], minus the refresh-ahead margin (at most half the lifetime). Undefined
 * when the server gives no (finite) lifetime: the token is kept until a 401 or an invalidate.
 */
export function renewalTime(seconds: unknown, options: Required<TokenLifetimeOptions>): number | undefined {
  if (typeof seconds !== "number" || !Number.isFinite(seconds)) return undefined;
  const lifetimeMs = Math.min(Math.max(seconds * 1000, options.minLifetimeMs), MAX_LIFETIME_MS);
  return options.now() + lifetimeMs - Math.min(options.refreshAheadMs, lifetimeMs / 2);
}
