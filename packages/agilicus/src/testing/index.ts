// @vendor-auth/agilicus/testing: a stateful fake of the Agilicus TokensApi for your own tests. A
// real HTTP server on 127.0.0.1 that checks every request against the spec
// (specs/agilicus.yaml) and keeps tokens, API keys, sessions and authentication documents: create,
// get, delete, revoke (introspection then answers 410 Gone), introspect, reissue, the list filters
// of the spec and its pagination (limit everywhere; keyset pages for listSessions), and bearer
// auth on the 20 operations that require it. Node only; needs the optional peer dependencies
// openapi-backend and ajv-formats.
//
//   const fake = await startAgilicusFake();
//   const client = createAgilicusClient({ token: fake.adminToken, baseUrl: fake.url });
import { extendFake, fakeSecret, queryBoolean, queryInteger, randomAlphanumeric, startFakeServer, type FakeReply, type FakeRequest, type FakeServer } from "@vendor-auth/core/testing";
import spec from "../generated/spec.gen.js";
import type { APIKey, APIKeyIntrospect, AuthenticationDocument, BulkTokenRevoke, CreateSessionAndTokenResponse, CreateTokenRequest, IdentityAssertion, Session, TokenIntrospect, TokenReissueRequest, TokenRevoke, UserSessionIdentifiers } from "../generated/models.gen.js";
import { AgilicusState, type TokenRecord } from "./state.js";

/** A clock that moves only when told to, for the `now` option (re-exported from @vendor-auth/core/testing). */
export { createManualClock } from "@vendor-auth/core/testing";
export type { FakeRequest, FakeViolation, ManualClock } from "@vendor-auth/core/testing";

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
  const state = new AgilicusState(now, options.tokenLifetimeSeconds ?? 3600);
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
  const bearer = (request: FakeRequest) => state.findToken(request.credentials["token-valid"]);
  const missingScope = (scopes: readonly string[] | undefined) =>
    options.grantableScopes === undefined ? undefined : (scopes ?? []).find((s) => !s.endsWith("?") && !options.grantableScopes!.includes(s));
  const raw = (token: TokenRecord) => ({ token: token.raw, ...(token.session ? { session: token.session } : {}), time_validity: token.exp === undefined ? {} : { duration: Math.max(0, Math.round((token.exp - token.iat) / 1000)) } });

  const server = await startFakeServer({
    vendor: "agilicus",
    spec,
    host: options.host,
    port: options.port,
    errorBody: (problem) => ({ error_code: String(problem.status), error_message: [problem.message, ...problem.details].join("; ") }),
    authenticate: (credential) => state.active(state.findToken(credential.value)),
    handlers: {
      // Tokens
      createToken(request) {
        const token = state.issueToken(request.body as CreateTokenRequest);
        return { status: 201, body: raw(token) };
      },
      listTokens(request) {
        const q = request.query;
        const range = (name: string) => {
          const value = q.get(name);
          return value === null ? undefined : Date.parse(value);
        };
        const bounds = { exp_from: range("exp_from"), exp_to: range("exp_to"), iat_from: range("iat_from"), iat_to: range("iat_to") };
        const bad = Object.entries(bounds).find(([, value]) => value !== undefined && Number.isNaN(value));
        if (bad) return error(400, `${bad[0]} is not a date the fake can read (use an ISO 8601 date-time)`);
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
        const { spec: keySpec } = request.body as APIKey;
        const token = state.issueToken(
          { sub: keySpec.user_id, org: keySpec.org_id, audiences: [], scopes: keySpec.scopes ?? [], time_validity: {} },
          { exp: keySpec.expiry ? Date.parse(keySpec.expiry) : undefined, session: keySpec.session },
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
        const record = state.apiKeys.find((k) => k.key === body.api_key_auth_info.key);
        if (!record) return error(401, "The API Key is not valid");
        const token = state.tokens.find((t) => t.jti === record.tokenId);
        if (record.deleted || !state.active(token)) return error(410, "The API Key has been revoked.");
        const view = state.tokenView(token, body.introspect_options?.exclude_roles);
        return { body: { sub_org_results: body.multi_org ? [view] : [], primary_token: view, raw_token: token.raw } };
      },

      // Authentication documents
      createAuthenticationDocument(request) {
        const { spec: documentSpec } = request.body as AuthenticationDocument;
        const key = `-----BEGIN TEST PRIVATE KEY-----\n${fakeSecret("test-agilicus-document-key-", 64)}\n-----END TEST PRIVATE KEY-----`;
        const record = { id: `test-document-${randomAlphanumeric(10)}`, created: state.stamp(), spec: documentSpec, key, deleted: false };
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
        // The fake cannot check a signature: an assertion is valid when it names a live document.
        const body = request.body as IdentityAssertion;
        const record = state.documents.find((d) => d.id === body.authentication_document_id);
        const expired = record?.spec.expiry !== undefined && now() >= Date.parse(record.spec.expiry);
        if (!record || record.deleted || expired) return error(400, "The identity assertion is invalid");
        return { body: { user_id: record.spec.user_id, org_id: record.spec.org_id } };
      },

      // Sessions
      createSession(request) {
        const record = state.createSession((request.body as Session).spec);
        return { status: 201, body: state.sessionView(record) };
      },
      createSessionAndToken(request) {
        // The vendor's models are swapped: the body is {token, session}, the answer {create_token_request, session}.
        const body = request.body as CreateSessionAndTokenResponse;
        const caller = bearer(request);
        const sessionSpec = body.session?.spec ?? { user_id: caller?.sub ?? userId, org_id: caller?.org ?? orgId };
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
            created_time: created ? Date.parse(created) : undefined,
          },
          limitOf(request, 500),
          { created: previous ? Date.parse(previous) : undefined, userId: q.get("previous_user_id") || undefined },
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
  });
  issuer = server.url;

  return extendFake(server, {
    adminToken,
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
