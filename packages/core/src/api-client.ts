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
//     is redacted first.
import createClientImport, { type Client, type Middleware } from "openapi-fetch";
import {
  AbortError,
  ApiError,
  ConnectionError,
  RedirectError,
  ResponseParseError,
  TimeoutError,
  ValidationError,
  VendorAuthError,
  createApiError,
} from "./errors.js";
import { createDeadline } from "./deadline.js";
import type { Redactor } from "./redact.js";
import { DEFAULT_MAX_RETRIES, RETRYABLE_STATUSES, parseRetryAfter, retryDelay, sleep, DEFAULT_MAX_RETRY_AFTER_MS } from "./retry.js";
import { loggingMiddleware, type ClientEvent } from "./events.js";
import { BodyNotUtf8Error, BodyTooLargeError, DEFAULT_MAX_RESPONSE_BYTES, readBodyText } from "./read-body.js";
import { DEFAULT_TIMEOUT_MS, checkCallOptions, checkTransportOptions, type CallOptions, type TransportOptions } from "./options.js";

/** Per operationId: whether a retry is safe, whether success has a body (meta.gen.ts `operations`). */
export type OperationFacts = Readonly<Record<string, { readonly idempotent: boolean; readonly responseBody?: boolean; readonly responseType?: string | null }>>;

export interface ApiClientConfig extends TransportOptions {
  /** Short vendor name carried by errors, e.g. "unicourt". */
  vendor: string;
  /** Validated base URL (see resolveBaseUrl). */
  baseUrl: string;
  redactor: Redactor;
  /** The spec's operations (meta.gen.ts); operations missing here are never retried. */
  operations?: OperationFacts | undefined;
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
}

