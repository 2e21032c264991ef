// BlueJeans: the client-credentials grant, an OAuth session that renews with the refresh grant
// (rotating its refresh token), token info, revoke.
import { Vendor } from "../report.mjs";

export async function bluejeans({ importWorkspace }) {
  const { createBlueJeansClient } = await importWorkspace("@vendor-auth/bluejeans");
  const { startBlueJeansFake, DEFAULT_REDIRECT_URI, createManualClock } = await importWorkspace("@vendor-auth/bluejeans/testing");
  const clock = createManualClock();
  const fake = await startBlueJeansFake({ now: clock.now });
  const vendor = new Vendor("BlueJeans", fake);
  try {
    const client = createBlueJeansClient({ clientId: fake.clientId, clientSecret: fake.clientSecret, baseUrl: fake.url });
    await vendor.step("client credentials grant", async () => {
      const grant = await client.getTokenByClient();
      return `expires_in ${grant.expires_in} s, enterprise ${grant.scope.enterprise}`;
    });
    const session = client.createSession({ grant_type: "authorization_code", code: fake.issueAuthorizationCode(), redirectUri: DEFAULT_REDIRECT_URI }, { now: clock.now });
    await vendor.step("session on an authorization code: renews", async () => {
      const first = await session.getAccessToken();
      const refreshBefore = (await session.getTokenResponse()).refresh_token;
      clock.advance(3600_000); // the token's lifetime, on the fake's clock
      const second = await session.getAccessToken();
      const refreshAfter = (await session.getTokenResponse()).refresh_token;
      if (first === second || refreshBefore === refreshAfter) throw new Error("the session did not renew");
      return "code grant, then the refresh grant; refresh token rotated";
    });
    let accessToken;
    await vendor.step("token info of the session's token", async () => {
      accessToken = await session.getAccessToken();
      const info = await client.getTokenInfo({ accessToken });
      return `valid, user ${info.user}`;
    });
    await vendor.step("revoke the session's token", async () => {
      await session.revoke();
      return `204; still active: ${fake.isActiveToken(accessToken)}`;
    });
    await vendor.step("token info of the revoked token", () => client.getTokenInfo({ accessToken }), { expectError: "AuthenticationError" });
    await vendor.specCheck();
  } finally {
    await fake.close();
  }
  return vendor;
}
