// The first leg of 3-legged OAuth. `GET /oauth2/authorize` (seed get_authorization_code) is not a
// REST call: the user's browser opens it and is redirected back to `redirectUri` with `code` and
// `state`. So this module builds that URL (never sends it) and checks the callback.
import { ValidationError, VendorAuthError, requireString, resolveBaseUrl } from "@vendor-auth/core/internal";
import { isAbsoluteUrl } from "./grants.js";

/**
 * Host of the authorize URL: the first `servers` entry of the getAuthorizationCode operation in
 * specs/bluejeans.yaml (decision `authorize-server`; the vendor says to use `bluejeans.com`, not `api.`).
 */
export const AUTHORIZE_BASE_URL = "https://bluejeans.com";
/** Path of the authorize operation in the spec. */
export const AUTHORIZE_PATH = "/oauth2/authorize";

export interface AuthorizationUrlParams {
  /** The client application's `clientId` (wire name `clientId`). Required. */
  clientId: string;
  /** Where the browser returns with `code` and `state` (wire name `redirectUri`); must be registered with the application. Required. */
  redirectUri: string;
  /**
   * An unguessable value bound to the user's session (e.g. `crypto.randomUUID()`), returned unchanged
   * in the redirect. Required: it is the CSRF protection of the flow; check it with `parseAuthorizationCallback`.
   */
  state: string;
  /** Scopes, e.g. `["list_meetings", "modify_meetings", "user_info"]`; sent comma-delimited as `scope`. Default: none (the vendor's default). */
  scope?: string | readonly string[];
  /** Wire name `responseType`. Default: "code" (the spec's default, always sent). */
  responseType?: string;
  /** Host of the authorize page. Default: "https://bluejeans.com". */
  baseUrl?: string;
  /** Allow an `http://` `baseUrl` on a non-loopback host. Default: false. */
  allowInsecureHttp?: boolean;
}

/**
 * The browser URL of `GET /oauth2/authorize` with the spec's exact query names
 * (`clientId`, `redirectUri`, `state`, `scope`, `responseType`), each percent-encoded. Sends nothing.
 */
export function buildAuthorizationUrl(params: AuthorizationUrlParams): string {
  if (!params || typeof params !== "object") throw new ValidationError("params", "must be an object");
  const clientId = requireString("clientId", params.clientId);
  const redirectUri = requireString("redirectUri", params.redirectUri);
  if (!isAbsoluteUrl(redirectUri)) throw new ValidationError("redirectUri", "must be an absolute URL registered with the client application");
  const state = requireString("state", params.state);
  const scope = scopeOf(params.scope);
  const responseType = params.responseType === undefined ? "code" : requireString("responseType", params.responseType);
  const base = resolveBaseUrl({
    baseUrl: params.baseUrl,
    environments: { production: AUTHORIZE_BASE_URL },
    defaultEnvironment: "production",
    allowInsecureHttp: params.allowInsecureHttp,
  });
  const query: Array<[string, string | undefined]> = [
    ["clientId", clientId],
    ["redirectUri", redirectUri],
    ["state", state],
    ["scope", scope],
    ["responseType", responseType],
  ];
  const search = query
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join("&");
  return `${base}${AUTHORIZE_PATH}?${search}`;
}

function scopeOf(scope: AuthorizationUrlParams["scope"]): string | undefined {
  if (scope === undefined) return undefined;
  const list = typeof scope === "string" ? [scope] : scope;
  if (!Array.isArray(list) || list.length === 0) throw new ValidationError("scope", "must be a non-empty string or array of strings");
  return list.map((item, index) => requireString(`scope[${index}]`, item).trim()).join(",");
}

export interface AuthorizationCallback {
  /** The authorization code: exchange it at once with `getTokenByCode` (valid for 30 seconds). */
  code: string;
  state: string;
}

/**
 * Reads the redirect back to your `redirectUri`: checks that `state` is the one you sent (CSRF) and
 * returns the `code`. Throws ValidationError on a state mismatch or a missing code, and
 * VendorAuthError when the user declined (`error` in the callback).
 */
export function parseAuthorizationCallback(callbackUrl: string | URL, expectedState: string): AuthorizationCallback {
  const expected = requireString("expectedState", expectedState);
  let url: URL;
  try {
    url = new URL(callbackUrl, "http://callback.invalid/");
  } catch {
    throw new ValidationError("callbackUrl", "is not a URL");
  }
  const params = url.searchParams;
  const error = params.get("error");
  if (error !== null) {
    throw new VendorAuthError(`Authorization was not granted (error=${error.slice(0, 100)})`, { vendor: "bluejeans", operation: "getAuthorizationCode" });
  }
  const state = params.get("state");
  if (state !== expected) throw new ValidationError("state", "does not match the state sent in the authorization URL (possible CSRF)");
  const code = params.get("code");
  if (!code) throw new ValidationError("code", "is missing from the callback URL");
  return { code, state };
}
