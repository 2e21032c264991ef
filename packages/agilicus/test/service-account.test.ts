// Service accounts against the Agilicus fake: the identity assertion the helper signs (WebCrypto
// ES256, the vendor SDK's claims), the form it posts to the issuer's token endpoint, the token it
// gets and caches for half its lifetime, a document created on demand, SEC1 keys, and errors
// that keep every secret out. No test waits for real time: the fake and the account share a clock.
import { createPrivateKey, generateKeyPairSync, verify } from "node:crypto";
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createManualClock } from "@vendor-auth/testing";
import {
  BadRequestError,
  IDENTITY_STATEMENT_GRANT,
  ValidationError,
  createAgilicusClient,
  createAgilicusServiceAccount,
  type AgilicusClient,
  type AuthenticationDocument,
} from "../src/index.js";
import { pkcs8Of } from "@vendor-auth/core/internal";
import { startAgilicusFake, type AgilicusFake } from "../src/testing/index.js";

const clock = createManualClock();
let fake: AgilicusFake;
let admin: AgilicusClient;
let document: AuthenticationDocument;

beforeEach(async () => {
  clock.set(Date.UTC(2030, 0, 1));
  fake = await startAgilicusFake({ now: clock.now, tokenLifetimeSeconds: 600 });
  admin = createAgilicusClient({ accessToken: fake.adminToken, baseUrl: fake.url, maxRetries: 0 });
  document = await admin.createAuthenticationDocument({ spec: { user_id: "test-service-1", org_id: fake.orgId, auth_issuer_url: fake.issuerUrl } });
});
afterEach(async () => {
  expect(fake.violations).toEqual([]);
  await fake.close();
});

const decode = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;
const tokenRequests = () => fake.requests.filter((r) => r.path === "/token");

