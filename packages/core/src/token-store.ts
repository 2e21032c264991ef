// Where tokens are shared between processes: the TokenStore interface the shared cache (L2, see
// shared-tokens.ts) runs on, and an in-memory store for tokens shared by the clients of one
// process. A store keeps records, not tokens: an opaque serialised value plus a generation, the
// fence that keeps a slow process from overwriting a newer token (every write and every delete
// moves it on, and each is made only against the generation its caller last saw). Leases elect
// the one process that requests a token while the others wait for it.
//
// A client reaches the shared level through the store it is given: `defineTokenStore` (which the
// stores below and @vendor-auth/token-store-redis call) attaches it, so an app that never passes a
// `tokenStore` never ships it (about 1.7 kB min+gzip of every client bundle; see `pnpm size`).
import { ValidationError } from "./errors.js";
import { SharedTokens } from "./shared-tokens.js";
import { MAX_TIMER_MS } from "./validate.js";

/** What a store holds under one key. */
export interface StoredTokenRecord {
  /** Moved on by every write and every delete; 0 is "never written". */
  readonly generation: number;
  /** The serialised token (JSON text); undefined after a delete. Stores that leave the process encrypt it. */
  readonly value?: string | undefined;
}

/**
 * Storage shared by the processes of a fleet (Redis: `@vendor-auth/token-store-redis`). Every
 * method must settle: on a failure or a timeout it rejects, and the clients go on on their own
 * cache (see docs/reliability.md). Keys are digests (`<vendor>:<sha-256>`), never credentials.
 */
export interface TokenStore {
  /** The record under `key`, or undefined when there is none. */
  get(key: string): Promise<StoredTokenRecord | undefined>;
  /**
   * Writes `value` as generation `generation + 1`, only if the record is still at `generation`
   * (0: no record). Kept `ttlMs` (undefined: until deleted). Resolves with whether it was written.
   */
  set(key: string, value: string, options: { generation: number; ttlMs?: number | undefined }): Promise<boolean>;
  /** Drops the value of generation `generation` (the record moves on to `generation + 1`, with no value). */
  delete(key: string, generation: number): Promise<boolean>;
  /** Takes the lease on `key` for `ttlMs` when nobody holds it, or extends it when `holder` does. */
  lease(key: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Ends `holder`'s lease on `key` (nothing when another holds it). */
  release(key: string, holder: string): Promise<void>;
  /** How long a lease lasts unless renewed: the longest a dead holder blocks the others. Default: 10000 ms. */
  readonly leaseMs?: number | undefined;
  /** After a failure, how long the clients stay on their own cache before trying the store again. Default: 5000 ms. */
  readonly retryAfterMs?: number | undefined;
}

/** The methods a TokenStore must have (for the `tokenStore` option's check). */
const STORE_METHODS = ["get", "set", "delete", "lease", "release"] as const;

/** Where a store made by `defineTokenStore` keeps the shared level its clients run on. */
export const SHARED_LEVEL: unique symbol = Symbol.for("@vendor-auth/core.sharedLevel");

/** A store `defineTokenStore` made: the shared level for the clients it is given to comes with it. */
export type DefinedTokenStore = TokenStore & { readonly [SHARED_LEVEL]: typeof SharedTokens };

/** Checks a `tokenStore` option: an object with the TokenStore methods and sane timings, made by `defineTokenStore`. */
export function checkTokenStore(field: string, store: unknown): DefinedTokenStore | undefined {
  if (store === undefined) return undefined;
  checkStoreShape(field, store);
  if (typeof (store as Partial<DefinedTokenStore>)[SHARED_LEVEL] !== "function") {
    throw new ValidationError(field, "must be a TokenStore made by createRedisTokenStore(), createMemoryTokenStore() or defineTokenStore({ get, set, delete, lease, release })");
  }
  return store as DefinedTokenStore;
}

/**
 * Makes `store` (an object with the TokenStore methods) a `tokenStore` the clients accept: it
 * attaches the shared level (single-flight across processes, leases, fencing, degraded mode) to
 * the same object and returns it. Stores of this library call it; call it on your own store.
 *
 * @example
 * ```ts
 * import { createMemoryTokenStore, defineTokenStore } from "@vendor-auth/core";
 *
 * const memory = createMemoryTokenStore();
 * // A store that counts its reads, around the in-memory one.
 * let reads = 0;
 * const tokenStore = defineTokenStore({ ...memory, get: (key: string) => (reads++, memory.get(key)) });
 * ```
 */
export function defineTokenStore<S extends TokenStore>(store: S): S {
  checkStoreShape("store", store);
  // Enumerable, so a spread copy of the store (`{ ...store, get }`) stays a defined store;
  // configurable, so defining a store twice (or with another copy of the core) is no error.
  Object.defineProperty(store, SHARED_LEVEL, { value: SharedTokens, enumerable: true, configurable: true });
  return store;
}

function checkStoreShape(field: string, store: unknown): asserts store is TokenStore {
  if (store === null || typeof store !== "object") throw new ValidationError(field, "must be a TokenStore (e.g. createRedisTokenStore(...) or createMemoryTokenStore())");
  for (const method of STORE_METHODS) {
    if (typeof (store as Record<string, unknown>)[method] !== "function") throw new ValidationError(field, `must be a TokenStore: it has no ${method}() method`);
  }
  for (const name of ["leaseMs", "retryAfterMs"] as const) {
    const value = (store as TokenStore)[name];
    if (value !== undefined && !(typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= MAX_TIMER_MS)) {
      throw new ValidationError(`${field}.${name}`, `must be a whole number of milliseconds from 1 to ${MAX_TIMER_MS}`);
    }
  }
}

export interface MemoryTokenStoreOptions {
  /** See TokenStore.leaseMs. Default: 10000 ms. */
  leaseMs?: number | undefined;
  /** The clock, in epoch milliseconds (for tests). Default: `Date.now`. */
  now?: (() => number) | undefined;
}

/**
 * A TokenStore in this process's memory: the clients given the same store share one token (one
 * request however many clients ask). For a fleet of processes use a shared store (Redis).
 */
export function createMemoryTokenStore(options: MemoryTokenStoreOptions = {}): TokenStore {
  const now = options.now ?? Date.now;
  const records = new Map<string, { generation: number; value?: string | undefined; expiresAt: number }>();
  const leases = new Map<string, { holder: string; expiresAt: number }>();
  const record = (key: string) => {
    const found = records.get(key);
    if (found && found.expiresAt <= now()) records.delete(key);
    return records.get(key);
  };
  return defineTokenStore({
    leaseMs: options.leaseMs,
    async get(key) {
      const found = record(key);
      return found && { generation: found.generation, value: found.value };
    },
    async set(key, value, { generation, ttlMs }) {
      if ((record(key)?.generation ?? 0) !== generation) return false;
      records.set(key, { generation: generation + 1, value, expiresAt: ttlMs === undefined ? Number.POSITIVE_INFINITY : now() + ttlMs });
      return true;
    },
    async delete(key, generation) {
      const found = record(key);
      if (!found || found.generation !== generation) return false;
      records.set(key, { generation: generation + 1, expiresAt: found.expiresAt });
      return true;
    },
    async lease(key, holder, ttlMs) {
      const current = leases.get(key);
      if (current && current.expiresAt > now() && current.holder !== holder) return false;
      leases.set(key, { holder, expiresAt: now() + ttlMs });
      return true;
    },
    async release(key, holder) {
      if (leases.get(key)?.holder === holder) leases.delete(key);
    },
  } satisfies TokenStore);
}
