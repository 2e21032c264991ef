// The Agilicus helper client: every operation of TokensApi (seed 004, SDK 1.98.9) as a typed
// method under its seed name, bearer auth on the operations that need it (and only on those),
// async iteration over the list operations, and `introspectToken` for the common case. Runs on
// openapi-fetch with the generated `paths` types; transport, errors and redaction come from
// @vendor-auth/core.
import {
  AbortError,
  AuthenticationError,
  ProvidedTokens,
  ValidationError,
  VendorAuthError,
  Redactor,
  checkCallOptions,
  createApiClient,
  requireObject,
  requirePathSegment,
  requireResponseString,
  requireString,
  resolveBaseUrl,
  toTokenProvider,
  withSafeDescription,
  type AcquiredToken,
  type CallOptions,
  type SuccessData,
  type TransportOptions,
} from "@vendor-auth/core";
import type { Client } from "openapi-fetch";
import type {
  ApiKey,
  ApiKeyIntrospect,
  ApiKeyIntrospectResponse,
  AuthenticationDocument,
  BulkSessionOperationResponse,
  BulkTokenRevoke,
  BulkTokenRevokeResponse,
  CreateSessionAndTokenRequest,
  CreateSessionAndTokenResponse,
  CreateTokenRequest,
  IdentityAssertion,
  IdentityAssertionResponse,
  ListApiKeysResponse,
  ListAuthenticationDocumentResponse,
  ListSessionsResponse,
  ListTokensResponse,
  ManyOrgTokenIntrospectResponse,
  RawToken,
  Session,
  Token,
  TokenIntrospect,
  TokenReissueRequest,
  TokenRevoke,
  UserSessionIdentifiers,
  paths,
} from "./generated/schema.gen.js";
import { environments, operations, type Environment, type OperationId } from "./generated/meta.gen.js";
import { LIMIT_MAX, QUERY_PARAMETERS, withDocumentedMeaning } from "./operation-facts.js";
import { iterateApiKeys, iterateAuthenticationDocuments, iterateSessions, iterateTokens, type IterateOptions } from "./pagination.js";
import type { ListApiKeysQuery, ListAuthenticationDocumentsQuery, ListSessionsQuery, ListTokensQuery, ResourceQuery } from "./queries.js";
import { checkLimit, checkQuery, requireFields } from "./validate.js";

export interface AgilicusClientOptions extends TransportOptions {
  /**
   * An Agilicus access token (JWT), sent as `Authorization: Bearer <token>` on the 20 operations that
   * require it (never on the 6 open ones). Pass exactly one of `token` and `getToken`. Never appears
   * in errors, logs or serialised forms of the client.
   */
  token?: string | undefined;
  /**
   * A function returning the current access token (e.g. from your own refresh logic), called once
   * per request that needs auth, before the request is sent. Pass exactly one of `token` and
   * `getToken`. If it throws or rejects, the method rejects with that same error, unchanged; if it
   * returns anything but a non-empty string, with ValidationError (field "getToken").
   */
  getToken?: (() => string | Promise<string>) | undefined;
  /** Base URL of the API. Default: the URL of `environment`. Wins over `environment`. */
  baseUrl?: string | undefined;
  /** Named server from the spec. Default: "production" (`https://api.agilicus.com`). */
  environment?: Environment | undefined;
}

/** Options of `introspectToken`. */
export interface IntrospectTokenOptions extends CallOptions {
  /** Skip role resolution during introspection (`introspect_options.exclude_roles`). Default: the server's (false). */
  excludeRoles?: boolean | undefined;
}

export interface AgilicusClient {
  /** The base URL requests go to. */
  readonly baseUrl: string;

  // API keys
  /** POST /v1/api_keys (auth): creates an API key; the key itself (`status.api_key`) is only in this response. */
  createApiKey(body: ApiKey, options?: CallOptions): Promise<ApiKey>;
  /** POST /v1/api_keys/introspect (no auth): the permissions of an API key; 410 (GoneError) when it was revoked. */
  createApiKeyIntrospection(body: ApiKeyIntrospect, options?: CallOptions): Promise<ApiKeyIntrospectResponse>;
  /** GET /v1/api_keys/{api_key_id} (auth); 404 (NotFoundError) when it does not exist. */
  getApiKey(apiKeyId: string, query?: ResourceQuery, options?: CallOptions): Promise<ApiKey>;
  /** DELETE /v1/api_keys/{api_key_id} (auth); 404 (NotFoundError) when it does not exist. */
  deleteApiKey(apiKeyId: string, query?: ResourceQuery, options?: CallOptions): Promise<void>;
  /** GET /v1/api_keys (auth): one page (`limit` 1..500, default 500; the API has no cursor). */
  listApiKeys(query?: ListApiKeysQuery, options?: CallOptions): Promise<ListApiKeysResponse>;

