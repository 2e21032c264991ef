// The fakes the vendor-client suite drives, from the BUILT packages as a user would import them
// (`@vendor-auth/<vendor>/testing`), with what each Python driver needs to know about its fake
// (`config`: URL and test credentials) and a view of its state for checks (`snapshot`). Every
// value here is a fake's `test-…` credential on loopback.

const load = async (specifier) => {
  try {
    return await import(specifier);
  } catch (error) {
    if (error?.code === "ERR_MODULE_NOT_FOUND") throw new Error(`${specifier} cannot be loaded: run \`pnpm build\` first (${error.message.split("\n")[0]})`);
    throw error;
  }
};

/** The Laserfiche fake checks the Cloud account id, so the drivers' `customer_id` is exercised. */
const LASERFICHE_CUSTOMER_ID = "123456789";

export const fakes = {
  unicourt: {
    async start() {
      const { startUniCourtFake } = await load("@vendor-auth/unicourt/testing");
      const server = await startUniCourtFake();
      return {
        server,
        config: () => ({ url: server.url, clientId: server.clientId, clientSecret: server.clientSecret }),
        snapshot: () => ({ activeTokenIds: server.activeTokens.map((t) => t.tokenId), tokens: server.tokens.length }),
      };
    },
  },
  laserfiche: {
    async start() {
      const { startLaserficheFake } = await load("@vendor-auth/laserfiche/testing");
      const server = await startLaserficheFake({ customerId: LASERFICHE_CUSTOMER_ID });
      return {
        server,
        config: () => ({ url: server.url, repoId: server.repoId, username: server.username, password: server.password, sessionKey: server.sessionKey, customerId: LASERFICHE_CUSTOMER_ID }),
        snapshot: () => ({ sessions: server.sessions.map((s) => ({ authToken: s.authToken, active: s.active, idleSeconds: s.idleSeconds, refreshCount: s.refreshCount })) }),
      };
    },
  },
  agilicus: {
    async start() {
      const { startAgilicusFake } = await load("@vendor-auth/agilicus/testing");
      const server = await startAgilicusFake();
      return {
        server,
        config: () => ({ url: server.url, issuerUrl: server.issuerUrl, adminToken: server.adminToken, userId: server.userId, orgId: server.orgId, email: server.emailOf(server.userId) }),
        snapshot: () => ({
          tokens: server.tokens.map((t) => ({ jti: t.jti, sub: t.sub, org: t.org, session: t.session, revoked: t.revoked, active: t.active, expiresAt: t.expiresAt?.toISOString() })),
          apiKeys: server.apiKeys.map((k) => ({ id: k.metadata?.id, expiry: k.spec.expiry })),
          sessions: server.sessions.map((s) => ({ id: s.metadata?.id, user_id: s.spec.user_id, revoked: s.spec.revoked })),
          documents: server.authenticationDocuments.map((d) => ({ id: d.metadata?.id, expiry: d.spec.expiry })),
        }),
      };
    },
  },
  bluejeans: {
    async start() {
      const { startBlueJeansFake } = await load("@vendor-auth/bluejeans/testing");
      const server = await startBlueJeansFake();
      return {
        server,
        config: (controlUrl) => ({
          url: server.url,
          clientId: server.clientId,
          clientSecret: server.clientSecret,
          username: server.username,
          password: server.password,
          userId: server.userId,
          meeting: server.meetings[0],
          // The authorize redirect goes to the launcher, which answers with the code it carried.
          redirectUri: `${controlUrl}/callback`,
        }),
        snapshot: () => ({ tokens: server.tokens.map((t) => ({ grantType: t.grantType, revoked: t.revoked, active: t.active })), applications: server.applications.map((a) => a.clientId) }),
      };
    },
  },
};
