// Laserfiche: create a token, use it, refresh with Keep-Alive, let it expire on the fake's clock,
// invalidate, and a session closed by `await using`.
import { Vendor } from "../report.mjs";

export async function laserfiche({ importWorkspace }) {
  const { createLaserficheClient } = await importWorkspace("@vendor-auth/laserfiche");
  const { startLaserficheFake, nodeHttpFetch, createManualClock } = await importWorkspace("@vendor-auth/laserfiche/testing");
  const clock = createManualClock();
  const fake = await startLaserficheFake({ now: clock.now });
  const vendor = new Vendor("Laserfiche", fake);
  try {
    // Node's own fetch cannot send the Keep-Alive header; the fake's package exports one that can.
    const client = createLaserficheClient({ repoId: fake.repoId, username: fake.username, password: fake.password, baseUrl: fake.url, fetch: nodeHttpFetch });
    const seconds = (date) => Math.round((date.getTime() - clock.now()) / 1000);
    await vendor.step("create an access token (username/password)", async () => {
      const info = await client.createAccessToken();
      return `expires in ${seconds(new Date(info.expireTime))} s when idle`;
    });
    await vendor.step("call the API with it (authorizedFetch)", async () => {
      const response = await client.authorizedFetch(`/v1-alpha/Repositories/${fake.repoId}/Entries/1`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return `GET …/Entries/1 → ${response.status}`;
    });
    await vendor.step("refresh with Keep-Alive: 3600", async () => {
      const { value } = await client.refreshAccessToken({ keepAliveSeconds: 3600 });
      return `expires in ${seconds(new Date(value))} s when idle`;
    });
    await vendor.step("idle 61 minutes (fake clock): refresh is refused", () => {
      clock.advance(61 * 60_000);
      return client.refreshAccessToken();
    }, { expectError: "AuthenticationError" });
    await vendor.step("invalidate, then create a new token", async () => {
      await client.invalidateAccessToken().catch(() => undefined); // the expired token: 401, forgotten anyway
      await client.createAccessToken();
      const { value } = await client.invalidateAccessToken();
      return `invalidated: ${value}; ${fake.sessions.filter((s) => s.active).length} active sessions`;
    });
    await vendor.step("session closed by await using", async () => {
      const session = client.openSession();
      const token = await session.getAccessToken();
      await disposeWithAwaitUsing(session);
      if (fake.isActiveToken(token)) throw new Error("the session's token is still active");
      return `closed: ${session.closed}, token invalidated`;
    });
    await vendor.specCheck();
  } finally {
    await fake.close();
  }
  return vendor;
}

/**
 * `{ await using s = session; }` where the runtime has the syntax (Node 24+); elsewhere the call
 * that statement makes at the end of its block, `session[Symbol.asyncDispose]()`.
 */
async function disposeWithAwaitUsing(session) {
  const AsyncFunction = (async () => {}).constructor;
  let block;
  try {
    block = new AsyncFunction("session", "{ await using scoped = session; }");
  } catch {
    const key = Symbol.asyncDispose ?? Symbol.for("Symbol.asyncDispose");
    block = (s) => s[key]();
  }
  await block(session);
}
