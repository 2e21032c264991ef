// The second level of a token cache: a TokenStore shared by every process of a fleet (L2), behind
// each process's single-flight TokenCache (L1). A process that finds no usable token takes the
// store's lease and requests one; the others wait for it in the store (polling, bounded by the
// lease: a holder renews it while its request runs, a dead holder's lease runs out) and read it.
// Writes and deletes are fenced by the record's generation, so a slow process never overwrites a
// newer token: its token is "superseded", handed to the cache's revoke hook, and the newer one used.
//
// The store is never needed for a call to succeed. When it fails (down, slow, misconfigured) the
// process goes on on its own cache: one `token-store` "degraded" event, a token of its own when it
// needs one, the store left alone for `retryAfterMs`; then the next miss tries it again
// ("recovered"), replays an invalidation the store missed, and a token obtained meanwhile is
// reconciled (the fleet's token adopted and ours revoked, or ours published) so the fleet shares
// one token again.
import { ValidationError } from "./errors.js";
import type { ClientEvent } from "./events.js";
import type { CachedToken } from "./token-cache.js";
import type { StoredTokenRecord, TokenStore } from "./token-store.js";

export const DEFAULT_LEASE_MS = 10_000;
export const DEFAULT_STORE_RETRY_AFTER_MS = 5_000;
/** How long a record outlives its token's expiry, so its generation still fences a late writer. */
const RECORD_RETENTION_MS = 3_600_000;
const FIRST_POLL_MS = 10;
const MAX_POLL_MS = 200;

/** A token with where it came from: `minted` by this process's request, `shared` when it is in the store at `generation`. */
export interface ObtainedToken<T> {
  readonly token: T;
  /** Epoch ms (the minting process's clock) when the token was obtained. */
  readonly obtainedAt: number;
  readonly minted: boolean;
  /** The store generation of the token; undefined when the store does not have it (obtained while it failed). */
  readonly generation: number | undefined;
}

export interface SharedTokensOptions<T> {
  store: TokenStore;
  vendor: string;
  /** The parts of the key besides the vendor: base URL and the credential's identity (hashed, never stored). */
  identity: readonly unknown[];
  /** Registers a token read from the store with the client's redactor (it never passed through a response). */
  remember?: ((token: T) => void) | undefined;
  emit?: ((event: ClientEvent) => void) | undefined;
  operation?: string | undefined;
  /** The longest a process waits for another's token request before requesting its own. Default: 2 × `requestTimeoutMs` + one lease, or 6 leases. */
  maxWaitMs?: number | undefined;
  /** How long the client lets a token request take (its `timeoutMs`): a live holder renews its lease for a grant and its fallback. */
  requestTimeoutMs?: number | undefined;
  /** Clock, for tests. Default: Date.now. */
  now?: (() => number) | undefined;
}

/** A failure of the store (as opposed to one of the vendor request, which is the caller's). */
class StoreFailure extends Error {
  override name = "StoreFailure";
}

export class SharedTokens<T extends CachedToken> {
  readonly #store: TokenStore;
  readonly #key: Promise<string>;
  readonly #holder: string;
  readonly #leaseMs: number;
  readonly #retryAfterMs: number;
  readonly #maxWaitMs: number;
  readonly #remember: (token: T) => void;
  readonly #emit: (event: ClientEvent) => void;
  readonly #operation: string;
  readonly #now: () => number;
  /** Until when the store is left alone after a failure; `#outage` while it has not answered since. */
  #retryAt = Number.NEGATIVE_INFINITY;
  #outage = false;
  /** A delete the store has not confirmed yet (generation, or "latest"); replayed before the next read. */
  #pendingDelete: number | "latest" | undefined;
  #deleting: Promise<void> | undefined;

  constructor(options: SharedTokensOptions<T>) {
    const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle;
    if (!subtle) throw new ValidationError("tokenStore", "needs Web Crypto (globalThis.crypto.subtle: Node 20+, Deno, Bun, browsers) to derive its keys");
    this.#store = options.store;
    this.#leaseMs = options.store.leaseMs ?? DEFAULT_LEASE_MS;
    this.#retryAfterMs = options.store.retryAfterMs ?? DEFAULT_STORE_RETRY_AFTER_MS;
    this.#maxWaitMs = options.maxWaitMs ?? (options.requestTimeoutMs === undefined ? 6 * this.#leaseMs : 2 * options.requestTimeoutMs + this.#leaseMs);
    this.#remember = options.remember ?? (() => {});
    this.#emit = options.emit ?? (() => {});
    this.#operation = options.operation ?? "getAccessToken";
    this.#now = options.now ?? Date.now;
    this.#holder = globalThis.crypto.randomUUID();
    this.#key = tokenKey(options.vendor, options.identity);
    // Derivation cannot fail for JSON data; a rejection is still never left unhandled.
    this.#key.catch(() => {});
  }

