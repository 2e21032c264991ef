// createRedisTokenStore: the TokenStore of @vendor-auth/core on Redis 7 or Valkey, through the
// official node-redis client (@redis/client). A record is a hash { g: generation, v: sealed value };
// every change is one Lua script that checks the generation first, so the fence is atomic. A lease
// is a plain key with the holder's id and a PX expiry. Nothing here decides what to do when Redis
// fails: every command rejects (at once when disconnected, after `commandTimeoutMs` when slow) and
// the clients go on on their own cache (core's shared-tokens.ts).
import { createClient } from "@redis/client";
import { SessionClosedError, TimeoutError, ValidationError, defineTokenStore, type StoredTokenRecord, type TokenStore } from "@vendor-auth/core";
import { defineAsyncDispose } from "@vendor-auth/core/internal";
import { open, seal, sealingKeys } from "./crypto.js";

/** The node-redis client methods the store uses (a `createClient()` client of `redis` or `@redis/client`, v5 or later). */
export interface RedisClientLike {
  sendCommand(args: string[]): Promise<unknown>;
  connect(): Promise<unknown>;
  readonly isOpen: boolean;
}

export interface RedisTokenStoreOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://…`. Pass this or `client`. */
  url?: string | undefined;
  /** Your node-redis client (connected for you if it is not); `close()` leaves it open. Pass this or `url`. */
  client?: RedisClientLike | undefined;
  /** The key tokens are encrypted with: a string of at least 32 characters, or 32 bytes. The same on every process. */
  encryptionKey: string | Uint8Array;
  /** Keys tokens may still be encrypted with while you rotate (read, never written). Default: none. */
  previousEncryptionKeys?: ReadonlyArray<string | Uint8Array> | undefined;
  /** Prefix of every key the store writes. Default: "vendor-auth:". */
  keyPrefix?: string | undefined;
  /** How long a lease lasts unless renewed: the longest a dead holder blocks the fleet. Default: 10000 ms. */
  leaseMs?: number | undefined;
  /** After a failure, how long the clients stay on their own cache before trying Redis again. Default: 5000 ms. */
  retryAfterMs?: number | undefined;
  /** A command slower than this fails (the clients then use their own cache). Default: 1000 ms. */
  commandTimeoutMs?: number | undefined;
  /** Connection errors of the store's own client (it reconnects by itself). Default: ignored. */
  onError?: ((error: unknown) => void) | undefined;
}

export interface RedisTokenStore extends TokenStore, AsyncDisposable {
  /** Closes the store's own connection (not a `client` you passed); later calls reject with SessionClosedError. */
  close(): Promise<void>;
  readonly closed: boolean;
}

const VENDOR = "token-store-redis";
/** How long a deleted record keeps its generation (the fence against a late writer). */
const TOMBSTONE_MS = 24 * 3600 * 1000;

// KEYS[1] record; ARGV: expected generation, sealed value, ttl ms (0: none).
const SET_IF_GENERATION = `
local g = tonumber(redis.call('HGET', KEYS[1], 'g') or '0')
if g ~= tonumber(ARGV[1]) then return 0 end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'g', g + 1, 'v', ARGV[2])
if tonumber(ARGV[3]) > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return 1`;
// KEYS[1] record; ARGV: generation, tombstone ttl ms.
const DELETE_IF_GENERATION = `
local g = tonumber(redis.call('HGET', KEYS[1], 'g') or '0')
if g ~= tonumber(ARGV[1]) or g == 0 then return 0 end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'g', g + 1)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;
// KEYS[1] record; ARGV: generation, value re-sealed with the current key (the TTL is kept).
const REWRAP_IF_GENERATION = `
if tonumber(redis.call('HGET', KEYS[1], 'g') or '0') ~= tonumber(ARGV[1]) or redis.call('HEXISTS', KEYS[1], 'v') == 0 then return 0 end
redis.call('HSET', KEYS[1], 'v', ARGV[2])
return 1`;
// KEYS[1] lease; ARGV: holder, ttl ms.
const LEASE = `
local h = redis.call('GET', KEYS[1])
if h == false then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
if h == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
return 0`;
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 0`;

const ms = (field: string, value: unknown, fallback: number): number => {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 2 ** 31 - 1) throw new ValidationError(field, "must be a whole number of milliseconds from 1 to 2147483647");
  return value;
};

/**
 * A `tokenStore` on Redis 7 / Valkey for the clients of `@vendor-auth/*`: one token for a fleet of
 * processes, encrypted at rest (Node 20+).
 *
 * @example
 * ```ts
 * import { createRedisTokenStore } from "@vendor-auth/token-store-redis";
 * import { createUniCourtClient } from "@vendor-auth/unicourt";
 *
 * await using tokenStore = createRedisTokenStore({ url: "redis://127.0.0.1:6379", encryptionKey: "test-encryption-key-of-32-characters!" });
 * const unicourt = createUniCourtClient({ clientId: "test-client-id", clientSecret: "test-client-secret", tokenStore });
 * const token = await unicourt.getAccessToken(); // one request for the whole fleet
 * ```
 */
