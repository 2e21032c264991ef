// @vendor-auth/token-store-redis: the clients' `tokenStore` on Redis 7 or Valkey (Node 20+).
//
//   const tokenStore = createRedisTokenStore({ url: process.env.REDIS_URL, encryptionKey: process.env.TOKEN_STORE_KEY });
//   const unicourt = createUniCourtClient({ clientId, clientSecret, tokenStore });
//   …
//   await tokenStore.close();
export { createRedisTokenStore } from "./store.js";
export type { RedisClientLike, RedisTokenStore, RedisTokenStoreOptions } from "./store.js";
export { TokenStoreKeyError } from "./crypto.js";
