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
import {
  Redactor,
  ResponseParseError,
  TokenCache,
  ValidationError,
  createApiClient,
  optionalString,
  optionalTimeout,
  requireString,
  resolveBaseUrl,
  withSafeDescription,
  type ApiClient,
  type CallOptions,
  type TransportOptions,
} from "@vendor-auth/core/internal";
import type { AgilicusClient } from "./client.js";
import { fromBase64, toBase64Url, utf8 } from "./base64.js";
import type { AuthenticationDocument, AuthenticationDocumentSpec } from "./generated/models.gen.js";

export const IDENTITY_STATEMENT_GRANT = "urn:agilicus:params:oauth:grant-type:identity_statement";
const ASSERTION_AUDIENCE = "urn:api:agilicus:tokens";
const DEFAULT_ASSERTION_LIFETIME_SECONDS = 3600;
const VENDOR = "agilicus";
const OPERATION = "identityStatementToken";

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
  subtle?: SubtleCrypto | undefined;
  /** Clock, in epoch milliseconds. Default: Date.now. */
  now?: (() => number) | undefined;
}

/** An access token from the issuer. */
export interface ServiceAccountToken {
  readonly accessToken: string;
  readonly tokenType: string | undefined;
  /** The granted scopes, as the issuer wrote them (space-separated), if it said. */
  readonly scope: string | undefined;
  /** Epoch milliseconds at which the token expires, when the issuer said (expires_in, or the JWT's exp). */
  readonly expiresAt: number | undefined;
}

export interface AgilicusServiceAccount {
  /**
   * An access token for `createAgilicusClient({ getToken: account.getToken })`: the cached one
   * until half of its lifetime has passed (the vendor SDK's rule), else a new exchange; concurrent
   * callers share one exchange.
   */
  getToken(): Promise<string>;
  /** Signs a new assertion and exchanges it now (the cached token is replaced). */
  exchange(options?: CallOptions): Promise<ServiceAccountToken>;
  /** A new identity assertion (an ES256 JWT) and its document id, e.g. for validateIdentityAssertion. */
  signIdentityAssertion(): Promise<{ authenticationDocumentId: string; assertion: string }>;
  /** Drops the cached token (after the API refused it, say): the next getToken exchanges again. */
  invalidate(): void;
}

interface CheckedDocument {
  readonly id: string;
  readonly userId: string;
  readonly orgId: string;
  readonly issuerUrl: string;
  readonly expiresAt: number | undefined;
  readonly key: Promise<CryptoKey>;
}

interface TokenResponse {
  access_token?: unknown;
  token_type?: unknown;
  expires_in?: unknown;
  scope?: unknown;
}
/** The issuer's token endpoint, as openapi-fetch sees it (not in the spec: see the file comment). */
type TokenEndpointPaths = {
  "/token": {
    post: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody: { content: { "application/x-www-form-urlencoded": Record<string, string> } };
      responses: {
        200: { headers: Record<string, unknown>; content: { "application/json": TokenResponse } };
        default: { headers: Record<string, unknown>; content: { "application/json": unknown } };
      };
    };
  };
};

