// Obviously fake credentials and sample models (shapes from specs/agilicus.yaml). Never real ones.
import type {
  AgilicusClient,
  APIKey,
  AuthenticationDocument,
  CreateTokenRequest,
  OperationId,
  RawToken,
  Session,
  Token,
} from "../src/index.js";

export const TOKEN = "test-bearer-token-0001";
export const INTROSPECTED = "test-introspected-token-0001";
export const API_KEY_SECRET = "test-api-key-secret-0001";
export const RAW_TOKEN = "test-raw-token-0001";
export const ASSERTION = "test-identity-assertion-0001";
export const PEM_KEY = "test-pem-private-key-0001";

export const USER = "test-user-1";
export const ORG = "test-org-1";

export const apiKeyRequest: APIKey = { spec: { user_id: USER, org_id: ORG, scopes: ["urn:agilicus:users?"] } };
export const apiKey: APIKey = {
  metadata: { id: "test-key-1", created: "2021-03-23T10:00:00Z", updated: "2021-03-23T10:00:00Z" },
  spec: { user_id: USER, org_id: ORG, scopes: ["urn:agilicus:users?"] },
  status: { token_id: "test-jti-1" },
};
export const apiKeyCreated: APIKey = { ...apiKey, status: { api_key: API_KEY_SECRET, token_id: "test-jti-1" } };

export const token: Token = {
  sub: USER,
  org: ORG,
  root_org: ORG,
  jti: "test-jti-1",
  iat: "2021-03-23 10:00:00",
  exp: "2021-03-23 11:00:00",
  aud: ["test-audience"],
  roles: { "test-app": ["viewer"] },
  scopes: ["urn:agilicus:users"],
};

export const documentRequest: AuthenticationDocument = { spec: { user_id: USER, org_id: ORG, auth_issuer_url: "https://auth.example.test" } };
export const document: AuthenticationDocument = {
  metadata: { id: "test-doc-1", created: "2021-03-23T10:00:00Z" },
  spec: documentRequest.spec,
  status: { issuer: "https://auth.example.test", audience: "test-audience" },
};
export const documentCreated: AuthenticationDocument = { ...document, status: { ...document.status, key: PEM_KEY } };

export const sessionRequest: Session = { spec: { user_id: USER, org_id: ORG, revoked: false, number_of_logins: 1 } };
export const session = (n = 1): Session => ({
  metadata: { id: `test-session-${n}`, created: `2021-03-23T10:00:0${n % 10}Z` },
  spec: { user_id: `test-user-${n}`, org_id: ORG, revoked: false, number_of_logins: n },
});

export const createTokenRequest: CreateTokenRequest = { sub: USER, org: ORG, audiences: ["test-audience"], time_validity: { duration: 3600 } };
export const rawToken: RawToken = { token: RAW_TOKEN, session: "test-session-1", time_validity: { duration: 3600 } };

/** One wire case per operation: how to call it, and what must arrive and come back. */
export interface OperationCase {
  invoke: (client: AgilicusClient) => Promise<unknown>;
  method: string;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  status: number;
  reply?: unknown;
}

