// The transport every vendor helper layer runs on: an openapi-fetch client typed by the vendor's
// generated `paths`, plus `call()`, which runs one operation (with retries where they are safe and a
// deadline per attempt) and turns every outcome into either the typed success body or one error of
// the hierarchy in errors.ts.
//
// Boundaries the transport keeps:
//   - redirects are never followed (`redirect: "manual"`): a 3xx is a RedirectError, so a request
//     carrying a client secret, a password or a token is never re-sent to another origin;
//   - only a failure of fetch itself (or a body that ends early) is a ConnectionError, the one
//     network failure class that is retried; a request that cannot even be built (an invalid header
//     value, a body that does not serialise) is a ValidationError, sent nowhere, never retried;
//   - everything an error keeps (message, body, headers, URL, content type, reason phrase, cause)
//     is redacted first;
//   - the response handed to openapi-fetch and its middleware is a real Response over the buffered
//     body (read within the deadline and the size limit), so `clone()`, `text()` and `json()` work.
//
// `op(operationId, input, options)` runs an operation from its generated facts alone (method,
// path, parameters, body constraints, security, secrets, idempotency): see operation.ts.
import createClientImport, { type Client, type FetchResponse, type MaybeOptionalInit, type Middleware } from "openapi-fetch";
import {
  AbortError,
  ApiError,
  AuthenticationError,
  ConnectionError,
  RedirectError,
  ResponseParseError,
  TimeoutError,
  ValidationError,
  VendorAuthError,
  createApiError,
  requireResponseString,
} from "./errors.js";
import { requireString } from "./validate.js";
import { requireResponseFields, type GuaranteedFields } from "./required-fields.js";
import { checkOperationInput, valuesAt, type OperationFacts, type OperationInput, type OperationTable, type SchemaTable, type SecuritySchemeFacts } from "./operation.js";
import type { AcquiredToken, CachedToken, TokenLease } from "./token-cache.js";
import type { SharedTokens } from "./shared-tokens.js";
import { SHARED_LEVEL, type DefinedTokenStore } from "./token-store.js";
import { createDeadline } from "./deadline.js";
import type { Redactor } from "./redact.js";
import { DEFAULT_MAX_RETRIES, RETRYABLE_STATUSES, parseRetryAfter, retryDelay, sleep, DEFAULT_MAX_RETRY_AFTER_MS } from "./retry.js";
import { loggingMiddleware, type ClientEvent } from "./events.js";
import { BodyNotUtf8Error, BodyTooLargeError, DEFAULT_MAX_RESPONSE_BYTES, readBodyText } from "./read-body.js";
import { BufferedResponse, WireRequest, invalidUrl } from "./wire.js";
import { DEFAULT_TIMEOUT_MS, checkCallOptions, checkTransportOptions, type CallOptions, type TransportOptions } from "./options.js";

export interface ApiClientConfig<Ops extends OperationTable = OperationTable> extends TransportOptions {
  /** Short vendor name carried by errors, e.g. "unicourt". */
  vendor: string;
  /** Validated base URL (see resolveBaseUrl). */
  baseUrl: string;
  redactor: Redactor;
  /** The spec's operations (operations.gen.ts); operations missing here are never retried. */
  operations?: Ops | undefined;
  /** The constraint schemas the operations refer to (operations.gen.ts). */
  schemas?: SchemaTable | undefined;
  /** The spec's security schemes (operations.gen.ts). */
  securitySchemes?: Readonly<Record<string, SecuritySchemeFacts>> | undefined;
  /**
   * The credential of each security scheme for `op()`: a token source (re-authenticated once after
   * a 401, bounded). A call may pass its own in `options.credentials` instead.
   */
  auth?: Readonly<Partial<Record<string, TokenLease>>> | undefined;
  /** The client option that supplies each scheme's credential, for the error when none is given. */
  credentialOptions?: Readonly<Record<string, string>> | undefined;
  /** Response headers that carry the vendor's request id. Default: x-request-id, request-id, x-correlation-id. */
  requestIdHeaders?: readonly string[] | undefined;
}