  // Authentication documents
  /** POST /v1/authentication_documents (auth); the private key (`status.key`) is only in this response. */
  createAuthenticationDocument(body: AuthenticationDocument, options?: CallOptions): Promise<AuthenticationDocument>;
  /** GET /v1/authentication_documents/{document_id} (auth); 404 (NotFoundError) when it does not exist. */
  getAuthenticationDocument(documentId: string, query?: ResourceQuery, options?: CallOptions): Promise<AuthenticationDocument>;
  /** DELETE /v1/authentication_documents/{document_id} (auth); 404 (NotFoundError) when it does not exist. */
  deleteAuthenticationDocument(documentId: string, query?: ResourceQuery, options?: CallOptions): Promise<void>;
  /** GET /v1/authentication_documents (auth): one page (`limit` 1..500, default 500; the API has no cursor). */
  listAuthenticationDocuments(query?: ListAuthenticationDocumentsQuery, options?: CallOptions): Promise<ListAuthenticationDocumentResponse>;
  /** POST /v1/authentication_documents_rpc/validate_identity_assertion (auth); 400 (BadRequestError) when invalid. */
  validateIdentityAssertion(body: IdentityAssertion, options?: CallOptions): Promise<IdentityAssertionResponse>;

  // Sessions
  /** POST /v1/sessions (auth); 400 (BadRequestError) when invalid. */
  createSession(body: Session, options?: CallOptions): Promise<Session>;
  /**
   * POST /v1/sessions/create_session_and_token (auth). The vendor's model names are swapped: the body
   * is a `CreateSessionAndTokenResponse` ({ token, session }), the 201 answer a
   * `CreateSessionAndTokenRequest` ({ create_token_request, session }). 400/403 when invalid.
   */
  createSessionAndToken(body: CreateSessionAndTokenResponse, options?: CallOptions): Promise<CreateSessionAndTokenRequest>;
  /** GET /v1/sessions/{session_id} (auth); 404 (NotFoundError) when it does not exist. */
  getSession(sessionId: string, query?: ResourceQuery, options?: CallOptions): Promise<Session>;
  /** PUT /v1/sessions/{session_id} (auth): replaces the session. */
  replaceSession(sessionId: string, body: Session, options?: CallOptions): Promise<Session>;
  /** DELETE /v1/sessions/{session_id} (auth); 404 (NotFoundError) when it does not exist. */
  deleteSession(sessionId: string, query?: ResourceQuery, options?: CallOptions): Promise<void>;
  /** GET /v1/sessions (auth): one page; `next_created_time`/`next_user_id` lead to the next (see iterateSessions). */
  listSessions(query?: ListSessionsQuery, options?: CallOptions): Promise<ListSessionsResponse>;
  /** POST /v1/sessions/bulk_delete (auth): deletes the sessions of a user (and org). */
  createBulkDeleteSessionTask(body: UserSessionIdentifiers, options?: CallOptions): Promise<BulkSessionOperationResponse>;
  /** POST /v1/sessions/bulk_revoke (auth): revokes the sessions of a user (and org). */
  createBulkRevokeSessionTask(body: UserSessionIdentifiers, options?: CallOptions): Promise<BulkSessionOperationResponse>;