describe("createAgilicusServiceAccount", () => {
  it("signs the vendor's identity assertion and exchanges it at <auth_issuer_url>/token for a token the API accepts", async () => {
    const account = createAgilicusServiceAccount({ authenticationDocument: document, scopes: ["urn:agilicus:users", "urn:agilicus:issuers?"], clientId: "test-agilicus-client", now: clock.now });
    const token = await account.getAccessToken();
    const [request] = tokenRequests();
    expect(request).toMatchObject({ method: "POST", status: 200, headers: { "content-type": "application/x-www-form-urlencoded" } });
    const form = new URLSearchParams(request!.rawBody);
    expect([...form.keys()]).toEqual(["grant_type", "client_id", "scope", "authentication_document_id", "identity_assertion"]);
    expect(form.get("grant_type")).toBe(IDENTITY_STATEMENT_GRANT);
    expect(form.get("scope")).toBe("urn:agilicus:users urn:agilicus:issuers?");
    expect(form.get("authentication_document_id")).toBe(document.metadata!.id);
    const assertion = form.get("identity_assertion")!;
    expect(request!.headers["authorization"]).toBe(`Bearer ${assertion}`);

    // The claims of agilicus 1.98.9's _get_service_access_token, in its order, and PyJWT's header.
    const [header, claims, signature] = assertion.split(".");
    expect(decode(header!)).toEqual({ typ: "JWT", alg: "ES256" });
    expect(Object.keys(decode(claims!))).toEqual(["audience", "issuer", "user_id", "org_id", "expiry"]);
    expect(decode(claims!)).toEqual({ audience: "urn:api:agilicus:tokens", issuer: `urn:agilicus:authentication_documents:${document.metadata!.id}`, user_id: "test-service-1", org_id: fake.orgId, expiry: "2030-01-01 01:00:00" });
    const publicKey = createPrivateKey(document.status!.key!);
    expect(verify("sha256", Buffer.from(`${header}.${claims}`), { key: publicKey, dsaEncoding: "ieee-p1363" }, Buffer.from(signature!, "base64url"))).toBe(true);

    // The token is the fake's ES256 JWT for the document's user, and it works on the API.
    expect(decode(token.split(".")[1]!)).toMatchObject({ sub: "test-service-1", org: fake.orgId, iss: fake.issuerUrl, scopes: ["urn:agilicus:users", "urn:agilicus:issuers?"] });
    const client = createAgilicusClient({ accessToken: account.getAccessToken, baseUrl: fake.url, maxRetries: 0 });
    await expect(client.listTokens({ sub: "test-service-1" })).resolves.toMatchObject({ tokens: [{ sub: "test-service-1" }] });
    expect(fake.requests.at(-1)!.headers["authorization"]).toBe(`Bearer ${token}`);
  });

  it("keeps the token for half its lifetime (the vendor SDK's rule), then exchanges a new assertion; one exchange for concurrent callers", async () => {
    const account = createAgilicusServiceAccount({ authenticationDocument: document, now: clock.now });
    const [a, b] = await Promise.all([account.getAccessToken(), account.getAccessToken()]);
    expect(a).toBe(b);
    clock.advance(299_000);
    expect(await account.getAccessToken()).toBe(a);
    expect(tokenRequests()).toHaveLength(1);
    clock.advance(1_000);
    const renewed = await account.getAccessToken();
    expect(renewed).not.toBe(a);
    expect(tokenRequests()).toHaveLength(2);
    // exchange() replaces the cached token; invalidate() drops it.
    const exchanged = await account.exchange();
    expect(exchanged).toMatchObject({ tokenType: "bearer", expiresAt: clock.now() + 600_000 });
    expect(await account.getAccessToken()).toBe(exchanged.accessToken);
    account.invalidate();
    expect(await account.getAccessToken()).not.toBe(exchanged.accessToken);
    expect(tokenRequests()).toHaveLength(4);
  });

  it("createAuthenticationDocument: creates the document on first use, reuses it, and creates another once it expires", async () => {
    const account = createAgilicusServiceAccount({
      createAuthenticationDocument: { client: admin, spec: { user_id: "test-service-2", org_id: fake.orgId, auth_issuer_url: fake.issuerUrl }, lifetimeSeconds: 3_600 },
      now: clock.now,
    });
    await Promise.all([account.getAccessToken(), account.signIdentityAssertion()]);
    expect(fake.authenticationDocuments.filter((d) => d.spec.user_id === "test-service-2")).toEqual([expect.objectContaining({ spec: expect.objectContaining({ expiry: "2030-01-01T01:00:00.000Z" }) })]);
    clock.advance(3_600_000);
    const token = await account.getAccessToken();
    expect(fake.authenticationDocuments.filter((d) => d.spec.user_id === "test-service-2")).toHaveLength(2);
    expect(fake.isActiveToken(token)).toBe(true);
  });

  it("signs with a SEC1 (\"EC PRIVATE KEY\") key too, by wrapping it into PKCS#8 for WebCrypto", async () => {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
    const sec1 = privateKey.export({ type: "sec1", format: "pem" }).toString();
    const wrapped = createPrivateKey({ key: Buffer.from(pkcs8Of("key", sec1)), format: "der", type: "pkcs8" });
    expect(wrapped.export({ type: "pkcs8", format: "der" })).toEqual(privateKey.export({ type: "pkcs8", format: "der" }));
    const account = createAgilicusServiceAccount({ authenticationDocument: { ...document, status: { ...document.status, key: sec1 } }, now: clock.now });
    const [header, claims, signature] = (await account.signIdentityAssertion()).assertion.split(".");
    expect(verify("sha256", Buffer.from(`${header}.${claims}`), { key: publicKey, dsaEncoding: "ieee-p1363" }, Buffer.from(signature!, "base64url"))).toBe(true);
  });

  it("an assertion the issuer refuses is a BadRequestError with its OAuth error, and no secret in any form of it", async () => {
    const other = await admin.createAuthenticationDocument({ spec: { user_id: "test-service-1", org_id: fake.orgId } });
    const account = createAgilicusServiceAccount({ authenticationDocument: { ...document, status: other.status }, now: clock.now });
    const error = await account.getAccessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, operation: "identityStatementToken", body: { error: "invalid_grant", error_description: expect.stringContaining("signature") } });
    const assertion = new URLSearchParams(tokenRequests()[0]!.rawBody).get("identity_assertion")!;
    const forms = [String(error), JSON.stringify(error), inspect(error, { depth: 10 }), inspect(account), JSON.stringify(account)];
    for (const form of forms) {
      expect(form).not.toContain(assertion);
      expect(form).not.toContain(other.status!.key!.split("\n")[1]);
    }
    expect(JSON.parse(JSON.stringify(account))).toEqual({ vendor: "agilicus", authenticationDocumentId: document.metadata!.id, issuerUrl: fake.issuerUrl, scopes: [] });
  });

  it("checks its options before anything is sent", async () => {
    const make = (options: Parameters<typeof createAgilicusServiceAccount>[0]) => () => createAgilicusServiceAccount(options);
    const field = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error instanceof ValidationError ? error.field : String(error);
      }
      return "no error";
    };
    expect(field(make({}))).toBe("authenticationDocument");
    expect(field(make({ authenticationDocument: document, createAuthenticationDocument: { client: admin, spec: { user_id: "u", org_id: "o" } } }))).toBe("createAuthenticationDocument");
    expect(field(make({ authenticationDocument: { ...document, status: {} } }))).toBe("authenticationDocument.status.key");
    expect(field(make({ authenticationDocument: { ...document, status: { key: "test-not-a-pem" } } }))).toBe("authenticationDocument.status.key");
    expect(field(make({ authenticationDocument: { ...document, spec: { ...document.spec, auth_issuer_url: "http://issuer.example.test" } } }))).toBe("authenticationDocument.spec.auth_issuer_url");
    expect(field(make({ authenticationDocument: { ...document, spec: { user_id: "u", org_id: "o" }, status: { key: document.status!.key } } }))).toBe("authenticationDocument.status.issuer");
    expect(field(make({ authenticationDocument: document, scopes: ["two scopes"] }))).toBe("scopes[0]");
    expect(field(make({ authenticationDocument: document, assertionLifetimeSeconds: 0 }))).toBe("assertionLifetimeSeconds");
    // The issuer URL may come from status.issuer when the spec has none.
    expect(field(make({ authenticationDocument: { ...document, spec: { user_id: "u", org_id: "o" } } }))).toBe("no error");
    const expired = createAgilicusServiceAccount({ authenticationDocument: { ...document, spec: { ...document.spec, expiry: "2029-12-31T00:00:00Z" } }, now: clock.now });
    await expect(expired.getAccessToken()).rejects.toMatchObject({ name: "ValidationError", field: "authenticationDocument" });
    expect(tokenRequests()).toHaveLength(0);
  });
});