export function createAgilicusServiceAccount(options: AgilicusServiceAccountOptions): AgilicusServiceAccount {
  if (options === null || typeof options !== "object") throw new ValidationError("options", "must be an object");
  const { authenticationDocument, createAuthenticationDocument: create } = options;
  if ((authenticationDocument === undefined) === (create === undefined)) {
    throw new ValidationError("authenticationDocument", "pass exactly one of authenticationDocument and createAuthenticationDocument");
  }
  const now = options.now ?? Date.now;
  const subtle = options.subtle ?? globalThis.crypto?.subtle;
  if (!subtle) throw new ValidationError("subtle", "WebCrypto is not available here (globalThis.crypto.subtle): pass `subtle` (on Node 18: require('node:crypto').webcrypto.subtle)");
  const scopes = checkScopes(options.scopes);
  const clientId = optionalString("clientId", options.clientId);
  const assertionSeconds = positiveSeconds("assertionLifetimeSeconds", options.assertionLifetimeSeconds) ?? DEFAULT_ASSERTION_LIFETIME_SECONDS;
  const documentSeconds = positiveSeconds("createAuthenticationDocument.lifetimeSeconds", create?.lifetimeSeconds);
  optionalTimeout("timeoutMs", options.timeoutMs);
  if (create !== undefined && typeof create.client?.createAuthenticationDocument !== "function") {
    throw new ValidationError("createAuthenticationDocument.client", "must be an Agilicus client (createAgilicusClient)");
  }

  const redactor = new Redactor();
  const check = (document: AuthenticationDocument, field: string): CheckedDocument => {
    const checked = checkDocument(document, field, options.allowInsecureHttp === true, subtle);
    redactor.add(document.status?.key);
    return checked;
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

  async function signIdentityAssertion() {
    const document = await currentDocument();
    const header = { typ: "JWT", alg: "ES256" };
    const claims = { audience: ASSERTION_AUDIENCE, issuer: `urn:agilicus:authentication_documents:${document.id}`, user_id: document.userId, org_id: document.orgId, expiry: pythonUtc(now() + assertionSeconds * 1000) };
    const input = `${toBase64Url(utf8(JSON.stringify(header)))}.${toBase64Url(utf8(JSON.stringify(claims)))}`;
    // WebCrypto's ECDSA signature is r || s (IEEE P1363), which is what JWS ES256 wants.
    const signature = new Uint8Array(await subtle!.sign({ name: "ECDSA", hash: "SHA-256" }, await document.key, utf8(input) as BufferSource));
    return { authenticationDocumentId: document.id, assertion: `${input}.${toBase64Url(signature)}` };
  }

  const clients = new Map<string, ApiClient<TokenEndpointPaths>>();
  const clientFor = (issuerUrl: string) => {
    let client = clients.get(issuerUrl);
    if (!client) {
      const { fetch, timeoutMs, headers, maxRetries, retry, logger, maxResponseBytes } = options;
      // No operation facts: a token exchange is never retried (it mints a token).
      client = createApiClient<TokenEndpointPaths>({ fetch, timeoutMs, headers, maxRetries, retry, logger, maxResponseBytes, vendor: VENDOR, baseUrl: issuerUrl, redactor });
      clients.set(issuerUrl, client);
    }
    return client;
  };

  async function exchange(call?: CallOptions): Promise<ServiceAccountToken> {
    const document = await currentDocument();
    const { assertion } = await signIdentityAssertion();
    const form: Record<string, string> = { grant_type: IDENTITY_STATEMENT_GRANT };
    if (clientId !== undefined) form["client_id"] = clientId;
    if (scopes.length > 0) form["scope"] = scopes.join(" ");
    form["authentication_document_id"] = document.id;
    form["identity_assertion"] = assertion;
    const api = clientFor(document.issuerUrl);
    const issuedAt = now();
    const body = await redactor.during([assertion], () =>
      api.call(
        OPERATION,
        (init) =>
          api.http.POST("/token", {
            body: form,
            bodySerializer: (fields: Record<string, string>) => new URLSearchParams(fields).toString(),
            headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json", Authorization: `Bearer ${assertion}` },
            ...init,
          }),
        call,
      ),
    );
    const token = readTokenResponse(body, issuedAt);
    redactor.remember(token.accessToken);
    return token;
  }

  // The vendor's rule: a new token once half of the current one's lifetime has passed. Unknown
  // lifetime: not cached (each getToken exchanges).
  const cache = new TokenCache<{ value: string; expiresAt: number }>(
    async () => {
      const issuedAt = now();
      const token = await exchange();
      const renewAt = token.expiresAt === undefined ? issuedAt : issuedAt + (token.expiresAt - issuedAt) / 2;
      return { value: token.accessToken, expiresAt: renewAt };
    },
    { refreshAheadMs: 0, now },
  );

  const account: AgilicusServiceAccount = {
    getToken: async () => (await cache.get()).value,
    exchange: async (call) => {
      const token = await exchange(call);
      const issuedAt = now();
      cache.set({ value: token.accessToken, expiresAt: token.expiresAt === undefined ? issuedAt : issuedAt + (token.expiresAt - issuedAt) / 2 });
      return token;
    },
    signIdentityAssertion,
    invalidate: () => void cache.invalidate(),
  };
  return withSafeDescription(account, "AgilicusServiceAccount", () => ({ vendor: VENDOR, authenticationDocumentId: staticDocument?.id, issuerUrl: staticDocument?.issuerUrl, scopes }));
}

function checkScopes(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ValidationError("scopes", "must be an array of strings");
  return value.map((scope, i) => {
    const checked = requireString(`scopes[${i}]`, scope);
    if (/\s/.test(checked)) throw new ValidationError(`scopes[${i}]`, "must not contain whitespace (the scopes are sent joined by spaces)");
    return checked;
  });
}

function positiveSeconds(field: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) throw new ValidationError(field, "must be a positive number of seconds");
  return value;
}

