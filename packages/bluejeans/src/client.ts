// The BlueJeans helper client: the seed's eleven AuthenticationApi operations (five grants on one
// `POST /oauth2/token`, token info and revoke, the browser-only authorize URL, and the developer
// client applications), plus OAuth sessions that keep a token fresh. Runs on openapi-fetch with the
// generated `paths` types; transport, errors and redaction come from @vendor-auth/core.
import {
  ProvidedTokens,
  Redactor,
  checkTokenSource,
  createApiClient,
  missingTokenLease,
  optionalObject,
  optionalString,
  pickProperties,
  requireObject,
  resolveBaseUrl,
  toTokenProvider,
  tokenHolderOf,
  valuesAt,
  withSafeDescription,
  type CallOptions,
  type OperationCallOptions,
  type TokenHolder,
  type TokenLease,
  type TokenSource,
  type TransportOptions,
} from "@vendor-auth/core/internal";
import type { Client } from "openapi-fetch";
import type { Application, ApplicationSecret, TokenInfo } from "./generated/models.gen.js";
import type { paths } from "./generated/schema.gen.js";
import { defaultEnvironment, environments, type Environment } from "./generated/meta.gen.js";
import { operations, schemas, secretKeys, securitySchemes } from "./generated/operations.gen.js";
import { buildAuthorizationUrl, type AuthorizationUrlParams } from "./authorize.js";
import { refreshTokenOf, resolveCredentials, toGrantRequest, type Grant, type GrantMethods, type GrantResponseOf, type OptionalClientCredentials } from "./grants.js";
import { createSession, type BlueJeansSession, type SessionOptions } from "./session.js";

export interface BlueJeansClientOptions extends TransportOptions {
  /**
   * The client application's id (client credentials grant: from the Enterprise Administration
   * console; 3-legged OAuth: from `createClientApplication`). Default: none. Used as `client_id` by
   * the client, code and refresh grants and by revoke, and as `clientId` of the authorize URL,
   * whenever the call does not pass its own.
   */
  clientId?: string;
  /**
   * The client application's secret. Default: none. Sent only in the body of the grants and revoke
   * that need it; never appears in errors, logs or serialised forms of the client.
   */
  clientSecret?: string;
  /**
   * The access token of the `access_token`-secured operations (getTokenInfo and the three
   * developer-application operations) and of `getAccessToken` / `authorizedFetch` /
   * `authMiddleware`: a string, or a function returning one (e.g. `session.getAccessToken`).
   * Default: none; pass `{ accessToken }` per call instead.
   */
  accessToken?: TokenSource;
  /** Base URL of the API. Default: the URL of `environment`. Wins over `environment`. */
  baseUrl?: string;
  /** Named server from the spec. Default: "production" (`https://api.bluejeans.com`). */
  environment?: Environment;
}

/** Call options of the `access_token`-secured operations: `accessToken`, this call's token (sent as the `access_token` query parameter), default the client's. */
export type AuthorizedCallOptions = Pick<OperationCallOptions, "signal" | "timeoutMs" | "maxRetries" | "accessToken">;

/** The writable fields of an `Application` (the read-only `clientId`/`clientSecret` are never sent). */
export type ApplicationInput = Omit<Application, "clientId" | "clientSecret">;

/** Authorize-URL parameters of the client: `clientId` defaults to the client's option. */
export type ClientAuthorizationUrlParams = Omit<AuthorizationUrlParams, "clientId"> & { clientId?: string };

/**
 * The client; the five seed grant methods (`getTokenByPassword`, `getTokenByMeeting`,
 * `getTokenByClient`, `getTokenByCode`, `getTokenByRefresh`) each send `POST /oauth2/token` with
 * their `grant_type` and resolve with their own response model (GrantPassword, …).
 */
export interface BlueJeansClient extends GrantMethods, TokenHolder {
  /** The base URL requests go to. */
  readonly baseUrl: string;

  /** POST /oauth2/token with any grant; the result is typed by its `grant_type` (GrantPassword, GrantMeeting, …). */
  getToken<G extends Grant>(grant: G, options?: CallOptions): Promise<GrantResponseOf<G>>;

  /** GET /oauth2/tokenInfo?access_token=…: validates the token (`options.accessToken`, else the client's) and returns its user id. */
  getTokenInfo(options?: AuthorizedCallOptions): Promise<TokenInfo>;
  /**
   * DELETE /oauth2/token?access_token=<accessToken> with the JSON body `{ client_id, client_secret }`
   * (both default to the options). Resolves with nothing (204).
   */
  revokeAccessToken(accessToken: string, credentials?: OptionalClientCredentials, options?: CallOptions): Promise<void>;

  /** The browser URL of GET /oauth2/authorize (https://bluejeans.com). Sends no request. */
  buildAuthorizationUrl(params: ClientAuthorizationUrlParams): string;
  /** Seed name of `buildAuthorizationUrl`: returns the same URL and sends no request (the endpoint is browser-only). */
  getAuthorizationCode(params: ClientAuthorizationUrlParams): string;

  /** POST /v1/user/{user_id}/developer_applications?access_token=…: the new application, with its one-time `clientSecret`. */
  createClientApplication(userId: number, application: ApplicationInput, options?: AuthorizedCallOptions): Promise<Application>;
  /** PUT /v1/user/{user_id}/developer_applications/{client_id}?access_token=… */
  updateClientApplication(userId: number, clientId: string, application: ApplicationInput, options?: AuthorizedCallOptions): Promise<Application>;
  /** PUT /v1/user/{user_id}/developer_applications/{client_id}/secret?access_token=…: a new `clientSecret`. */
  regenerateClientApplicationSecret(userId: number, clientId: string, options?: AuthorizedCallOptions): Promise<ApplicationSecret>;

