// The first leg of 3-legged OAuth. `GET /oauth2/authorize` (seed get_authorization_code) is not a
// REST call: the user's browser opens it and is redirected back to `redirectUri` with `code` and
// `state`. So this module builds that URL from the operation's generated facts (its own server, its
// path, its query parameters and their defaults), never sends it, and checks the callback. What
// the spec cannot say: `state` is required (it is the CSRF protection), scopes are comma-delimited.
import { ValidationError, operationUrl, parseAuthorizationCallback as parseCallback, requireAbsoluteUrl, requireObject, requireString, resolveBaseUrl, type AuthorizationCallback } from "@vendor-auth/core/internal";
import type { operations } from "./generated/schema.gen.js";
import { REDIRECT_PROBLEM } from "./grants.js";
import { operations as facts, schemas } from "./generated/operations.gen.js";

export type { AuthorizationCallback };

/** Host of the authorize page: the getAuthorizationCode operation's first server in the spec (decision `authorize-server`). */
export const AUTHORIZE_BASE_URL: string = facts.getAuthorizationCode.servers[0];

type AuthorizeQuery = NonNullable<operations["getAuthorizationCode"]["parameters"]["query"]>;

/**
 * The query of the authorize URL as the spec names it (`clientId`, `redirectUri`, `responseType`,
 * which defaults to the spec's "code"), plus what the spec cannot say: `state` is required (an
 * unguessable value bound to the user's session, e.g. `crypto.randomUUID()`, the CSRF protection of
 * the flow; check it with `parseAuthorizationCallback`), and scopes may be given as a list.
 */
export type AuthorizationUrlParams = Omit<AuthorizeQuery, "clientId" | "redirectUri" | "state" | "scope"> & {
  clientId: string;
  redirectUri: string;
  state: string;
  /** Scopes, e.g. `["list_meetings", "user_info"]`; sent comma-delimited as `scope`. Default: the vendor's. */
  scope?: string | readonly string[];
  /** Host of the authorize page. Default: the spec's (`https://bluejeans.com`). */
  baseUrl?: string;
  /** Allow an `http://` `baseUrl` on a non-loopback host. Default: false. */
  allowInsecureHttp?: boolean;
};

/** The browser URL of `GET /oauth2/authorize` with the spec's query names, each percent-encoded. Sends nothing. */
export function buildAuthorizationUrl(params: AuthorizationUrlParams): string {
  const { clientId, redirectUri, state, scope, responseType, baseUrl, allowInsecureHttp } = requireObject("params", params) as unknown as AuthorizationUrlParams;
  requireAbsoluteUrl("redirectUri", redirectUri, REDIRECT_PROBLEM);
  const base = resolveBaseUrl({ baseUrl, environments: { spec: AUTHORIZE_BASE_URL }, defaultEnvironment: "spec", allowInsecureHttp });
  const query = { clientId: requireString("clientId", clientId), redirectUri, state: requireString("state", state), scope: scopeOf(scope), responseType };
  return operationUrl(facts.getAuthorizationCode, query, schemas, base);
}

function scopeOf(scope: AuthorizationUrlParams["scope"]): string | undefined {
  if (scope === undefined) return undefined;
  const list = typeof scope === "string" ? [scope] : scope;
  if (!Array.isArray(list) || list.length === 0) throw new ValidationError("scope", "must be a non-empty string or array of strings");
  return list.map((item, index) => requireString(`scope[${index}]`, item).trim()).join(",");
}

/**
 * Reads the redirect back to your `redirectUri`: checks that `state` is the one you sent (CSRF) and
 * returns the `code` (valid for 30 seconds: exchange it at once with `getTokenByCode`). Throws
 * ValidationError on a state mismatch or a missing code, and VendorAuthError when the user declined.
 */
export function parseAuthorizationCallback(callbackUrl: string | URL, expectedState: string): AuthorizationCallback {
  return parseCallback(callbackUrl, expectedState, { vendor: "bluejeans", operation: "getAuthorizationCode" });
}