  // Tokens
  /** POST /v1/tokens (auth): signs a new token (201 RawToken). */
  createToken(body: CreateTokenRequest, options?: CallOptions): Promise<RawToken>;
  /** GET /v1/tokens (auth): one page of tokens (`limit` 1..100, default 100; the API has no cursor). */
  listTokens(query?: ListTokensQuery, options?: CallOptions): Promise<ListTokensResponse>;
  /** POST /v1/tokens/bulk_revoke (auth): revokes the tokens of a user (and org, session). */
  createBulkRevokeTokenTask(body: BulkTokenRevoke, options?: CallOptions): Promise<BulkTokenRevokeResponse>;
  /** POST /v1/tokens/introspect (no auth): the token's properties; 410 (GoneError) when it was revoked. */
  createIntrospectToken(body: TokenIntrospect, options?: CallOptions): Promise<Token>;
  /** POST /v1/tokens/introspect_all_sub_orgs (no auth); 410 (GoneError) when the token was revoked. */
  createIntrospectTokenAllSubOrgs(body: TokenIntrospect, options?: CallOptions): Promise<ManyOrgTokenIntrospectResponse>;
  /** POST /v1/tokens/reissue (no auth): a token for another org from a valid one; 400 when invalid. */
  createReissuedToken(body: TokenReissueRequest, options?: CallOptions): Promise<RawToken>;
  /** POST /v1/tokens/revoke (no auth): revokes a token (204). */
  createRevokeTokenTask(body: TokenRevoke, options?: CallOptions): Promise<void>;
  /** POST /v1/tokens/validations (no auth): checks a token request before createToken; 403 when invalid. */
  createTokenValidation(body: CreateTokenRequest, options?: CallOptions): Promise<CreateTokenRequest>;

  // Nicer shapes
  /**
   * Introspects `token` (createIntrospectToken) and returns its properties. A revoked token rejects
   * with GoneError (status 410, message "… (Token has been revoked)"). The token is redacted from
   * every error of the call.
   */
  introspectToken(token: string, options?: IntrospectTokenOptions): Promise<Token>;
  /** Every session, page after page, with the API's keys `previous_created_time` / `previous_user_id`. */
  iterateSessions(query?: ListSessionsQuery, options?: IterateOptions): AsyncGenerator<Session, void, undefined>;
  /** The tokens of one listTokens page (limit default 100, the maximum): the API offers no cursor. */
  iterateTokens(query?: ListTokensQuery, options?: IterateOptions): AsyncGenerator<Token, void, undefined>;
  /** The API keys of one listApiKeys page (limit default 500, the maximum): the API offers no cursor. */
  iterateApiKeys(query?: ListApiKeysQuery, options?: IterateOptions): AsyncGenerator<ApiKey, void, undefined>;
  /** The documents of one listAuthenticationDocuments page (limit default 500): the API offers no cursor. */
  iterateAuthenticationDocuments(query?: ListAuthenticationDocumentsQuery, options?: IterateOptions): AsyncGenerator<AuthenticationDocument, void, undefined>;

  /** The underlying openapi-fetch client (no auth added: pass the header yourself). */
  readonly http: Client<paths>;
}

type FetchResult = { data?: unknown; error?: unknown; response: Response };
type Init = { signal: AbortSignal; headers?: Record<string, string> };

const VENDOR = "agilicus";

