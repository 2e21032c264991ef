// Service accounts in the Agilicus fake: a real P-256 key pair per authentication document (the
// private key is handed out once, as `status.key`, PKCS#8 PEM), the check of an identity assertion
// signed with it (ES256), and the issuer's token endpoint that exchanges one for an access token.
//
// The assertion's claims are those of the vendor SDK's `agilicus.tokens._get_service_access_token`
// (agilicus 1.98.9): { audience: "urn:api:agilicus:tokens", issuer:
// "urn:agilicus:authentication_documents:<document id>", user_id, org_id, expiry: str(datetime.utcnow()
// + 1 h) }. No standard `exp`/`aud`/`iss` claims: the vendor sends none (a standard numeric `exp` is
// read when `expiry` is absent).
import { createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";
import { parseServiceDateTime } from "./dates.js";

export const IDENTITY_STATEMENT_GRANT = "urn:agilicus:params:oauth:grant-type:identity_statement";
export const ASSERTION_AUDIENCE = "urn:api:agilicus:tokens";
export const documentIssuer = (documentId: string) => `urn:agilicus:authentication_documents:${documentId}`;

/** A new document key pair: the PKCS#8 PEM the API returns once, and the public key the fake keeps. */
export function newDocumentKey(): { privateKeyPem: string; publicKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  return { privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(), publicKey };
}

const base64url = (data: Buffer | string) => Buffer.from(data).toString("base64url");

/** An ES256 JWT (the fake's own access tokens). */
export function signJwt(payload: Record<string, unknown>, privateKey: KeyObject, kid: string): string {
  const input = `${base64url(JSON.stringify({ alg: "ES256", typ: "JWT", kid }))}.${base64url(JSON.stringify(payload))}`;
  const signature = sign("sha256", Buffer.from(input), { key: privateKey, dsaEncoding: "ieee-p1363" });
  return `${input}.${base64url(signature)}`;
}

/** The claims of an ES256 JWT whose signature `publicKey` verifies, or why not. */
export function verifyJwt(token: string, publicKey: KeyObject): { claims: Record<string, unknown> } | { problem: string } {
  const parts = token.split(".");
  if (parts.length !== 3) return { problem: "the assertion is not a JWT" };
  let header: { alg?: unknown };
  let claims: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(parts[0]!, "base64url").toString("utf8"));
    claims = JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8"));
  } catch {
    return { problem: "the assertion is not a JWT" };
  }
  if (header.alg !== "ES256") return { problem: `the assertion must be signed with ES256, not ${String(header.alg)}` };
  const signature = Buffer.from(parts[2]!, "base64url");
  const ok = signature.length === 64 && verify("sha256", Buffer.from(`${parts[0]}.${parts[1]}`), { key: publicKey, dsaEncoding: "ieee-p1363" }, signature);
  return ok ? { claims } : { problem: "the assertion's signature does not match the authentication document's key" };
}

/** What the fake knows of a document when it checks an assertion. */
export interface AssertedDocument {
  readonly id: string;
  readonly userId: string;
  readonly orgId: string;
  readonly publicKey: KeyObject;
  /** Epoch ms; undefined = the document does not expire. */
  readonly expiresAt: number | undefined;
  readonly deleted: boolean;
}

/** Checks an identity assertion against its document: signature, issuer, audience, user, org, expiry. */
export function checkIdentityAssertion(assertion: string, document: AssertedDocument | undefined, now: number): { problem: string } | { ok: true } {
  if (!document || document.deleted) return { problem: "the authentication document does not exist" };
  if (document.expiresAt !== undefined && now >= document.expiresAt) return { problem: "the authentication document has expired" };
  const verified = verifyJwt(assertion, document.publicKey);
  if ("problem" in verified) return verified;
  const { claims } = verified;
  if (claims["issuer"] !== documentIssuer(document.id)) return { problem: `the assertion's issuer must be ${documentIssuer(document.id)}` };
  if (claims["audience"] !== ASSERTION_AUDIENCE) return { problem: `the assertion's audience must be ${ASSERTION_AUDIENCE}` };
  if (claims["user_id"] !== document.userId || claims["org_id"] !== document.orgId) return { problem: "the assertion's user_id and org_id are not the document's" };
  const expiry = typeof claims["expiry"] === "string" ? parseServiceDateTime(claims["expiry"]) : typeof claims["exp"] === "number" ? claims["exp"] * 1000 : undefined;
  if (expiry === undefined) return { problem: "the assertion has no readable expiry" };
  if (now >= expiry) return { problem: "the assertion has expired" };
  return { ok: true };
}

/** The issuer key of a fake: signs its service-account access tokens. */
export function newIssuerKey(): { privateKey: KeyObject; publicKeyPem: string } {
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  return { privateKey, publicKeyPem: createPublicKey(privateKey).export({ type: "spki", format: "pem" }).toString() };
}