/** What openapi-fetch resolves to, reduced to the parts `call()` reads. */
type FetchResult = { data?: unknown; error?: unknown; response: Response };
/** The success body type of an openapi-fetch result. */
export type SuccessData<R> = R extends { data: infer D; error?: never } ? D : never;

/** What `call()` hands the operation: spread it into the openapi-fetch call's options. */
export interface InvokeInit {
  signal: AbortSignal;
  middleware?: Middleware[];
  /**
   * openapi-fetch's request class for this call: the transport's WireRequest (see wire.ts) when no
   * middleware of the caller's (`http.use`) will see the request, so fetch builds it only once.
   */
  Request?: typeof Request;
}

/** Options of one `op()` call: the call options, plus credentials for this call only. */
export interface OperationCallOptions extends CallOptions {
  /** The access token of this call, for the operation's security scheme, instead of the client's. */
  accessToken?: string | undefined;
  /** A credential per security scheme name (e.g. `{ bearerAuth: token }`), used instead of the client's. */
  credentials?: Readonly<Partial<Record<string, string>>> | undefined;
}

type Lower<M> = Lowercase<M & string>;
type PathItem<Paths, F> = F extends { readonly path: infer P } ? (P extends keyof Paths ? Paths[P] : never) : never;
type MethodOf<F> = F extends { readonly method: infer M } ? Lower<M> : never;
/** The input of an operation: what openapi-fetch's method for its path takes (`params`, `body`). */
export type OperationInit<Paths, F> = MaybeOptionalInit<PathItem<Paths, F>, MethodOf<F> & keyof PathItem<Paths, F>>;
/** The success body of an operation. */
type OperationObject<Paths, F> = PathItem<Paths, F>[MethodOf<F> & keyof PathItem<Paths, F>];
export type OperationData<Paths, F> = OperationObject<Paths, F> extends Record<string | number, any> ? SuccessData<FetchResponse<OperationObject<Paths, F>, {}, `${string}/${string}`>> : never;
/** `op(id, input?, options?)` when the input is optional, `op(id, input, options?)` when it is not. */
export type OperationArgs<Paths, F> = undefined extends OperationInit<Paths, F> ? [input?: OperationInit<Paths, F>, options?: OperationCallOptions] : [input: OperationInit<Paths, F>, options?: OperationCallOptions];

export interface ApiClient<Paths extends {}, Ops extends OperationTable = OperationTable> {
  /** The openapi-fetch client, already wired to this client's transport. */
  readonly http: Client<Paths>;
  /** The transport as a plain fetch: bodies are buffered and checked; errors are typed. */
  readonly fetch: (request: Request) => Promise<Response>;
  readonly redactor: Redactor;
  readonly vendor: string;
  /** The checked transport options the client was created with, and its base URL. */
  readonly options: Readonly<TransportOptions & { baseUrl: string }>;
  /**
   * Runs one operation. `invoke` gets the options to spread into openapi-fetch. Resolves with the
   * success body; rejects with ApiError (non-2xx, RedirectError for 3xx), TimeoutError, AbortError,
   * ConnectionError, ResponseParseError or ValidationError. Safe operations are retried after
   * transient failures.
   */
  call<R extends FetchResult>(operation: string & keyof Ops, invoke: (init: InvokeInit) => Promise<R>, options?: CallOptions): Promise<SuccessData<R>>;
  /**
   * Runs an operation from its generated facts: checks the input against the spec's constraints
   * (ValidationError before anything is sent), applies the operation's security (the client's
   * token sources, re-authenticated once after a 401, or `options.credentials`), redacts the
   * secrets it sends while it runs and remembers the ones it receives, retries only what is safe to
   * repeat. Resolves with the typed success body.
   */
  op<Id extends string & keyof Ops>(operation: Id, ...args: OperationArgs<Paths, Ops[Id]>): Promise<OperationData<Paths, Ops[Id]> & GuaranteedFields<Ops[Id]>>;
  /**
   * Runs a request built elsewhere (the generated SDK) as `operation`, with the same attempts,
   * deadlines, retries and typed errors; resolves with the buffered response (2xx only).
   */
  send(operation: string, request: Request, options?: CallOptions): Promise<Response>;
  /** Sends a client event to the configured logger (no-op without one). */
  emit(event: ClientEvent): void;
  /**
   * The `shared` option of a TokenCache when the client was given a `tokenStore`, else undefined.
   * `identity`: what tells this credential apart (client id and secret, the grant, ...): hashed
   * with the vendor, the base URL and `tokenStoreKey` into the store key, never stored.
   */
  shareTokens<T extends CachedToken>(identity: readonly unknown[], operation?: string): SharedTokens<T> | undefined;
}

