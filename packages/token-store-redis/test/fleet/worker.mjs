// One process of a test fleet (forked by fleet.ts): a UniCourt client on the built packages
// (dist/, shared by every worker), optionally on the Redis token store, driven over IPC.
//   { cmd: "configure", config }  (re)creates the store and the client
//   { cmd: "tokens", callers }    that many concurrent getAccessToken(): the distinct tokens, the failures
//   { cmd: "fetch", callers }     that many concurrent authorizedFetch("/caseSearch"): the statuses, the failures
//   { cmd: "events" }             the `token` and `token-store` logger events so far
import { createUniCourtClient } from "@vendor-auth/unicourt";
import { createRedisTokenStore } from "../../dist/index.js";

let store;
let client;
let events = [];

async function configure(config) {
  await store?.close();
  events = [];
  store = config.redisUrl
    ? createRedisTokenStore({ url: config.redisUrl, encryptionKey: config.encryptionKey, keyPrefix: config.keyPrefix, leaseMs: config.leaseMs, retryAfterMs: config.retryAfterMs, commandTimeoutMs: config.commandTimeoutMs })
    : undefined;
  client = createUniCourtClient({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    baseUrl: config.baseUrl,
    tokenStore: store,
    reauthIntervalMs: config.reauthIntervalMs,
    logger: (event) => {
      if (event.type === "token" || event.type === "token-store") events.push(event);
    },
  });
  return {};
}

const failureOf = (result) => (result.status === "rejected" ? `${result.reason?.name}: ${result.reason?.message}` : undefined);

const commands = {
  configure: ({ config }) => configure(config),
  async tokens({ callers }) {
    const results = await Promise.allSettled(Array.from({ length: callers }, () => client.getAccessToken()));
    return { tokens: [...new Set(results.filter((r) => r.status === "fulfilled").map((r) => r.value))], failures: results.map(failureOf).filter(Boolean) };
  },
  async fetch({ callers }) {
    const results = await Promise.allSettled(Array.from({ length: callers }, async () => (await client.authorizedFetch("/caseSearch")).status));
    return { statuses: [...new Set(results.filter((r) => r.status === "fulfilled").map((r) => r.value))], failures: results.map(failureOf).filter(Boolean) };
  },
  events: () => ({ events }),
};

process.on("message", async ({ id, cmd, ...args }) => {
  try {
    process.send({ id, ok: true, result: await commands[cmd](args) });
  } catch (error) {
    process.send({ id, ok: false, error: `${error?.name}: ${error?.message}` });
  }
});
process.on("disconnect", () => process.exit(0));
process.send({ ready: true });
