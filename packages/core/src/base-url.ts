// Base-URL handling shared by every client: pick the URL from `baseUrl` or a named environment,
// check it is an absolute http(s) URL, and refuse plain http to anything but loopback unless the
// caller opts in (credentials would otherwise cross the network in clear text).
import { ValidationError } from "./errors.js";

export interface BaseUrlOptions<Env extends string> {
  /** An explicit base URL; wins over `environment`. */
  baseUrl?: string | undefined;
  /** A named environment from `environments`. */
  environment?: Env | undefined;
  environments: Readonly<Record<Env, string>>;
  defaultEnvironment: Env;
  /** Allow `http://` to non-loopback hosts. Default false. */
  allowInsecureHttp?: boolean | undefined;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname) || hostname.endsWith(".localhost");
}

/** Returns the validated base URL without a trailing slash. Throws ValidationError. */
export function resolveBaseUrl<Env extends string>(options: BaseUrlOptions<Env>): string {
  let raw: string | undefined = options.baseUrl;
  let field = "baseUrl";
  if (raw === undefined) {
    const environment = options.environment ?? options.defaultEnvironment;
    raw = options.environments[environment];
    field = "environment";
    if (raw === undefined) {
      const known = Object.keys(options.environments).join(", ");
      throw new ValidationError("environment", `"${String(environment)}" is not one of: ${known}`);
    }
  }
  return checkServerUrl(field, raw, options.allowInsecureHttp === true);
}

/**
 * A server URL (a base URL, an issuer's): absolute http(s), no credentials, query or fragment, and
 * https unless loopback or `allowInsecureHttp`. Returns it without a trailing slash; a
 * ValidationError names `field`.
 */
export function checkServerUrl(field: string, raw: string, allowInsecureHttp: boolean): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ValidationError(field, `"${raw}" is not an absolute URL`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ValidationError(field, `protocol ${url.protocol} is not supported (use https:)`);
  }
  if (url.username || url.password) {
    throw new ValidationError(field, "must not contain credentials (user:password@)");
  }
  if (url.search || url.hash) {
    throw new ValidationError(field, "must not contain a query string or fragment");
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname) && !allowInsecureHttp) {
    throw new ValidationError(field, `refusing plain http to ${url.host}: credentials would travel unencrypted (set allowInsecureHttp: true to override)`);
  }
  return url.href.replace(/\/+$/, "");
}
