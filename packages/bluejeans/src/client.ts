// The BlueJeans helper client: the seed's eleven AuthenticationApi operations (five grants on one
// `POST /oauth2/token`, token info and revoke, the browser-only authorize URL, and the developer
// client applications), plus OAuth sessions that keep a token fresh. Runs on openapi-fetch with the
// generated `paths` types; transport, errors and redaction come from @vendor-auth/core.
import {
  AbortError,
  Redactor,
  ValidationError,
  checkCallOptions,
  createApiClient,
  optionalObject,
  optionalString,
  requireObject,
  requirePathSegment,
  requireResponseString,
  requireString,
  resolveBaseUrl,
  toTokenProvider,
  withSafeDescription,
  type CallOptions,
  type TokenSource,
  type TransportOptions,
} from "@vendor-auth/core/internal";
import type { Client } from "openapi-fetch";
import type { Application, ApplicationSecret, GrantRequest, GrantResponse, InlineResponse200, paths } from "./generated/schema.gen.js";
import { defaultEnvironment, environments, type Environment } from "./generated/meta.gen.js";
import { operations, schemas, securitySchemes } from "./generated/operations.gen.js";
import { buildAuthorizationUrl, type AuthorizationUrlParams } from "./authorize.js";
import {
  refreshTokenOf,
  resolveCredentials,
  toGrantRequest,
  type Grant,
  type GrantOf,
  type GrantParams,
  type GrantResponseOf,
  type GrantResponses,
  type GrantType,
  type OptionalClientCredentials,
} from "./grants.js";
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
   * developer-application operations): a string, or a function returning one (e.g.
   * `session.getAccessToken`). Default: none; pass `{ accessToken }` per call instead.
   */
  accessToken?: TokenSource;
  /** Base URL of the API. Default: the URL of `environment`. Wins over `environment`. */
  baseUrl?: string;
  /** Named server from the spec. Default: "production" (`https://api.bluejeans.com`). */
  environment?: Environment;
}

/** Call options of the `access_token`-secured operations. */
export interface AuthorizedCallOptions extends CallOptions {
  /** The access token for this call (sent as the `access_token` query parameter). Default: the client's `accessToken`. */
  accessToken?: string | undefined;
}

/** The writable fields of an `Application` (the read-only `clientId`/`clientSecret` are never sent). */
export type ApplicationInput = Omit<Application, "clientId" | "clientSecret">;

/** Authorize-URL parameters of the client: `clientId` defaults to the client's option. */
export type ClientAuthorizationUrlParams = Omit<AuthorizationUrlParams, "clientId"> & { clientId?: string };

export interface BlueJeansClient {
  /** The base URL requests go to. */
  readonly baseUrl: string;

  /** POST /oauth2/token with any grant; the result is typed by its `grant_type` (GrantPassword, GrantMeeting, …). */
  getToken<G extends Grant>(grant: G, options?: CallOptions): Promise<GrantResponseOf<G>>;
  /** POST /oauth2/token, `grant_type` "password" (seed getTokenByPassword). */
  getTokenByPassword(params: GrantParams<"password">, options?: CallOptions): Promise<GrantResponses["password"]>;
  /** POST /oauth2/token, `grant_type` "meeting_passcode" (seed getTokenByMeeting); `meetingPasscode` may be "" when the meeting has none. */
  getTokenByMeeting(params: GrantParams<"meeting_passcode">, options?: CallOptions): Promise<GrantResponses["meeting_passcode"]>;
  /** POST /oauth2/token, `grant_type` "client_credentials" (seed getTokenByClient); `client_id`/`client_secret` default to the options. */
  getTokenByClient(params?: GrantParams<"client_credentials">, options?: CallOptions): Promise<GrantResponses["client_credentials"]>;
  /** POST /oauth2/token, `grant_type` "authorization_code" (seed getTokenByCode): `{ code, redirectUri }`; the code is valid for 30 seconds. */
  getTokenByCode(params: GrantParams<"authorization_code">, options?: CallOptions): Promise<GrantResponses["authorization_code"]>;
  /** POST /oauth2/token, `grant_type` "refresh_token" (seed getTokenByRefresh): `{ refresh_token }`. */
  getTokenByRefresh(params: GrantParams<"refresh_token">, options?: CallOptions): Promise<GrantResponses["refresh_token"]>;

