// The __TITLE__ helper client, as `pnpm new-vendor` scaffolds it: every operation of
// specs/__VENDOR__.yaml through `op(operationId, input)`, with the facts of the generated code (paths,
// methods, parameter and body checks, secrets, idempotency, error classes). Add here only what the
// spec cannot state (credentials, a token cache, named methods): see the other vendor packages.
import { Redactor, createApiClient, requireObject, resolveBaseUrl, type ApiClient, type TransportOptions } from "@vendor-auth/core/internal";
import type { paths } from "./generated/schema.gen.js";
import { defaultEnvironment, environments, type Environment } from "./generated/meta.gen.js";
import { operations, schemas, securitySchemes } from "./generated/operations.gen.js";

export interface __TITLE__ClientOptions extends TransportOptions {
  /** Base URL of the API. Default: the URL of `environment`. Wins over `environment`. */
  baseUrl?: string;
  /** Named server from the spec. Default: the spec's first named server. */
  environment?: Environment;
}

export interface __TITLE__Client {
  /** The base URL every request goes to. */
  readonly baseUrl: string;
  /** Calls an operation of the spec by its operationId; the input is checked against the spec before anything is sent. */
  readonly op: ApiClient<paths, typeof operations>["op"];
}

const VENDOR = "__VENDOR__";

/**
 * A client for the __API_TITLE__.
 *
 * @example
 * const client = create__TITLE__Client({ environment: defaultEnvironment });
 */
export function create__TITLE__Client(options: __TITLE__ClientOptions = {}): __TITLE__Client {
  requireObject("options", options);
  const baseUrl = resolveBaseUrl({ baseUrl: options.baseUrl, environment: options.environment, environments, defaultEnvironment, allowInsecureHttp: options.allowInsecureHttp });
  const api = createApiClient<paths, typeof operations>({ ...options, vendor: VENDOR, baseUrl, redactor: new Redactor(), operations, schemas, securitySchemes });
  return { baseUrl, op: api.op };
}
