// OAuth 2.0 (RFC 6749) pieces that do not depend on a vendor.
import { ValidationError, VendorAuthError } from "./errors.js";
import { requireString } from "./validate.js";

export interface AuthorizationCallback {
  /** The authorization code: exchange it at once (codes are short-lived and single-use). */
  code: string;
  state: string;
}

/**
 * Reads the redirect back to the client's redirect URI (RFC 6749 §4.1.2): checks that `state` is
 * the one sent (CSRF) and returns the `code`. Throws ValidationError on a state mismatch or a
 * missing code, and VendorAuthError when the user declined (`error` in the callback).
 */
export function parseAuthorizationCallback(callbackUrl: string | URL, expectedState: string, fields: { vendor: string; operation: string }): AuthorizationCallback {
  const expected = requireString("expectedState", expectedState);
  let url: URL;
  try {
    url = new URL(callbackUrl, "http://callback.invalid/");
  } catch {
    throw new ValidationError("callbackUrl", "is not a URL");
  }
  const error = url.searchParams.get("error");
  if (error !== null) throw new VendorAuthError(`Authorization was not granted (error=${error.slice(0, 100)})`, fields);
  const state = url.searchParams.get("state");
  if (state !== expected) throw new ValidationError("state", "does not match the state sent in the authorization URL (possible CSRF)");
  const code = url.searchParams.get("code");
  if (!code) throw new ValidationError("code", "is missing from the callback URL");
  return { code, state };
}
