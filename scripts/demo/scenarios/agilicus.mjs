// Agilicus: create a token, introspect it, page through lists, revoke it (introspection then
// answers 410), and an API key's whole life.
import { Vendor } from "../report.mjs";

export async function agilicus({ importWorkspace }) {
  const { createAgilicusClient } = await importWorkspace("@vendor-auth/agilicus");
  const { startAgilicusFake } = await importWorkspace("@vendor-auth/agilicus/testing");
  const fake = await startAgilicusFake();
  const vendor = new Vendor("Agilicus", fake);
  try {
    const client = createAgilicusClient({ accessToken: fake.adminToken, baseUrl: fake.url });
    let token;
    await vendor.step("create a token", async () => {
      token = (await client.createToken({ sub: "test-user-2", org: fake.orgId, audiences: ["test-app"], time_validity: { duration: 3600 }, roles: { "test-app": "owner" } })).token;
      return `token for test-user-2 (${token.length} chars)`;
    });
    await vendor.step("introspect it", async () => {
      const t = await client.introspectToken(token);
      return `sub ${t.sub}, org ${t.org}, roles ${JSON.stringify(t.roles)}`;
    });
    await vendor.step("list: 5 sessions in pages of 2", async () => {
      for (let i = 0; i < 5; i++) await client.createSession({ spec: { user_id: `test-user-${i}`, org_id: fake.orgId } });
      const before = fake.requests.length;
      let count = 0;
      for await (const _session of client.iterateSessions({ limit: 2 })) count++;
      return `${count} sessions in ${fake.requests.length - before} pages (+5 creates)`;
    });
    await vendor.step("list tokens (filter sub=test-user-2)", async () => {
      const { tokens } = await client.listTokens({ sub: "test-user-2" });
      return `${tokens.length} token(s)`;
    });
    await vendor.step("revoke the token", async () => {
      await client.createRevokeTokenTask({ token });
      return "204 No Content";
    });
    await vendor.step("introspect the revoked token", () => client.introspectToken(token), { expectError: "GoneError" });
    await vendor.step("API key: create, introspect, delete", async () => {
      const key = await client.createApiKey({ spec: { user_id: "test-user-2", org_id: fake.orgId } });
      const auth = { api_key_auth_info: { key: key.status.api_key, username: "test-user-2@example.test" } };
      const introspected = await client.createApiKeyIntrospection(auth);
      await client.deleteApiKey(key.metadata.id);
      const after = await client.createApiKeyIntrospection(auth).then(() => "still valid", (e) => `${e.name} ${e.status}`);
      return `key ${key.metadata.id} for ${introspected.primary_token.sub}; after delete: ${after}`;
    });
    await vendor.specCheck();
  } finally {
    await fake.close();
  }
  return vendor;
}
