// The Laserfiche helper client: the three v1-alpha AccessTokens operations (Create, Refresh,
// Invalidate) for one repository with the configured credentials, the client's own access token
// (single flight, bearer auth, keep-alive timer) and independent sessions (`openSession()`, closed
// by invalidate or `await using`). Runs on openapi-fetch with the generated `paths` types;
// transport, errors and redaction come from @vendor-auth/core. The token state is in session.ts,
// the Keep-Alive header rules in keep-alive.ts.
import {
  Redactor,
  ValidationError,
  checkParameters,
  checkSchema,
  checkTokenSource,
  createApiClient,
  defined,
  requireObject,
  requirePathSegment,
  resolveBaseUrl,
  withSafeDescription,
  type CallOptions,
  type TokenSource,
  type TransportOptions,
} from "@vendor-auth/core/internal";
import type { Client } from "openapi-fetch";
import type { CreateConnectionRequest } from "./generated/models.gen.js";
import type { paths } from "./generated/schema.gen.js";
import { defaultEnvironment, environments, type Environment } from "./generated/meta.gen.js";
import { operations, schemas, securitySchemes } from "./generated/operations.gen.js";
import { keepAliveError } from "./keep-alive.js";
import { createTokenHolder, type AccessTokenWire, type LaserficheSession, type LaserficheTokenHolder } from "./session.js";

export interface LaserficheClientOptions extends TransportOptions {
  /** The repository ID (e.g. "r-abc123"), the `repoId` path parameter of every operation. Required. */
  repoId: string;
  /** Base URL of the Repository API. Default: the URL of `environment`. Wins over `environment`. */
  baseUrl?: string | undefined;
  /**
   * Laserfiche Cloud region: "us" (`https://api.laserfiche.com/repository`), "ca"
   * (`https://api.laserfiche.ca/repository`) or "eu" (`https://api.eu.laserfiche.com/repository`).
   * Default: "us".
   */
  environment?: Environment | undefined;
  /** Username sent in the Create body. Default: none. Needs `password`. */
  username?: string | undefined;
  /**
   * Password sent in the Create body. Default: none. Needs `username`. Never appears in errors,
   * logs or serialised forms of the client.
   */
  password?: string | undefined;
  /** Session key sent in the Create body, instead of (or with) username/password. Default: none. Secret. */
  sessionKey?: string | undefined;
  /** SAML token sent in the Create body, instead of (or with) username/password. Default: none. Secret. */
  samlToken?: string | undefined;
  /**
   * An `authToken` you already hold, or a function returning the current one (a TokenSource): the
   * client's own token (`getAccessToken`, `authorizedFetch`, Refresh, Invalidate). A string seeds
   * the client's token (no Create until a 401 or `invalidateAccessToken()`; then Create with the
   * credentials, which are required). A function is the token source: it is asked when the client
   * has no token (first use, after a 401, at most once per `reauthIntervalMs`, or after
   * `invalidateAccessToken()`) and the client sends no Create for its own token; the credentials
   * are then optional (`openSession()` needs them). Never appears in errors or logs. Default: none.
   */
  accessToken?: TokenSource | undefined;
  /** Application name for the vendor's audit trail, sent in the Create body. Default: none. */
  applicationName?: string | undefined;
  /**
   * The Laserfiche Cloud account ID (9 or 10 digits, per the vendor guide), sent as the `customerId`
   * query parameter of Create. Default: not sent.
   */
  customerId?: string | undefined;
  /**
   * Sent as the `createCookie` query parameter of Create: `true` asks the server to also return the
   * token in a `Set-Cookie` header. Default: not sent (the server's default is false).
   */
  createCookie?: boolean | undefined;
}

export interface LaserficheClient extends LaserficheTokenHolder {
  /** The base URL requests go to. */
  readonly baseUrl: string;
  /** The repository ID of every request. */
  readonly repoId: string;
  /**
   * A new session with its own access token (created on first use, single flight), closed by
   * `invalidateAccessToken()`, `close()` or `await using`; the client's own token is unaffected.
   */
  openSession(): LaserficheSession;
  /** The underlying openapi-fetch client for the token operations (no auth middleware). */
  readonly http: Client<paths>;
}

const VENDOR = "laserfiche";

