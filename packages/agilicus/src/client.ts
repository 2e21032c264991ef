// The Agilicus helper client: every operation of TokensApi (seed 004, SDK 1.98.9) as a typed
// method under its seed name, async iteration over the list operations, and `introspectToken` for
// the common case. Each method maps its arguments onto the operation's wire input; paths, methods,
// constraints, bearer auth (on the 20 operations that need it, never on the 6 open ones), secrets,
// documented errors and retries all come from the generated operations and @vendor-auth/core.
import { ValidationError, Redactor, checkTokenSource, createApiClient, exactlyOneOf, leaseAccessToken, providedTokenLease, rejectRenamedOptions, requireObject, resolveBaseUrl, toTokenProvider, tokenHolderOf, withSafeDescription, type CallOptions, type TokenHolder, type TokenSource, type TransportOptions } from "@vendor-auth/core/internal";
import type { Client } from "openapi-fetch";
import type { APIKey, APIKeyIntrospect, APIKeyIntrospectResponse, AuthenticationDocument, BulkSessionOperationResponse, BulkTokenRevoke, BulkTokenRevokeResponse, CreateSessionAndTokenRequest, CreateSessionAndTokenResponse, CreateTokenRequest, IdentityAssertion, IdentityAssertionResponse, ListAPIKeysResponse, ListAuthenticationDocumentResponse, ListSessionsResponse, ListTokensResponse, ManyOrgTokenIntrospectResponse, RawToken, Session, Token, TokenIntrospect, TokenReissueRequest, TokenRevoke, UserSessionIdentifiers } from "./generated/models.gen.js";
import type { paths } from "./generated/schema.gen.js";
import { defaultEnvironment, environments, type Environment } from "./generated/meta.gen.js";
import { operations, schemas, securitySchemes } from "./generated/operations.gen.js";
import { apiKeyAuthorization, type AgilicusApiKey } from "./api-key.js";
import { iterateSessions, iterateSinglePage, type IterateOptions } from "./pagination.js";
import type { ListApiKeysQuery, ListAuthenticationDocumentsQuery, ListSessionsQuery, ListTokensQuery, ResourceQuery } from "./queries.js";

export interface AgilicusClientOptions extends TransportOptions {
  /**
   * An Agilicus access token (JWT) you already hold, or a function returning the current one (e.g.
   * a service account's `getToken`, or your own refresh logic), sent as `Authorization: Bearer
   * <token>` on the 20 operations that require it (never on the 6 open ones). Pass exactly one of
   * `accessToken` and `apiKey`. A function is called once per request that needs auth, and asked
   * once more after a 401 (at most once per `reauthIntervalMs`); if it throws or rejects, the method
   * rejects with that same error, unchanged; if it returns anything but a non-empty string, with
   * ValidationError (field "accessToken"). The token never appears in errors, logs or serialised
   * forms of the client.
   */
  accessToken?: TokenSource | undefined;
  /**
   * An API key instead of a token: sent as HTTP basic auth (`email` as the user name, `key` as the
   * password) on the operations that require auth, as the vendor documents. Pass exactly one of
   * `accessToken` and `apiKey`. The key never appears in errors, logs or serialised forms of the client.
   */
  apiKey?: AgilicusApiKey | undefined;
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

/**
 * The client. `getAccessToken()` is the `accessToken` option's current token (with `apiKey` it
 * rejects: an API key is not an access token); `authorizedFetch` / `authMiddleware` send the
 * client's credential (the token as Bearer, or the API key as basic auth) to the rest of the
 * Agilicus API, with the origin rules of TokenHolder.
 */
export interface AgilicusClient extends TokenHolder {
  /** The base URL requests go to. */
  readonly baseUrl: string;