export function createAgilicusClient(options: AgilicusClientOptions): AgilicusClient {
  requireObject("options", options);
  const { token, getToken: tokenFunction } = options;
  if (token !== undefined && tokenFunction !== undefined) throw new ValidationError("token", "pass either token or getToken, not both");
  if (token === undefined && tokenFunction === undefined) throw new ValidationError("token", "is required (pass token, or getToken returning one)");
  if (token !== undefined && typeof token !== "string") throw new ValidationError("token", `must be a string, got ${typeof token}`);
  if (tokenFunction !== undefined && typeof tokenFunction !== "function") throw new ValidationError("getToken", `must be a function, got ${typeof tokenFunction}`);
  const getToken = token !== undefined ? toTokenProvider("token", token) : toTokenProvider("getToken", tokenFunction);
  if (options.headers !== undefined) {
    for (const name of Object.keys(requireObject("headers", options.headers))) {
      if (name.toLowerCase() === "authorization") throw new ValidationError(`headers.${name}`, "must not be set here: pass token or getToken (the open operations must go without it)");
    }
  }
  const baseUrl = resolveBaseUrl({
    baseUrl: options.baseUrl,
    environment: options.environment,
    environments,
    defaultEnvironment: "production",
    allowInsecureHttp: options.allowInsecureHttp,
  });
  const redactor = new Redactor().add(token);
  const { fetch, timeoutMs, headers, maxRetries, retry, logger, maxResponseBytes, reauthIntervalMs } = options;
  const api = createApiClient<paths>({ fetch, timeoutMs, headers, maxRetries, retry, logger, maxResponseBytes, reauthIntervalMs, vendor: VENDOR, baseUrl, redactor, operations });
  // A 401 asks the provider once more, at most once per reauthIntervalMs (see ProvidedTokens).
  const tokens = new ProvidedTokens(getToken, { reauthIntervalMs, emit: api.emit, operation: "getToken" });

  /**
   * Runs one operation: the bearer header when the spec requires auth, the call's secrets redacted
   * from its errors, and the spec's description added to a documented error status.
   */
  async function run<R extends FetchResult>(operation: OperationId, invoke: (init: Init) => Promise<R>, callOptions: CallOptions | undefined, callSecrets: Array<string | undefined> = []): Promise<SuccessData<R>> {
    const call = checkCallOptions(callOptions) ?? {};
    let acquired: AcquiredToken | undefined;
    if (operations[operation].authenticated) {
      // A caller who already gave up runs no provider.
      if (call.signal?.aborted) throw new AbortError({ vendor: VENDOR, operation, cause: call.signal.reason });
      try {
        acquired = await tokens.acquire(call.signal);
      } catch (error) {
        // The provider's own errors reach the caller unchanged; ours (an empty token) say where.
        if (error instanceof VendorAuthError) error.operation ??= operation;
        throw error;
      }
    }
    const send = (token: string | undefined) => {
      const headers = token === undefined ? undefined : { Authorization: `Bearer ${token}` };
      return redactor.during([token, ...callSecrets], () => api.call(operation, (init) => invoke(headers ? { ...init, headers } : init), call));
    };
    try {
      return await send(acquired?.token.value);
    } catch (error) {
      // A 401: the provider may hand out a fresher token; repeat the call once with it (bounded).
      if (acquired !== undefined && tokenFunction !== undefined && error instanceof AuthenticationError) {
        const replacement = await tokens.after401(acquired);
        if (replacement) {
          try {
            return await send(replacement.value);
          } catch (retryError) {
            throw withDocumentedMeaning(operation, retryError);
          }
        }
      }
      throw withDocumentedMeaning(operation, error);
    }
  }

  const query = (operation: keyof typeof QUERY_PARAMETERS, value: unknown) => {
    const checked = checkQuery("query", value, QUERY_PARAMETERS[operation]);
    if (operation in LIMIT_MAX) checkLimit("query.limit", checked["limit"], LIMIT_MAX[operation as keyof typeof LIMIT_MAX]);
    return checked;
  };
  const body = <T>(field: string, value: T, required: Record<string, { minLength?: number; maxLength?: number }> = {}, optional: Record<string, { minLength?: number; maxLength?: number }> = {}): T => {
    requireFields(field, value, required, optional);
    return value;
  };
  // Field rules from the spec's schemas (required ids and tokens, and their length limits).
  const ID40 = { maxLength: 40 };
  const ID1TO40 = { minLength: 1, maxLength: 40 };
  const sessionBody = (value: Session) => {
    body("body", value);
    body("body.spec", value.spec, { user_id: {}, org_id: {} });
    return value;
  };
  const createTokenBody = (value: CreateTokenRequest) => {
    body("body", value, { sub: {}, org: {} });
    if (!Array.isArray(value.audiences)) throw new ValidationError("body.audiences", "is required (an array of audiences)");
    requireObject("body.time_validity", value.time_validity);
    return value;
  };
  const introspectBody = (value: TokenIntrospect) => body("body", value, { token: {} });

  const createIntrospectToken = async (value: TokenIntrospect, call?: CallOptions) => {
    introspectBody(value);
    return run("createIntrospectToken", (init) => api.http.POST("/v1/tokens/introspect", { body: value, ...init }), call, [value.token]);
  };
  const listApiKeys = async (q?: ListApiKeysQuery, call?: CallOptions) => {
    const checked = query("listApiKeys", q) as ListApiKeysQuery;
    return run("listApiKeys", (init) => api.http.GET("/v1/api_keys", { params: { query: checked }, ...init }), call);
  };
  const listAuthenticationDocuments = async (q?: ListAuthenticationDocumentsQuery, call?: CallOptions) => {
    const checked = query("listAuthenticationDocuments", q) as ListAuthenticationDocumentsQuery;
    return run("listAuthenticationDocuments", (init) => api.http.GET("/v1/authentication_documents", { params: { query: checked }, ...init }), call);
  };
  const listSessions = async (q?: ListSessionsQuery, call?: CallOptions) => {
    const checked = query("listSessions", q) as NonNullable<paths["/v1/sessions"]["get"]["parameters"]["query"]>;
    return run("listSessions", (init) => api.http.GET("/v1/sessions", { params: { query: checked }, ...init }), call);
  };
  const listTokens = async (q?: ListTokensQuery, call?: CallOptions) => {
    const checked = query("listTokens", q) as ListTokensQuery;
    return run("listTokens", (init) => api.http.GET("/v1/tokens", { params: { query: checked }, ...init }), call);
  };
  const lists = { listApiKeys, listAuthenticationDocuments, listSessions, listTokens };

  const client: AgilicusClient = {
    baseUrl,

    createApiKey: async (value, call) => {
      body("body", value);
      body("body.spec", value.spec, { user_id: {}, org_id: {} });
      const created = await run("createApiKey", (init) => api.http.POST("/v1/api_keys", { body: value, ...init }), call);
      redactor.remember(created.status?.api_key);
      return created;
    },
    createApiKeyIntrospection: async (value, call) => {
      body("body", value);
      body("body.api_key_auth_info", value.api_key_auth_info, { key: {}, username: {} });
      const result = await run("createApiKeyIntrospection", (init) => api.http.POST("/v1/api_keys/introspect", { body: value, ...init }), call, [value.api_key_auth_info.key]);
      redactor.remember(result.raw_token);
      return result;
    },
    getApiKey: async (apiKeyId, q, call) => {
      const id = requirePathSegment("apiKeyId", apiKeyId);
      const checked = query("getApiKey", q) as ResourceQuery;
      return run("getApiKey", (init) => api.http.GET("/v1/api_keys/{api_key_id}", { params: { path: { api_key_id: id }, query: checked }, ...init }), call);
    },
    deleteApiKey: async (apiKeyId, q, call) => {
      const id = requirePathSegment("apiKeyId", apiKeyId);
      const checked = query("deleteApiKey", q) as ResourceQuery;
      await run("deleteApiKey", (init) => api.http.DELETE("/v1/api_keys/{api_key_id}", { params: { path: { api_key_id: id }, query: checked }, ...init }), call);
    },
    listApiKeys,

    createAuthenticationDocument: async (value, call) => {
      body("body", value);
      body("body.spec", value.spec, { user_id: ID40, org_id: ID40 }, { auth_issuer_url: { maxLength: 511 } });
      const created = await run("createAuthenticationDocument", (init) => api.http.POST("/v1/authentication_documents", { body: value, ...init }), call);
      redactor.remember(created.status?.key);
      return created;
    },
    getAuthenticationDocument: async (documentId, q, call) => {
      const id = requirePathSegment("documentId", documentId);
      const checked = query("getAuthenticationDocument", q) as ResourceQuery;
      return run("getAuthenticationDocument", (init) => api.http.GET("/v1/authentication_documents/{document_id}", { params: { path: { document_id: id }, query: checked }, ...init }), call);
    },
    deleteAuthenticationDocument: async (documentId, q, call) => {
      const id = requirePathSegment("documentId", documentId);
      const checked = query("deleteAuthenticationDocument", q) as ResourceQuery;
      await run("deleteAuthenticationDocument", (init) => api.http.DELETE("/v1/authentication_documents/{document_id}", { params: { path: { document_id: id }, query: checked }, ...init }), call);
    },
    listAuthenticationDocuments,
    validateIdentityAssertion: async (value, call) => {
      body("body", value, { authentication_document_id: {}, token: {} });
      return run("validateIdentityAssertion", (init) => api.http.POST("/v1/authentication_documents_rpc/validate_identity_assertion", { body: value, ...init }), call, [value.token]);
    },

    createSession: async (value, call) => {
      sessionBody(value);
      return run("createSession", (init) => api.http.POST("/v1/sessions", { body: value, ...init }), call);
    },
    createSessionAndToken: async (value, call) => {
      body("body", value);
      if (value.token !== undefined) body("body.token", value.token, { token: {} });
      if (value.session !== undefined) body("body.session.spec", value.session.spec, { user_id: {}, org_id: {} });
      return run("createSessionAndToken", (init) => api.http.POST("/v1/sessions/create_session_and_token", { body: value, ...init }), call, [value.token?.token]);
    },
    getSession: async (sessionId, q, call) => {
      const id = requirePathSegment("sessionId", sessionId);
      const checked = query("getSession", q) as ResourceQuery;
      return run("getSession", (init) => api.http.GET("/v1/sessions/{session_id}", { params: { path: { session_id: id }, query: checked }, ...init }), call);
    },
    replaceSession: async (sessionId, value, call) => {
      const id = requirePathSegment("sessionId", sessionId);
      sessionBody(value);
      return run("replaceSession", (init) => api.http.PUT("/v1/sessions/{session_id}", { params: { path: { session_id: id } }, body: value, ...init }), call);
    },
    deleteSession: async (sessionId, q, call) => {
      const id = requirePathSegment("sessionId", sessionId);
      const checked = query("deleteSession", q) as ResourceQuery;
      await run("deleteSession", (init) => api.http.DELETE("/v1/sessions/{session_id}", { params: { path: { session_id: id }, query: checked }, ...init }), call);
    },
    listSessions,
    createBulkDeleteSessionTask: async (value, call) => {
      body("body", value, { user_id: ID1TO40 }, { org_id: ID1TO40 });
      return run("createBulkDeleteSessionTask", (init) => api.http.POST("/v1/sessions/bulk_delete", { body: value, ...init }), call);
    },
    createBulkRevokeSessionTask: async (value, call) => {
      body("body", value, { user_id: ID1TO40 }, { org_id: ID1TO40 });
      return run("createBulkRevokeSessionTask", (init) => api.http.POST("/v1/sessions/bulk_revoke", { body: value, ...init }), call);
    },

    createToken: async (value, call) => {
      createTokenBody(value);
      const created = await run("createToken", (init) => api.http.POST("/v1/tokens", { body: value, ...init }), call);
      redactor.remember(requireResponseString(created, ["token"], { vendor: VENDOR, operation: "createToken", status: 201 }));
      return created;
    },
    listTokens,
    createBulkRevokeTokenTask: async (value, call) => {
      body("body", value, { user_id: ID1TO40 }, { org_id: ID1TO40, session_id: ID1TO40 });
      return run("createBulkRevokeTokenTask", (init) => api.http.POST("/v1/tokens/bulk_revoke", { body: value, ...init }), call);
    },
    createIntrospectToken,
    createIntrospectTokenAllSubOrgs: async (value, call) => {
      introspectBody(value);
      return run("createIntrospectTokenAllSubOrgs", (init) => api.http.POST("/v1/tokens/introspect_all_sub_orgs", { body: value, ...init }), call, [value.token]);
    },
    createReissuedToken: async (value, call) => {
      body("body", value, { token: {}, org_id: {} });
      const reissued = await run("createReissuedToken", (init) => api.http.POST("/v1/tokens/reissue", { body: value, ...init }), call, [value.token]);
      redactor.remember(requireResponseString(reissued, ["token"], { vendor: VENDOR, operation: "createReissuedToken" }));
      return reissued;
    },
    createRevokeTokenTask: async (value, call) => {
      body("body", value, {}, { token: {} });
      await run("createRevokeTokenTask", (init) => api.http.POST("/v1/tokens/revoke", { body: value, ...init }), call, [value.token]);
    },
    createTokenValidation: async (value, call) => {
      createTokenBody(value);
      return run("createTokenValidation", (init) => api.http.POST("/v1/tokens/validations", { body: value, ...init }), call);
    },

    introspectToken: async (tokenToIntrospect, introspectOptions = {}) => {
      const value = requireString("token", tokenToIntrospect);
      const { excludeRoles, signal, timeoutMs } = introspectOptions;
      if (excludeRoles !== undefined && typeof excludeRoles !== "boolean") throw new ValidationError("excludeRoles", `must be a boolean, got ${typeof excludeRoles}`);
      const request: TokenIntrospect = excludeRoles === undefined ? { token: value } : { token: value, introspect_options: { exclude_roles: excludeRoles } };
      return createIntrospectToken(request, { signal, timeoutMs });
    },
    iterateSessions: (q, iterate) => iterateSessions(lists, q, iterate),
    iterateTokens: (q, iterate) => iterateTokens(lists, q, iterate),
    iterateApiKeys: (q, iterate) => iterateApiKeys(lists, q, iterate),
    iterateAuthenticationDocuments: (q, iterate) => iterateAuthenticationDocuments(lists, q, iterate),

    http: api.http,
  };
  return withSafeDescription(client, "AgilicusClient", () => ({ vendor: VENDOR, baseUrl, auth: token !== undefined ? "token" : "getToken" }));
}
