// A fleet: two processes, each a UniCourt client on one Redis token store (a real redis-server on
// loopback, no persistence), start at the same time and share one token: one request to the fake.
// Then a third process, started later, reuses it (no request).
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Vendor } from "../report.mjs";

const WORKER = fileURLToPath(new URL("./fleet-worker.mjs", import.meta.url));
const run = promisify(execFile);

export async function fleet({ importWorkspace }) {
  const { startUniCourtFake } = await importWorkspace("@vendor-auth/unicourt/testing");
  const { startRedisServer } = await importWorkspace("@vendor-auth/token-store-redis/testing");
  const [fake, redis] = await Promise.all([startUniCourtFake(), startRedisServer()]);
  const vendor = new Vendor("Fleet (UniCourt on Redis)", fake);
  const env = { ...process.env, FLEET_BASE_URL: fake.url, FLEET_REDIS_URL: redis.url, FLEET_CLIENT_ID: fake.clientId, FLEET_CLIENT_SECRET: fake.clientSecret };
  // Each process prints its token's id and a digest of the token (never the token).
  const processOnce = async () => JSON.parse((await run(process.execPath, [WORKER], { env, timeout: 60_000 })).stdout);
  try {
    let first;
    await vendor.step("two processes start at once, each asks for a token", async () => {
      const [a, b] = await Promise.all([processOnce(), processOnce()]);
      if (a.digest !== b.digest) throw new Error(`two tokens: ${a.tokenId} and ${b.tokenId}`);
      first = a;
      return `pid ${a.pid} and pid ${b.pid}: both token ${a.tokenId} (sha-256 ${a.digest})`;
    });
    await vendor.step("a process started later reuses it", async () => {
      const c = await processOnce();
      if (c.digest !== first.digest) throw new Error(`a new token: ${c.tokenId}`);
      return `pid ${c.pid}: token ${c.tokenId}, no request`;
    });
    await vendor.step("the account holds one token", async () => `${fake.activeTokens.length} active at UniCourt`);
    await vendor.specCheck();
  } finally {
    await Promise.all([fake.close(), redis.close()]);
  }
  return vendor;
}