  /** GET /oauth2/tokenInfo?access_token=…: validates the token (`options.accessToken`, else the client's) and returns its user id. */
  getTokenInfo(options?: AuthorizedCallOptions): Promise<InlineResponse200>;
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

  /** The underlying openapi-fetch client (no auth middleware). */
  readonly http: Client<paths>;
}

const VENDOR = "bluejeans";
/** Secret property names beyond core's list (core already covers password, client_secret, access_token, refresh_token). */
const EXTRA_SECRET_KEYS = ["meetingPasscode", "passcode"];

export function createBlueJeansClient(options: BlueJeansClientOptions = {}): BlueJeansClient {
  requireObject("options", options);
  const clientId = optionalString("clientId", options.clientId);
  const clientSecret = optionalString("clientSecret", options.clientSecret);
  const baseUrl = resolveBaseUrl({ baseUrl: options.baseUrl, environment: options.environment, environments, defaultEnvironment, allowInsecureHttp: options.allowInsecureHttp });
  const redactor = new Redactor({ secretKeys: EXTRA_SECRET_KEYS }).add(clientSecret);
  if (typeof options.accessToken === "string") redactor.add(options.accessToken);
  const defaultToken = options.accessToken === undefined ? undefined : toTokenProvider("accessToken", options.accessToken);
  const api = createApiClient<paths, typeof operations>({ ...options, vendor: VENDOR, baseUrl, redactor, operations, schemas, securitySchemes });
  const defaults = { clientId, clientSecret };

  /**
   * POST /oauth2/token with an already validated wire body; the grant's secrets are redacted from
   * the call's errors, the tokens received are remembered (the most recent ones: a service that
   * obtains a token per user must not grow the redactor without bound).
   */
  const requestToken = async (request: { body: GrantRequest; secrets: string[] }, call?: CallOptions): Promise<GrantResponse> => {
    const response = await redactor.during(request.secrets, () => api.call("getToken", (init) => api.http.POST("/oauth2/token", { body: request.body, ...init }), call));
    redactor.remember(requireResponseString(response, ["access_token"], { vendor: VENDOR, operation: "getToken" }));
    redactor.remember(refreshTokenOf(response));
    return response;
  };

  const getToken = <G extends Grant>(grant: G, call?: CallOptions) =>
    Promise.resolve()
      .then(() => requestToken(toGrantRequest(grant, defaults), checkCallOptions(call)))
      .then((response) => response as GrantResponseOf<G>);

  const grantMethod =
    <T extends GrantType>(grantType: T) =>
    (params: GrantParams<T> | undefined, call?: CallOptions): Promise<GrantResponses[T]> =>
      Promise.resolve().then(() => {
        // Checked before it is spread: a string here would become one property per character.
        const fields = optionalObject("params", params) ?? {};
        return getToken({ ...fields, grant_type: grantType } as GrantOf<T>, call) as Promise<GrantResponses[T]>;
      });

  /** Runs a secured call with its `access_token`: the call's own, else the client's; redacted while it runs. */
  const withAccessToken = async <R>(operation: string, call: AuthorizedCallOptions | undefined, task: (token: string) => Promise<R>): Promise<R> => {
    checkCallOptions(call);
    let token: string;
    if (call?.accessToken !== undefined) token = requireString("accessToken", call.accessToken);
    else if (defaultToken) {
      if (call?.signal?.aborted) throw new AbortError({ vendor: VENDOR, operation, cause: call.signal.reason });
      token = await defaultToken();
    } else throw new ValidationError("accessToken", `is required for ${operation}: pass \`accessToken\` in the client options or in the call options`);
    return redactor.during([token], () => task(token));
  };
  // The security scheme is not a declared parameter, so the generated types have no query for it.
  const tokenQuery = (accessToken: string) => ({ access_token: accessToken }) as never;

  const revokeAccessToken = async (accessToken: string, credentials?: OptionalClientCredentials, call?: CallOptions): Promise<void> => {
    const token = requireString("accessToken", accessToken);
    const body = resolveCredentials(optionalObject("credentials", credentials), defaults, "revoking a token");
    await redactor.during([token, body.client_secret], () =>
      api.call("revokeAccessToken", (init) => api.http.DELETE("/oauth2/token", { params: { query: { access_token: token } }, body, ...init }), call),
    );
  };

  const authorizationUrl = (params: ClientAuthorizationUrlParams) =>
    buildAuthorizationUrl({ ...params, clientId: params?.clientId ?? (clientId as string) });

  const registerApplicationSecret = <A extends { clientSecret?: string }>(result: A) => {
    redactor.remember(result?.clientSecret);
    return result;
  };

  const client: BlueJeansClient = {
    baseUrl,
    getToken,
    getTokenByPassword: grantMethod("password"),
    getTokenByMeeting: grantMethod("meeting_passcode"),
    getTokenByClient: grantMethod("client_credentials"),
    getTokenByCode: grantMethod("authorization_code"),
    getTokenByRefresh: grantMethod("refresh_token"),

    getTokenInfo: (call) =>
      withAccessToken("getTokenInfo", call, (token) => api.call("getTokenInfo", (init) => api.http.GET("/oauth2/tokenInfo", { params: { query: tokenQuery(token) }, ...init }), call)),
    revokeAccessToken,

    buildAuthorizationUrl: authorizationUrl,
    getAuthorizationCode: authorizationUrl,

    async createClientApplication(userId, application, call) {
      const path = { user_id: userIdOf(userId) };
      const body = applicationBody(application);
      const result = await withAccessToken("createClientApplication", call, (token) =>
        api.call("createClientApplication", (init) => api.http.POST("/v1/user/{user_id}/developer_applications", { params: { path, query: tokenQuery(token) }, body, ...init }), call),
      );
      return registerApplicationSecret(result);
    },
    async updateClientApplication(userId, appClientId, application, call) {
      const path = { user_id: userIdOf(userId), client_id: clientIdOf(appClientId) };
      const body = applicationBody(application);
      const result = await withAccessToken("updateClientApplication", call, (token) =>
        api.call("updateClientApplication", (init) => api.http.PUT("/v1/user/{user_id}/developer_applications/{client_id}", { params: { path, query: tokenQuery(token) }, body, ...init }), call),
      );
      return registerApplicationSecret(result);
    },
    async regenerateClientApplicationSecret(userId, appClientId, call) {
      const path = { user_id: userIdOf(userId), client_id: clientIdOf(appClientId) };
      const result = await withAccessToken("regenerateClientApplicationSecret", call, (token) =>
        api.call("regenerateClientApplicationSecret", (init) => api.http.PUT("/v1/user/{user_id}/developer_applications/{client_id}/secret", { params: { path, query: tokenQuery(token) }, ...init }), call),
      );
      return registerApplicationSecret(result);
    },

    createSession(grant, sessionOptions) {
      const initial = toGrantRequest(grant, defaults);
      // A session may repeat its grant for as long as it lives: its secrets are kept.
      redactor.add(...initial.secrets);
      return createSession<(typeof grant)["grant_type"]>(
        {
          vendor: VENDOR,
          baseUrl,
          transport: options,
          emit: api.emit,
          redactor,
          defaults,
          requestToken: (body) => requestToken({ body, secrets: [] }),
          revoke: (token, credentials, call) => revokeAccessToken(token, credentials, call),
        },
        initial.body,
        sessionOptions,
      );
    },

    http: api.http,
  };
  return withSafeDescription(client, "BlueJeansClient", () => ({ vendor: VENDOR, baseUrl, clientId, hasClientSecret: clientSecret !== undefined }));
}

/** `user_id` is an integer path parameter in the spec. */
function userIdOf(value: unknown): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) throw new ValidationError("user_id", "must be a non-negative integer");
  return value;
}

/** `client_id` is a string path parameter (decision client-id-path-type); openapi-fetch percent-encodes it. */
function clientIdOf(value: unknown): string {
  return requirePathSegment("client_id", value);
}

/** The request body of create/update: the writable Application fields only. */
function applicationBody(application: unknown): ApplicationInput {
  if (!application || typeof application !== "object" || Array.isArray(application)) throw new ValidationError("application", "must be an object");
  const { clientId: _clientId, clientSecret: _clientSecret, ...writable } = application as Application;
  for (const field of ["description", "appName", "appLogoUrl", "userId"] as const) {
    if (writable[field] !== undefined && typeof writable[field] !== "string") throw new ValidationError(`application.${field}`, "must be a string");
  }
  if (writable.redirectUrls !== undefined && (!Array.isArray(writable.redirectUrls) || writable.redirectUrls.some((url) => typeof url !== "string"))) {
    throw new ValidationError("application.redirectUrls", "must be an array of strings");
  }
  return writable;
}