  /** The store key of this client's token (`<vendor>:<sha-256 hex>`). */
  key(): Promise<string> {
    return this.#key;
  }

  /** True while the store is left alone after a failure. */
  get degraded(): boolean {
    return this.#now() < this.#retryAt;
  }

  /**
   * A usable token from the store, or one minted under the store's lease (and stored), or, when
   * the store fails, one minted on our own. `previous` (the stale token, if any) goes to `mint`.
   * `onSuperseded` gets a token we minted that lost the generation race (to revoke it).
   */
  async obtain(mint: (previous?: T) => Promise<T>, usable: (token: T, obtainedAt: number) => boolean, onSuperseded: (token: T) => void, previous?: T): Promise<ObtainedToken<T>> {
    if (this.degraded) return this.#mintLocally(mint, previous);
    const started = this.#now();
    try {
      const key = await this.#key;
      for (let poll = FIRST_POLL_MS; ; poll = Math.min(poll * 2, MAX_POLL_MS)) {
        const record = await this.#read(key);
        const stored = this.#decode(record);
        if (stored && usable(stored.token, stored.obtainedAt)) return stored;
        // Bounded whatever the others do (a holder that never finishes, a store that grants every lease).
        if (this.#now() - started > this.#maxWaitMs) throw new StoreFailure(`no usable token in the store after ${this.#maxWaitMs} ms of waiting for another process's token request`);
        if (await this.#call(() => this.#store.lease(key, this.#holder, this.#leaseMs))) {
          const result = await this.#mintUnderLease(key, mint, usable, onSuperseded, previous);
          if (result === "superseded") continue;
          return result;
        }
        await delay(poll);
      }
    } catch (error) {
      if (!(error instanceof StoreFailure)) throw error;
      this.#failed(error);
      return this.#mintLocally(mint, previous);
    }
  }

  async #mintUnderLease(key: string, mint: (previous?: T) => Promise<T>, usable: (token: T, obtainedAt: number) => boolean, onSuperseded: (token: T) => void, previous: T | undefined): Promise<ObtainedToken<T> | "superseded"> {
    const release = () => this.#store.release(key, this.#holder).catch(() => {});
    let record: StoredTokenRecord | undefined;
    try {
      // A holder may have finished between our read and our lease.
      record = await this.#read(key);
      const stored = this.#decode(record);
      if (stored && usable(stored.token, stored.obtainedAt)) {
        await release();
        return stored;
      }
      // The stored token is the latest one (a rotating refresh token, say): renew from it.
      previous = stored?.token ?? previous;
    } catch (error) {
      await release();
      throw error;
    }
    // Renewed while the request runs: the lease lapses only when this process stops (or hangs).
    const renewal = setInterval(() => void this.#store.lease(key, this.#holder, this.#leaseMs).catch(() => {}), Math.max(1, Math.floor(this.#leaseMs / 3)));
    (renewal as { unref?: () => void }).unref?.();
    let token: T;
    try {
      token = await mint(previous);
    } catch (error) {
      await release();
      throw error;
    } finally {
      clearInterval(renewal);
    }
    const obtainedAt = this.#now();
    const generation = record?.generation ?? 0;
    const ttlMs = token.expiresAt === undefined ? undefined : Math.max(0, token.expiresAt - obtainedAt) + RECORD_RETENTION_MS;
    try {
      const written = await this.#call(() => this.#store.set(key, JSON.stringify({ token, obtainedAt }), { generation, ttlMs }));
      if (written) return { token, obtainedAt, minted: true, generation: generation + 1 };
    } catch (error) {
      // The token is real: keep it (this process alone) rather than request another.
      this.#failed(error as StoreFailure);
      return { token, obtainedAt, minted: true, generation: undefined };
    } finally {
      await release();
    }
    this.#report("superseded", "a newer token was stored while ours was being obtained: ours is discarded (revoked where the vendor can) and the stored one used");
    onSuperseded(token);
    return "superseded";
  }

  /**
   * Brings a token obtained while the store failed back into the fleet: the store's token when it
   * has a usable one (ours is then the caller's to revoke), else ours, published. Undefined when the
   * store still fails or another process holds the lease (try again later).
   */
  async reconcile(local: ObtainedToken<T>, usable: (token: T, obtainedAt: number) => boolean): Promise<ObtainedToken<T> | undefined> {
    if (this.degraded) return undefined;
    try {
      const key = await this.#key;
      const stored = this.#decode(await this.#read(key));
      if (stored && usable(stored.token, stored.obtainedAt)) return stored;
      if (!(await this.#call(() => this.#store.lease(key, this.#holder, this.#leaseMs)))) return undefined;
      try {
        const record = await this.#read(key);
        const again = this.#decode(record);
        if (again && usable(again.token, again.obtainedAt)) return again;
        const generation = record?.generation ?? 0;
        const ttlMs = local.token.expiresAt === undefined ? undefined : Math.max(0, local.token.expiresAt - this.#now()) + RECORD_RETENTION_MS;
        const written = await this.#call(() => this.#store.set(key, JSON.stringify({ token: local.token, obtainedAt: local.obtainedAt }), { generation, ttlMs }));
        return written ? { ...local, generation: generation + 1 } : undefined;
      } finally {
        await this.#store.release(key, this.#holder).catch(() => {});
      }
    } catch (error) {
      if (!(error instanceof StoreFailure)) throw error;
      this.#failed(error);
      return undefined;
    }
  }

  /**
   * Drops the stored token of `generation` (the one a 401 or an invalidate proved bad), or the
   * latest stored one, for the whole fleet. Kept and replayed until the store confirms it.
   */
  invalidate(generation: number | "latest"): void {
    this.#pendingDelete = generation;
    void this.#flushDelete().catch(() => {});
  }

  /** Sends the pending delete, if any; resolves once the store has it (rejects with StoreFailure when it failed). */
  #flushDelete(): Promise<void> {
    if (this.#deleting) return this.#deleting;
    const generation = this.#pendingDelete;
    if (generation === undefined || this.degraded) return Promise.resolve();
    const deleting = (async () => {
      const key = await this.#key;
      const target = generation === "latest" ? (await this.#read(key, false))?.generation : generation;
      if (target !== undefined && target > 0) await this.#call(() => this.#store.delete(key, target));
      if (this.#pendingDelete === generation) this.#pendingDelete = undefined;
    })().finally(() => {
      this.#deleting = undefined;
    });
    this.#deleting = deleting;
    return deleting.catch((error: unknown) => {
      if (error instanceof StoreFailure) this.#failed(error);
      throw error;
    });
  }

  /** Reads the record, after the pending delete (so a token known bad is never read back). */
  async #read(key: string, flush = true): Promise<StoredTokenRecord | undefined> {
    if (flush && this.#pendingDelete !== undefined) await this.#flushDelete();
    return this.#call(() => this.#store.get(key));
  }

  #decode(record: StoredTokenRecord | undefined): ObtainedToken<T> | undefined {
    if (record?.value === undefined) return undefined;
    let parsed: { token?: T; obtainedAt?: unknown };
    try {
      parsed = JSON.parse(record.value) as typeof parsed;
    } catch {
      return undefined;
    }
    const { token, obtainedAt } = parsed;
    if (!token || typeof token.value !== "string" || typeof obtainedAt !== "number") return undefined;
    this.#remember(token);
    return { token, obtainedAt, minted: false, generation: record.generation };
  }

  async #mintLocally(mint: (previous?: T) => Promise<T>, previous: T | undefined): Promise<ObtainedToken<T>> {
    const token = await mint(previous);
    return { token, obtainedAt: this.#now(), minted: true, generation: undefined };
  }

  /** Runs one store call; its failure becomes a StoreFailure (and the store answering ends an outage). */
  async #call<R>(operation: () => Promise<R>): Promise<R> {
    let result: R;
    try {
      result = await operation();
    } catch (error) {
      throw new StoreFailure(describe(error), { cause: error });
    }
    if (this.#outage) {
      this.#outage = false;
      this.#report("recovered", "the token store answers again: tokens are shared again");
    }
    return result;
  }

  #failed(error: StoreFailure): void {
    this.#retryAt = this.#now() + this.#retryAfterMs;
    if (this.#outage) return;
    this.#outage = true;
    this.#report("degraded", `the token store failed (${error.message}): this process uses its own cache and tries the store again in ${this.#retryAfterMs} ms`);
  }

  #report(action: "degraded" | "recovered" | "superseded", reason: string): void {
    try {
      this.#emit({ type: "token-store", action, operation: this.#operation, reason });
    } catch {
      // A failing logger must never fail the request it describes.
    }
  }
}

/** `<vendor>:<hex SHA-256 of [vendor, ...identity] as JSON>`: the same credentials, the same key; no secret in it. */
export async function tokenKey(vendor: string, identity: readonly unknown[]): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify([vendor, ...identity]));
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", bytes));
  return `${vendor}:${Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A store error's name and message, short (a store's errors never carry a token: they come before or after one is sealed). */
function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
  return String(error).slice(0, 300);
}
