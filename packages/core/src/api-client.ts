// The transport every vendor helper layer runs on: an openapi-fetch client typed by the vendor's
// generated `paths`, plus `call()`, which runs one operation (with retries where they are safe and a
// deadline per attempt) and turns every outcome into either the typed success body or one error of
// the hierarchy in errors.ts.
import createClientImport, { type Client, type Middleware } from "openapi-fetch";
import {
  AbortError,
  ApiError,
  ConnectionError,
  ResponseParseError,
  TimeoutError,
  VendorAuthError,
  createApiError,
} from "./errors.js";
import { createDeadline } from "./deadline.js";
import { Redactor } from "./redact.js";
import { DEFAULT_MAX_RETRIES, RETRYABLE_STATUSES, retryDelay, sleep, type RetryOptions } from "./retry.js";
import { loggingMiddleware, type ClientEvent, type ClientLogger } from "./events.js";
import { BodyNotUtf8Error, BodyTooLargeError, DEFAULT_MAX_RESPONSE_BYTES, readBodyText } from "./read-body.js";

/** Options every vendor client accepts. */
export interface TransportOptions {
  /** The fetch implementation. Default: `globalThis.fetch` (Node 18+, browsers, edge runtimes). */
  fetch?: typeof globalThis.fetch | undefined;
  /** Time limit of one attempt, response body included, in milliseconds. Default: 60000. */
  timeoutMs?: number | undefined;
  /** Extra headers sent with every request (e.g. a User-Agent or tracing header). Default: none. */
  headers?: Record<string, string> | undefined;
  /**
   * Retries after a transient failure (408, 429, 500, 502, 503, 504, connection error), only for
   * operations that are safe to repeat. Default: 2. 0 turns retries off.
   */
  maxRetries?: number | undefined;
  /** Backoff settings: `initialDelayMs` (500), `maxDelayMs` (8000), `maxRetryAfterMs` (60000). */
  retry?: Omit<RetryOptions, "maxRetries"> | undefined;
  /**
   * Receives one event per request, response, retry and failure, with secrets redacted. Default:
   * none (off). `logger: (e) => console.debug(e)` prints them.
   */
  logger?: ClientLogger | undefined;
  /** Largest response body accepted, in bytes; a larger one is a ResponseParseError. Default: 10 MiB. */
  maxResponseBytes?: number | undefined;
}

/** Options of one call. */
export interface CallOptions {
  /** Aborts the call, retries and backoff included; the promise then rejects with AbortError. */
  signal?: AbortSignal | undefined;
  /** Overrides the client's `timeoutMs` for this call (per attempt). */
  timeoutMs?: number | undefined;
  /** Overrides the client's `maxRetries` for this call (ignored for operations unsafe to repeat). */
  maxRetries?: number | undefined;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

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
  /**
   * Runs one operation. `invoke` gets the options to spread into openapi-fetch. Resolves with the
   * success body; rejects with ApiError (non-2xx), TimeoutError, AbortError, ConnectionError or
   * ResponseParseError. Safe operations are retried after transient failures.
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

export function createApiClient<Paths extends {}>(config: ApiClientConfig): ApiClient<Paths> {
  const { vendor, redactor } = config;
  const baseFetch = config.fetch ?? globalThis.fetch;
  if (typeof baseFetch !== "function") {
    throw new TypeError("No fetch implementation: pass `fetch` in the client options (Node 18+ has one built in).");
  }
  const logger = config.logger;
  const maxResponseBytes = config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const emit = (event: ClientEvent) => {
    if (!logger) return;
    try {
      logger(event);
    } catch {
      // A failing logger must never fail the request it describes.
    }
  };

  /**
   * Reads the whole body while the attempt's deadline still applies, checks that a success body is
   * the JSON it claims to be, and lets openapi-fetch read the buffered text and parsed JSON.
   */
  async function transport(request: Request): Promise<Response> {
    // `.call(globalThis, …)`: some runtimes' fetch throws "Illegal invocation" when detached.
    const response = await baseFetch.call(globalThis, request);
    if (NO_BODY_STATUSES.has(response.status) || request.method === "HEAD") return response;
    let text: string;
    const contentType = response.headers.get("content-type") ?? undefined;
    try {
      text = await readBodyText(response, maxResponseBytes);
    } catch (cause) {
      if (request.signal.aborted) throw cause;
      if (cause instanceof BodyTooLargeError || cause instanceof BodyNotUtf8Error) {
        throw new ResponseParseError(`${cause.message} (HTTP ${response.status})`, { vendor, status: response.status, contentType, excerpt: "", cause });
      }
      const code = (cause as { cause?: { code?: string } })?.cause?.code;
      // A reset mid-body is a network failure (retryable); a peer that just stopped sending is a
      // truncated response.
      if (code === "ECONNRESET" || code === "EPIPE") {
        throw new ConnectionError(`Connection reset while reading the response body (HTTP ${response.status})`, { vendor, status: response.status, cause });
      }
      throw new ResponseParseError(`Truncated response body (HTTP ${response.status}): the connection closed before the body was complete`, {
        vendor,
        status: response.status,
        contentType,
        excerpt: "",
        cause,
      });
    }
    let parsed: unknown;
    let isParsed = false;
    if (response.ok && text.length > 0) {
      const excerpt = () => redactor.string(text.slice(0, EXCERPT_LENGTH));
      if (contentType !== undefined && !JSON_CONTENT_TYPE.test(contentType)) {
        throw new ResponseParseError(`Expected a JSON response, got content type "${contentType}" (HTTP ${response.status})`, { vendor, status: response.status, contentType, excerpt: excerpt() });
      }
      try {
        parsed = JSON.parse(text);
        isParsed = true;
      } catch {
        throw new ResponseParseError(`Malformed JSON in the response body (HTTP ${response.status}, ${text.length} characters)`, { vendor, status: response.status, contentType, excerpt: excerpt() });
      }
    }
    return answeredFromBuffer(response, text, isParsed, parsed);
  }

