// The generated typescript-fetch SDK (`./sdk`) on core's transport: `fetchApi` for its
// Configuration that runs every request as the spec operation it is (matched by method and path),
// with the same deadlines, retries (only what is safe to repeat), typed errors, body limits,
// redirect policy and redaction as the helper layer. The SDK keeps its vendor-named class API.
import { createApiClient } from "./api-client.js";
import { resolveBaseUrl } from "./base-url.js";
import type { FetchInput } from "./bearer.js";
import type { OperationTable } from "./operation.js";
import type { TransportOptions } from "./options.js";
import { Redactor } from "./redact.js";

export interface SdkConfigurationOptions<Env extends string = string> extends TransportOptions {
  /** Base URL of the API. Default: the URL of `environment`. Wins over `environment`. */
  baseUrl?: string | undefined;
  /** Named server from the spec. Default: the spec's first. */
  environment?: Env | undefined;
  /** Credentials you give the SDK (its `accessToken`, `apiKey`, a password): redacted from every error. */
  secrets?: readonly string[] | undefined;
}

export interface SdkFacts<Env extends string> {
  vendor: string;
  operations: OperationTable;
  environments: Readonly<Record<Env, string>>;
  defaultEnvironment: Env | null;
}

/** The part of typescript-fetch's `Middleware` this module uses (structurally the same type). */
export interface SdkErrorMiddleware {
  onError(context: { error: unknown; response?: Response | undefined }): Promise<Response | undefined>;
}

/**
 * `basePath`, `fetchApi` and a middleware for a typescript-fetch `Configuration` (see the file
 * header). The middleware hands the typed error on as it is (typescript-fetch would wrap it in a
 * `FetchError`), unless a middleware before it answered with a response.
 */
export function sdkConfigurationParameters<Env extends string>(
  facts: SdkFacts<Env>,
  options: SdkConfigurationOptions<Env> = {},
): { basePath: string; fetchApi: typeof globalThis.fetch; middleware: SdkErrorMiddleware[] } {
  const { baseUrl: explicit, environment, secrets, ...transport } = options;
  const baseUrl = resolveBaseUrl({ baseUrl: explicit, environment, environments: facts.environments, defaultEnvironment: (facts.defaultEnvironment ?? Object.keys(facts.environments)[0]) as Env, allowInsecureHttp: options.allowInsecureHttp });
  const api = createApiClient({ ...transport, vendor: facts.vendor, baseUrl, redactor: new Redactor().add(...(secrets ?? [])), operations: facts.operations });
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, "");
  const routes = Object.entries(facts.operations).map(([operation, op]) => ({
    operation,
    method: op.method,
    pattern: new RegExp(`^${op.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`),
  }));
  const fetchApi = (async (input: FetchInput, init?: RequestInit) => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname.slice(basePath.length);
    const route = routes.find((candidate) => candidate.method === request.method && candidate.pattern.test(path));
    // A request of no operation of the spec is sent as one that is not safe to repeat.
    return api.send(route?.operation ?? `${request.method} ${path}`, request, { signal: init?.signal ?? undefined });
  }) as typeof globalThis.fetch;
  const typedErrors: SdkErrorMiddleware = {
    async onError({ error, response }) {
      if (response) return response;
      throw error;
    },
  };
  return { basePath: baseUrl, fetchApi, middleware: [typedErrors] };
}