export interface ApiClient<Paths extends {}> {
  /** The openapi-fetch client, already wired to this client's transport. */
  readonly http: Client<Paths>;
  /** The transport as a plain fetch: bodies are buffered and checked; errors are typed. */
  readonly fetch: (request: Request) => Promise<Response>;
  readonly redactor: Redactor;
  readonly vendor: string;
  /** The checked transport options the client was created with. */
  readonly options: Readonly<TransportOptions>;
  /**
   * Runs one operation. `invoke` gets the options to spread into openapi-fetch. Resolves with the
   * success body; rejects with ApiError (non-2xx, RedirectError for 3xx), TimeoutError, AbortError,
   * ConnectionError, ResponseParseError or ValidationError. Safe operations are retried after
   * transient failures.
   */
  call<R extends FetchResult>(operation: string, invoke: (init: InvokeInit) => Promise<R>, options?: CallOptions): Promise<SuccessData<R>>;
  /** Sends a client event to the configured logger (no-op without one). */
  emit(event: ClientEvent): void;
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

export function createApiClient<Paths extends {}>(config: ApiClientConfig): ApiClient<Paths> {
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
  async function transport(request: Request): Promise<Response> {
    let response: Response;
    try {
      // `.call(globalThis, …)`: some runtimes' fetch throws "Illegal invocation" when detached.
      response = await baseFetch.call(globalThis, request);
    } catch (cause) {
      throw new FetchFailed("fetch failed", { cause });
    }
    if (NO_BODY_STATUSES.has(response.status) || request.method === "HEAD") return response;
    let text: string;
    const contentType = redactedHeader(response, "content-type");
    try {
      text = await readBodyText(response, maxResponseBytes);
    } catch (cause) {
      if (request.signal.aborted) throw cause;
      if (cause instanceof BodyTooLargeError || cause instanceof BodyNotUtf8Error) {
        throw new ResponseParseError(`${cause.message} (HTTP ${response.status})`, { vendor, status: response.status, contentType, excerpt: "", cause });
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
    let parsed: unknown;
    let isParsed = false;
    if (response.ok && text.length > 0) {
      if (contentType !== undefined && !JSON_CONTENT_TYPE.test(contentType)) {
        throw new ResponseParseError(`Expected a JSON response, got content type "${contentType.slice(0, 100)}" (HTTP ${response.status})`, {
          vendor,
          status: response.status,
          contentType,
          excerpt: redactor.excerpt(text, EXCERPT_LENGTH),
        });
      }
      try {
        parsed = JSON.parse(text);
        isParsed = true;
      } catch {
        throw new ResponseParseError(`Malformed JSON in the response body (HTTP ${response.status}, ${text.length} characters)`, {
          vendor,
          status: response.status,
          contentType,
          excerpt: redactor.excerpt(text, EXCERPT_LENGTH),
        });
      }
    }
    return answeredFromBuffer(response, text, isParsed, parsed);
  }

  function redactedHeader(response: Response, name: string): string | undefined {
    const value = response.headers.get(name);
    return value === null ? undefined : redactor.string(value);
  }

  // `redirect: "manual"`: a 3xx reaches call() as a response, never as a request to the Location.
  const http = createClient<Paths>({ baseUrl: config.baseUrl, fetch: transport, headers: config.headers, redirect: "manual" });
  const requestIdHeaders = (config.requestIdHeaders ?? DEFAULT_REQUEST_ID_HEADERS).map((h) => h.toLowerCase());

  function toApiError(operation: string, result: FetchResult): ApiError {
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
    return createApiError({ ...fields, statusText: redactor.string(response.statusText).slice(0, 100) });
  }

  /** One attempt: a fresh deadline, the typed result or one error of the hierarchy. */
  async function attempt<R extends FetchResult>(operation: string, number: number, invoke: (init: InvokeInit) => Promise<R>, options: CallOptions, timeoutMs: number): Promise<SuccessData<R>> {
    const deadline = createDeadline(timeoutMs, options.signal);
    try {
      if (deadline.abortedByCaller) throw new AbortError({ vendor, operation, cause: deadline.callerReason });
      const init: InvokeInit = { signal: deadline.signal };
      if (logger) init.middleware = [loggingMiddleware(emit, redactor, operation, number)];
      const result = await invoke(init);
      if (!result.response.ok) throw toApiError(operation, result);
      const facts = config.operations?.[operation];
      if (result.data === undefined && facts?.responseBody) {
        throw new ResponseParseError(`Empty response (HTTP ${result.response.status}) where the spec promises a JSON body`, {
          vendor,
          operation,
          status: result.response.status,
          contentType: redactedHeader(result.response, "content-type"),
          excerpt: "",
        });
      }
      const expected = facts?.responseType;
      if (expected && result.data !== undefined && jsonType(result.data) !== expected && !(expected === "number" && jsonType(result.data) === "integer")) {
        throw new ResponseParseError(`Expected a JSON ${expected} in the response (HTTP ${result.response.status}), got ${jsonType(result.data)}`, {
          vendor,
          operation,
          status: result.response.status,
          contentType: redactedHeader(result.response, "content-type"),
          excerpt: redactor.excerpt(JSON.stringify(result.data) ?? "", EXCERPT_LENGTH),
        });
      }
      return result.data as SuccessData<R>;
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

  return { http, fetch: transport, redactor, vendor, options: config, call, emit };
}

/** A 3xx answer, or a browser's opaque redirect (status 0), which `redirect: "manual"` produces. */
export function isRedirect(response: Response): boolean {
  return response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400 && response.status !== 304);
}

/**
 * The body is consumed, but openapi-fetch and middleware read it again through text() and json():
 * answer those from the buffer on the same Response. Building a new Response for that cost about
 * 40 µs per call (a third of our overhead in the call benchmark), and the JSON was parsed twice.
 * (clone() and body are not available on such a response.)
 */
function answeredFromBuffer(response: Response, text: string, isParsed: boolean, parsed: unknown): Response {
  Object.defineProperties(response, {
    text: { value: () => Promise.resolve(text), configurable: true },
    json: { value: () => (isParsed ? Promise.resolve(parsed) : Promise.resolve().then(() => JSON.parse(text))), configurable: true },
  });
  return response;
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