/**
 * The Laserfiche Repository API AccessTokens client for one repository: its own access token
 * (created once, bearer auth, keep-alive) and independent sessions (`openSession()`, `await using`).
 *
 * @example
 * ```ts
 * import { createLaserficheClient } from "@vendor-auth/laserfiche";
 *
 * const laserfiche = createLaserficheClient({ repoId: "r-abc123", username: "test-user", password: "test-password" });
 * const { authToken, expireTime } = await laserfiche.createAccessToken(); // authToken: string
 * await using session = laserfiche.openSession();
 * const entries = await session.authorizedFetch("/v1-alpha/Repositories/r-abc123/Entries/1");
 * ```
 */
export function createLaserficheClient(options: LaserficheClientOptions): LaserficheClient {
  requireObject("options", options);
  // One segment of every request path: "." or ".." would send the credentials to another path.
  const repoId = requirePathSegment("repoId", options.repoId);
  const held = checkTokenSource("accessToken", options.accessToken);
  // A token function replaces Create for the client's own token: credentials are needed only by sessions then.
  const body = createConnectionRequest(options, typeof held !== "function");
  const query = defined({ createCookie: options.createCookie, customerId: options.customerId });
  checkParameters(operations.createAccessToken, "query", query, schemas);
  const baseUrl = resolveBaseUrl({ baseUrl: options.baseUrl, environment: options.environment, environments, defaultEnvironment, allowInsecureHttp: options.allowInsecureHttp });
  const redactor = new Redactor().add(body.password, body.sessionKey, body.samlToken, typeof held === "string" ? held : undefined);
  const api = createApiClient<paths, typeof operations>({ ...options, vendor: VENDOR, baseUrl, redactor, operations, schemas, securitySchemes });
  const path = { repoId };
  // Refresh and Invalidate go with the holder's own token: a session's token is its identity.
  const withToken = (token: string, call?: CallOptions) => ({ ...call, credentials: { Authorization: token } });

  const wire: AccessTokenWire = {
    api,
    repoId,
    // The runtime's own fetch cannot send Keep-Alive (see keep-alive.ts); a caller's fetch may.
    canSendKeepAlive: options.fetch !== undefined && options.fetch !== globalThis.fetch,
    async create(call?: CallOptions) {
      // op() has checked the authToken the spec guarantees (response.requiredSecrets).
      const info = await api.op("createAccessToken", { params: { path, query }, body }, call);
      // Each token is a server session: redacted while it is open, then among the most recent (see session.ts).
      redactor.add(info.authToken);
      return info;
    },
    async refresh(token, header, call) {
      try {
        return await api.op("refreshAccessToken", { params: { path, ...(header ? { header: { "Keep-Alive": header.value } } : {}) } }, withToken(token, call));
      } catch (error) {
        throw header ? keepAliveError(header, "refreshAccessToken", error) : error;
      }
    },
    invalidate: (token, call) => api.op("invalidateAccessToken", { params: { path } }, withToken(token, call)),
    // With a tokenStore, the client token is one server session shared by every process on these credentials.
    shared: api.shareTokens([repoId, body, query]),
  };

  const own = createTokenHolder(wire, "reusable", held);
  const openSession = () => {
    // Sessions always Create their own token: with a token function, the credentials are checked here.
    if (typeof held === "function") createConnectionRequest(options, true);
    return createTokenHolder(wire, "session");
  };
  const client = Object.defineProperties(
    {
      baseUrl,
      repoId,
      openSession,
      http: api.http,
    },
    Object.getOwnPropertyDescriptors(own),
  ) as LaserficheClient;
  return withSafeDescription(client, "LaserficheClient", () => ({
    vendor: VENDOR,
    baseUrl,
    repoId,
    ...(body.username ? { username: body.username } : {}),
    ...(query.customerId === undefined ? {} : { customerId: query.customerId }),
    expiresAt: client.expiresAt?.toISOString(),
  }));
}

/** The Create body from the options, checked against the spec's CreateConnectionRequest and the vendor's credential rule (credentials `required`, or optional). */
function createConnectionRequest(options: LaserficheClientOptions, required: boolean): CreateConnectionRequest {
  const { username, password, sessionKey, samlToken, applicationName } = options;
  const body = defined({ username, password, sessionKey, samlToken, applicationName });
  checkSchema("", body, schemas.CreateConnectionRequest, schemas);
  // Which combinations authenticate is the vendor's rule, not the spec's (decision create-credentials).
  if (username !== undefined && password === undefined) throw new ValidationError("password", "is required with username");
  if (password !== undefined && username === undefined) throw new ValidationError("username", "is required with password");
  if (required && username === undefined && sessionKey === undefined && samlToken === undefined) {
    throw new ValidationError("username", "credentials are required: username and password, sessionKey or samlToken");
  }
  return body;
}