// openapi-fetch's CJS build sets `exports.default`; esbuild's Node-mode interop in our CJS build
// hands us the whole exports object instead, so take `.default` when it is there.
const createClient = ((createClientImport as unknown as { default?: typeof createClientImport }).default ?? createClientImport) as typeof createClientImport;

const NO_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const JSON_CONTENT_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;
const EXCERPT_LENGTH = 200;
const DEFAULT_REQUEST_ID_HEADERS = ["x-request-id", "request-id", "x-correlation-id"];

/** Marks a rejection of fetch itself, as opposed to a failure while building the request. */
class FetchFailed extends Error {
  override name = "FetchFailed";
}

export function createApiClient<Paths extends {}, Ops extends OperationTable = OperationTable>(config: ApiClientConfig<Ops>): ApiClient<Paths, Ops> {
  checkTransportOptions(config);
  const { vendor, redactor } = config;
  const baseFetch = config.fetch ?? globalThis.fetch;
  if (typeof baseFetch !== "function") {
    throw new ValidationError("fetch", "no fetch implementation: pass `fetch` in the client options (Node 18+ has one built in)");
  }
  const logger = config.logger;
  const maxResponseBytes = config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const maxRetryAfterMs = config.retry?.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  const emit = (event: ClientEvent) => {
    if (!logger) return;
    try {
      logger(event);
    } catch {
      // A failing logger must never fail the request it describes.
    }
  };

  /**
   * Sends the request and reads the whole body while the attempt's deadline still applies, checks
   * that a success body is the JSON it claims to be, and lets openapi-fetch read the buffered text
   * and parsed JSON.
   */
  async function transport(request: Request | WireRequest): Promise<Response> {
    let response: Response;
    try {
      // `.call(globalThis, …)`: some runtimes' fetch throws "Illegal invocation" when detached.
      response = await (request instanceof WireRequest ? baseFetch.call(globalThis, request.url, request.init) : baseFetch.call(globalThis, request));
    } catch (cause) {
      // Not a network failure: a request that could not be built (see WireRequest).
      throw (request instanceof WireRequest && invalidUrl(request)) || new FetchFailed("fetch failed", { cause });
    }
    if (NO_BODY_STATUSES.has(response.status) || request.method === "HEAD" || response.type === "opaqueredirect") return response;
    let text: string;
    try {
      text = await readBodyText(response, maxResponseBytes);
    } catch (cause) {
      if (request.signal?.aborted) throw cause;
      if (cause instanceof BodyTooLargeError || cause instanceof BodyNotUtf8Error) {
        throw new ResponseParseError(`${cause.message} (HTTP ${response.status})`, { vendor, status: response.status, contentType: redactedHeader(response, "content-type"), excerpt: "", cause });
      }
      // A body that ends early is one failure class, whatever the socket saw (a reset, or a peer that
      // closed before Content-Length was reached): the response is incomplete, and a safe operation
      // may be repeated.
      throw new ConnectionError(`The response body ended early (HTTP ${response.status}): the connection failed before the body was complete`, {
        vendor,
        status: response.status,
        cause: redactor.error(cause),
      });
    }
    let parsed: { value: unknown } | undefined;
    if (response.ok && text.length > 0) {
      // The content type is redacted only for an error: a success never pays for it.
      const contentType = response.headers.get("content-type");
      if (contentType !== null && !JSON_CONTENT_TYPE.test(contentType)) {
        const shown = redactedHeader(response, "content-type") ?? "";
        throw new ResponseParseError(`Expected a JSON response, got content type "${shown.slice(0, 100)}" (HTTP ${response.status})`, {
          vendor,
          status: response.status,
          contentType: shown,
          excerpt: redactor.excerpt(text, EXCERPT_LENGTH),
        });
      }
      try {
        // Parsed once: openapi-fetch's `response.json()` gets this value (see BufferedResponse).
        parsed = { value: JSON.parse(text) };
      } catch {
        throw new ResponseParseError(`Malformed JSON in the response body (HTTP ${response.status}, ${text.length} characters)`, {
          vendor,
          status: response.status,
          contentType: redactedHeader(response, "content-type"),
          excerpt: redactor.excerpt(text, EXCERPT_LENGTH),
        });
      }
    }
    return new BufferedResponse(response, text, parsed);
  }

  function redactedHeader(response: Response, name: string): string | undefined {
    const value = response.headers.get(name);
    return value === null ? undefined : redactor.string(value);
  }

  // `redirect: "manual"`: a 3xx reaches call() as a response, never as a request to the Location.
  const openapi = createClient<Paths>({ baseUrl: config.baseUrl, fetch: transport as (request: Request) => Promise<Response>, headers: config.headers, redirect: "manual" });
  // The caller's middleware on `http`: while there is none, nothing but the transport sees the
  // request of an operation, and openapi-fetch may build it as a WireRequest.
  const callerMiddleware: Middleware[] = [];
  const http: Client<Paths> = {
    ...openapi,
    use(...middleware) {
      openapi.use(...middleware);
      for (const m of middleware) if (m) callerMiddleware.push(m);
    },
    eject(...middleware) {
      openapi.eject(...middleware);
      for (const m of middleware) {
        const index = callerMiddleware.indexOf(m);
        if (index !== -1) callerMiddleware.splice(index, 1);
      }
    },
  };
  const requestIdHeaders = (config.requestIdHeaders ?? DEFAULT_REQUEST_ID_HEADERS).map((h) => h.toLowerCase());

  function toApiError(operation: string, result: FetchResult, facts: OperationFacts | undefined): ApiError {
    const { response } = result;
    const headers = redactor.headers(response.headers);
    const fields = {
      vendor,
      operation,
      status: response.status,
      body: redactor.value(result.error),
      headers,
      requestId: requestIdHeaders.map((h) => headers[h]).find(Boolean),
      url: redactor.url(response.url),
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
    };
    if (isRedirect(response)) {
      const targetOrigin = redactor.origin(response.headers.get("location"), response.url || config.baseUrl);
      const status = response.type === "opaqueredirect" ? "a redirect" : `HTTP ${response.status} redirect`;
      return new RedirectError(
        `${operation}: ${status}${targetOrigin ? ` to ${targetOrigin}` : ""} refused: the client never follows redirects on its own operations (the request carries credentials); check the base URL`,
        { ...fields, targetOrigin },
      );
    }
    const statusText = redactor.string(response.statusText).slice(0, 100);
    return createApiError({ ...fields, statusText, documented: documentedMeaning(facts?.errors[String(response.status)]?.description, statusText) });
  }

  /** One attempt: a fresh deadline, the typed result or one error of the hierarchy. */
  async function attempt<R extends FetchResult>(operation: string, number: number, invoke: (init: InvokeInit) => Promise<R>, options: CallOptions, timeoutMs: number): Promise<R> {
    const deadline = createDeadline(timeoutMs, options.signal);
    try {
      if (deadline.abortedByCaller) throw new AbortError({ vendor, operation, cause: deadline.callerReason });
      const init: InvokeInit = { signal: deadline.signal };
      // Our logging middleware reads only what a WireRequest has (method, URL, headers).
      if (callerMiddleware.length === 0) init.Request = WireRequest as unknown as typeof Request;
      if (logger) init.middleware = [loggingMiddleware(emit, redactor, operation, number)];
      const result = await invoke(init);
      if (!result.response.ok) throw toApiError(operation, result, config.operations?.[operation] as OperationFacts | undefined);
      const facts = config.operations?.[operation] as OperationFacts | undefined;
      if (result.data === undefined && facts?.response.body) {
        throw new ResponseParseError(`Empty response (HTTP ${result.response.status}) where the spec promises a JSON body`, {
          vendor,
          operation,
          status: result.response.status,
          contentType: redactedHeader(result.response, "content-type"),
          excerpt: "",
        });
      }
      const expected = facts?.response.type;
      if (expected && result.data !== undefined && jsonType(result.data) !== expected && !(expected === "number" && jsonType(result.data) === "integer")) {
        throw new ResponseParseError(`Expected a JSON ${expected} in the response (HTTP ${result.response.status}), got ${jsonType(result.data)}`, {
          vendor,
          operation,
          status: result.response.status,
          contentType: redactedHeader(result.response, "content-type"),
          excerpt: redactor.excerpt(JSON.stringify(result.data) ?? "", EXCERPT_LENGTH),
        });
      }
      return result;
    } catch (error) {
      if (error instanceof VendorAuthError) {
        error.operation ??= operation;
        throw error;
      }
      if (deadline.timedOut) throw new TimeoutError(timeoutMs, { vendor, operation });
      if (deadline.abortedByCaller) throw new AbortError({ vendor, operation, cause: deadline.callerReason });
      if (error instanceof FetchFailed) {
        throw new ConnectionError(redactor.string(`${operation}: connection failed (${describeNetworkError(error.cause)})`), { vendor, operation, cause: redactor.error(error.cause) });
      }
      // Nothing was sent: the request could not be built (an invalid header value, a body that
      // does not serialise, a throwing middleware). Not a network failure, and never retried.
      const reason = error instanceof Error ? error.message : String(error);
      throw new ValidationError("request", redactor.string(`could not be built, nothing was sent (${reason.slice(0, 200)})`), { vendor, operation, cause: redactor.error(error) });
    } finally {
      deadline.dispose();
    }
  }

  async function call<R extends FetchResult>(operation: string, invoke: (init: InvokeInit) => Promise<R>, callOptions?: CallOptions): Promise<SuccessData<R>> {
    return (await attempts(operation, invoke, callOptions)).data as SuccessData<R>;
  }

  /** The attempts of one operation: retries where they are safe, one error of the hierarchy otherwise. */
  async function attempts<R extends FetchResult>(operation: string, invoke: (init: InvokeInit) => Promise<R>, callOptions?: CallOptions): Promise<R> {
    const options = checkCallOptions(callOptions) ?? {};
    const timeoutMs = options.timeoutMs ?? config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const safeToRepeat = config.operations?.[operation]?.idempotent === true;
    const maxRetries = safeToRepeat ? (options.maxRetries ?? config.maxRetries ?? DEFAULT_MAX_RETRIES) : 0;
    for (let retry = 0; ; retry++) {
      try {
        return await attempt(operation, retry + 1, invoke, options, timeoutMs);
      } catch (error) {
        // A server that asks for a longer wait than the client accepts is answered at once, with
        // the wait it asked for (`retryAfterMs`), rather than after a capped wait it did not ask for.
        const tooLong = error instanceof ApiError && error.retryAfterMs !== undefined && error.retryAfterMs > maxRetryAfterMs;
        if (retry >= maxRetries || !isTransient(error) || tooLong) {
          emit({ type: "error", operation, attempt: retry + 1, error: (error as VendorAuthError).toJSON?.() ?? { name: String(error) } });
          throw error;
        }
        const retryAfter = error instanceof ApiError ? error.headers["retry-after"] : undefined;
        const delayMs = retryDelay(retry, config.retry, retryAfter);
        emit({ type: "retry", operation, attempt: retry + 1, delayMs, reason: (error as Error).name, status: (error as { status?: number }).status });
        try {
          await sleep(delayMs, options.signal);
        } catch {
          throw new AbortError({ vendor, operation, cause: options.signal?.reason });
        }
      }
    }
  }

  /**
   * A request built elsewhere (the generated typescript-fetch SDK), run as `operation` with the
   * same attempts, deadlines, retries and typed errors; resolves with the buffered response.
   */
  async function send(operation: string, request: Request, callOptions?: CallOptions): Promise<Response> {
    // Buffered once, so that every attempt can send it again.
    const body = request.body === null ? undefined : await request.arrayBuffer();
    const result = await attempts(
      operation,
      async (init) => {
        const response = await transport(new WireRequest(request.url, { method: request.method, headers: request.headers, body: body ?? null, signal: init.signal, redirect: "manual" }));
        const text = response.type === "opaqueredirect" ? "" : await response.clone().text();
        let parsed: unknown = text || undefined;
        try {
          if (text) parsed = JSON.parse(text);
        } catch {
          // Not JSON: the text itself (an error body of a proxy, say).
        }
        return response.ok ? { data: parsed, response } : { error: parsed, response };
      },
      callOptions,
    );
    return result.response;
  }

  const schemes = config.securitySchemes ?? {};

  /** The credential of the first security alternative the call can satisfy; undefined when none is needed. */
  function credentialFor(operation: string, facts: OperationFacts, options: OperationCallOptions): { scheme: string; value?: string; lease?: TokenLease } | undefined {
    if (facts.security.length === 0 || facts.security.some((alternative) => alternative.length === 0 && facts.security.length === 1)) return undefined;
    for (const alternative of facts.security) {
      if (alternative.length === 0) continue;
      // One credential per alternative is what these APIs use; an alternative of several is not supported.
      const scheme = alternative[0]!;
      const value = options.credentials?.[scheme] ?? (options.accessToken === undefined ? undefined : requireString("accessToken", options.accessToken));
      if (value !== undefined) return { scheme, value };
      // An optional credential (`security: [{}, {scheme: []}]`) goes only when the call passes it.
      const lease = facts.security.some((other) => other.length === 0) ? undefined : config.auth?.[scheme];
      if (lease) return { scheme, lease };
    }
    // An alternative without credentials (`security: [{}, {scheme: []}]`): send none.
    if (facts.security.some((alternative) => alternative.length === 0)) return undefined;
    const names = facts.security.map((alternative) => config.credentialOptions?.[alternative[0]!] ?? alternative[0]);
    throw new ValidationError(names[0]!, `is required for ${operation}: pass it in the client options or in the call options`, { vendor, operation });
  }

  /** The input with the credential placed where its scheme says (header, query). */
  function withCredential(input: OperationInput, scheme: string, token: string): OperationInput {
    const facts = schemes[scheme] as { type: string; in?: string; name?: string; scheme?: string } | undefined;
    if (facts?.type === "apiKey" && facts.in === "query" && facts.name) {
      return { ...input, params: { ...input.params, query: { ...input.params?.query, [facts.name]: token } } };
    }
    const header = facts?.type === "apiKey" && facts.name ? facts.name : "Authorization";
    const value = facts?.type === "apiKey" ? token : `${facts?.scheme === "basic" ? "Basic" : "Bearer"} ${token}`;
    return { ...input, headers: { ...(input["headers"] as Record<string, string> | undefined), [header]: value } };
  }

  async function op(operation: string, input?: unknown, callOptions?: OperationCallOptions): Promise<unknown> {
    const facts = config.operations?.[operation] as OperationFacts | undefined;
    if (!facts) throw new ValidationError("operation", `is not an operation of the ${vendor} spec`, { vendor, operation });
    const options = checkCallOptions(callOptions) ?? {};
    const checked = checkOperationInput(facts, input, config.schemas ?? {});
    const credential = credentialFor(operation, facts, options);
    let acquired: AcquiredToken | undefined;
    if (credential?.lease) {
      // A caller who already gave up obtains no token.
      if (options.signal?.aborted) throw new AbortError({ vendor, operation, cause: options.signal.reason });
      try {
        acquired = credential.lease.acquireNow?.() ?? (await credential.lease.acquire(options.signal));
      } catch (error) {
        if (error instanceof VendorAuthError) error.operation ??= operation;
        else if (options.signal?.aborted) throw new AbortError({ vendor, operation, cause: options.signal.reason });
        throw error;
      }
    }
    const sent = { body: checked.body, ...checked.params };
    const secrets = valuesAt(sent, facts.secrets.request);
    const method = facts.method.toLowerCase() as "get";
    const send = (token: string | undefined) => {
      const ready = credential && token !== undefined ? withCredential(checked, credential.scheme, token) : checked;
      return redactor.during([...secrets, token], () => call(operation as string & keyof Ops, (init) => http.request(method, facts.path as never, { ...ready, ...init } as never), options));
    };
    let data: unknown;
    const token = credential?.value ?? acquired?.token.value;
    try {
      data = await send(token);
    } catch (error) {
      if (!(acquired && credential?.lease && error instanceof AuthenticationError)) throw error;
      const replacement = await credential.lease.after401(acquired);
      if (!replacement) throw error;
      data = await send(replacement.value);
    }
    for (const field of facts.response.requiredSecrets ?? []) requireResponseString(data, [field], { vendor, operation });
    if (facts.response.required) requireResponseFields(data, facts.response.required, { vendor, operation });
    for (const secret of valuesAt(data, facts.secrets.response)) redactor.remember(secret);
    return data;
  }

  function shareTokens<T extends CachedToken>(identity: readonly unknown[], operation?: string): SharedTokens<T> | undefined {
    // checkTransportOptions made sure a store is a defined one: its shared level comes with it.
    const store = config.tokenStore as DefinedTokenStore | undefined;
    if (!store) return undefined;
    const Shared = store[SHARED_LEVEL];
    const requestTimeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return new Shared<T>({ store, vendor, identity: [config.baseUrl, config.tokenStoreKey ?? null, ...identity], remember: (token) => redactor.rememberSecretsOf(token), emit, operation, requestTimeoutMs });
  }

  return { http, fetch: transport, redactor, vendor, options: config, call, send, op: op as ApiClient<Paths, Ops>["op"], emit, shareTokens };
}

