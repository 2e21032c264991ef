// @vendor-auth/agilicus/testing: a stateful fake of the Agilicus TokensApi for your own tests. A
// real HTTP server on 127.0.0.1 that checks every request against the spec
// (specs/agilicus.yaml) and keeps tokens, API keys, sessions and authentication documents: create,
// get, delete, revoke (introspection then answers 410 Gone), introspect, reissue, the list filters
// of the spec and its pagination (limit everywhere; keyset pages for listSessions), and bearer
// auth on the 20 operations that require it: a bearer token, or an API key as HTTP basic auth
// (the user's e-mail address as the user name). Service accounts work end to end: each
// authentication document gets a real P-256 key pair (`status.key`, once), identity assertions
// signed with it are verified (validateIdentityAssertion), and the issuer's token endpoint
// (`POST <issuerUrl>/token`, grant urn:agilicus:params:oauth:grant-type:identity_statement)
// exchanges one for an access token. Dates are read as the service reads them (see dates.ts: no
// offset = UTC; list_tokens' dateparser filters such as "1 hour ago"). Node only; needs the
// optional peer dependency @vendor-auth/testing.
//
//   const fake = await startAgilicusFake();
//   const client = createAgilicusClient({ accessToken: fake.adminToken, baseUrl: fake.url });
import { bearerTokenOf, extendFake, fakeSecret, queryBoolean, queryInteger, randomAlphanumeric, startFakeServer, type FakeReply, type FakeRequest, type FakeServer } from "@vendor-auth/testing";
import spec from "../generated/spec.gen.js";
import type { APIKey, APIKeyIntrospect, AuthenticationDocument, BulkTokenRevoke, CreateSessionAndTokenResponse, CreateTokenRequest, IdentityAssertion, Session, TokenIntrospect, TokenReissueRequest, TokenRevoke, UserSessionIdentifiers } from "../generated/models.gen.js";
import { DATE_FILTER_FORMS, isServiceDateTime, parseDateFilter, parseServiceDateTime } from "./dates.js";
import { IDENTITY_STATEMENT_GRANT, checkIdentityAssertion, newDocumentKey, newIssuerKey, signJwt } from "./identity.js";
import { AgilicusState, type DocumentRecord, type TokenRecord } from "./state.js";

/** A clock that moves only when told to, for the `now` option (re-exported from @vendor-auth/testing). */
export { createManualClock } from "@vendor-auth/testing";
export type { FakeRequest, FakeViolation, ManualClock } from "@vendor-auth/testing";

export interface AgilicusFakeOptions {
  /**
   * A bearer token the fake accepts from the start (it is a token of the fake, for user `userId`
   * in org `orgId`, that does not expire). Default: "test-agilicus-admin-token".
   */
  adminToken?: string;
  /** The user of the admin token. Default: "test-user-1". */
  userId?: string;
  /** The organisation of the admin token. Default: "test-org-1". */
  orgId?: string;
  /** Lifetime of a token whose request gives no duration, in seconds. Default: 3600. */
  tokenLifetimeSeconds?: number;
  /**
   * The scopes the user holds: a token request (createTokenValidation) for any other non-optional
   * scope is answered 403. Default: every scope is granted.
   */
  grantableScopes?: readonly string[];
  /**
   * The e-mail address of a user: the user name of an API key's basic auth and of
   * createApiKeyIntrospection. Default: `<user id>@example.test`.
   */
  emailOf?: (userId: string) => string;
  /** The clock, in epoch milliseconds. Default: `Date.now`. */
  now?: () => number;
  /** Interface to listen on. Default: "127.0.0.1". */
  host?: string;
  /** Port. Default: 0 (any free port). */
  port?: number;
}

/** A token of the fake, as `fake.tokens` shows it. */
export interface AgilicusFakeToken {
  readonly token: string;
  readonly jti: string;
  readonly sub: string;
  readonly org: string;
  readonly session: string | undefined;
  readonly issuedAt: Date;
  readonly expiresAt: Date | undefined;
  readonly revoked: boolean;
  /** Neither revoked nor expired at the fake's current time. */
  readonly active: boolean;
}

