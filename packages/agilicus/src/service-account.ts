// Agilicus service accounts: the vendor SDK's service-token flow (issue 14). A service account
// holds an authentication document (createAuthenticationDocument; its private key, `status.key`,
// is returned once), signs an identity assertion with that key (ES256, with WebCrypto, so it runs in
// browsers and edge runtimes too) and exchanges it at the issuer's token endpoint for an access
// token. The endpoint is the issuer's, not the API's: it is not in the spec (decision
// service-account-token-exchange), so the facts below come from the vendor SDK's own code,
// agilicus 1.98.9 on PyPI:
//   - agilicus/tokens.py `_get_service_access_token`: the assertion's claims, exactly
//     { audience: "urn:api:agilicus:tokens", issuer: "urn:agilicus:authentication_documents:<document id>",
//       user_id, org_id, expiry: str(datetime.utcnow() + 1 hour) } (no standard exp/aud/iss; the expiry is
//     Python's str() of a naive UTC datetime, "2030-01-01 01:00:00.123456"), signed ES256 with the
//     document's key (PyJWT: header { typ: "JWT", alg: "ES256" });
//   - agilicus/tokens.py `create_service_token`: POST <spec.auth_issuer_url>/token (one "/" added),
//     form-encoded, `Authorization: Bearer <assertion>`, fields grant_type
//     urn:agilicus:params:oauth:grant-type:identity_statement, client_id (when given), scope (the scopes
//     joined by spaces, when given), authentication_document_id, identity_assertion; the JSON answer's
//     `access_token` is the token;
//   - agilicus/service_token.py `Token`: creates a document (user_id, org_id, auth_issuer_url, expiry
//     = now + auth_expiry_secs) when it has none or it expired, and gets a new token once half of the
//     current one's lifetime (iat..exp of the JWT) has passed.
import { Redactor, ValidationError, checkServerUrl, createTokenExchange, defined, exactlyOneOf, importEcSigningKey, optionalNumber, optionalScopes, optionalString, optionalTimeout, requireString, requireSubtle, signJwtEs256, withSafeDescription, type ExchangedToken, type TokenExchange, type TransportOptions, type WebCryptoKey, type WebCryptoSubtle } from "@vendor-auth/core/internal";
import type { AgilicusClient } from "./client.js";
import type { AuthenticationDocument, AuthenticationDocumentSpec } from "./generated/models.gen.js";

export const IDENTITY_STATEMENT_GRANT = "urn:agilicus:params:oauth:grant-type:identity_statement";
const VENDOR = "agilicus";

export interface AgilicusServiceAccountOptions extends TransportOptions {
  /**
   * An authentication document as createAuthenticationDocument returned it: `metadata.id`,
   * `spec.user_id`, `spec.org_id`, `spec.auth_issuer_url` (or `status.issuer`) and the private key
   * `status.key` (PKCS#8 or SEC1 EC PEM; only in the creation answer, keep it secret). Pass this or
   * `createAuthenticationDocument`.
   */
  authenticationDocument?: AuthenticationDocument | undefined;
  /**
   * Create the document when the account first needs one, and again when it expires (as the
   * vendor SDK's `service_token.Token` does): a client allowed to create documents, the spec
   * (`user_id`, `org_id`, `auth_issuer_url`), and the document's lifetime in seconds (default: no
   * expiry).
   */
  createAuthenticationDocument?:
    | { client: Pick<AgilicusClient, "createAuthenticationDocument">; spec: Omit<AuthenticationDocumentSpec, "expiry">; lifetimeSeconds?: number | undefined }
    | undefined;
  /** Scopes to ask for (sent as `scope`, joined by spaces). Default: none (the issuer's default). */
  scopes?: readonly string[] | undefined;
  /** The OAuth client id to send as `client_id`. Default: none. */
  clientId?: string | undefined;
  /** How long each identity assertion is valid, in seconds. Default: 3600 (the vendor SDK's). */
  assertionLifetimeSeconds?: number | undefined;
  /** Allow an `http://` issuer URL that is not loopback. Default: false (https only). */
  allowInsecureHttp?: boolean | undefined;
  /** WebCrypto's SubtleCrypto. Default: `globalThis.crypto.subtle` (Node 19+; on Node 18 pass `require("node:crypto").webcrypto.subtle`). */
  subtle?: WebCryptoSubtle | undefined;
  /** Clock, in epoch milliseconds. Default: Date.now. */
  now?: (() => number) | undefined;
}

