// One process of the fleet demo (fleet.mjs): a UniCourt client on the Redis token store; prints
// { pid, tokenId, digest } of its token as JSON (a digest: the demo never prints a token).
import { createHash } from "node:crypto";
import { createRedisTokenStore } from "@vendor-auth/token-store-redis";
import { createUniCourtClient } from "@vendor-auth/unicourt";

const { FLEET_BASE_URL, FLEET_REDIS_URL, FLEET_CLIENT_ID, FLEET_CLIENT_SECRET } = process.env;
const tokenStore = createRedisTokenStore({ url: FLEET_REDIS_URL, encryptionKey: "test-demo-encryption-key-0123456789" });
try {
  const client = createUniCourtClient({ clientId: FLEET_CLIENT_ID, clientSecret: FLEET_CLIENT_SECRET, baseUrl: FLEET_BASE_URL, tokenStore });
  const token = await client.getAccessToken();
  console.log(JSON.stringify({ pid: process.pid, tokenId: client.getCachedTokenId(), digest: createHash("sha256").update(token).digest("hex").slice(0, 12) }));
} finally {
  await tokenStore.close();
}