  /**
   * An OAuth session on `grant`: obtains a token on first use, renews it before `expires_in` runs out
   * (refresh grant when possible, else the original grant), one request in flight at a time. The
   * grant is validated now, before any request.
   */
  createSession<G extends Grant>(grant: G, options?: SessionOptions): BlueJeansSession<G["grant_type"]>;

  // getAccessToken() / authorizedFetch / authMiddleware(): the `accessToken` option's token, sent as
  // the spec's `access_token` query parameter to the client's origin only (see TokenHolder). Without
  // the option they reject with ValidationError (field "accessToken") before anything is sent.

  /** The underlying openapi-fetch client (no auth middleware). */
  readonly http: Client<paths>;
}

const VENDOR = "bluejeans";

/**
 * The BlueJeans client: the five OAuth grants, token info and revoke, the authorize URL, the
 * developer client applications, and OAuth sessions that keep a token fresh. Every option is optional.
 *
 * @example
 * ```ts
 * import { createBlueJeansClient } from "@vendor-auth/bluejeans";
 *
 * const bluejeans = createBlueJeansClient({ clientId: "test-client-id", clientSecret: "test-client-secret" });
 * await using session = bluejeans.createSession({ grant_type: "client_credentials" });
 * const meetings = await session.authorizedFetch("/v1/user/42/scheduled_meeting");
 * ```
 */
export function createBlueJeansClient(options: BlueJeansClientOptions = {}): BlueJeansClient {
  requireObject("options", options);
  const clientId = optionalString("clientId", options.clientId);
  const clientSecret = optionalString("clientSecret", options.clientSecret);
  const baseUrl = resolveBaseUrl({ baseUrl: options.baseUrl, environment: options.environment, environments, defaultEnvironment, allowInsecureHttp: options.allowInsecureHttp });
  const redactor = new Redactor({ secretKeys }).add(clientSecret, typeof options.accessToken === "string" ? options.accessToken : undefined);
  // The `access_token` of the secured operations, unless a call passes its own; without it, getAccessToken and authorizedFetch refuse.
  const source = checkTokenSource("accessToken", options.accessToken);
  const lease: TokenLease = source === undefined ? missingTokenLease("accessToken", "pass accessToken in the client options, or use a session (createSession)") : new ProvidedTokens(toTokenProvider("accessToken", source), { reauthIntervalMs: options.reauthIntervalMs, emit: (event) => api.emit(event) });
  const auth = source === undefined ? undefined : { access_token: lease };
  const api = createApiClient<paths, typeof operations>({ ...options, vendor: VENDOR, baseUrl, redactor, operations, schemas, securitySchemes, auth, credentialOptions: { access_token: "accessToken" } });
  const defaults = { clientId, clientSecret };

  const getToken = async <G extends Grant>(grant: G, call?: CallOptions) => {
    const response = await api.op("getToken", { body: toGrantRequest(grant, defaults) }, call);
    redactor.remember(refreshTokenOf(response));
    return response as GrantResponseOf<G>;
  };
  const grantMethods = Object.fromEntries(
    operations.getToken.seedOperations.map((seed) => [seed.operationId, (params?: object, call?: CallOptions) => Promise.resolve().then(() => getToken({ ...optionalObject("params", params), grant_type: seed.grant_type } as Grant, call))]),
  ) as unknown as GrantMethods;
  const writable = (application: ApplicationInput) => pickProperties(requireObject("application", application), schemas.Application, schemas) as ApplicationInput;
  const revokeAccessToken = async (accessToken: string, credentials?: OptionalClientCredentials, call?: CallOptions) => {
    const body = resolveCredentials(optionalObject("credentials", credentials), defaults, "revoking a token");
    await api.op("revokeAccessToken", { params: { query: { access_token: accessToken } }, body }, call);
  };
  const authorizationUrl = (params: ClientAuthorizationUrlParams) => buildAuthorizationUrl({ ...(requireObject("params", params) as ClientAuthorizationUrlParams), clientId: params.clientId ?? (clientId as string) });

  const client: BlueJeansClient = {
    baseUrl,
    ...tokenHolderOf({ ...options, vendor: VENDOR, baseUrl, redactor, tokens: lease, placement: { in: "query", name: securitySchemes.access_token.name } }),
    getToken,
    ...grantMethods,
    getTokenInfo: (call) => api.op("getTokenInfo", {}, call),
    revokeAccessToken,
    buildAuthorizationUrl: authorizationUrl,
    getAuthorizationCode: authorizationUrl,
    createClientApplication: async (userId, application, call) => api.op("createClientApplication", { params: { path: { user_id: userId } }, body: writable(application) }, call),
    updateClientApplication: async (userId, appClientId, application, call) =>
      api.op("updateClientApplication", { params: { path: { user_id: userId, client_id: appClientId } }, body: writable(application) }, call),
    regenerateClientApplicationSecret: async (userId, appClientId, call) => api.op("regenerateClientApplicationSecret", { params: { path: { user_id: userId, client_id: appClientId } } }, call),

    createSession(grant, sessionOptions) {
      const initial = toGrantRequest(grant, defaults);
      // A session may repeat its grant for as long as it lives: its secrets are kept.
      redactor.add(...valuesAt({ body: initial }, operations.getToken.secrets.request));
      return createSession<(typeof grant)["grant_type"]>(
        { api, defaults, requestToken: (body) => api.op("getToken", { body }), revoke: (token, credentials, call) => revokeAccessToken(token, credentials, call) },
        initial,
        sessionOptions,
      );
    },

    http: api.http,
  };
  return withSafeDescription(client, "BlueJeansClient", () => ({ vendor: VENDOR, baseUrl, clientId, hasClientSecret: clientSecret !== undefined }));
}