export function createRedisTokenStore(options: RedisTokenStoreOptions): RedisTokenStore {
  if (options === null || typeof options !== "object") throw new ValidationError("options", "is required");
  const keys = sealingKeys(options.encryptionKey, options.previousEncryptionKeys);
  const prefix = options.keyPrefix ?? "vendor-auth:";
  if (typeof prefix !== "string" || prefix.length > 200) throw new ValidationError("keyPrefix", "must be a string of at most 200 characters");
  const commandTimeoutMs = ms("commandTimeoutMs", options.commandTimeoutMs, 1_000);
  const leaseMs = ms("leaseMs", options.leaseMs, 10_000);
  const retryAfterMs = ms("retryAfterMs", options.retryAfterMs, 5_000);
  if ((options.url === undefined) === (options.client === undefined)) throw new ValidationError("url", "pass either url or client");
  let owned: ReturnType<typeof createClient> | undefined;
  let client: RedisClientLike;
  if (options.client !== undefined) {
    if (typeof options.client?.sendCommand !== "function") throw new ValidationError("client", "must be a node-redis client (createClient() of `redis` or `@redis/client`)");
    client = options.client;
  } else {
    if (typeof options.url !== "string" || !/^rediss?:\/\//.test(options.url)) throw new ValidationError("url", "must be a redis:// or rediss:// URL");
    owned = createClient({
      url: options.url,
      // Fail at once while disconnected (the clients use their own cache) instead of queueing.
      disableOfflineQueue: true,
      socket: { connectTimeout: commandTimeoutMs, reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2_000) },
    });
    const onError = options.onError;
    // node-redis emits "error" on every failed (re)connection; an unheard "error" would crash the process.
    owned.on("error", (error: unknown) => {
      try {
        onError?.(error);
      } catch {
        // The caller's handler must not take the process down either.
      }
    });
    client = owned as unknown as RedisClientLike;
  }
  let closed = false;
  let connecting: Promise<unknown> | undefined;

  async function command(operation: string, args: string[]): Promise<unknown> {
    if (closed) throw new SessionClosedError({ vendor: VENDOR, operation });
    let firstConnection: Promise<unknown> | undefined;
    if (!client.isOpen) {
      // Reconnection after that is the client's own (reconnectStrategy); while it reconnects,
      // commands fail at once (no offline queue), so the clients fall back without waiting.
      connecting ??= client.connect().catch((error: unknown) => {
        connecting = undefined;
        throw error;
      });
      // The first attempt's outcome: connected, or its first error (connect() itself keeps retrying).
      firstConnection = Promise.race([connecting, new Promise((_, reject) => owned?.once("error", reject))]);
      firstConnection.catch(() => {});
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimeoutError(commandTimeoutMs, { vendor: VENDOR, operation })), commandTimeoutMs);
    });
    try {
      return await Promise.race([(async () => (await firstConnection, client.sendCommand(args)))(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
  const script = (operation: string, source: string, key: string, ...args: Array<string | number>) => command(operation, ["EVAL", source, "1", key, ...args.map(String)]);
  const recordName = (key: string) => `${prefix}token:${key}`;
  const leaseName = (key: string) => `${prefix}lease:${key}`;

  const store: RedisTokenStore = {
    leaseMs,
    retryAfterMs,
    async get(key): Promise<StoredTokenRecord | undefined> {
      const name = recordName(key);
      const [g, v] = (await command("get", ["HMGET", name, "g", "v"])) as [string | null, string | null];
      if (g === null) return undefined;
      const generation = Number(g);
      if (v === null) return { generation };
      const sealingKeys = await keys();
      const { plaintext, rotated } = await open(sealingKeys, name, generation, v);
      // Sealed with a previous key: re-sealed with the current one, so the old key can be dropped.
      if (rotated) void seal(sealingKeys, name, generation, plaintext).then((value) => script("rewrap", REWRAP_IF_GENERATION, name, generation, value)).catch(() => {});
      return { generation, value: plaintext };
    },
    async set(key, value, { generation, ttlMs }) {
      const name = recordName(key);
      const sealed = await seal(await keys(), name, generation + 1, value);
      return (await script("set", SET_IF_GENERATION, name, generation, sealed, ttlMs === undefined ? 0 : Math.max(1, Math.ceil(ttlMs)))) === 1;
    },
    async delete(key, generation) {
      return (await script("delete", DELETE_IF_GENERATION, recordName(key), generation, TOMBSTONE_MS)) === 1;
    },
    async lease(key, holder, ttlMs) {
      return (await script("lease", LEASE, leaseName(key), holder, Math.max(1, Math.ceil(ttlMs)))) === 1;
    },
    async release(key, holder) {
      await script("release", RELEASE, leaseName(key), holder);
    },
    get closed() {
      return closed;
    },
    async close() {
      if (closed) return;
      closed = true;
      // A client still (re)connecting has nothing to flush: it is destroyed, not waited for.
      if (owned?.isReady) await owned.close().catch(() => owned?.destroy());
      else if (owned?.isOpen) owned.destroy();
    },
  } as Omit<RedisTokenStore, typeof Symbol.asyncDispose> as RedisTokenStore;
  return defineAsyncDispose(defineTokenStore(store), () => store.close());
}