function checkDocument(document: AuthenticationDocument, field: string, allowInsecureHttp: boolean, subtle: SubtleCrypto): CheckedDocument {
  if (document === null || typeof document !== "object") throw new ValidationError(field, "must be an authentication document (createAuthenticationDocument's answer)");
  const id = requireString(`${field}.metadata.id`, document.metadata?.id);
  const userId = requireString(`${field}.spec.user_id`, document.spec?.user_id);
  const orgId = requireString(`${field}.spec.org_id`, document.spec?.org_id);
  const pem = requireString(`${field}.status.key`, document.status?.key);
  const issuerField = document.spec?.auth_issuer_url !== undefined ? `${field}.spec.auth_issuer_url` : `${field}.status.issuer`;
  const issuerUrl = issuerUrlOf(issuerField, document.spec?.auth_issuer_url ?? document.status?.issuer, allowInsecureHttp);
  let expiresAt: number | undefined;
  if (document.spec?.expiry !== undefined) {
    expiresAt = Date.parse(document.spec.expiry);
    if (Number.isNaN(expiresAt)) throw new ValidationError(`${field}.spec.expiry`, "is not a date-time");
  }
  const der = pkcs8Of(`${field}.status.key`, pem);
  const key = Promise.resolve().then(() => subtle.importKey("pkcs8", der as BufferSource, { name: "ECDSA", namedCurve: "P-256" }, false, ["sign"]));
  // A key WebCrypto refuses fails the first use, as a ValidationError naming the field.
  const checkedKey = key.catch((cause: unknown) => {
    throw new ValidationError(`${field}.status.key`, "is not a P-256 EC private key that WebCrypto can import", { cause });
  });
  checkedKey.catch(() => undefined);
  return { id, userId, orgId, issuerUrl, expiresAt, key: checkedKey };
}

/** The issuer's base URL (no trailing slash), with the rules of every base URL: https, or http to loopback (or with allowInsecureHttp). */
function issuerUrlOf(field: string, value: unknown, allowInsecureHttp: boolean): string {
  const raw = requireString(field, value);
  try {
    return resolveBaseUrl({ baseUrl: raw, environments: {} as Record<never, string>, defaultEnvironment: undefined as never, allowInsecureHttp });
  } catch (error) {
    // The same problem, named after the document's field instead of `baseUrl`.
    if (error instanceof ValidationError) throw new ValidationError(field, error.message.replace(/^Invalid baseUrl: /, ""), { cause: error });
    throw error;
  }
}

/**
 * The PKCS#8 DER of a PEM private key. A SEC1 key ("EC PRIVATE KEY", what OpenSSL and Python's
 * cryptography also write) is wrapped into PKCS#8, the only EC private-key format WebCrypto imports.
 */
export function pkcs8Of(field: string, pem: string): Uint8Array {
  const match = /-----BEGIN ((?:EC )?PRIVATE KEY)-----([\s\S]+?)-----END \1-----/.exec(pem);
  if (!match) throw new ValidationError(field, "is not a PEM private key (PKCS#8 \"PRIVATE KEY\" or SEC1 \"EC PRIVATE KEY\")");
  let der: Uint8Array;
  try {
    der = fromBase64(match[2]!);
  } catch {
    throw new ValidationError(field, "is not a PEM private key (its body is not base64)");
  }
  if (match[1] === "PRIVATE KEY") return der;
  // PrivateKeyInfo ::= SEQUENCE { version 0, AlgorithmIdentifier { id-ecPublicKey, prime256v1 }, OCTET STRING sec1 }
  const version = [0x02, 0x01, 0x00];
  const algorithm = [0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
  const octets = [0x04, ...derLength(der.length), ...der];
  const content = [...version, ...algorithm, ...octets];
  return Uint8Array.from([0x30, ...derLength(content.length), ...content]);
}

function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

/** Python's str() of a naive UTC datetime: "2030-01-01 01:00:00.123000", no fraction when it is 0. */
function pythonUtc(time: number): string {
  const iso = new Date(time).toISOString();
  const ms = iso.slice(20, 23);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${ms === "000" ? "" : `.${ms}000`}`;
}

/** The token answer: `access_token` required; the lifetime from `expires_in`, else the JWT's iat/exp. */
function readTokenResponse(body: TokenResponse | undefined, issuedAt: number): ServiceAccountToken {
  const accessToken = body?.access_token;
  if (typeof accessToken !== "string" || accessToken.length === 0) {
    throw new ResponseParseError("The issuer's token answer has no access_token", { vendor: VENDOR, operation: OPERATION, status: 200, excerpt: "" });
  }
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  let expiresAt: number | undefined;
  if (typeof body!.expires_in === "number" && Number.isFinite(body!.expires_in) && body!.expires_in > 0) expiresAt = issuedAt + body!.expires_in * 1000;
  else {
    const claims = jwtClaims(accessToken);
    if (typeof claims?.["exp"] === "number") expiresAt = claims["exp"] * 1000;
  }
  return { accessToken, tokenType: text(body!.token_type), scope: text(body!.scope), expiresAt };
}

/** The claims of a JWT, unverified (only to read its lifetime); undefined when it is not one. */
function jwtClaims(token: string): Record<string, unknown> | undefined {
  const part = token.split(".")[1];
  if (token.split(".").length !== 3 || !part) return undefined;
  try {
    const claims: unknown = JSON.parse(new TextDecoder().decode(fromBase64(part)));
    return claims && typeof claims === "object" ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