export interface AgilicusFake extends FakeServer {
  /** The bearer token accepted from the start. */
  readonly adminToken: string;
  /**
   * The issuer of service-account tokens (the fake's URL): use it as an authentication document's
   * `spec.auth_issuer_url`; its token endpoint is `${issuerUrl}/token`.
   */
  readonly issuerUrl: string;
  /** The public key (SPKI PEM) that verifies the access tokens of the issuer's token endpoint (ES256 JWTs). */
  readonly issuerPublicKey: string;
  /** The e-mail address of a user (see the `emailOf` option). */
  emailOf(userId: string): string;
  readonly userId: string;
  readonly orgId: string;
  /** Every token (admin token first), API key, session and document, in creation order (copies). */
  readonly tokens: readonly AgilicusFakeToken[];
  readonly apiKeys: readonly APIKey[];
  readonly sessions: readonly Session[];
  readonly authenticationDocuments: readonly AuthenticationDocument[];
  /** True when `token` is a token of the fake that is neither revoked nor expired. */
  isActiveToken(token: string): boolean;
}

export const DEFAULT_ADMIN_TOKEN = "test-agilicus-admin-token";
export const DEFAULT_USER_ID = "test-user-1";
export const DEFAULT_ORG_ID = "test-org-1";

/** Starts the fake on a free loopback port. */
export async function startAgilicusFake(options: AgilicusFakeOptions = {}): Promise<AgilicusFake> {
  const adminToken = options.adminToken ?? DEFAULT_ADMIN_TOKEN;
  const userId = options.userId ?? DEFAULT_USER_ID;
  const orgId = options.orgId ?? DEFAULT_ORG_ID;
  const now = options.now ?? Date.now;
  const emailOf = options.emailOf ?? ((user: string) => `${user}@example.test`);
  const tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? 3600;
  const state = new AgilicusState(now, tokenLifetimeSeconds);
  const issuerKey = newIssuerKey();
  state.tokens.push({ raw: adminToken, jti: "test-jti-admin", sub: userId, org: orgId, roles: {}, aud: [], scopes: [], hosts: undefined, session: undefined, iat: now(), exp: undefined, revoked: false });
  let issuer = "";

  // The error body of this API version is undeclared; 1.98.x has an ErrorMessage model with these fields.
  const error = (status: number, message: string): FakeReply => ({ status, body: { error_code: String(status), error_message: message } });
  const notFound = (what: string) => error(404, `${what} does not exist`);
  /** Whether a record belongs to the `user_id` / `org_id` of the query (absent: any). */
  const owned = (request: FakeRequest, spec: { user_id: string; org_id: string }) => {
    const user = request.query.get("user_id");
    const org = request.query.get("org_id");
    return (user === null || user === spec.user_id) && (org === null || org === spec.org_id);
  };
  const limitOf = (request: FakeRequest, max: number) => queryInteger(request, "limit") ?? max;
  /** The API key of basic-auth credentials `<e-mail>:<key>`, if they are a live key of that user. */
  const apiKeyOf = (credentials: string | undefined) => {
    const colon = credentials?.indexOf(":") ?? -1;
    if (credentials === undefined || colon < 0) return undefined;
    const record = state.apiKeys.find((k) => !k.deleted && k.key === credentials.slice(colon + 1));
    return record && emailOf(record.spec.user_id) === credentials.slice(0, colon) ? record : undefined;
  };
  /** The token behind the request's credentials: the bearer token, or the token backing the API key. */
  const caller = (request: FakeRequest) => {
    const key = apiKeyOf(request.credentials["api-key-basic"]);
    return key ? state.tokens.find((t) => t.jti === key.tokenId) : state.findToken(request.credentials["token-valid"]);
  };
  /** A date-time of a request body or query, read as the service reads it (no offset = UTC). */
  const time = (value: string | undefined) => (value === undefined ? undefined : parseServiceDateTime(value));
  const documentOf = (record: DocumentRecord | undefined) =>
    record && { id: record.id, userId: record.spec.user_id, orgId: record.spec.org_id, publicKey: record.publicKey, expiresAt: time(record.spec.expiry), deleted: record.deleted };
  const missingScope = (scopes: readonly string[] | undefined) =>
    options.grantableScopes === undefined ? undefined : (scopes ?? []).find((s) => !s.endsWith("?") && !options.grantableScopes!.includes(s));
  const raw = (token: TokenRecord) => ({ token: token.raw, ...(token.session ? { session: token.session } : {}), time_validity: token.exp === undefined ? {} : { duration: Math.max(0, Math.round((token.exp - token.iat) / 1000)) } });

  const server = await startFakeServer({
    vendor: "agilicus",
    spec,
    host: options.host,
    port: options.port,
    errorBody: (problem) => ({ error_code: String(problem.status), error_message: [problem.message, ...problem.details].join("; ") }),
    // A bearer token, or an API key as basic auth: live, of the e-mail's user, its token active.
    authenticate: (credential) =>
      credential.kind === "basic"
        ? state.active(state.tokens.find((t) => t.jti === apiKeyOf(credential.value)?.tokenId))
        : state.active(state.findToken(credential.value)),
    // What the vendor's clients send besides RFC 3339: no offset (UTC), a space for the T.
    formats: { "date-time": isServiceDateTime },
    handlers: {
      // Tokens
      createToken(request) {
        const token = state.issueToken(request.body as CreateTokenRequest);
        return { status: 201, body: raw(token) };
      },
      listTokens(request) {
        const q = request.query;
        // Free text that the service parses with dateparser; the fake reads its common forms.
        const range = (name: string) => {
          const value = q.get(name);
          return value === null ? undefined : (parseDateFilter(value, now()) ?? Number.NaN);
        };
        const bounds = { exp_from: range("exp_from"), exp_to: range("exp_to"), iat_from: range("iat_from"), iat_to: range("iat_to") };
        const bad = Object.entries(bounds).find(([, value]) => value !== undefined && Number.isNaN(value));
        if (bad) return error(400, `${bad[0]} is not a date the fake can read (it reads ${DATE_FILTER_FORMS})`);
        const revoked = queryBoolean(request, "revoked");
        const exact = (name: "sub" | "jti" | "org" | "session", value: string | undefined) => q.get(name) === null || q.get(name) === value;
        const matching = state.tokens.filter(
          (t) =>
            exact("sub", t.sub) &&
            exact("jti", t.jti) &&
            exact("org", t.org) &&
            exact("session", t.session) &&
            (revoked === undefined || t.revoked === revoked) &&
            (bounds.iat_from === undefined || t.iat >= bounds.iat_from) &&
            (bounds.iat_to === undefined || t.iat <= bounds.iat_to) &&
            (bounds.exp_from === undefined || (t.exp !== undefined && t.exp >= bounds.exp_from)) &&
            (bounds.exp_to === undefined || (t.exp !== undefined && t.exp <= bounds.exp_to)),
        );
        // No cursor in this API version: the first `limit` matches (default and maximum 100).
        const limit = limitOf(request, 100);
        return { body: { tokens: matching.slice(0, limit).map((t) => state.tokenView(t)), limit } };
      },
      createBulkRevokeTokenTask(request) {
        const body = request.body as BulkTokenRevoke;
        let count = 0;
        for (const token of state.tokens) {
          if (token.revoked || token.sub !== body.user_id || (body.org_id !== undefined && token.org !== body.org_id) || (body.session_id !== undefined && token.session !== body.session_id)) continue;
          token.revoked = true;
          count++;
        }
        return { body: { number_of_tokens_revoked: count } };
      },
      createIntrospectToken(request) {
        const body = request.body as TokenIntrospect;
        const token = state.findToken(body.token);
        if (!token) return error(400, "The token is not valid");
        if (token.revoked || state.expired(token)) return error(410, token.revoked ? "Token has been revoked" : "Token has expired");
        return { body: state.tokenView(token, body.introspect_options?.exclude_roles) };
      },
      createIntrospectTokenAllSubOrgs(request) {
        const body = request.body as TokenIntrospect;
        const token = state.findToken(body.token);
        if (!token) return error(400, "The token is not valid");
        if (token.revoked || state.expired(token)) return error(410, token.revoked ? "Token has been revoked" : "Token has expired");
        return { body: { sub_org_results: [], primary_token: state.tokenView(token, body.introspect_options?.exclude_roles) } };
      },
      createReissuedToken(request) {
        const body = request.body as TokenReissueRequest;
        const token = state.findToken(body.token);
        if (!state.active(token)) return error(400, "The token reissue request is invalid");
        // Same user, scopes and expiry; another organisation.
        const reissued = state.issueToken(
          { sub: token.sub, org: body.org_id, audiences: token.aud, scopes: token.scopes, time_validity: {} },
          { exp: token.exp, session: token.session },
        );
        return { body: raw(reissued) };
      },
      createRevokeTokenTask(request) {
        const body = request.body as TokenRevoke;
        if (body.token === undefined) return error(400, "token is required");
        const token = state.findToken(body.token);
        // Revoking an unknown or already revoked token changes nothing (as OAuth revocation does).
        if (token) state.revokeToken(token, body.all_sessions === true);
        return { status: 204 };
      },
      createTokenValidation(request) {
        const body = request.body as CreateTokenRequest;
        const scope = missingScope(body.scopes);
        if (scope !== undefined) return error(403, `Token request is invalid: the user does not hold the scope ${scope}`);
        return { body };
      },

      // API keys: each is backed by a token; deleting the key revokes it.
      createApiKey(request) {
        const { spec: sent } = request.body as APIKey;
        const expiry = time(sent.expiry);
        // Stored and answered as RFC 3339, however it was sent.
        const keySpec = expiry === undefined ? sent : { ...sent, expiry: new Date(expiry).toISOString() };
        const token = state.issueToken(
          { sub: keySpec.user_id, org: keySpec.org_id, audiences: [], scopes: keySpec.scopes ?? [], time_validity: {} },
          { exp: expiry, session: keySpec.session },
        );
        const record = { id: `test-api-key-id-${randomAlphanumeric(10)}`, created: state.stamp(), spec: keySpec, key: fakeSecret("test-agilicus-api-key-", 48), tokenId: token.jti, deleted: false };
        state.apiKeys.push(record);
        return { status: 201, body: state.apiKeyView(record, true) };
      },
      getApiKey(request) {
        const record = state.apiKeys.find((k) => !k.deleted && k.id === request.params["api_key_id"] && owned(request, k.spec));
        return record ? { body: state.apiKeyView(record, false) } : notFound("API Key");
      },
      deleteApiKey(request) {
        const record = state.apiKeys.find((k) => !k.deleted && k.id === request.params["api_key_id"] && owned(request, k.spec));
        if (!record) return notFound("API Key");
        record.deleted = true;
        const token = state.tokens.find((t) => t.jti === record.tokenId);
        if (token) token.revoked = true;
        return { status: 204 };
      },
      listApiKeys(request) {
        const limit = limitOf(request, 500);
        const keys = state.apiKeys.filter((k) => !k.deleted && owned(request, k.spec)).slice(0, limit);
        return { body: { api_keys: keys.map((k) => state.apiKeyView(k, false)), limit } };
      },
      createApiKeyIntrospection(request) {
        const body = request.body as APIKeyIntrospect;
        // Both the secret and the e-mail address of the key's user are needed (APIKeyIntrospect).
        const record = state.apiKeys.find((k) => k.key === body.api_key_auth_info.key && emailOf(k.spec.user_id) === body.api_key_auth_info.username);
        if (!record) return error(401, "The API Key is not valid");
        const token = state.tokens.find((t) => t.jti === record.tokenId);
        if (record.deleted || !state.active(token)) return error(410, "The API Key has been revoked.");
        const view = state.tokenView(token, body.introspect_options?.exclude_roles);
        return { body: { sub_org_results: body.multi_org ? [view] : [], primary_token: view, raw_token: token.raw } };
      },

      // Authentication documents
      createAuthenticationDocument(request) {
        const { spec: sent } = request.body as AuthenticationDocument;
        const expiry = time(sent.expiry);
        const documentSpec = expiry === undefined ? sent : { ...sent, expiry: new Date(expiry).toISOString() };
        // A real P-256 key pair: the private key leaves once (status.key), the fake keeps the public one.
        const { privateKeyPem, publicKey } = newDocumentKey();
        const record: DocumentRecord = { id: `test-document-${randomAlphanumeric(10)}`, created: state.stamp(), spec: documentSpec, key: privateKeyPem, publicKey, deleted: false };
        state.documents.push(record);
        return { status: 201, body: state.documentView(record, issuer, true) };
      },
      getAuthenticationDocument(request) {
        const record = state.documents.find((d) => !d.deleted && d.id === request.params["document_id"] && owned(request, d.spec));
        return record ? { body: state.documentView(record, issuer, false) } : notFound("authentication document");
      },
      deleteAuthenticationDocument(request) {
        const record = state.documents.find((d) => !d.deleted && d.id === request.params["document_id"] && owned(request, d.spec));
        if (!record) return notFound("authentication document");
        record.deleted = true;
        return { status: 204 };
      },
      listAuthenticationDocuments(request) {
        const limit = limitOf(request, 500);
        const documents = state.documents.filter((d) => !d.deleted && owned(request, d.spec)).slice(0, limit);
        return { body: { authentication_documents: documents.map((d) => state.documentView(d, issuer, false)), limit } };
      },
      validateIdentityAssertion(request) {
        const body = request.body as IdentityAssertion;
        const record = state.documents.find((d) => d.id === body.authentication_document_id);
        const check = checkIdentityAssertion(body.token, documentOf(record), now());
        if ("problem" in check) return error(400, `The identity assertion is invalid: ${check.problem}`);
        return { body: { user_id: record!.spec.user_id, org_id: record!.spec.org_id, email: emailOf(record!.spec.user_id) } };
      },

      // Sessions
      createSession(request) {
        const record = state.createSession((request.body as Session).spec);
        return { status: 201, body: state.sessionView(record) };
      },
      createSessionAndToken(request) {
        // The vendor's models are swapped: the body is {token, session}, the answer {create_token_request, session}.
        const body = request.body as CreateSessionAndTokenResponse;
        const token = caller(request);
        const sessionSpec = body.session?.spec ?? { user_id: token?.sub ?? userId, org_id: token?.org ?? orgId };
        const record = state.createSession(sessionSpec);
        const tokenRequest: CreateTokenRequest = { sub: sessionSpec.user_id, org: sessionSpec.org_id, audiences: [], time_validity: { duration: state.defaultLifetimeSeconds }, session: record.id };
        state.issueToken(tokenRequest);
        return { status: 201, body: { create_token_request: tokenRequest, session: state.sessionView(record) } };
      },
      getSession(request) {
        const record = state.sessions.find((s) => s.id === request.params["session_id"] && owned(request, s.spec));
        return record ? { body: state.sessionView(record) } : notFound("Session");
      },
      replaceSession(request) {
        const record = state.sessions.find((s) => s.id === request.params["session_id"]);
        if (!record) return notFound("Session");
        record.spec = (request.body as Session).spec;
        record.updated = Math.max(now(), record.created);
        return { body: state.sessionView(record) };
      },
      deleteSession(request) {
        const index = state.sessions.findIndex((s) => s.id === request.params["session_id"] && owned(request, s.spec));
        if (index < 0) return notFound("Session");
        state.sessions.splice(index, 1);
        return { status: 204 };
      },
      listSessions(request) {
        const q = request.query;
        const created = q.get("created_time");
        const previous = q.get("previous_created_time");
        const page = state.sessionsPage(
          {
            user_id: q.get("user_id") ?? undefined,
            org_id: q.get("org_id") ?? undefined,
            revoked: queryBoolean(request, "revoked"),
            created_time: created ? time(created) : undefined,
          },
          limitOf(request, 500),
          { created: previous ? time(previous) : undefined, userId: q.get("previous_user_id") || undefined },
        );
        return { body: page };
      },
      createBulkDeleteSessionTask(request) {
        const body = request.body as UserSessionIdentifiers;
        const before = state.sessions.length;
        state.sessions = state.sessions.filter((s) => !(s.spec.user_id === body.user_id && (body.org_id === undefined || s.spec.org_id === body.org_id)));
        return { body: { number_of_sessions_modified: before - state.sessions.length } };
      },
      createBulkRevokeSessionTask(request) {
        const body = request.body as UserSessionIdentifiers;
        let count = 0;
        for (const session of state.sessions) {
          if (session.spec.revoked || session.spec.user_id !== body.user_id || (body.org_id !== undefined && session.spec.org_id !== body.org_id)) continue;
          session.spec = { ...session.spec, revoked: true };
          for (const token of state.tokens) if (token.session === session.id) token.revoked = true;
          count++;
        }
        return { body: { number_of_sessions_modified: count } };
      },
    },
    // The issuer's token endpoint (not part of the API's spec): a service account's identity
    // assertion for an access token.
    fallback: (request) => (request.path === "/token" ? tokenEndpoint(request) : undefined),
  });
  issuer = server.url;

  /** POST /token, form-encoded, as the vendor SDK's create_service_token sends it; OAuth 2.0 errors. */
  function tokenEndpoint(request: FakeRequest): FakeReply {
    const oauthError = (status: number, code: string, description: string): FakeReply => ({ status, body: { error: code, error_description: description } });
    if (request.method !== "POST") return { ...oauthError(405, "invalid_request", "The token endpoint takes POST"), headers: { allow: "POST" } };
    const form = new URLSearchParams(request.rawBody);
    if (form.get("grant_type") !== IDENTITY_STATEMENT_GRANT) return oauthError(400, "unsupported_grant_type", `The fake's issuer takes grant_type ${IDENTITY_STATEMENT_GRANT}`);
    const assertion = form.get("identity_assertion") ?? bearerTokenOf(request);
    const documentId = form.get("authentication_document_id");
    if (!assertion || !documentId) return oauthError(400, "invalid_request", "authentication_document_id and identity_assertion are required");
    const record = state.documents.find((d) => d.id === documentId);
    const check = checkIdentityAssertion(assertion, documentOf(record), now());
    if ("problem" in check) return oauthError(400, "invalid_grant", check.problem);
    const scopes = (form.get("scope") ?? "").split(" ").filter(Boolean);
    const iat = Math.floor(now() / 1000);
    const jti = `test-jti-${randomAlphanumeric(12)}`;
    const claims = { iss: issuer, sub: record!.spec.user_id, org: record!.spec.org_id, aud: ["urn:api:agilicus:api"], iat, exp: iat + tokenLifetimeSeconds, jti, scopes, note: "test token of the Agilicus fake" };
    const raw = signJwt(claims, issuerKey.privateKey, "test-agilicus-fake-issuer");
    state.tokens.push({ raw, jti, sub: claims.sub, org: claims.org, roles: {}, aud: claims.aud, scopes, hosts: undefined, session: undefined, iat: iat * 1000, exp: (iat + tokenLifetimeSeconds) * 1000, revoked: false });
    return { body: { access_token: raw, token_type: "bearer", expires_in: tokenLifetimeSeconds, ...(scopes.length ? { scope: scopes.join(" ") } : {}) } };
  }

  return extendFake(server, {
    adminToken,
    issuerUrl: issuer,
    issuerPublicKey: issuerKey.publicKeyPem,
    emailOf,
    userId,
    orgId,
    get tokens(): AgilicusFakeToken[] {
      return state.tokens.map((t) => ({
        token: t.raw,
        jti: t.jti,
        sub: t.sub,
        org: t.org,
        session: t.session,
        issuedAt: new Date(t.iat),
        expiresAt: t.exp === undefined ? undefined : new Date(t.exp),
        revoked: t.revoked,
        active: state.active(t),
      }));
    },
    get apiKeys() {
      return state.apiKeys.filter((k) => !k.deleted).map((k) => state.apiKeyView(k, false));
    },
    get sessions() {
      return state.sessions.map((s) => state.sessionView(s));
    },
    get authenticationDocuments() {
      return state.documents.filter((d) => !d.deleted).map((d) => state.documentView(d, issuer, false));
    },
    isActiveToken: (token: string) => state.active(state.findToken(token)),
  });
}
