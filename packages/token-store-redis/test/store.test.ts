// The store on its own, against a real Redis: the generation fence, leases, sealing, options, close.
import { startRedisServer, type RedisServer } from "../src/testing/index.js";
import { SessionClosedError, ValidationError } from "@vendor-auth/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisTokenStore, type RedisTokenStore } from "../src/index.js";

const ENCRYPTION_KEY = "test-encryption-key-0123456789abcdef";
let redis: RedisServer;
let store: RedisTokenStore;

beforeAll(async () => {
  redis = await startRedisServer();
  store = createRedisTokenStore({ url: redis.url, encryptionKey: ENCRYPTION_KEY, keyPrefix: "test-unit:", commandTimeoutMs: 5_000 });
});
afterAll(async () => {
  await store?.close();
  await redis?.close();
});

describe("createRedisTokenStore", () => {
  it("writes only against the generation it was given, and a delete moves the generation on", async () => {
    expect(await store.get("k1")).toBeUndefined();
    expect(await store.set("k1", '{"token":1}', { generation: 0 })).toBe(true);
    expect(await store.set("k1", '{"token":"late"}', { generation: 0 })).toBe(false);
    expect(await store.get("k1")).toEqual({ generation: 1, value: '{"token":1}' });
    expect(await store.delete("k1", 0)).toBe(false);
    expect(await store.delete("k1", 1)).toBe(true);
    expect(await store.get("k1")).toEqual({ generation: 2 });
    expect(await store.set("k1", '{"token":"stale writer"}', { generation: 1 })).toBe(false);
    expect(await store.set("k1", '{"token":3}', { generation: 2, ttlMs: 60_000 })).toBe(true);
    expect(await store.get("k1")).toEqual({ generation: 3, value: '{"token":3}' });
  });

  it("one lease holder at a time; the holder extends it; release frees it", async () => {
    expect(await store.lease("k2", "holder-a", 60_000)).toBe(true);
    expect(await store.lease("k2", "holder-b", 60_000)).toBe(false);
    expect(await store.lease("k2", "holder-a", 60_000)).toBe(true);
    await store.release("k2", "holder-b"); // not b's: nothing happens
    expect(await store.lease("k2", "holder-b", 60_000)).toBe(false);
    await store.release("k2", "holder-a");
    expect(await store.lease("k2", "holder-b", 60_000)).toBe(true);
  });

  it("checks its options before connecting anywhere", () => {
    expect(() => createRedisTokenStore({ url: redis.url, encryptionKey: "short" })).toThrow(ValidationError);
    expect(() => createRedisTokenStore({ url: redis.url, encryptionKey: new Uint8Array(16) })).toThrow(/exactly 32 bytes/);
    expect(() => createRedisTokenStore({ url: "http://localhost", encryptionKey: ENCRYPTION_KEY })).toThrow(/redis:\/\//);
    expect(() => createRedisTokenStore({ encryptionKey: ENCRYPTION_KEY } as never)).toThrow(/url or client/);
    expect(() => createRedisTokenStore({ url: redis.url, encryptionKey: ENCRYPTION_KEY, leaseMs: 0 })).toThrow(/leaseMs/);
    expect(() => createRedisTokenStore({ url: redis.url, encryptionKey: new Uint8Array(32) })).not.toThrow();
  });

  it("closes cleanly with await using; later calls are SessionClosedError", async () => {
    let closed: RedisTokenStore;
    {
      await using scoped = createRedisTokenStore({ url: redis.url, encryptionKey: ENCRYPTION_KEY, keyPrefix: "test-unit:" });
      closed = scoped;
      expect(await scoped.lease("k3", "holder", 1_000)).toBe(true);
    }
    expect(closed.closed).toBe(true);
    await expect(closed.get("k3")).rejects.toBeInstanceOf(SessionClosedError);
  });

  it("fails at once, not after a timeout, when Redis is unreachable", async () => {
    const unreachable = createRedisTokenStore({ url: "redis://127.0.0.1:9", encryptionKey: ENCRYPTION_KEY, commandTimeoutMs: 60_000 });
    try {
      await expect(unreachable.get("k4")).rejects.toThrow(/ECONNREFUSED|offline/);
      await expect(unreachable.get("k4")).rejects.toThrow();
    } finally {
      await unreachable.close();
    }
  });
});