  // API keys
  /** POST /v1/api_keys (auth): creates an API key; the key itself (`status.api_key`) is only in this response. */
  createApiKey(body: APIKey, options?: CallOptions): Promise<APIKey>;
  /** POST /v1/api_keys/introspect (no auth): the permissions of an API key; 410 (GoneError) when it was revoked. */
  createApiKeyIntrospection(body: APIKeyIntrospect, options?: CallOptions): Promise<APIKeyIntrospectResponse>;
  /** GET /v1/api_keys/{api_key_id} (auth); 404 (NotFoundError) when it does not exist. */
  getApiKey(apiKeyId: string, query?: ResourceQuery, options?: CallOptions): Promise<APIKey>;
  /** DELETE /v1/api_keys/{api_key_id} (auth); 404 (NotFoundError) when it does not exist. */
  deleteApiKey(apiKeyId: string, query?: ResourceQuery, options?: CallOptions): Promise<void>;
  /** GET /v1/api_keys (auth): one page (`limit` 1..500, default 500; the API has no cursor). */
  listApiKeys(query?: ListApiKeysQuery, options?: CallOptions): Promise<ListAPIKeysResponse>;

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
  iterateApiKeys(query?: ListApiKeysQuery, options?: IterateOptions): AsyncGenerator<APIKey, void, undefined>;
  /** The documents of one listAuthenticationDocuments page (limit default 500): the API offers no cursor. */
  iterateAuthenticationDocuments(query?: ListAuthenticationDocumentsQuery, options?: IterateOptions): AsyncGenerator<AuthenticationDocument, void, undefined>;