/** An access token from the issuer (`expiresAt`: from expires_in, or the JWT's exp). */
export type ServiceAccountToken = ExchangedToken;

/**
 * `getAccessToken()` gives an access token for `createAgilicusClient({ accessToken: account.getAccessToken })`: the
 * cached one until half of its lifetime has passed (the vendor SDK's rule), else a new exchange;
 * concurrent callers share one exchange. `exchange()` signs a new assertion and exchanges it now (the
 * cached token is replaced); `invalidate()` drops the cached token (after the API refused it, say).
 */
export interface AgilicusServiceAccount extends TokenExchange {
  /** A new identity assertion (an ES256 JWT) and its document id, e.g. for validateIdentityAssertion. */
  signIdentityAssertion(): Promise<{ authenticationDocumentId: string; assertion: string }>;
}

type CheckedDocument = { id: string; userId: string; orgId: string; issuerUrl: string; expiresAt: number | undefined; key: Promise<WebCryptoKey> };

/**
 * An Agilicus service account: identity assertions signed with an authentication document's key
 * (ES256), exchanged at its issuer for access tokens, kept until half of their lifetime.
 *
 * @example
 * ```ts
 * import { createAgilicusClient, createAgilicusServiceAccount, type AuthenticationDocument } from "@vendor-auth/agilicus";
 *
 * declare const document: AuthenticationDocument; // createAuthenticationDocument's answer, from your secret store
 * const account = createAgilicusServiceAccount({ authenticationDocument: document, scopes: ["urn:agilicus:users"] });
 * const agilicus = createAgilicusClient({ accessToken: account.getAccessToken });
 * await agilicus.listTokens({ org: "my-org-id" });
 * ```
 */
