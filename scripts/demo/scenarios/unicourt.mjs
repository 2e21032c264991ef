// UniCourt: generate a token, reuse it, use it on the rest of the API, list, invalidate one, run
// into the 10-token cap, invalidate all.
import { Vendor } from "../report.mjs";

export async function unicourt({ importWorkspace }) {
  const { createUniCourtClient } = await importWorkspace("@vendor-auth/unicourt");
  const { startUniCourtFake } = await importWorkspace("@vendor-auth/unicourt/testing");
  const fake = await startUniCourtFake();
  const vendor = new Vendor("UniCourt", fake);
  try {
    const client = createUniCourtClient({ clientId: fake.clientId, clientSecret: fake.clientSecret, baseUrl: fake.url });
    let first;
    await vendor.step("generate a token (getAccessToken)", async () => {
      first = await client.getAccessToken();
      return `token ${client.getCachedTokenId()} (${first.length} chars)`;
    });
    await vendor.step("reuse the cached token", async () => {
      if ((await client.getAccessToken()) !== first) throw new Error("a second token was generated");
      return "same token, no request";
    });
    await vendor.step("call the API with it (authorizedFetch)", async () => {
      const response = await client.authorizedFetch("/caseSearch?q=Smith");
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return `GET /caseSearch → ${response.status}`;
    });
    await vendor.step("list the token ids", async () => {
      const list = await client.listAllTokenIds();
      return `${list.AccessTokenIdArray.length} active: ${list.AccessTokenIdArray.map((t) => t.tokenId).join(", ")}`;
    });
    await vendor.step("invalidate one token", async () => {
      const id = client.getCachedTokenId();
      const result = await client.invalidateToken(id);
      return `${id}: ${result.message}`;
    });
    await vendor.step("generate 10 tokens (the cap)", async () => {
      for (let i = 0; i < 10; i++) await client.generateNewToken();
      return `${(await client.listAllTokenIds()).AccessTokenIdArray.length} active`;
    });
    await vendor.step("an 11th token is refused", () => client.generateNewToken(), { expectError: "BadRequestError" });
    await vendor.step("invalidate all tokens", async () => {
      await client.invalidateAllTokens();
      return `${(await client.listAllTokenIds()).AccessTokenIdArray.length} active`;
    });
    await vendor.specCheck();
  } finally {
    await fake.close();
  }
  return vendor;
}