export const OPERATION_CASES: Record<OperationId, OperationCase> = {
  listApiKeys: {
    invoke: (c) => c.listApiKeys({ limit: 10, user_id: USER, org_id: ORG }),
    method: "GET",
    path: "/v1/api_keys",
    query: { limit: "10", user_id: USER, org_id: ORG },
    status: 200,
    reply: { api_keys: [apiKey], limit: 10 },
  },
  createApiKey: { invoke: (c) => c.createApiKey(apiKeyRequest), method: "POST", path: "/v1/api_keys", body: apiKeyRequest, status: 201, reply: apiKeyCreated },
  createApiKeyIntrospection: {
    invoke: (c) => c.createApiKeyIntrospection({ api_key_auth_info: { key: API_KEY_SECRET, username: "test@example.test" }, multi_org: false }),
    method: "POST",
    path: "/v1/api_keys/introspect",
    body: { api_key_auth_info: { key: API_KEY_SECRET, username: "test@example.test" }, multi_org: false },
    status: 200,
    reply: { sub_org_results: [], primary_token: token, raw_token: RAW_TOKEN },
  },
  getApiKey: {
    invoke: (c) => c.getApiKey("test-key-1", { user_id: USER }),
    method: "GET",
    path: "/v1/api_keys/test-key-1",
    query: { user_id: USER },
    status: 200,
    reply: apiKey,
  },
  deleteApiKey: { invoke: (c) => c.deleteApiKey("test-key-1", { org_id: ORG }), method: "DELETE", path: "/v1/api_keys/test-key-1", query: { org_id: ORG }, status: 204 },
  listAuthenticationDocuments: {
    invoke: (c) => c.listAuthenticationDocuments({ org_id: ORG }),
    method: "GET",
    path: "/v1/authentication_documents",
    query: { org_id: ORG },
    status: 200,
    reply: { authentication_documents: [document], limit: 500 },
  },
  createAuthenticationDocument: {
    invoke: (c) => c.createAuthenticationDocument(documentRequest),
    method: "POST",
    path: "/v1/authentication_documents",
    body: documentRequest,
    status: 201,
    reply: documentCreated,
  },
  getAuthenticationDocument: {
    invoke: (c) => c.getAuthenticationDocument("test-doc-1"),
    method: "GET",
    path: "/v1/authentication_documents/test-doc-1",
    status: 200,
    reply: document,
  },
  deleteAuthenticationDocument: {
    invoke: (c) => c.deleteAuthenticationDocument("test-doc-1", { user_id: USER, org_id: ORG }),
    method: "DELETE",
    path: "/v1/authentication_documents/test-doc-1",
    query: { user_id: USER, org_id: ORG },
    status: 204,
  },
  validateIdentityAssertion: {
    invoke: (c) => c.validateIdentityAssertion({ authentication_document_id: "test-doc-1", token: ASSERTION }),
    method: "POST",
    path: "/v1/authentication_documents_rpc/validate_identity_assertion",
    body: { authentication_document_id: "test-doc-1", token: ASSERTION },
    status: 200,
    reply: { user_id: USER, email: "test@example.test", username: "Test User", org_id: ORG },
  },
  listSessions: {
    invoke: (c) => c.listSessions({ revoked: false, created_time: new Date("2021-03-23T10:00:00Z") }),
    method: "GET",
    path: "/v1/sessions",
    query: { revoked: "false", created_time: "2021-03-23T10:00:00.000Z" },
    status: 200,
    reply: { sessions: [session(1)], limit: 500 },
  },
  createSession: { invoke: (c) => c.createSession(sessionRequest), method: "POST", path: "/v1/sessions", body: sessionRequest, status: 201, reply: session(1) },
  createBulkDeleteSessionTask: {
    invoke: (c) => c.createBulkDeleteSessionTask({ user_id: USER, org_id: ORG }),
    method: "POST",
    path: "/v1/sessions/bulk_delete",
    body: { user_id: USER, org_id: ORG },
    status: 200,
    reply: { number_of_sessions_modified: 2 },
  },
  createBulkRevokeSessionTask: {
    invoke: (c) => c.createBulkRevokeSessionTask({ user_id: USER }),
    method: "POST",
    path: "/v1/sessions/bulk_revoke",
    body: { user_id: USER },
    status: 200,
    reply: { number_of_sessions_modified: 3 },
  },
  createSessionAndToken: {
    invoke: (c) => c.createSessionAndToken({ token: { token: RAW_TOKEN }, session: sessionRequest }),
    method: "POST",
    path: "/v1/sessions/create_session_and_token",
    body: { token: { token: RAW_TOKEN }, session: sessionRequest },
    status: 201,
    reply: { create_token_request: createTokenRequest, session: session(1) },
  },
  getSession: { invoke: (c) => c.getSession("test-session-1"), method: "GET", path: "/v1/sessions/test-session-1", status: 200, reply: session(1) },
  replaceSession: {
    invoke: (c) => c.replaceSession("test-session-1", sessionRequest),
    method: "PUT",
    path: "/v1/sessions/test-session-1",
    body: sessionRequest,
    status: 200,
    reply: session(1),
  },
  deleteSession: { invoke: (c) => c.deleteSession("test-session-1"), method: "DELETE", path: "/v1/sessions/test-session-1", status: 204 },
  listTokens: {
    invoke: (c) => c.listTokens({ sub: USER, revoked: true }),
    method: "GET",
    path: "/v1/tokens",
    query: { sub: USER, revoked: "true" },
    status: 200,
    reply: { tokens: [token], limit: 100 },
  },
  createToken: { invoke: (c) => c.createToken(createTokenRequest), method: "POST", path: "/v1/tokens", body: createTokenRequest, status: 201, reply: rawToken },
  createBulkRevokeTokenTask: {
    invoke: (c) => c.createBulkRevokeTokenTask({ user_id: USER, session_id: "test-session-1" }),
    method: "POST",
    path: "/v1/tokens/bulk_revoke",
    body: { user_id: USER, session_id: "test-session-1" },
    status: 200,
    reply: { number_of_tokens_revoked: 4 },
  },
  createIntrospectToken: {
    invoke: (c) => c.createIntrospectToken({ token: INTROSPECTED, introspect_options: { exclude_roles: true } }),
    method: "POST",
    path: "/v1/tokens/introspect",
    body: { token: INTROSPECTED, introspect_options: { exclude_roles: true } },
    status: 200,
    reply: token,
  },
  createIntrospectTokenAllSubOrgs: {
    invoke: (c) => c.createIntrospectTokenAllSubOrgs({ token: INTROSPECTED }),
    method: "POST",
    path: "/v1/tokens/introspect_all_sub_orgs",
    body: { token: INTROSPECTED },
    status: 200,
    reply: { sub_org_results: [token], primary_token: token },
  },
  createReissuedToken: {
    invoke: (c) => c.createReissuedToken({ token: INTROSPECTED, org_id: "test-org-2" }),
    method: "POST",
    path: "/v1/tokens/reissue",
    body: { token: INTROSPECTED, org_id: "test-org-2" },
    status: 200,
    reply: rawToken,
  },
  createRevokeTokenTask: {
    invoke: (c) => c.createRevokeTokenTask({ token: INTROSPECTED, all_sessions: true }),
    method: "POST",
    path: "/v1/tokens/revoke",
    body: { token: INTROSPECTED, all_sessions: true },
    status: 204,
  },
  createTokenValidation: {
    invoke: (c) => c.createTokenValidation(createTokenRequest),
    method: "POST",
    path: "/v1/tokens/validations",
    body: createTokenRequest,
    status: 200,
    reply: createTokenRequest,
  },
};