const PLAIN_REASONS = new Set(["bad request", "unauthorized", "forbidden", "not found", "conflict", "gone", "too many requests", "internal server error", "service unavailable"]);

/** The spec's description of a documented error status, when it says more than the reason phrase. */
function documentedMeaning(description: string | undefined, statusText: string): string | undefined {
  const text = description?.trim().replace(/\s+/g, " ");
  if (!text) return undefined;
  const plain = text.toLowerCase().replace(/\.$/, "");
  if (plain === statusText.toLowerCase() || PLAIN_REASONS.has(plain)) return undefined;
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}

/** A 3xx answer, or a browser's opaque redirect (status 0), which `redirect: "manual"` produces. */
export function isRedirect(response: Response): boolean {
  return response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400 && response.status !== 304);
}

/** The JSON Schema type name of a parsed JSON value. */
function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** Failures worth another attempt of a safe operation. */
export function isTransient(error: unknown): boolean {
  if (error instanceof RedirectError) return false;
  if (error instanceof ApiError) return RETRYABLE_STATUSES.has(error.status);
  return error instanceof ConnectionError;
}

/** undici hides the useful part ("ECONNREFUSED", "other side closed") in `cause`. */
export function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return "unknown failure";
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const detail = cause && typeof cause === "object" ? (typeof cause.code === "string" ? cause.code : typeof cause.message === "string" ? cause.message : "") : "";
  return [error.message, detail].filter(Boolean).join(": ").slice(0, 200);
}