export function createAgilicusServiceAccount(options: AgilicusServiceAccountOptions): AgilicusServiceAccount {
  if (options === null || typeof options !== "object") throw new ValidationError("options", "must be an object");
  const { authenticationDocument, createAuthenticationDocument: create } = options;
  exactlyOneOf(options, ["authenticationDocument", "createAuthenticationDocument"]);
  const now = options.now ?? Date.now;
  const subtle = requireSubtle(options.subtle);
  const scopes = optionalScopes("scopes", options.scopes);
  const clientId = optionalString("clientId", options.clientId);
  const seconds = { min: Number.MIN_VALUE, max: Number.MAX_SAFE_INTEGER, unit: "seconds" };
  const assertionSeconds = optionalNumber("assertionLifetimeSeconds", options.assertionLifetimeSeconds, seconds) ?? 3600;
  const documentSeconds = optionalNumber("createAuthenticationDocument.lifetimeSeconds", create?.lifetimeSeconds, seconds);
  optionalTimeout("timeoutMs", options.timeoutMs);
  if (create !== undefined && typeof create.client?.createAuthenticationDocument !== "function") {
    throw new ValidationError("createAuthenticationDocument.client", "must be an Agilicus client (createAgilicusClient)");
  }

  const redactor = new Redactor();
  const check = (document: AuthenticationDocument, field: string): CheckedDocument => {
    if (document === null || typeof document !== "object") throw new ValidationError(field, "must be an authentication document (createAuthenticationDocument's answer)");
    const { metadata, spec, status } = document;
    const issuerField = spec?.auth_issuer_url !== undefined ? `${field}.spec.auth_issuer_url` : `${field}.status.issuer`;
    const expiresAt = spec?.expiry === undefined ? undefined : Date.parse(spec.expiry);
    if (Number.isNaN(expiresAt)) throw new ValidationError(`${field}.spec.expiry`, "is not a date-time");
    const key = importEcSigningKey(`${field}.status.key`, requireString(`${field}.status.key`, status?.key), subtle);
    redactor.add(status?.key);
    return {
      id: requireString(`${field}.metadata.id`, metadata?.id),
      userId: requireString(`${field}.spec.user_id`, spec?.user_id),
      orgId: requireString(`${field}.spec.org_id`, spec?.org_id),
      issuerUrl: checkServerUrl(issuerField, requireString(issuerField, spec?.auth_issuer_url ?? status?.issuer), options.allowInsecureHttp === true),
      expiresAt,
      key,
    };
  };
  const staticDocument = authenticationDocument === undefined ? undefined : check(authenticationDocument, "authenticationDocument");

  let created: Promise<CheckedDocument> | undefined;
  async function currentDocument(): Promise<CheckedDocument> {
    if (staticDocument) {
      if (staticDocument.expiresAt !== undefined && now() >= staticDocument.expiresAt) throw new ValidationError("authenticationDocument", "has expired (spec.expiry): create a new one");
      return staticDocument;
    }
    const existing = created && (await created.catch(() => undefined));
    if (existing && (existing.expiresAt === undefined || now() < existing.expiresAt)) return existing;
    const spec: AuthenticationDocumentSpec = { ...create!.spec, ...(documentSeconds === undefined ? {} : { expiry: new Date(now() + documentSeconds * 1000).toISOString() }) };
    created = create!.client.createAuthenticationDocument({ spec }).then((document) => check(document, "createAuthenticationDocument (the created document)"));
    created.catch(() => (created = undefined));
    return created;
  }

  async function sign(document: CheckedDocument) {
    const claims = { audience: "urn:api:agilicus:tokens", issuer: `urn:agilicus:authentication_documents:${document.id}`, user_id: document.userId, org_id: document.orgId, expiry: pythonUtc(now() + assertionSeconds * 1000) };
    return signJwtEs256(subtle, document.key, { typ: "JWT", alg: "ES256" }, claims);
  }

  const { fetch, timeoutMs, headers, maxRetries, retry, logger, maxResponseBytes } = options;
  const tokens = createTokenExchange({
    ...{ fetch, timeoutMs, headers, maxRetries, retry, logger, maxResponseBytes, vendor: VENDOR, redactor, now },
    operation: "identityStatementToken",
    renewAtFraction: 0.5,
    request: async () => {
      const document = await currentDocument();
      const assertion = await sign(document);
      const fields = { grant_type: IDENTITY_STATEMENT_GRANT, client_id: clientId, scope: scopes.length > 0 ? scopes.join(" ") : undefined, authentication_document_id: document.id, identity_assertion: assertion };
      const form = defined(fields) as Record<string, string>;
      return { baseUrl: document.issuerUrl, path: "/token", form, bearer: assertion };
    },
  });
  const account: AgilicusServiceAccount = {
    ...tokens,
    signIdentityAssertion: async () => {
      const document = await currentDocument();
      return { authenticationDocumentId: document.id, assertion: await sign(document) };
    },
  };
  return withSafeDescription(account, "AgilicusServiceAccount", () => ({ vendor: VENDOR, authenticationDocumentId: staticDocument?.id, issuerUrl: staticDocument?.issuerUrl, scopes }));
}

/** Python's str() of a naive UTC datetime: "2030-01-01 01:00:00.123000", no fraction when it is 0. */
function pythonUtc(time: number): string {
  const iso = new Date(time).toISOString();
  const ms = iso.slice(20, 23);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${ms === "000" ? "" : `.${ms}000`}`;
}
