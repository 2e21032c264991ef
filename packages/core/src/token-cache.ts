// A single-flight token cache: however many callers ask at once, one token request is in flight;
// every waiter gets its result (or its error, after which the next call tries again). A token with
// a known expiry is renewed `refreshAheadMs` before it runs out.

export interface CachedToken {
  /** The secret token value. */
  readonly value: string;
  /** Epoch milliseconds after which the token is no longer valid; undefined = never expires. */
  readonly expiresAt?: number | undefined;
}

export interface TokenCacheOptions {
  /** Renew this long before `expiresAt`. Default: 60000 ms. */
  refreshAheadMs?: number;
  /** Clock, for tests. Default: Date.now. */
  now?: () => number;
}

export class TokenCache<T extends CachedToken> {
  readonly #fetchToken: () => Promise<T>;
  readonly #refreshAheadMs: number;
  readonly #now: () => number;
  #current: T | undefined;
  #pending: Promise<T> | undefined;
  /** Bumped by every invalidate/set, so a request started earlier cannot overwrite newer state. */
  #generation = 0;

  constructor(fetchToken: () => Promise<T>, options: TokenCacheOptions = {}) {
    this.#fetchToken = fetchToken;
    this.#refreshAheadMs = options.refreshAheadMs ?? 60_000;
    this.#now = options.now ?? Date.now;
  }

  /** The cached token if it is still fresh, without requesting one. */
  peek(): T | undefined {
    const token = this.#current;
    if (token && (token.expiresAt === undefined || token.expiresAt - this.#refreshAheadMs > this.#now())) return token;
    return undefined;
  }

  /** The cached token, or the result of the one request in flight, or a new request. */
  get(): Promise<T> {
    const fresh = this.peek();
    if (fresh) return Promise.resolve(fresh);
    if (this.#pending) return this.#pending;
    const generation = this.#generation;
    const settle = () => {
      // Clear only if this is still the request in flight (an invalidate may have replaced it).
      if (this.#pending === pending) this.#pending = undefined;
    };
    const pending: Promise<T> = Promise.resolve()
      .then(() => this.#fetchToken())
      .then(
        (token) => {
          if (generation === this.#generation) this.#current = token;
          settle();
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

  /** Stores a token obtained elsewhere (e.g. restored from the caller's storage). */
  set(token: T): void {
    this.#generation++;
    this.#current = token;
    this.#pending = undefined;
  }

  /**
   * Drops the cached token. With `value`, only if it is still the cached one (so a late 401 for an
   * old token does not throw away a newer one). Returns true when something was dropped.
   */
  invalidate(value?: string): boolean {
    if (value !== undefined && this.#current?.value !== value) return false;
    const had = this.#current !== undefined || this.#pending !== undefined;
    this.#generation++;
    this.#current = undefined;
    this.#pending = undefined;
    return had;
  }
}