  /** The underlying openapi-fetch client (no auth added: pass the header yourself). */
  readonly http: Client<paths>;
}

const VENDOR = "agilicus";

/**
 * The Agilicus TokensApi client, authenticated by a token (or a token provider) or by an API key.
 *
 * @example
 * ```ts
 * import { createAgilicusClient } from "@vendor-auth/agilicus";
 *
 * const agilicus = createAgilicusClient({ accessToken: async () => "test-access-token" });
 * const token = await agilicus.introspectToken(await agilicus.getAccessToken());
 * console.log(token.org, token.roles);
 * ```
 */
export function createAgilicusClient(options: AgilicusClientOptions): AgilicusClient {
  requireObject("options", options);
  rejectRenamedOptions(options, { token: "accessToken (the token)", getToken: "accessToken (a function returning the token)" });
  const auth = exactlyOneOf(options, ["accessToken", "apiKey"]);
  const apiKey = apiKeyAuthorization(options.apiKey);
  const accessToken = checkTokenSource("accessToken", options.accessToken);
  // With an API key, the "token" is its basic-auth credential.
  const getToken = apiKey !== undefined ? toTokenProvider("apiKey", apiKey.credential) : toTokenProvider("accessToken", accessToken);
  if (options.headers !== undefined) {
    for (const name of Object.keys(requireObject("headers", options.headers))) {
      if (name.toLowerCase() === "authorization") throw new ValidationError(`headers.${name}`, "must not be set here: pass accessToken or apiKey (the open operations must go without it)");
    }
  }
  const baseUrl = resolveBaseUrl({ baseUrl: options.baseUrl, environment: options.environment, environments, defaultEnvironment, allowInsecureHttp: options.allowInsecureHttp });
  const redactor = new Redactor().add(typeof accessToken === "string" ? accessToken : undefined).add(apiKey?.key).add(apiKey?.credential);
  const { fetch, timeoutMs, headers, maxRetries, retry, logger, maxResponseBytes, reauthIntervalMs, tokenStore, tokenStoreKey } = options;
  // The bearer of the operations that need one; a 401 asks the provider once more (bounded). With a tokenStore, the provider's token is shared by the fleet.
  const bearer = providedTokenLease(getToken, { reauthIntervalMs, emit: (event) => api.emit(event), operation: "accessToken", tokenStore, tokenStoreKey, shared: () => api.shareTokens([]) });
  // The credential goes to the scheme of its kind: an API key to the basic one (api-key-basic), a token to the bearer one.
  const isBasic = (scheme: string) => (securitySchemes[scheme as keyof typeof securitySchemes] as { scheme?: string }).scheme === "basic";
  const credentials = Object.fromEntries(Object.keys(securitySchemes).filter((scheme) => isBasic(scheme) === (apiKey !== undefined)).map((scheme) => [scheme, bearer]));
  const api = createApiClient<paths, typeof operations>({ fetch, timeoutMs, headers, maxRetries, retry, logger, maxResponseBytes, reauthIntervalMs, tokenStore, tokenStoreKey, vendor: VENDOR, baseUrl, redactor, operations, schemas, securitySchemes, auth: credentials });
  const op = api.op;
  const getAccessToken = apiKey === undefined ? leaseAccessToken(bearer, { vendor: VENDOR }) : async () => Promise.reject(new ValidationError("accessToken", "is not set: this client authenticates with an API key (basic auth), which is not an access token; authorizedFetch and authMiddleware send it"));
  // The rest of the Agilicus API: the token as Bearer, or the API key as basic auth.
  const holder = tokenHolderOf({ ...options, vendor: VENDOR, baseUrl, tokens: bearer, redactor, placement: apiKey === undefined ? undefined : { in: "header", scheme: "Basic" } }, getAccessToken);

  const lists = {
    listApiKeys: (query?: ListApiKeysQuery, call?: CallOptions) => op("listApiKeys", { params: { query } }, call),
    listAuthenticationDocuments: (query?: ListAuthenticationDocumentsQuery, call?: CallOptions) => op("listAuthenticationDocuments", { params: { query } }, call),
    listSessions: (query?: ListSessionsQuery, call?: CallOptions) => op("listSessions", { params: { query: query as never } }, call),
    listTokens: (query?: ListTokensQuery, call?: CallOptions) => op("listTokens", { params: { query } }, call),
  };
  const createIntrospectToken = (body: TokenIntrospect, call?: CallOptions) => op("createIntrospectToken", { body }, call);

  const client: AgilicusClient = {
    baseUrl,
    ...lists,

    createApiKey: (body, call) => op("createApiKey", { body }, call),
    createApiKeyIntrospection: (body, call) => op("createApiKeyIntrospection", { body }, call),
    getApiKey: (apiKeyId, query, call) => op("getApiKey", { params: { path: { api_key_id: apiKeyId }, query } }, call),
    deleteApiKey: async (apiKeyId, query, call) => void (await op("deleteApiKey", { params: { path: { api_key_id: apiKeyId }, query } }, call)),

    createAuthenticationDocument: (body, call) => op("createAuthenticationDocument", { body }, call),
    getAuthenticationDocument: (documentId, query, call) => op("getAuthenticationDocument", { params: { path: { document_id: documentId }, query } }, call),
    deleteAuthenticationDocument: async (documentId, query, call) => void (await op("deleteAuthenticationDocument", { params: { path: { document_id: documentId }, query } }, call)),
    validateIdentityAssertion: (body, call) => op("validateIdentityAssertion", { body }, call),

    createSession: (body, call) => op("createSession", { body }, call),
    createSessionAndToken: (body, call) => op("createSessionAndToken", { body }, call),
    getSession: (sessionId, query, call) => op("getSession", { params: { path: { session_id: sessionId }, query } }, call),
    replaceSession: (sessionId, body, call) => op("replaceSession", { params: { path: { session_id: sessionId } }, body }, call),
    deleteSession: async (sessionId, query, call) => void (await op("deleteSession", { params: { path: { session_id: sessionId }, query } }, call)),
    createBulkDeleteSessionTask: (body, call) => op("createBulkDeleteSessionTask", { body }, call),
    createBulkRevokeSessionTask: (body, call) => op("createBulkRevokeSessionTask", { body }, call),

    createToken: (body, call) => op("createToken", { body }, call),
    createBulkRevokeTokenTask: (body, call) => op("createBulkRevokeTokenTask", { body }, call),
    createIntrospectToken,
    createIntrospectTokenAllSubOrgs: (body, call) => op("createIntrospectTokenAllSubOrgs", { body }, call),
    createReissuedToken: (body, call) => op("createReissuedToken", { body }, call),
    createRevokeTokenTask: async (body, call) => void (await op("createRevokeTokenTask", { body }, call)),
    createTokenValidation: (body, call) => op("createTokenValidation", { body }, call),

    introspectToken: async (tokenToIntrospect, introspectOptions) => {
      const { excludeRoles, ...call } = requireObject("options", introspectOptions ?? {}) as IntrospectTokenOptions;
      const body: TokenIntrospect = excludeRoles === undefined ? { token: tokenToIntrospect } : { token: tokenToIntrospect, introspect_options: { exclude_roles: excludeRoles } };
      return createIntrospectToken(body, call);
    },
    iterateSessions: (q, iterate) => iterateSessions(lists, q, iterate),
    iterateTokens: (q, iterate) => iterateSinglePage(lists, "listTokens", q, iterate),
    iterateApiKeys: (q, iterate) => iterateSinglePage(lists, "listApiKeys", q, iterate),
    iterateAuthenticationDocuments: (q, iterate) => iterateSinglePage(lists, "listAuthenticationDocuments", q, iterate),

    ...holder,
    http: api.http,
  };
  return withSafeDescription(client, "AgilicusClient", () => ({ vendor: VENDOR, baseUrl, auth }));
}