  const http = createClient<Paths>({ baseUrl: config.baseUrl, fetch: transport, headers: config.headers });
  const requestIdHeaders = (config.requestIdHeaders ?? DEFAULT_REQUEST_ID_HEADERS).map((h) => h.toLowerCase());

  function toApiError(operation: string, result: FetchResult) {
    const { response } = result;
    const headers = redactor.headers(response.headers);
    return createApiError({
      vendor,
      operation,
      status: response.status,
      statusText: response.statusText,
      body: redactor.value(result.error),
      headers,
      requestId: requestIdHeaders.map((h) => headers[h]).find(Boolean),
      url: redactor.url(response.url),
    });
  }

  /** One attempt: a fresh deadline, the typed result or one error of the hierarchy. */
  async function attempt<R extends FetchResult>(operation: string, number: number, invoke: (init: InvokeInit) => Promise<R>, options: CallOptions, timeoutMs: number): Promise<SuccessData<R>> {
    const deadline = createDeadline(timeoutMs, options.signal);
    try {
      if (deadline.abortedByCaller) throw new AbortError({ vendor, operation });
      const init: InvokeInit = { signal: deadline.signal };
      if (logger) init.middleware = [loggingMiddleware(emit, redactor, operation, number)];
      const result = await invoke(init);
      if (!result.response.ok) throw toApiError(operation, result);
      if (result.data === undefined && config.operations?.[operation]?.responseBody) {
        throw new ResponseParseError(`Empty response (HTTP ${result.response.status}) where the spec promises a JSON body`, {
          vendor,
          operation,
          status: result.response.status,
          contentType: result.response.headers.get("content-type") ?? undefined,
          excerpt: "",
        });
      }
      const expected = config.operations?.[operation]?.responseType;
      if (expected && result.data !== undefined && jsonType(result.data) !== expected && !(expected === "number" && jsonType(result.data) === "integer")) {
        throw new ResponseParseError(`Expected a JSON ${expected} in the response (HTTP ${result.response.status}), got ${jsonType(result.data)}`, {
          vendor,
          operation,
          status: result.response.status,
          contentType: result.response.headers.get("content-type") ?? undefined,
          excerpt: redactor.string(JSON.stringify(result.data) ?? "").slice(0, EXCERPT_LENGTH),
        });
      }
      return result.data as SuccessData<R>;
    } catch (error) {
      if (error instanceof VendorAuthError) {
        error.operation ??= operation;
        throw error;
      }
      if (deadline.timedOut) throw new TimeoutError(timeoutMs, { vendor, operation });
      if (deadline.abortedByCaller) throw new AbortError({ vendor, operation, cause: options.signal?.reason });
      const reason = error instanceof Error ? describeNetworkError(error) : "unknown failure";
      throw new ConnectionError(redactor.string(`${operation}: connection failed (${reason})`), { vendor, operation, cause: error });
    } finally {
      deadline.dispose();
    }
  }

  async function call<R extends FetchResult>(operation: string, invoke: (init: InvokeInit) => Promise<R>, options: CallOptions = {}): Promise<SuccessData<R>> {
    const timeoutMs = options.timeoutMs ?? config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const safeToRepeat = config.operations?.[operation]?.idempotent === true;
    const maxRetries = safeToRepeat ? Math.max(0, options.maxRetries ?? config.maxRetries ?? DEFAULT_MAX_RETRIES) : 0;
    for (let retry = 0; ; retry++) {
      try {
        return await attempt(operation, retry + 1, invoke, options, timeoutMs);
      } catch (error) {
        if (retry >= maxRetries || !isTransient(error)) {
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

  return { http, fetch: transport, redactor, vendor, call, emit };
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
function isTransient(error: unknown): boolean {
  if (error instanceof ApiError) return RETRYABLE_STATUSES.has(error.status);
  return error instanceof ConnectionError;
}

/** undici hides the useful part ("ECONNREFUSED", "other side closed") in `cause`. */
function describeNetworkError(error: Error): string {
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const detail = cause && typeof cause === "object" ? (typeof cause.code === "string" ? cause.code : typeof cause.message === "string" ? cause.message : "") : "";
  return [error.message, detail].filter(Boolean).join(": ");
}
